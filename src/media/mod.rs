//! Sign-language (LSP) videos: what an upload must be (a real WebM or MP4, captions that
//! parse, a transcript) and its reading (`upload`), where they are kept and whose each is
//! (`store`: a vacancy's, a fair's or a stand's), the endpoints every slot shares once its feature has
//! said who may do what (`slot`), the form that fills a slot (`slot_form`), and the one player
//! every page uses to show them.

pub mod kind;
#[cfg(feature = "ssr")]
pub mod parked;
pub mod player;
#[cfg(feature = "ssr")]
pub mod slot;
pub mod slot_form;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod upload;
pub mod webvtt;

use serde::{Deserialize, Serialize};

/// Longest transcript accepted.
pub const MAX_TRANSCRIPT_CHARS: usize = 20_000;

/// The video formats every browser plays natively.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VideoKind {
    WebM,
    Mp4,
}

impl VideoKind {
    pub fn mime(self) -> &'static str {
        match self {
            VideoKind::WebM => "video/webm",
            VideoKind::Mp4 => "video/mp4",
        }
    }

    pub fn from_mime(mime: &str) -> Option<VideoKind> {
        [VideoKind::WebM, VideoKind::Mp4].into_iter().find(|kind| kind.mime() == mime)
    }

    pub fn extension(self) -> &'static str {
        match self {
            VideoKind::WebM => "webm",
            VideoKind::Mp4 => "mp4",
        }
    }
}

/// A sign-language video as a page shows it. `version` changes with every upload, so an
/// address that names it can be cached for good.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignVideo {
    pub version: i64,
    pub kind: VideoKind,
    pub bytes: i64,
    pub transcript: String,
    pub uploaded_at: i64,
}

/// A size as people read it: kilobytes below a megabyte, then megabytes (one decimal below 10).
pub fn megabytes(bytes: i64) -> String {
    let bytes = bytes.max(0);
    if bytes < 1_048_576 {
        return format!("{} KB", (bytes + 512) / 1024);
    }
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    if tenths < 100 {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} MB", tenths / 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_megabytes() {
        assert_eq!(megabytes(0), "0 KB");
        assert_eq!(megabytes(11_840), "12 KB");
        assert_eq!(megabytes(1_048_576), "1.0 MB");
        assert_eq!(megabytes(1_572_864), "1.5 MB");
        assert_eq!(megabytes(200 * 1_048_576), "200 MB");
    }
}
