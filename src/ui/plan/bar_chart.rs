//! A horizontal bar chart drawn by the app in SVG: for each row, trainees needed (pale bar) and
//! planned (dark bar over it) with the figures after the bars. The geometry comes from the
//! view-model, mirrored for right-to-left.

use leptos::prelude::*;

use crate::ui::i18n::P;
use crate::ui::shell::store::use_store;
use crate::ui::vm::plan::bar_chart::{layout, short_label, LABEL_CHARS};
use crate::ui::vm::plan::dashboard::BarRow;
use crate::ui::vm::plan::percent;

/// Width of the drawing in SVG units; the SVG scales to its box.
const WIDTH: f64 = 720.0;

#[component]
pub fn BarChart(
    /// The chart's id in the page.
    id: &'static str,
    title: P,
    #[prop(into)] rows: Signal<Vec<BarRow>>,
) -> impl IntoView {
    let store = use_store();
    let lang = store.lang;
    let heading = format!("{id}-heading");
    let labelled_by = heading.clone();
    view! {
        <figure class="chart" id=id aria-labelledby=labelled_by>
            <figcaption id=heading>
                <span>{move || lang.get().p(title)}</span>
                <span class="legend">
                    <span class="key needed"></span>{move || lang.get().p(P::Needed)}
                    <span class="key planned"></span>{move || lang.get().p(P::Planned)}
                </span>
            </figcaption>
            {move || {
                let l = lang.get();
                let rtl = l.dir() == "rtl";
                let rows = rows.get();
                let chart = layout(&rows, WIDTH, rtl);
                let height = chart.height + 4.0;
                let bar_h = chart.bar_height;
                // Figures are written left to right in both languages; they sit after the bars.
                let value_anchor = if rtl { "end" } else { "start" };
                let bars = rows
                    .iter()
                    .zip(chart.bars)
                    .map(|(row, g)| {
                        let title = format!("{}: {}", row.label, l.catalogue().coverage(row.planned, row.needed));
                        let value = format!("{}/{} · {}%", row.planned, row.needed, percent(row.planned, row.needed));
                        let text_y = g.y + bar_h - 2.0;
                        view! {
                            <g class="bar" data-key=row.key.clone() data-needed=row.needed data-planned=row.planned>
                                <title>{title}</title>
                                <text x=g.label_x y=text_y text-anchor="end" class="label">{short_label(&row.label, LABEL_CHARS)}</text>
                                <rect x=g.needed.0 y=g.y + 2.0 width=g.needed.1 height=bar_h class="needed" />
                                <rect x=g.planned.0 y=g.y + 2.0 width=g.planned.1 height=bar_h class="planned" />
                                <text x=g.value_x y=text_y text-anchor=value_anchor class="value" direction="ltr">{value}</text>
                            </g>
                        }
                    })
                    .collect_view();
                view! {
                    <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" width="100%" preserveAspectRatio="xMinYMin meet"
                        direction=l.dir()>
                        {bars}
                    </svg>
                }
            }}
        </figure>
    }
}
