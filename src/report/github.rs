//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per
//! finding, which the Actions runner turns into an annotation on the pull request.
//!
//! ```text
//! ::warning file=news/a.md,line=3,col=5,endLine=3,endColumn=12,title=loaded-attribution-verb::'insisted' is loaded
//! ```

use super::FileReport;
use crate::diagnostic::Severity;
use std::io::{self, Write};

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escape the message part of a workflow command.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property value (file, title) of a workflow command.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One line per finding of a file.
pub fn render(report: &FileReport) -> String {
    let mut out = Vec::new();
    write(&mut out, report).expect("writing to memory");
    String::from_utf8(out).expect("workflow commands are UTF-8")
}

/// Write one line per finding of a file.
pub fn write(out: &mut impl Write, report: &FileReport) -> io::Result<()> {
    let doc = &report.doc;
    let file = escape_property(&super::relative_path(&doc.path));
    for d in &report.diagnostics {
        let (line, col) = doc.lines.line_col(&doc.source, d.span.start);
        let (end_line, end_col) = doc.lines.line_col(&doc.source, d.span.end);
        let mut message = d.message.to_string();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        writeln!(
            out,
            "::{} file={file},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}",
            command(d.severity),
            escape_property(d.rule),
            escape_data(&message)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_data("50% done\r\nnext"), "50%25 done%0D%0Anext");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
