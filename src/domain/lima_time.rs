//! Times as people in Peru read them: Lima time (UTC−5 all year; Peru keeps no daylight
//! saving), day first.

const LIMA_OFFSET_SECS: i64 = -5 * 3600;

/// `dd/mm/yyyy hh:mm` in Lima time, from seconds since the Unix epoch.
pub fn format_lima(unix_secs: i64) -> String {
    let local = unix_secs + LIMA_OFFSET_SECS;
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!("{day:02}/{month:02}/{year} {:02}:{:02}", secs / 3600, secs % 3600 / 60)
}

/// The Lima day a unix second falls on, as `yyyy-mm-dd` (the format of a date input).
pub fn lima_date(unix_secs: i64) -> String {
    let (year, month, day) = civil_from_days((unix_secs + LIMA_OFFSET_SECS).div_euclid(86_400));
    format!("{year:04}-{month:02}-{day:02}")
}

/// `dd/mm/yyyy` in Lima time.
pub fn format_lima_date(unix_secs: i64) -> String {
    let (year, month, day) = civil_from_days((unix_secs + LIMA_OFFSET_SECS).div_euclid(86_400));
    format!("{day:02}/{month:02}/{year}")
}

/// `yyyy-mm-ddThh:mm:ssZ` (UTC), for data meant for machines and for the person's own export.
pub fn format_utc_iso(unix_secs: i64) -> String {
    let days = unix_secs.div_euclid(86_400);
    let secs = unix_secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", secs / 3600, secs % 3600 / 60, secs % 60)
}

/// The unix second at which a `yyyy-mm-dd` day starts in Lima; `None` for anything else.
pub fn lima_day_start(date: &str) -> Option<i64> {
    let mut parts = date.trim().splitn(3, '-');
    let year: i64 = parts.next().filter(|p| p.len() == 4)?.parse().ok()?;
    let month: u32 = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
    let day: u32 = parts.next().filter(|p| p.len() == 2)?.parse().ok()?;
    let days = days_from_civil(year, month, day)?;
    Some(days * 86_400 - LIMA_OFFSET_SECS)
}

/// The unix second of a Lima day (`yyyy-mm-dd`) at a clock time (`hh:mm`, 24 hours, as a time
/// input sends it); `None` for anything else.
pub fn lima_moment(date: &str, time: &str) -> Option<i64> {
    let (hours, minutes) = time.trim().split_once(':')?;
    let hours: i64 = hours.parse().ok().filter(|h| (0..24).contains(h) && hours.len() == 2)?;
    let minutes: i64 = minutes.parse().ok().filter(|m| (0..60).contains(m) && minutes.len() == 2)?;
    Some(lima_day_start(date)? + hours * 3600 + minutes * 60)
}

/// The Lima clock time of a unix second, `hh:mm` (the format of a time input).
pub fn lima_clock(unix_secs: i64) -> String {
    let secs = (unix_secs + LIMA_OFFSET_SECS).rem_euclid(86_400);
    format!("{:02}:{:02}", secs / 3600, secs % 3600 / 60)
}

/// `yyyy-mm-ddThh:mm:ss-05:00`: Lima time with its offset, for data about events that happen
/// in Peru (schema.org's dates).
pub fn format_lima_iso(unix_secs: i64) -> String {
    let local = format_utc_iso(unix_secs + LIMA_OFFSET_SECS);
    format!("{}-05:00", local.trim_end_matches('Z'))
}

/// Days since 1970-01-01 of a proleptic Gregorian date, if it exists (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&month) || day == 0 || day > month_days[month as usize - 1] {
        return None;
    }
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lima_is_five_hours_behind_utc_all_year() {
        assert_eq!(format_lima(0), "31/12/1969 19:00");
        // 2026-11-24T06:16:00Z
        assert_eq!(format_lima(1_795_500_960), "24/11/2026 01:16");
        // 2024-02-29T12:00:00Z: a leap day, and July (no summer time in Peru).
        assert_eq!(format_lima(1_709_208_000), "29/02/2024 07:00");
        assert_eq!(format_lima(1_720_008_000), "03/07/2024 07:00");
    }

    #[test]
    fn days_start_at_lima_midnight_and_only_real_dates_parse() {
        // 2026-11-24T00:00-05:00 is 05:00 UTC.
        assert_eq!(lima_day_start("2026-11-24"), Some(1_795_496_400));
        assert_eq!(lima_date(1_795_496_400), "2026-11-24");
        assert_eq!(lima_date(1_795_496_399), "2026-11-23");
        assert_eq!(format_lima_date(1_795_496_400), "24/11/2026");
        assert_eq!(format_lima(lima_day_start("2024-02-29").unwrap()), "29/02/2024 00:00");
        assert_eq!(format_lima(lima_day_start("1969-12-31").unwrap()), "31/12/1969 00:00");
        for bad in ["2023-02-29", "2026-13-01", "2026-00-10", "2026-1-5", "24/11/2026", "", "2026-11-24x"] {
            assert_eq!(lima_day_start(bad), None, "{bad}");
        }
        assert_eq!(format_utc_iso(1_795_500_960), "2026-11-24T06:16:00Z");
    }

    #[test]
    fn a_day_and_a_clock_time_make_a_moment_in_lima() {
        // 2026-11-24 09:30 in Lima is 14:30 UTC.
        assert_eq!(lima_moment("2026-11-24", "09:30"), Some(1_795_496_400 + 9 * 3600 + 1800));
        assert_eq!(lima_moment("2026-11-24", "00:00"), lima_day_start("2026-11-24"));
        assert_eq!(lima_clock(1_795_496_400 + 9 * 3600 + 1800), "09:30");
        assert_eq!(lima_clock(1_795_496_400 - 60), "23:59");
        assert_eq!(format_lima_iso(1_795_496_400 + 9 * 3600 + 1800), "2026-11-24T09:30:00-05:00");
        for bad in ["24:00", "9:30", "09:60", "09-30", "", "09:3"] {
            assert_eq!(lima_moment("2026-11-24", bad), None, "{bad}");
        }
        assert_eq!(lima_moment("2026-02-30", "10:00"), None);
    }
}
