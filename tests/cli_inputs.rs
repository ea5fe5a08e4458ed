//! The command line with awkward inputs and in pipelines: unreadable entries, things that
//! are not files, UTF-16, broken configuration, a closed pipe, and the exit status of
//! `--diff`. A file named twice and a missing `--config` are cases in `tests/cmd/`.

mod common;
use common::onrecord;
use std::path::Path;
use std::process::{Command, Stdio};

/// One warning: repeated-word (fixable).
const WARNING: &str = "The council approved the the budget on Tuesday.\n";

fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// Run onrecord as a user without root's power to read anything: as root, through
/// `setpriv` as `nobody` (the directory opened to others first).
#[cfg(unix)]
fn onrecord_unprivileged(dir: &Path, args: &[&str]) -> (i32, String, String) {
    use std::os::unix::fs::PermissionsExt;
    let root = running_as_root();
    let mut cmd = if root {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", env!("CARGO_BIN_EXE_onrecord")]);
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_onrecord"))
    };
    let out = cmd.args(args).current_dir(dir).stdin(Stdio::null()).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether this process runs as root (`id -u`).
#[cfg(unix)]
fn running_as_root() -> bool {
    let out = Command::new("id").arg("-u").output().expect("id runs");
    String::from_utf8_lossy(&out.stdout).trim() == "0"
}

#[cfg(unix)]
#[test]
fn an_unreadable_subdirectory_is_an_input_error_and_the_rest_is_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = dir_with(&[("news/a.txt", WARNING), ("news/locked/b.txt", WARNING)]);
    for sub in ["news", "news/a.txt"] {
        std::fs::set_permissions(dir.path().join(sub), std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    std::fs::set_permissions(dir.path().join("news/a.txt"), std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(dir.path().join("news/locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    let (code, out, err) =
        onrecord_unprivileged(dir.path(), &["check", "news", "--format", "json", "--fail-on", "never"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("news/locked: permission denied"), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["files"], 1, "a.txt is still checked");
    assert_eq!(v["summary"]["input_errors"][0]["message"], "permission denied");
    // Given directly, the reason is the same, not "contains no articles".
    let (code, _, err) = onrecord_unprivileged(dir.path(), &["check", "news/locked"]);
    assert_eq!(code, 2);
    assert!(err.contains("news/locked: permission denied") && !err.contains("no articles"), "{err}");
    std::fs::set_permissions(dir.path().join("news/locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_is_refused_not_waited_on() {
    let dir = dir_with(&[("a.txt", WARNING)]);
    let status = Command::new("mkfifo").arg(dir.path().join("pipe.txt")).status().unwrap();
    assert!(status.success());
    let (code, _, err) = onrecord(dir.path(), &["check", "pipe.txt", "a.txt", "--fail-on", "never"], None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("pipe.txt: not a regular file"), "{err}");
}

#[test]
fn utf16_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(WARNING.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(dir.path().join("bom.txt"), utf16).unwrap();
    let no_bom: Vec<u8> = WARNING.encode_utf16().flat_map(u16::to_be_bytes).collect();
    std::fs::write(dir.path().join("be.txt"), no_bom).unwrap();
    for name in ["bom.txt", "be.txt"] {
        let (code, _, err) = onrecord(dir.path(), &["check", name], None);
        assert_eq!(code, 2);
        assert!(err.contains(&format!("{name}: UTF-16 text; onrecord reads UTF-8")), "{err}");
        assert!(!err.contains("binary"), "{err}");
    }
}

#[test]
fn a_bad_configuration_still_gives_a_whole_report_in_every_format() {
    let dir = dir_with(&[
        ("desk/onrecord.toml", "[rules]\nno-such-rule = \"off\"\n"),
        ("desk/a.txt", WARNING),
        ("b.txt", WARNING),
    ]);
    let (code, out, err) = onrecord(dir.path(), &["check", "desk", "b.txt", "--format", "json"], None);
    assert_eq!(code, 2, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("stdout is a JSON report");
    assert_eq!(v["summary"]["files"], 1, "b.txt is checked");
    assert!(v["summary"]["input_errors"][0]["path"].as_str().unwrap().ends_with("onrecord.toml"), "{out}");
    assert_eq!(err.matches("no-such-rule").count(), 1, "reported once: {err}");
    let (code, out, _) = onrecord(dir.path(), &["check", "desk", "--format", "sarif"], None);
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(&out).expect("stdout is a SARIF log");
    assert_eq!(v["runs"][0]["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for args in [vec!["check", corpus.to_str().unwrap(), "--fail-on", "never"], vec!["rules"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_onrecord"))
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one byte, then close the pipe, as `| head -c 1` does.
        let mut stdout = child.stdout.take().unwrap();
        let mut byte = [0u8; 1];
        std::io::Read::read_exact(&mut stdout, &mut byte).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("Broken pipe") && !err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
}

#[test]
fn diff_exits_by_fail_on_and_counts_fixes_in_english() {
    let dir = dir_with(&[("a.txt", WARNING), ("b.txt", WARNING)]);
    // A fixable warning: by default (--fail-on error) the diff is printed and the run passes.
    let (code, out, err) = onrecord(dir.path(), &["check", ".", "--diff"], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("+The council approved the budget on Tuesday."), "{out}");
    assert!(err.contains("2 fixes would change 2 files"), "{err}");
    let (code, _, _) = onrecord(dir.path(), &["check", ".", "--diff", "--fail-on", "warning"], None);
    assert_eq!(code, 1);
    let (code, _, _) = onrecord(dir.path(), &["check", ".", "--diff", "--fail-on", "never"], None);
    assert_eq!(code, 0);
}

#[test]
fn quotes_entities_and_sources_read_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let text = "“We won,” Ana Ruiz said.\n";
    for command in ["quotes", "entities", "sources"] {
        let (code, out, err) = onrecord(dir.path(), &[command, "-", "--format", "json"], Some(text));
        assert_eq!(code, 0, "{command}: {err}");
        assert!(out.contains("Ana Ruiz"), "{command}: {out}");
    }
}
