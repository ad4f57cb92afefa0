//! The meeting-room provider video interviews use: each booking gets a room of its own, whose
//! address both the candidate and the interviewer open — either may start the call. The
//! provider is configured (`SENDA_MEETING_BASE_URL`); without one, slots are offered by phone
//! and in person only.

/// Makes a video room for a booking.
pub trait MeetingRooms: Send + Sync + 'static {
    /// The address of a new room, for the booking of slot `slot_id`.
    fn new_room(&self, slot_id: i64) -> String;
}

/// Rooms of a Jitsi-style service: the room is a name under a base address, made when first
/// opened. The name is random and long, so no one finds a room by guessing.
pub struct NamedRooms {
    base: String,
}

impl NamedRooms {
    /// Rooms under `base` (`https://meet.example.org`); `None` unless it is an `https://`
    /// address, or `http://` on this machine, for development.
    pub fn from_base(base: &str) -> Option<NamedRooms> {
        let base = base.trim().trim_end_matches('/');
        let usable = base.starts_with("https://")
            || base.starts_with("http://127.0.0.1")
            || base.starts_with("http://localhost");
        (usable && !base.contains(['?', '#', ' '])).then(|| NamedRooms { base: base.to_string() })
    }
}

impl MeetingRooms for NamedRooms {
    fn new_room(&self, slot_id: i64) -> String {
        let secret = &crate::server::auth::tokens::new_token()[..24];
        format!("{}/senda-{slot_id}-{secret}", self.base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_room_is_a_new_unguessable_name_under_the_base() {
        let rooms = NamedRooms::from_base("https://meet.example.org/").unwrap();
        let (a, b) = (rooms.new_room(7), rooms.new_room(7));
        assert!(a.starts_with("https://meet.example.org/senda-7-"), "{a}");
        assert_eq!(a.len(), "https://meet.example.org/senda-7-".len() + 24);
        assert_ne!(a, b);
    }

    #[test]
    fn only_a_secure_base_is_taken() {
        assert!(NamedRooms::from_base("http://meet.example.org").is_none());
        assert!(NamedRooms::from_base("meet.example.org").is_none());
        assert!(NamedRooms::from_base("https://meet.example.org/?x=1").is_none());
        assert!(NamedRooms::from_base("http://127.0.0.1:8443").is_some());
    }
}
