//! The messages of a booking: the confirmation and the two reminders, each with the interview
//! as a calendar entry, and the word that the company withdrew the slot.

use super::rules::{reminders, Reminder};
use super::SlotMode;
use crate::fairs::cards::when_text;
use crate::fairs::ics::{calendar, CalendarEvent};
use crate::i18n::{t, t_with, Key, Lang};
use crate::server::mail::{CalendarFile, OutgoingMail};

/// What the messages of one booking say.
pub struct Interview<'a> {
    pub lang: Lang,
    /// The person's name and address.
    pub name: &'a str,
    pub email: &'a str,
    pub company: &'a str,
    pub fair: &'a str,
    pub starts_at: i64,
    pub ends_at: i64,
    pub mode: SlotMode,
    pub room_url: &'a str,
    pub phone: &'a str,
    /// Where an in-person interview happens: the fair's venue.
    pub place: &'a str,
    /// The page the person follows it on, whole (with the site's origin).
    pub page: &'a str,
    /// The site's origin, for the calendar entry's unique id.
    pub origin: &'a str,
}

impl Interview<'_> {
    /// How the interview happens, in a sentence.
    pub fn how(&self) -> String {
        let lang = self.lang;
        match self.mode {
            SlotMode::Video => t_with(lang, Key::slot_how_video, &[("room", self.room_url)]),
            SlotMode::Phone => t_with(lang, Key::slot_how_phone, &[("phone", self.phone)]),
            SlotMode::InPerson => {
                t_with(lang, Key::slot_how_in_person, &[("company", self.company), ("place", self.place)])
            }
        }
    }

    /// The confirmation, then a reminder the day before and an hour before (those still
    /// ahead at `now`), all in booking `booking_id`'s thread.
    pub fn messages(&self, booking_id: i64, now: i64) -> Vec<OutgoingMail> {
        let confirmation = (Key::mail_slot_booked_subject, None);
        let later = reminders(self.starts_at, now).into_iter().map(|(which, at)| {
            let subject = match which {
                Reminder::DayBefore => Key::mail_slot_day_before_subject,
                Reminder::HourBefore => Key::mail_slot_hour_before_subject,
            };
            (subject, Some(at))
        });
        std::iter::once(confirmation)
            .chain(later)
            .map(|(subject, at)| self.message(booking_id, subject, at, now))
            .collect()
    }

    fn message(&self, booking_id: i64, subject: Key, send_at: Option<i64>, now: i64) -> OutgoingMail {
        let lang = self.lang;
        let when = when_text(lang, self.starts_at, self.ends_at);
        let how = self.how();
        let args = [
            ("name", self.name),
            ("company", self.company),
            ("fair", self.fair),
            ("when", when.as_str()),
            ("how", how.as_str()),
            ("page", self.page),
        ];
        let title = t_with(lang, Key::slot_calendar_title, &[("company", self.company)]);
        let location = match self.mode {
            SlotMode::Video => self.room_url.to_string(),
            SlotMode::Phone => t(lang, Key::slot_mode_phone).to_string(),
            SlotMode::InPerson => self.place.to_string(),
        };
        let host = self.origin.split("://").nth(1).unwrap_or("senda");
        let event = CalendarEvent {
            uid: format!("booking-{booking_id}@{host}"),
            title: &title,
            description: &how,
            location: &location,
            url: self.page,
            starts_at: self.starts_at,
            ends_at: self.ends_at,
            stamped_at: now,
            sequence: 0,
            cancelled: false,
        };
        OutgoingMail {
            to: self.email.to_string(),
            subject: t_with(lang, subject, &args),
            body: format!("{}\n\n-- \n{}\n", t_with(lang, Key::mail_slot_body, &args), t(lang, Key::mail_signature)),
            calendar: Some(CalendarFile { name: "entrevista.ics".into(), content: calendar(&event) }),
            send_at,
            thread: Some(super::booking_thread(booking_id)),
            ..OutgoingMail::default()
        }
    }

    /// The word that the company withdrew the slot, with the way to book another.
    pub fn withdrawn(&self) -> OutgoingMail {
        let lang = self.lang;
        let when = when_text(lang, self.starts_at, self.ends_at);
        let args = [
            ("name", self.name),
            ("company", self.company),
            ("fair", self.fair),
            ("when", when.as_str()),
            ("page", self.page),
        ];
        OutgoingMail {
            to: self.email.to_string(),
            subject: t_with(lang, Key::mail_slot_withdrawn_subject, &args),
            body: format!(
                "{}\n\n-- \n{}\n",
                t_with(lang, Key::mail_slot_withdrawn_body, &args),
                t(lang, Key::mail_signature)
            ),
            ..OutgoingMail::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interview(mode: SlotMode) -> Interview<'static> {
        Interview {
            lang: Lang::Es,
            name: "Rosa",
            email: "rosa@example.pe",
            company: "Textiles Andinos",
            fair: "Feria de Cusco",
            starts_at: 1_796_310_000,
            ends_at: 1_796_311_800,
            mode,
            room_url: "https://meet.example.org/senda-1-abc",
            phone: "987 654 321",
            place: "Centro de Empleo Cusco",
            page: "https://senda.example/ferias/inscripcion?id=1",
            origin: "https://senda.example",
        }
    }

    #[test]
    fn a_booking_far_ahead_is_confirmed_and_reminded_twice_each_with_its_calendar_entry() {
        let now = 1_796_310_000 - 3 * 86_400;
        let mails = interview(SlotMode::Video).messages(42, now);
        assert_eq!(mails.len(), 3);
        assert_eq!(mails[0].send_at, None);
        assert_eq!(mails[1].send_at, Some(1_796_310_000 - 86_400));
        assert_eq!(mails[2].send_at, Some(1_796_310_000 - 3_600));
        for mail in &mails {
            assert_eq!(mail.thread.as_deref(), Some("booking-42"));
            let file = mail.calendar.as_ref().unwrap();
            assert!(file.content.contains("UID:booking-42@senda.example"), "{}", file.content);
            assert!(file.content.contains("LOCATION:https://meet.example.org/senda-1-abc"));
            assert!(mail.body.contains("https://meet.example.org/senda-1-abc"));
        }
    }

    #[test]
    fn each_mode_says_how_and_a_late_booking_gets_no_reminder_already_past() {
        let soon = 1_796_310_000 - 1_800;
        let mails = interview(SlotMode::Phone).messages(1, soon);
        assert_eq!(mails.len(), 1);
        assert!(mails[0].body.contains("987 654 321"), "{}", mails[0].body);
        assert!(interview(SlotMode::InPerson).how().contains("Centro de Empleo Cusco"));
    }
}
