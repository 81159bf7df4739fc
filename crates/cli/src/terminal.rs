//! What the CLI prints goes to a terminal, which takes control characters as commands:
//! an ESC sequence in a report's title could recolour, retitle or rewrite the screen.
//! Every control character of the text printed is shown escaped (`\u{1b}`) instead.

use std::fmt::{self, Display};
use std::io::{self, IsTerminal, Write};

/// Whether `c` must not reach a terminal as it is: the C0 and C1 controls, DEL, and the
/// bidirectional overrides and isolates, which reorder what the terminal shows.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Writes `text` with each unsafe character escaped; `keep` passes through the line
/// structure the CLI itself prints (its tabs and line ends).
fn escape(text: &str, keep: &[char], out: &mut impl fmt::Write) -> fmt::Result {
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| is_unsafe(c) && !keep.contains(&c)) {
        let c = rest[at..].chars().next().expect("found at a char boundary");
        out.write_str(&rest[..at])?;
        match c {
            '\t' => out.write_str("\\t")?,
            '\n' => out.write_str("\\n")?,
            '\r' => out.write_str("\\r")?,
            _ => write!(out, "\\u{{{:x}}}", c as u32)?,
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.write_str(rest)
}

/// One field of a line (a title, a heading, a path): everything unsafe escaped, tabs and
/// line breaks included, so the field stays in its column and on its line.
pub struct Field<'a>(pub &'a str);

impl Display for Field<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        escape(self.0, &[], f)
    }
}

/// A message on one line (an error): line breaks become spaces, the rest as `Field`.
pub fn one_line(message: &str) -> String {
    let mut line = String::with_capacity(message.len());
    escape(&message.replace(['\n', '\r'], " "), &[], &mut line).expect("a String takes any text");
    line
}

/// Standard output: everything written through `Write` has its control characters
/// escaped but for tabs and line ends (a field put there holds none: see `Field`).
/// `raw` writes a file's content (an export to standard output) as it is when it goes
/// to a file or a pipe, and escaped only when it would reach a terminal.
pub struct Terminal<W: Write> {
    out: W,
    is_terminal: bool,
}

impl Terminal<io::StdoutLock<'static>> {
    pub fn stdout() -> Self {
        let out = io::stdout().lock();
        Terminal {
            is_terminal: out.is_terminal(),
            out,
        }
    }
}

impl<W: Write> Terminal<W> {
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.is_terminal {
            self.write_all(bytes)
        } else {
            self.out.write_all(bytes)
        }
    }
}

impl<W: Write> Write for Terminal<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        let mut shown = String::with_capacity(text.len());
        escape(&text, &['\n', '\t'], &mut shown).expect("a String takes any text");
        self.out.write_all(shown.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped_and_text_is_kept() {
        assert_eq!(Field("報告\u{1b}[2J書").to_string(), "報告\\u{1b}[2J書");
        assert_eq!(Field("a\tb\nc\r").to_string(), "a\\tb\\nc\\r");
        assert_eq!(
            Field("\u{7f}\u{9b}\u{202e}").to_string(),
            "\\u{7f}\\u{9b}\\u{202e}"
        );
        assert_eq!(Field("量子鍵配送 ok").to_string(), "量子鍵配送 ok");
        assert_eq!(
            one_line("x:\nfound \"\u{1b}]0;\u{7}\""),
            "x: found \"\\u{1b}]0;\\u{7}\""
        );

        let mut out = Terminal {
            out: Vec::new(),
            is_terminal: false,
        };
        writeln!(out, "1\t\u{1b}[31m").unwrap();
        out.raw("{\"t\": \"\u{9b}\"}\n".as_bytes()).unwrap();
        assert_eq!(
            String::from_utf8(out.out).unwrap(),
            "1\t\\u{1b}[31m\n{\"t\": \"\u{9b}\"}\n",
            "the line structure is kept; an export to a pipe is left as it is"
        );
    }
}
