//! Reading what spreadsheets write: the file's bytes as text, and each cell as clean text,
//! a whole number, an ISO date or a `;` list, with a message a focal point can act on.

use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

/// The file's text without its byte-order mark, or why it is not a UTF-8 CSV file. The
/// error is `(row, message)`, row 0 for the file as a whole.
pub fn decode(bytes: &[u8]) -> Result<&str, (usize, String)> {
    const SAVE_AS: &str = "in Excel choose File > Save As > \"CSV UTF-8 (Comma delimited)\"";
    if bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).iter().all(|b| b.is_ascii_whitespace()) {
        return Err((0, "the file is empty".to_string()));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err((0, format!("this is an Excel workbook (.xlsx) with a .csv name, not a CSV file; {SAVE_AS}")));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err((0, format!("this is an old Excel workbook (.xls) with a .csv name, not a CSV file; {SAVE_AS}")));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err((0, format!("this file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8 CSV; {SAVE_AS}")));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(body).map_err(|err| {
        let good = std::str::from_utf8(&body[..err.valid_up_to()]).unwrap_or("");
        (
            row_at_end(good),
            format!(
                "this row is not UTF-8 text: the file was probably saved as \"CSV (Comma delimited)\" \
                 in the Windows Arabic code page (1256), which garbles Arabic; {SAVE_AS}"
            ),
        )
    })
}

/// The row (record ordinal, as a spreadsheet numbers it) in which the text after `prefix`
/// starts, counting records the way [`crate::io::csv::parse`] splits them.
fn row_at_end(prefix: &str) -> usize {
    // One record at a time, none kept: the prefix can be most of a large file.
    let mut rows = 0;
    for record in crate::io::csv::Records::new(prefix, delimiter(prefix)) {
        match record {
            Ok(_) => rows += 1,
            Err(unclosed) => return unclosed.row,
        }
    }
    if prefix.is_empty() || prefix.ends_with(['\n', '\r']) {
        rows + 1
    } else {
        rows.max(1)
    }
}

/// The cell separator: a comma, or the semicolon or tab some Excel locales write, judged by
/// the first line (the header, whose names contain none of these).
pub fn delimiter(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    [',', ';', '\t'].into_iter().find(|d| first.contains(*d)).unwrap_or(',')
}

/// True for the bidi embedding, override and isolate controls (U+202A–202E, U+2066–2069),
/// which can make a cell display differently from what it holds.
fn is_bidi_control(ch: char) -> bool {
    matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A cell as text: NFC, without control characters (line breaks and tabs become spaces) or
/// stray byte-order marks, trimmed. Bidi controls are an error, named by code point.
pub fn clean(raw: &str) -> Result<String, String> {
    if let Some(bidi) = raw.chars().find(|&c| is_bidi_control(c)) {
        return Err(format!(
            "contains an invisible direction control character (U+{:04X}) that can make the text \
             show differently from what it is; retype the cell",
            bidi as u32
        ));
    }
    let mut out = String::with_capacity(raw.len());
    for ch in raw.nfc() {
        match ch {
            '\t' | '\n' | '\r' => out.push(' '),
            '\u{feff}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Ok(out.trim().to_string())
}

/// ASCII digit for Arabic-Indic (U+0660–0669) and Extended Arabic-Indic (U+06F0–06F9) digits.
fn ascii_digit(ch: char) -> char {
    match ch {
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (ch as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (ch as u32 - 0x06F0) as u8),
        _ => ch,
    }
}

/// The cell with Arabic digits, Arabic separators and the minus sign in ASCII.
fn ascii_number(cell: &str) -> String {
    cell.chars()
        .map(|c| match ascii_digit(c) {
            '\u{066B}' => '.', // Arabic decimal separator
            '\u{066C}' => ',', // Arabic thousands separator
            '\u{2212}' => '-',
            other => other,
        })
        .collect()
}

/// A whole number. Accepts Arabic digits, a sign, thousands separators in groups of three
/// (`1,500`, `1 500`, `١٬٥٠٠`) and a zero fraction (`6.0`, `6.00`, as some spreadsheets write).
///
/// A point followed by exactly three digits (`1.000`, `1.500`, `2.000.000`) is refused: in
/// English it is a fraction, in French, German or Arabic-locale spreadsheets a thousands
/// separator, so `1.000` could mean 1 or 1000. It is never read as 1; the message asks
/// for the number without separators.
pub fn whole_number(cell: &str) -> Result<i64, String> {
    let ascii = ascii_number(cell);
    let text = ascii.trim();
    let dot_groups: Vec<&str> = text.trim_start_matches(['-', '+']).split('.').collect();
    if dot_groups.len() > 1
        && (1..=3).contains(&dot_groups[0].len())
        && dot_groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && dot_groups[1..].iter().all(|g| g.len() == 3)
    {
        let plain: String = dot_groups.concat();
        return Err(format!(
            "\"{cell}\" is ambiguous: is the point a thousands separator ({plain}) or a decimal point? \
             write the number without separators, e.g. {plain}"
        ));
    }
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int_part, fraction) = match unsigned.split_once('.') {
        Some((int_part, fraction)) => (int_part, Some(fraction)),
        None => (unsigned, None),
    };
    let bad = || format!("\"{cell}\" is not a whole number");
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.chars().all(|c| c == '0') {
            return Err(if fraction.chars().all(|c| c.is_ascii_digit()) && !fraction.is_empty() {
                format!("\"{cell}\" is not a whole number (no fractions here)")
            } else {
                bad()
            });
        }
    }
    let groups: Vec<&str> = int_part.split([',', ' ', '\u{a0}', '\u{202f}']).collect();
    let grouped = groups.len() > 1;
    let well_formed = !int_part.is_empty()
        && groups.iter().enumerate().all(|(i, group)| {
            let digits = group.chars().all(|c| c.is_ascii_digit());
            let size_ok = if !grouped {
                !group.is_empty()
            } else if i == 0 {
                (1..=3).contains(&group.len())
            } else {
                group.len() == 3
            };
            digits && size_ok
        });
    if !well_formed {
        return Err(bad());
    }
    let digits: String = groups.concat();
    let magnitude: i64 = digits.parse().map_err(|_| format!("\"{cell}\" is too large"))?;
    Ok(if negative { -magnitude } else { magnitude })
}

/// A date written `YYYY-MM-DD`. Other forms get a message that names the expected one:
/// `12/03/2027` could be 12 March or 3 December, and Hijri dates must be converted.
pub fn iso_date(cell: &str) -> Result<NaiveDate, String> {
    let ascii: String = cell.chars().map(ascii_digit).collect();
    let text = ascii.trim();
    let expected = "write dates as YYYY-MM-DD, e.g. 2027-03-12 (in Excel, format the column as Text)";
    if text.contains('\u{647}') || text.contains("AH") || text.ends_with('H') {
        return Err(format!(
            "\"{cell}\" looks like a Hijri date; give the Gregorian date as YYYY-MM-DD, e.g. 2027-03-12"
        ));
    }
    let bytes = text.as_bytes();
    let iso_shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !iso_shape {
        let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
        let numeric = parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        if numeric && parts[2].len() == 4 {
            return Err(format!("\"{cell}\" is ambiguous (day/month or month/day?); {expected}"));
        }
        if text.len() > 10 && text.is_char_boundary(10) && iso_date(&text[..10]).is_ok() {
            return Err(format!("\"{cell}\" has a time; give the date only, as YYYY-MM-DD"));
        }
        return Err(format!("\"{cell}\" is not a date; {expected}"));
    }
    let year: i32 = text[..4].parse().unwrap_or(0);
    if (1300..=1600).contains(&year) {
        return Err(format!(
            "\"{cell}\" looks like a Hijri date (year {year}); give the Gregorian date as YYYY-MM-DD, e.g. 2027-03-12"
        ));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| format!("\"{cell}\" is not a day of the calendar"))
}

/// The items of a `;` list (the Arabic semicolon `؛` counts too), trimmed, empties dropped.
pub fn list(cell: &str) -> Vec<String> {
    cell.split([';', '\u{061B}']).map(str::trim).filter(|item| !item.is_empty()).map(str::to_string).collect()
}

/// A header name as compared: lower case, spaces and hyphens as underscores.
pub fn column_name(cell: &str) -> String {
    cell.trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_arabic_digits_and_with_separators() {
        assert_eq!(whole_number("١٢"), Ok(12));
        assert_eq!(whole_number("۱۵"), Ok(15));
        assert_eq!(whole_number("١٬٥٠٠"), Ok(1500));
        assert_eq!(whole_number("1,500"), Ok(1500));
        assert_eq!(whole_number("6.0"), Ok(6));
        assert_eq!(whole_number("-3"), Ok(-3));
        assert!(whole_number("1,5").is_err());
        assert!(whole_number("6.5").unwrap_err().contains("no fractions"));
        assert!(whole_number("six").is_err());
        assert!(whole_number("").is_err());
        assert!(whole_number("99999999999999999999").unwrap_err().contains("too large"));
        // A grouped thousand is 1000 or an error, never 1.
        assert_eq!(whole_number("1,000"), Ok(1000));
        assert_eq!(whole_number("1 000"), Ok(1000));
        assert_eq!(whole_number("6.00"), Ok(6));
        for ambiguous in ["1.000", "1.500", "2.000.000", "١٫٠٠٠"] {
            assert!(whole_number(ambiguous).unwrap_err().contains("ambiguous"), "{ambiguous}");
        }
    }

    #[test]
    fn dates_are_iso_only_with_a_helpful_message() {
        assert_eq!(iso_date("2027-03-12"), Ok(NaiveDate::from_ymd_opt(2027, 3, 12).unwrap()));
        assert_eq!(iso_date("٢٠٢٧-٠٣-١٢"), Ok(NaiveDate::from_ymd_opt(2027, 3, 12).unwrap()));
        assert!(iso_date("12/03/2027").unwrap_err().contains("YYYY-MM-DD"));
        assert!(iso_date("1448-09-01").unwrap_err().contains("Hijri"));
        assert!(iso_date("1 رمضان 1448 هـ").unwrap_err().contains("Hijri"));
        assert!(iso_date("2027-02-30").unwrap_err().contains("not a day"));
        assert!(iso_date("2027-03-12 00:00:00").unwrap_err().contains("date only"));
    }

    #[test]
    fn cells_are_normalised_and_bidi_controls_refused() {
        // "e" + combining acute becomes the single precomposed letter.
        assert_eq!(clean(" Cafe\u{301}\u{7}\n "), Ok("Café".to_string()));
        assert!(clean("QA\u{202E}").unwrap_err().contains("U+202E"));
        assert!(clean("\u{2067}x").is_err());
    }

    #[test]
    fn non_utf8_text_and_workbooks_are_refused() {
        assert!(decode(b"PK\x03\x04rest").unwrap_err().1.contains(".xlsx"));
        let err = decode(b"state\n\xe3\xd5\xd1\n").unwrap_err();
        assert_eq!(err.0, 2);
        // A cell holding a line break is one row: the bad byte is in the spreadsheet's row 3.
        assert_eq!(decode(b"state,note\nQA,\"a\nb\"\nTN,\xe3\n").unwrap_err().0, 3);
        assert!(err.1.contains("1256"));
        assert_eq!(decode(b"\xEF\xBB\xBFstate\n"), Ok("state\n"));
    }
}
