//! The command line as files (trycmd): each `tests/cmd/<case>.toml` is one run of onrecord,
//! its arguments and exit status, with the exact standard output and standard error beside
//! it in `<case>.stdout` and `<case>.stderr` (an empty file: nothing may be printed there).
//! A case runs in the directory its `fs.base` names (`tests/cmd/articles/`, invented
//! articles), in its own `<case>.in/`, or, with neither, in the repository root.
//!
//! After an intended change of output, rewrite the expected files and review the diff:
//!
//! ```text
//! TRYCMD=overwrite cargo test --test cmd
//! ```
//!
//! What a file cannot say (JSON fields across many runs, temporary trees, permissions, pipes,
//! large generated inputs) stays in `tests/cli.rs` and `tests/cli_inputs.rs`.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin("onrecord", std::path::Path::new(env!("CARGO_BIN_EXE_onrecord")))
        .case("tests/cmd/*.toml");
}
