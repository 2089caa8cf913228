//! One reader per kind of value a person types: whole numbers and decimals in any script's
//! digits with grouped thousands, and `YYYY-MM-DD` dates (or a day/month order that can only
//! mean one day) with an explanation for the forms people commonly type instead (Hijri, an
//! ambiguous day/month, a time). The browser's fields
//! (`ui/vm/edit.rs`) and the spreadsheet importer (`io/import`) both read through here, so a
//! cell and a field accept the same text and refuse it for the same, typed, reason.

use chrono::{Datelike, NaiveDate};

use super::Scenario;

/// The year shown when a scenario says nothing of its year (no horizon, no session).
pub const FALLBACK_YEAR: i32 = 2027;

/// The year a scenario is about: its horizon's, else its earliest session's, else
/// [`FALLBACK_YEAR`].
pub fn scenario_year(scenario: &Scenario) -> i32 {
    scenario
        .horizon
        .map(|h| h.start.year())
        .or_else(|| scenario.sessions.iter().map(|s| s.start.year()).min())
        .unwrap_or(FALLBACK_YEAR)
}

/// Why typed text is not the value it should be. `Display` gives the English words that
/// follow the quoted text (see [`ReadError::about`]); the browser phrases each kind in its
/// interface language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("is not a whole number")]
    NotWholeNumber,
    /// A whole number with a non-zero fraction (`6.5`).
    #[error("is not a whole number (no fractions here)")]
    Fraction,
    /// `1.000`: a decimal point in English, a thousands separator in French or Arabic locales.
    #[error(
        "is ambiguous: is the point a thousands separator ({plain}) or a decimal point? \
         write the number without separators, e.g. {plain}"
    )]
    AmbiguousPoint { plain: String },
    #[error("is too large")]
    TooLarge,
    #[error("is not a number")]
    NotNumber,
    /// A Hijri date; `year` when it was told by a year in 1300–1600.
    #[error("looks like a Hijri date{}; give the Gregorian date as YYYY-MM-DD, e.g. 2027-03-12", .year.map(|y| format!(" (year {y})")).unwrap_or_default())]
    Hijri { year: Option<i32> },
    /// `12/03/2027`: 12 March or 3 December.
    #[error("is ambiguous (day/month or month/day?); {EXPECTED_DATE}")]
    AmbiguousDate,
    #[error("has a time; give the date only, as YYYY-MM-DD")]
    HasTime,
    #[error("is not a date; {EXPECTED_DATE}")]
    NotDate,
    /// `2027-02-30`.
    #[error("is not a day of the calendar")]
    NotADay,
}

const EXPECTED_DATE: &str = "write dates as YYYY-MM-DD, e.g. 2027-03-12 (in Excel, format the column as Text)";

impl ReadError {
    /// The English sentence about `text`: `"6.5" is not a whole number (no fractions here)`.
    pub fn about(&self, text: &str) -> String {
        format!("\"{text}\" {self}")
    }
}

/// The code point of the digit zero of every script Unicode has decimal digits for
/// (general category Nd); each is followed by its digits one to nine.
const DIGIT_ZEROS: [u32; 66] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
    0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40,
    0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0,
    0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50,
    0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950,
    0x1FBF0,
];

/// The ASCII digit for a decimal digit of any script (`٣`, `۳`, `३`, `３` -> `3`).
fn ascii_digit(ch: char) -> Option<char> {
    let code = ch as u32;
    let i = DIGIT_ZEROS.partition_point(|&zero| zero <= code).checked_sub(1)?;
    let value = code - DIGIT_ZEROS[i];
    (value < 10).then(|| char::from(b'0' + value as u8))
}

/// The text, trimmed, with digits of any script in ASCII, the Arabic decimal and thousands
/// separators (U+066B, U+066C) as `.` and `,`, and the minus sign (U+2212) as `-`.
pub fn ascii_number(text: &str) -> String {
    text.trim()
        .chars()
        .map(|c| match c {
            '\u{066B}' => '.',
            '\u{066C}' => ',',
            '\u{2212}' => '-',
            c => ascii_digit(c).unwrap_or(c),
        })
        .collect()
}

/// `(negative, magnitude)`: an optional sign, then digits alone or grouped by three with
/// commas or spaces (`1500`, `1,500`, `1 500`).
fn grouped_digits(text: &str) -> Option<(bool, String)> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let groups: Vec<&str> = unsigned.split([',', ' ', '\u{a0}', '\u{202f}']).collect();
    let grouped = groups.len() > 1;
    let well_formed = !unsigned.is_empty()
        && groups.iter().enumerate().all(|(i, group)| {
            let size_ok = if !grouped {
                !group.is_empty()
            } else if i == 0 {
                (1..=3).contains(&group.len())
            } else {
                group.len() == 3
            };
            size_ok && group.chars().all(|c| c.is_ascii_digit())
        });
    well_formed.then(|| (negative, groups.concat()))
}

/// A whole number. Accepts digits of any script, a sign, thousands grouped by three with
/// commas or spaces (`1,500`, `1 500`, `١٬٥٠٠`) and a zero fraction (`6.0`, as some
/// spreadsheets write).
///
/// A point followed by exactly three digits (`1.000`, `2.000.000`) is refused as ambiguous:
/// in English it is a fraction, in French, German or Arabic-locale spreadsheets a thousands
/// separator, so `1.000` could mean 1 or 1000. It is never read as 1.
pub fn whole_number(text: &str) -> Result<i64, ReadError> {
    let ascii = ascii_number(text);
    let dot_groups: Vec<&str> = ascii.trim_start_matches(['-', '+']).split('.').collect();
    if dot_groups.len() > 1
        && (1..=3).contains(&dot_groups[0].len())
        && dot_groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && dot_groups[1..].iter().all(|g| g.len() == 3)
    {
        return Err(ReadError::AmbiguousPoint { plain: dot_groups.concat() });
    }
    let (int_part, fraction) = match ascii.split_once('.') {
        Some((int_part, fraction)) => (int_part, Some(fraction)),
        None => (ascii.as_str(), None),
    };
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.chars().all(|c| c == '0') {
            let digits = !fraction.is_empty() && fraction.chars().all(|c| c.is_ascii_digit());
            return Err(if digits { ReadError::Fraction } else { ReadError::NotWholeNumber });
        }
    }
    let (negative, digits) = grouped_digits(int_part).ok_or(ReadError::NotWholeNumber)?;
    let magnitude: i64 = digits.parse().map_err(|_| ReadError::TooLarge)?;
    Ok(if negative { -magnitude } else { magnitude })
}

/// A finite number with an optional decimal point (`.` or the Arabic `٫`), digits of any
/// script and thousands grouped as [`whole_number`] reads them. Here the point is always the
/// decimal point: the fields that take decimals (weights, bonuses) hold small numbers.
pub fn decimal(text: &str) -> Result<f64, ReadError> {
    let ascii = ascii_number(text);
    let (int_part, fraction) = match ascii.split_once('.') {
        Some((int_part, fraction)) => (int_part, fraction),
        None => (ascii.as_str(), ""),
    };
    let no_digits = !ascii.chars().any(|c| c.is_ascii_digit());
    if no_digits || !fraction.chars().all(|c| c.is_ascii_digit()) || (fraction.is_empty() && ascii.ends_with('.')) {
        return Err(ReadError::NotNumber);
    }
    let int_part = if int_part.is_empty() || int_part == "-" || int_part == "+" {
        format!("{int_part}0")
    } else {
        int_part.to_string()
    };
    let (negative, digits) = grouped_digits(&int_part).ok_or(ReadError::NotNumber)?;
    let sign = if negative { "-" } else { "" };
    match format!("{sign}{digits}.{fraction}0").parse::<f64>() {
        Ok(n) if n.is_finite() => Ok(n),
        _ => Err(ReadError::NotNumber),
    }
}

/// A date written `YYYY-MM-DD`, in digits of any script, or in another order that can only
/// mean one day: `2027/03/15`, and `15/03/2027` or `03/15/2027` (a figure above 12 is the
/// day; `05/05/2027` is the same day read either way), with `/`, `.` or `-` between. Other
/// forms get the reason they are refused: `12/03/2027` could be 12 March or 3 December, and
/// Hijri dates must be converted.
pub fn iso_date(text: &str) -> Result<NaiveDate, ReadError> {
    let ascii: String = text.trim().chars().map(|c| ascii_digit(c).unwrap_or(c)).collect();
    let text = ascii.as_str();
    if text.contains('\u{647}') || text.contains("AH") || text.ends_with('H') {
        return Err(ReadError::Hijri { year: None });
    }
    if !iso_shaped(text) {
        let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
        let numeric = parts.len() == 3
            && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()));
        if numeric {
            if let Some(date) = unambiguous_date(&parts)? {
                return Ok(date);
            }
        }
        if text.len() > 10 && text.is_char_boundary(10) && iso_date(&text[..10]).is_ok() {
            return Err(ReadError::HasTime);
        }
        return Err(ReadError::NotDate);
    }
    let year: i32 = text[..4].parse().unwrap_or(0);
    if (1300..=1600).contains(&year) {
        return Err(ReadError::Hijri { year: Some(year) });
    }
    super::parse_iso_date(text).ok_or(ReadError::NotADay)
}

/// The day three ASCII figures name when only one day fits: `Ok(None)` when they are not a
/// year with a month and a day in either order.
fn unambiguous_date(parts: &[&str]) -> Result<Option<NaiveDate>, ReadError> {
    let figure = |i: usize| parts[i].parse::<u32>().unwrap_or(0);
    let day = |year: &str, month: u32, day: u32| -> Result<Option<NaiveDate>, ReadError> {
        let year: i32 = year.parse().unwrap_or(0);
        if (1300..=1600).contains(&year) {
            return Err(ReadError::Hijri { year: Some(year) });
        }
        NaiveDate::from_ymd_opt(year, month, day).map(Some).ok_or(ReadError::NotADay)
    };
    match (parts[0].len(), parts[2].len()) {
        // 2027/03/15: a year first is always followed by the month.
        (4, 1..=2) if parts[1].len() <= 2 => day(parts[0], figure(1), figure(2)),
        (1..=2, 4) if parts[1].len() <= 2 => {
            let (a, b) = (figure(0), figure(1));
            match (a > 12, b > 12) {
                (true, false) => day(parts[2], b, a),
                (false, true) => day(parts[2], a, b),
                (false, false) if a == b => day(parts[2], a, a),
                (false, false) => Err(ReadError::AmbiguousDate),
                (true, true) => Err(ReadError::NotADay),
            }
        }
        _ => Ok(None),
    }
}

/// Ten ASCII characters `DDDD-DD-DD`, the shape of every date a scenario holds.
pub(crate) fn iso_shaped(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_every_script_are_read() {
        for (text, value) in [
            ("12", 12),
            ("١٢", 12),       // Arabic-Indic
            ("۱۵", 15),       // Extended Arabic-Indic (Persian, Urdu)
            ("२०", 20),       // Devanagari
            ("１２", 12),     // fullwidth
            ("−3", -3),       // minus sign
            ("\u{1D7D9}", 1), // mathematical double-struck one
        ] {
            assert_eq!(whole_number(text), Ok(value), "{text}");
        }
        assert_eq!(ascii_digit('x'), None);
        assert_eq!(ascii_digit('\u{0669}'), Some('9'));
        // Every zero of the table starts a run of ten digits.
        for zero in DIGIT_ZEROS {
            let nine = char::from_u32(zero + 9).unwrap();
            assert_eq!(ascii_digit(nine), Some('9'), "U+{zero:04X}");
        }
    }

    #[test]
    fn thousands_are_grouped_by_three_and_a_point_before_three_digits_is_ambiguous() {
        for text in ["1,000", "1 000", "1\u{a0}000", "١٬٠٠٠", "1000", "1000.0", "+1,000"] {
            assert_eq!(whole_number(text), Ok(1000), "{text}");
        }
        assert_eq!(whole_number("6.00"), Ok(6));
        for text in ["1.000", "1.500", "2.000.000", "١٫٠٠٠"] {
            assert!(matches!(whole_number(text), Err(ReadError::AmbiguousPoint { .. })), "{text}");
        }
        assert_eq!(whole_number("1,5"), Err(ReadError::NotWholeNumber));
        assert_eq!(whole_number("10,00"), Err(ReadError::NotWholeNumber));
        assert_eq!(whole_number("6.5"), Err(ReadError::Fraction));
        assert_eq!(whole_number("six"), Err(ReadError::NotWholeNumber));
        assert_eq!(whole_number(""), Err(ReadError::NotWholeNumber));
        assert_eq!(whole_number("99999999999999999999"), Err(ReadError::TooLarge));
        assert_eq!(
            whole_number("1.000").unwrap_err().about("1.000"),
            "\"1.000\" is ambiguous: is the point a thousands separator (1000) or a decimal point? \
             write the number without separators, e.g. 1000"
        );
    }

    #[test]
    fn decimals_take_a_point_or_the_arabic_decimal_sign() {
        assert_eq!(decimal("0.75"), Ok(0.75));
        assert_eq!(decimal("٠٫٧٥"), Ok(0.75));
        assert_eq!(decimal(".5"), Ok(0.5));
        assert_eq!(decimal("-1"), Ok(-1.0));
        assert_eq!(decimal("1,000.5"), Ok(1000.5));
        for bad in ["", ".", "-", "1,5", "1.", "abc", "1e400", "inf", "NaN", "1.2.3"] {
            assert_eq!(decimal(bad), Err(ReadError::NotNumber), "{bad}");
        }
    }

    #[test]
    fn dates_are_iso_only_and_other_forms_say_why() {
        let day = NaiveDate::from_ymd_opt(2027, 3, 12);
        assert_eq!(iso_date("2027-03-12").ok(), day);
        assert_eq!(iso_date(" ٢٠٢٧-٠٣-١٢ ").ok(), day);
        assert_eq!(iso_date("۲۰۲۷-۰۳-۱۲").ok(), day);
        assert_eq!(iso_date("12/03/2027"), Err(ReadError::AmbiguousDate));
        assert_eq!(iso_date("12.03.2027"), Err(ReadError::AmbiguousDate));
        assert_eq!(iso_date("1448-09-01"), Err(ReadError::Hijri { year: Some(1448) }));
        assert_eq!(iso_date("1 رمضان 1448 هـ"), Err(ReadError::Hijri { year: None }));
        assert_eq!(iso_date("1448-09-01 AH"), Err(ReadError::Hijri { year: None }));
        assert_eq!(iso_date("2027-02-30"), Err(ReadError::NotADay));
        assert_eq!(iso_date("2027-03-12 00:00:00"), Err(ReadError::HasTime));
        assert_eq!(iso_date("March 12"), Err(ReadError::NotDate));
        assert_eq!(iso_date("12/03/27"), Err(ReadError::NotDate));
    }

    #[test]
    fn a_date_in_another_order_is_read_when_only_one_day_fits() {
        let ides = NaiveDate::from_ymd_opt(2027, 3, 15);
        for text in ["15/03/2027", "15.3.2027", "15-03-2027", "03/15/2027", "2027/03/15", "2027.3.15", "١٥/٠٣/٢٠٢٧"]
        {
            assert_eq!(iso_date(text).ok(), ides, "{text}");
        }
        assert_eq!(iso_date("05/05/2027").ok(), NaiveDate::from_ymd_opt(2027, 5, 5));
        assert_eq!(iso_date("07/02/2027"), Err(ReadError::AmbiguousDate));
        assert_eq!(iso_date("31/02/2027"), Err(ReadError::NotADay));
        assert_eq!(iso_date("15/13/2027"), Err(ReadError::NotADay));
        assert_eq!(iso_date("15/09/1448"), Err(ReadError::Hijri { year: Some(1448) }));
        assert!(ReadError::Hijri { year: Some(1448) }.about("1448-09-01").contains("(year 1448)"));
    }

    #[test]
    fn the_year_comes_from_the_horizon_then_the_sessions_then_the_fallback() {
        let mut s = Scenario::empty("t");
        assert_eq!(scenario_year(&s), FALLBACK_YEAR);
        let day = |y| NaiveDate::from_ymd_opt(y, 5, 1).unwrap();
        s.sessions.push(crate::model::Session {
            id: "S".into(),
            course: "C".into(),
            start: day(2031),
            end: day(2031),
            seats: 1,
            max_per_state: None,
            min_participants: 0,
            cost_per_seat: 0,
            open_to: None,
        });
        assert_eq!(scenario_year(&s), 2031);
        s.horizon = Some(crate::model::DateRange { start: day(2030), end: day(2032) });
        assert_eq!(scenario_year(&s), 2030);
    }
}
