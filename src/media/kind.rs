//! What a video file really is, read from its first bytes: its name and the type the browser
//! claims are whatever the sender says, so neither is trusted.

use super::VideoKind;

/// How many bytes from the start are enough to tell.
pub const SNIFF_BYTES: usize = 64;

/// MP4 brands browsers play; QuickTime (`qt  `) and image brands (HEIF, AVIF) are not video
/// for the web, so they are refused.
const MP4_BRANDS: &[&[u8; 4]] = &[
    b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"iso8", b"iso9", b"mp41", b"mp42", b"avc1", b"dash",
    b"M4V ", b"mmp4", b"MSNV",
];

/// The kind of video `head` (the file's first bytes) starts, if it is WebM or MP4.
pub fn video_kind(head: &[u8]) -> Option<VideoKind> {
    if is_webm(head) {
        Some(VideoKind::WebM)
    } else if is_mp4(head) {
        Some(VideoKind::Mp4)
    } else {
        None
    }
}

/// An EBML header whose document type is `webm` (plain Matroska is refused: browsers play
/// only its WebM subset).
fn is_webm(head: &[u8]) -> bool {
    if !head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]) {
        return false;
    }
    // The DocType element: id 0x4282, a one-byte size (0x80 | length), then the name.
    head.windows(2).position(|pair| pair == [0x42, 0x82]).is_some_and(|at| {
        let rest = &head[at + 2..];
        match rest.first() {
            Some(&size) if size & 0x80 != 0 => {
                let length = usize::from(size & 0x7F);
                rest.get(1..1 + length) == Some(b"webm".as_slice())
            }
            _ => false,
        }
    })
}

/// An ISO base media file whose first box is `ftyp` with a brand browsers play, as the major
/// brand or among the compatible ones.
fn is_mp4(head: &[u8]) -> bool {
    if head.len() < 16 || &head[4..8] != b"ftyp" {
        return false;
    }
    let size = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
    // A brand list is a handful of four-byte names.
    if !(16..=256).contains(&size) || size % 4 != 0 {
        return false;
    }
    let brands_end = size.min(head.len());
    let major = std::iter::once(&head[8..12]);
    let compatible = head[16..brands_end].chunks_exact(4);
    major.chain(compatible).any(|brand| MP4_BRANDS.iter().any(|known| brand == known.as_slice()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mp4_head(major: &[u8; 4], compatible: &[&[u8; 4]]) -> Vec<u8> {
        let size = 16 + 4 * compatible.len();
        let mut head = (size as u32).to_be_bytes().to_vec();
        head.extend_from_slice(b"ftyp");
        head.extend_from_slice(major);
        head.extend_from_slice(&[0, 0, 2, 0]);
        for brand in compatible {
            head.extend_from_slice(*brand);
        }
        head.extend_from_slice(&[0, 0, 0, 8, b'f', b'r', b'e', b'e']);
        head
    }

    #[test]
    fn webm_is_an_ebml_header_naming_webm() {
        let webm = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, b'w', b'e', b'b', b'm'];
        assert_eq!(video_kind(&webm), Some(VideoKind::WebM));
        let matroska = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x88, b'm', b'a', b't', b'r', b'o', b's', b'k', b'a'];
        assert_eq!(video_kind(&matroska), None);
        assert_eq!(video_kind(&webm[..4]), None);
    }

    #[test]
    fn mp4_is_an_ftyp_box_with_a_web_brand() {
        assert_eq!(video_kind(&mp4_head(b"isom", &[b"isom", b"avc1"])), Some(VideoKind::Mp4));
        assert_eq!(video_kind(&mp4_head(b"XAVC", &[b"mp42"])), Some(VideoKind::Mp4));
        assert_eq!(video_kind(&mp4_head(b"qt  ", &[b"qt  "])), None);
        assert_eq!(video_kind(&mp4_head(b"heic", &[b"mif1", b"heic"])), None);
    }

    #[test]
    fn names_and_other_files_are_not_videos() {
        assert_eq!(video_kind(b""), None);
        assert_eq!(video_kind(b"%PDF-1.7\n"), None);
        assert_eq!(video_kind(b"<html><body>video.mp4</body></html>"), None);
        assert_eq!(video_kind(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
        // An `ftyp` at the right place with a size that cannot be.
        let mut forged = mp4_head(b"isom", &[]);
        forged[0..4].copy_from_slice(&3u32.to_be_bytes());
        assert_eq!(video_kind(&forged), None);
    }
}
