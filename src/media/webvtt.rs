//! Checking a WebVTT captions file before it is kept: the browser silently drops a track it
//! cannot parse, and a Deaf viewer would then get a video with no captions and no sign of why.
//! The rules are the WebVTT file format's (W3C), strict where a browser would skip cues.

use serde::{Deserialize, Serialize};

/// Largest captions file accepted: hours of speech fit in a fraction of it.
pub const MAX_CAPTIONS_BYTES: usize = 512 * 1024;

/// What is wrong with a captions file; `line` counts from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VttError {
    /// Larger than [`MAX_CAPTIONS_BYTES`].
    TooLarge,
    /// Not UTF-8 text (a video, a word-processor file, another encoding).
    NotText,
    /// The first line is not `WEBVTT` (an SRT file, say).
    NoHeader,
    /// A cue's time line is not `start --> end` with times like `00:01.500` or `01:02:03.000`.
    BadTiming { line: usize },
    /// A cue ends before it starts, or as it starts.
    EndsBeforeStart { line: usize },
    /// A cue starts before the one above it.
    OutOfOrder { line: usize },
    /// Cue text with `-->` in it: a time line that lost the blank line before it.
    ArrowInText { line: usize },
    /// Nothing to show: no cue at all.
    NoCues,
}

/// Checks `bytes` as a WebVTT file; on success, how many cues it has.
pub fn validate(bytes: &[u8]) -> Result<usize, VttError> {
    if bytes.len() > MAX_CAPTIONS_BYTES {
        return Err(VttError::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| VttError::NotText)?;
    if text.contains('\0') {
        return Err(VttError::NotText);
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let normalized = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalized.split('\n').collect();
    let header = lines.first().copied().unwrap_or("");
    let after = header.strip_prefix("WEBVTT").ok_or(VttError::NoHeader)?;
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return Err(VttError::NoHeader);
    }
    // The header runs to the first blank line; then blocks, each ended by a blank line.
    let mut index = lines.iter().position(|line| line.is_empty()).unwrap_or(lines.len());
    let (mut cues, mut last_start) = (0usize, 0u64);
    while index < lines.len() {
        if lines[index].is_empty() {
            index += 1;
            continue;
        }
        let start = index;
        let end = lines[start..].iter().position(|line| line.is_empty()).map_or(lines.len(), |n| start + n);
        let block = &lines[start..end];
        index = end;
        let first = block[0];
        let is_named =
            |name: &str| first.strip_prefix(name).is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']));
        if is_named("NOTE") || (cues == 0 && (is_named("STYLE") || is_named("REGION"))) {
            if block.iter().any(|line| line.contains("-->")) {
                return Err(VttError::ArrowInText { line: start + 1 });
            }
            continue;
        }
        // An optional identifier line, then the time line.
        let timing_at = if first.contains("-->") { 0 } else { 1 };
        let Some(timing) = block.get(timing_at) else { return Err(VttError::BadTiming { line: start + 1 }) };
        let line = start + timing_at + 1;
        let (from, to) = parse_timing(timing).ok_or(VttError::BadTiming { line })?;
        if to <= from {
            return Err(VttError::EndsBeforeStart { line });
        }
        if from < last_start {
            return Err(VttError::OutOfOrder { line });
        }
        if let Some(offset) = block[timing_at + 1..].iter().position(|text| text.contains("-->")) {
            return Err(VttError::ArrowInText { line: line + 1 + offset });
        }
        last_start = from;
        cues += 1;
    }
    if cues == 0 {
        Err(VttError::NoCues)
    } else {
        Ok(cues)
    }
}

/// `start --> end [settings]`, in milliseconds.
fn parse_timing(line: &str) -> Option<(u64, u64)> {
    let (from, rest) = line.split_once("-->")?;
    let from = timestamp(from.trim_matches([' ', '\t']))?;
    let rest = rest.trim_start_matches([' ', '\t']);
    let to_text = rest.split([' ', '\t']).next()?;
    Some((from, timestamp(to_text)?))
}

/// `mm:ss.ttt` or `hh…:mm:ss.ttt` (hours of two or more digits), in milliseconds.
fn timestamp(text: &str) -> Option<u64> {
    let (clock, millis) = text.split_once('.')?;
    let parts: Vec<&str> = clock.split(':').collect();
    let digits = |part: &str, exact: Option<usize>| {
        (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) && exact.is_none_or(|n| part.len() == n))
            .then(|| part.parse::<u64>().ok())
            .flatten()
    };
    let (hours, minutes, seconds) = match parts.as_slice() {
        [m, s] => (0, digits(m, Some(2))?, digits(s, Some(2))?),
        [h, m, s] if h.len() >= 2 => (digits(h, None)?, digits(m, Some(2))?, digits(s, Some(2))?),
        _ => return None,
    };
    let millis = digits(millis, Some(3))?;
    (minutes < 60 && seconds < 60).then_some(((hours * 60 + minutes) * 60 + seconds) * 1000 + millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "WEBVTT - Vacante\n\nNOTE Subtítulos de la intérprete\n\n1\n00:00.000 --> 00:02.500\nHola, somos Textiles del Sur.\n\n00:02.500 --> 00:05.000 line:90%\n<v Intérprete>Buscamos un operario de corte.\n\n01:00:00.000 --> 01:00:01.000\nFin.\n";

    #[test]
    fn a_well_formed_file_counts_its_cues() {
        assert_eq!(validate(GOOD.as_bytes()), Ok(3));
        let windows = format!("\u{FEFF}{}", GOOD.replace('\n', "\r\n"));
        assert_eq!(validate(windows.as_bytes()), Ok(3));
        let styled = "WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\n00:01.000 --> 00:02.000\nSí\n";
        assert_eq!(validate(styled.as_bytes()), Ok(1));
    }

    #[test]
    fn other_files_are_refused_with_the_reason() {
        let srt = "1\n00:00:00,000 --> 00:00:02,500\nHola\n";
        assert_eq!(validate(srt.as_bytes()), Err(VttError::NoHeader));
        assert_eq!(validate(b"WEBVTTX\n\n00:01.000 --> 00:02.000\nx\n"), Err(VttError::NoHeader));
        assert_eq!(validate(&[0x1A, 0x45, 0xDF, 0xA3, 0xFF, 0xFE]), Err(VttError::NotText));
        assert_eq!(validate(b"WEBVTT\n\nNOTE nothing yet\n"), Err(VttError::NoCues));
        assert_eq!(validate(&vec![b'a'; MAX_CAPTIONS_BYTES + 1]), Err(VttError::TooLarge));
    }

    #[test]
    fn broken_cues_are_named_by_line() {
        let comma = "WEBVTT\n\n00:00.000 --> 00:02,500\nHola\n";
        assert_eq!(validate(comma.as_bytes()), Err(VttError::BadTiming { line: 3 }));
        let minutes = "WEBVTT\n\nuno\n00:61.000 --> 00:62.000\nHola\n";
        assert_eq!(validate(minutes.as_bytes()), Err(VttError::BadTiming { line: 4 }));
        let backwards = "WEBVTT\n\n00:05.000 --> 00:02.000\nHola\n";
        assert_eq!(validate(backwards.as_bytes()), Err(VttError::EndsBeforeStart { line: 3 }));
        let order = "WEBVTT\n\n00:05.000 --> 00:06.000\nB\n\n00:01.000 --> 00:02.000\nA\n";
        assert_eq!(validate(order.as_bytes()), Err(VttError::OutOfOrder { line: 6 }));
        let glued = "WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:02.000 --> 00:03.000\nB\n";
        assert_eq!(validate(glued.as_bytes()), Err(VttError::ArrowInText { line: 5 }));
        let lone_id = "WEBVTT\n\nsolo un nombre\n";
        assert_eq!(validate(lone_id.as_bytes()), Err(VttError::BadTiming { line: 3 }));
    }

    #[test]
    fn timestamps_follow_the_format() {
        assert_eq!(timestamp("00:01.250"), Some(1_250));
        assert_eq!(timestamp("10:00:01.000"), Some(36_001_000));
        assert_eq!(timestamp("1:00:01.000"), None);
        assert_eq!(timestamp("0:01.000"), None);
        assert_eq!(timestamp("00:01.25"), None);
        assert_eq!(timestamp("00:01"), None);
        assert_eq!(timestamp("+0:01.000"), None);
    }
}
