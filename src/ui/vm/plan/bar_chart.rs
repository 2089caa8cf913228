//! Where a horizontal bar chart draws its bars, labels and figures, mirrored for right-to-left.

use super::dashboard::BarRow;

/// Where one bar of a chart is drawn (SVG user units).
#[derive(Debug, Clone, PartialEq)]
pub struct BarGeom {
    pub y: f64,
    /// The label's anchor point; the label ends there (`text-anchor="end"` in the text's own
    /// direction, which is the page's).
    pub label_x: f64,
    /// x and width of the "needed" bar and of the "planned" bar drawn over it.
    pub needed: (f64, f64),
    pub planned: (f64, f64),
    /// The edge of the "planned/needed" figure nearest the bars (its left edge, or its right
    /// edge right-to-left); figures are written left to right in both directions.
    pub value_x: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartLayout {
    pub width: f64,
    pub height: f64,
    pub bar_height: f64,
    pub bars: Vec<BarGeom>,
}

/// Width of the label column and of the figure column of a chart.
const LABEL_WIDTH: f64 = 210.0;
const VALUE_WIDTH: f64 = 100.0;

/// Longest label a chart row shows in full (characters); longer ones are cut with "…" and the
/// full name is in the row's tooltip.
pub const LABEL_CHARS: usize = 34;

/// `text` cut to `max` characters, the last being "…" when it was longer.
pub fn short_label(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect::<String>().trim_end().to_string();
        cut.push('…');
        cut
    }
}
const ROW_HEIGHT: f64 = 22.0;
const GAP: f64 = 6.0;

/// Lays out a horizontal bar chart `width` wide: labels at the line's start, bars scaled to the
/// largest need, figures after the bars. Right-to-left mirrors every x.
pub fn layout(rows: &[BarRow], width: f64, rtl: bool) -> ChartLayout {
    let max = rows.iter().map(|r| r.needed.max(r.planned)).max().unwrap_or(0).max(1) as f64;
    let span = (width - LABEL_WIDTH - VALUE_WIDTH).max(10.0);
    let bar_height = ROW_HEIGHT - 8.0;
    // x of a piece that starts `from` units after the label column and is `w` wide.
    let place = |from: f64, w: f64| if rtl { width - LABEL_WIDTH - from - w } else { LABEL_WIDTH + from };
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let needed_w = span * row.needed as f64 / max;
            let planned_w = span * row.planned.min(row.needed.max(row.planned)) as f64 / max;
            let label_x = if rtl { width - LABEL_WIDTH + GAP } else { LABEL_WIDTH - GAP };
            let value_x = if rtl { place(needed_w, 0.0) - GAP } else { place(needed_w, 0.0) + GAP };
            BarGeom {
                y: i as f64 * ROW_HEIGHT,
                label_x,
                needed: (place(0.0, needed_w), needed_w),
                planned: (place(0.0, planned_w), planned_w),
                value_x,
            }
        })
        .collect();
    ChartLayout { width, height: rows.len() as f64 * ROW_HEIGHT, bar_height, bars }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_bars_scale_to_the_largest_need_and_mirror_right_to_left() {
        let rows = vec![
            BarRow { key: "A".into(), label: "A".into(), needed: 100, planned: 50 },
            BarRow { key: "B".into(), label: "B".into(), needed: 40, planned: 40 },
        ];
        let ltr = layout(&rows, 600.0, false);
        let rtl = layout(&rows, 600.0, true);
        let span = 600.0 - LABEL_WIDTH - VALUE_WIDTH;
        assert_eq!(ltr.bars[0].needed, (LABEL_WIDTH, span));
        assert_eq!(ltr.bars[0].planned.1, span / 2.0);
        assert_eq!(ltr.bars[1].needed.1, ltr.bars[1].planned.1);
        assert_eq!(ltr.height, 2.0 * ROW_HEIGHT);
        for (l, r) in ltr.bars.iter().zip(&rtl.bars) {
            // Mirror images: the right edge of one is the left edge of the other.
            assert_eq!(r.needed.0 + r.needed.1, 600.0 - l.needed.0);
            assert_eq!(r.planned.0 + r.planned.1, 600.0 - l.planned.0);
            assert!(r.label_x > r.needed.0 + r.needed.1 && l.label_x < l.needed.0);
            assert!(r.value_x < r.needed.0 && l.value_x > l.needed.0 + l.needed.1);
        }
        assert!(layout(&[], 600.0, false).bars.is_empty());
    }

    #[test]
    fn long_chart_labels_are_cut_with_an_ellipsis() {
        assert_eq!(short_label("Digital forensics", 34), "Digital forensics");
        assert_eq!(short_label("Open-source intelligence (OSINT)", 10), "Open-sour…");
        assert_eq!(short_label("الجرائم المرتكبة بالذكاء الاصطناعي", 8).chars().count(), 8);
    }
}
