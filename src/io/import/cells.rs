//! Reading what spreadsheets write: the file's bytes as text, and each cell as clean text or
//! a `;` list, with a message a focal point can act on. Numbers and dates are read by
//! [`crate::model::read`], the same reader as the browser's fields.

use unicode_normalization::UnicodeNormalization;

use super::problem::RowProblem;

/// The file's text without its byte-order mark, or why it is not a UTF-8 CSV file. The
/// error is `(row, problem)`, row 0 for the file as a whole.
pub fn decode(bytes: &[u8]) -> Result<&str, (usize, RowProblem)> {
    if bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes).iter().all(|b| b.is_ascii_whitespace()) {
        return Err((0, RowProblem::EmptyFile));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Err((0, RowProblem::Workbook));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err((0, RowProblem::OldWorkbook));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err((0, RowProblem::Utf16));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(body).map_err(|err| {
        let good = std::str::from_utf8(&body[..err.valid_up_to()]).unwrap_or("");
        (row_at_end(good), RowProblem::NotUtf8)
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
pub fn clean(raw: &str) -> Result<String, RowProblem> {
    if let Some(found) = raw.chars().find(|&c| is_bidi_control(c)) {
        return Err(RowProblem::BidiControl { found });
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
    fn cells_are_normalised_and_bidi_controls_refused() {
        // "e" + combining acute becomes the single precomposed letter.
        assert_eq!(clean(" Cafe\u{301}\u{7}\n "), Ok("Café".to_string()));
        assert_eq!(clean("QA\u{202E}"), Err(RowProblem::BidiControl { found: '\u{202E}' }));
        assert!(clean("\u{2067}x").is_err());
    }

    #[test]
    fn non_utf8_text_and_workbooks_are_refused() {
        assert!(decode(b"PK\x03\x04rest").unwrap_err().1.to_string().contains(".xlsx"));
        let err = decode(b"state\n\xe3\xd5\xd1\n").unwrap_err();
        assert_eq!(err.0, 2);
        // A cell holding a line break is one row: the bad byte is in the spreadsheet's row 3.
        assert_eq!(decode(b"state,note\nQA,\"a\nb\"\nTN,\xe3\n").unwrap_err().0, 3);
        assert!(err.1.to_string().contains("1256"));
        assert_eq!(decode(b"\xEF\xBB\xBFstate\n"), Ok("state\n"));
    }
}
