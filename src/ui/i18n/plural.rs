//! Which form of a counted word a number takes, by the CLDR plural rules of each language of
//! the interface: Arabic has six (zero, one, two, few for 3–10, many for 11–99, other), French
//! and English two (French counts 0 as singular, English does not). Each language file writes
//! its counted words with the one function of its language here, so "2 problem(s)" is never
//! shown.

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// A count of any integer type as an `i64`; one too large takes the form of a large number.
/// The language files convert with this once and count in `i64`, so that each counting
/// function is compiled once.
pub fn whole(n: impl TryInto<i64>) -> i64 {
    n.try_into().unwrap_or(i64::MAX)
}

/// Arabic: zero 0; one 1; two 2; few when n % 100 is 3–10; many when n % 100 is 11–99; else
/// other (100, 101, 102, 1000 …).
pub fn arabic(n: i64) -> Form {
    let n = n.unsigned_abs();
    match (n, n % 100) {
        (0, _) => Form::Zero,
        (1, _) => Form::One,
        (2, _) => Form::Two,
        (_, 3..=10) => Form::Few,
        (_, 11..=99) => Form::Many,
        _ => Form::Other,
    }
}

/// French: 0 and 1 are singular.
pub fn french(n: i64) -> Form {
    if n.unsigned_abs() <= 1 {
        Form::One
    } else {
        Form::Other
    }
}

/// English: only 1 is singular.
pub fn english(n: i64) -> Form {
    if n.unsigned_abs() == 1 {
        Form::One
    } else {
        Form::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_takes_each_of_its_six_forms() {
        assert_eq!(arabic(0), Form::Zero);
        assert_eq!(arabic(1), Form::One);
        assert_eq!(arabic(2), Form::Two);
        assert_eq!(arabic(3), Form::Few);
        assert_eq!(arabic(10), Form::Few);
        assert_eq!(arabic(11), Form::Many);
        assert_eq!(arabic(99), Form::Many);
        assert_eq!(arabic(100), Form::Other);
        assert_eq!(arabic(102), Form::Other);
        assert_eq!(arabic(103), Form::Few);
        assert_eq!(arabic(111), Form::Many);
    }

    #[test]
    fn french_counts_zero_and_one_as_singular_and_english_only_one() {
        assert_eq!(french(0), Form::One);
        assert_eq!(french(1), Form::One);
        assert_eq!(french(2), Form::Other);
        assert_eq!(english(0), Form::Other);
        assert_eq!(english(1), Form::One);
        assert_eq!(english(2), Form::Other);
    }
}
