//! A fair as an iCalendar file (RFC 5545), for people to put it in their own calendar: one
//! event, its times in UTC (every calendar converts them to the reader's zone), its place, and
//! a link back to the fair's page. A cancelled fair's file says so, so a calendar that already
//! holds it marks it off.

/// What goes into the file.
pub struct CalendarEvent<'a> {
    /// Unique for the event and stable across downloads: `fair-<id>@<host>`.
    pub uid: String,
    pub title: &'a str,
    pub description: &'a str,
    pub location: &'a str,
    pub url: &'a str,
    pub starts_at: i64,
    pub ends_at: i64,
    /// When the file is made.
    pub stamped_at: i64,
    /// Grows each time the fair is changed, so calendars take the newer copy.
    pub sequence: i64,
    pub cancelled: bool,
}

/// The whole file, lines ended by CRLF as the format asks.
pub fn calendar(event: &CalendarEvent) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Senda//Ferias//ES".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        format!("METHOD:{}", if event.cancelled { "CANCEL" } else { "PUBLISH" }),
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", text(&event.uid)),
        format!("DTSTAMP:{}", utc(event.stamped_at)),
        format!("DTSTART:{}", utc(event.starts_at)),
        format!("DTEND:{}", utc(event.ends_at)),
        format!("SEQUENCE:{}", event.sequence.max(0)),
        format!("STATUS:{}", if event.cancelled { "CANCELLED" } else { "CONFIRMED" }),
        format!("SUMMARY:{}", text(event.title)),
        format!("DESCRIPTION:{}", text(event.description)),
        format!("LOCATION:{}", text(event.location)),
        // A URI value is not TEXT: no escaping, only folding.
        format!("URL:{}", event.url),
        "END:VEVENT".to_string(),
        "END:VCALENDAR".to_string(),
    ];
    for line in &mut lines {
        *line = fold(line);
    }
    let mut file = lines.join("\r\n");
    file.push_str("\r\n");
    file
}

/// `yyyymmddThhmmssZ`.
fn utc(unix_secs: i64) -> String {
    crate::domain::lima_time::format_utc_iso(unix_secs).replace(['-', ':'], "")
}

/// A TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.replace("\r\n", "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Lines longer than 75 octets are folded: CRLF and a space, never inside a character.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut octets = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if octets + width > 75 {
            out.push_str("\r\n ");
            // The space that starts a continuation line counts towards its 75.
            octets = 1;
        }
        out.push(c);
        octets += width;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(cancelled: bool) -> CalendarEvent<'static> {
        CalendarEvent {
            uid: "fair-3@senda.example".into(),
            title: "Feria de empleo inclusivo, Cusco; 2026",
            description: "Ven con tu CV.\nHay intérpretes de LSP.",
            location: "Centro de Empleo Cusco, Av. El Sol 123",
            url: "https://senda.example/feria/3",
            starts_at: 1_796_306_400, // 2026-12-03 14:00 UTC, 09:00 in Lima
            ends_at: 1_796_335_200,
            stamped_at: 1_795_453_200,
            sequence: 2,
            cancelled,
        }
    }

    #[test]
    fn the_event_has_its_times_in_utc_and_its_text_escaped() {
        let file = calendar(&event(false));
        assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(file.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert!(file.contains("\r\nDTSTART:20261203T140000Z\r\n"), "{file}");
        assert!(file.contains("\r\nDTEND:20261203T220000Z\r\n"));
        assert!(file.contains("\r\nSUMMARY:Feria de empleo inclusivo\\, Cusco\\; 2026\r\n"));
        assert!(file.contains("\r\nDESCRIPTION:Ven con tu CV.\\nHay intérpretes de LSP.\r\n"));
        assert!(file.contains("\r\nSTATUS:CONFIRMED\r\n") && file.contains("\r\nMETHOD:PUBLISH\r\n"));
        assert!(file.contains("\r\nUID:fair-3@senda.example\r\n") && file.contains("\r\nSEQUENCE:2\r\n"));
        // No bare line feeds: every line ends in CRLF.
        assert!(!file.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn a_cancelled_fair_says_so() {
        let file = calendar(&event(true));
        assert!(file.contains("\r\nSTATUS:CANCELLED\r\n") && file.contains("\r\nMETHOD:CANCEL\r\n"));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let long = "ñ".repeat(100);
        let folded = fold(&format!("DESCRIPTION:{long}"));
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("DESCRIPTION:{long}"));
        assert!(folded.split("\r\n").skip(1).all(|l| l.starts_with(' ')));
    }

    #[test]
    fn markup_and_control_characters_stay_text() {
        assert_eq!(text("a\\b<c>\u{7}"), "a\\\\b<c>");
        assert_eq!(text("uno\r\ndos"), "uno\\ndos");
    }
}
