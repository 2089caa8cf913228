//! The planner's plan screens: `store` (the last plan, shared by context), the Solve bar, and
//! the plan's views — calendar with rosters, by state, coverage, unmet needs, changes and
//! downloads — and the pins and exclusions that adjust it.

pub mod adjustments;
pub mod bar_chart;
pub mod by_state;
pub mod calendar;
pub mod capacity;
pub mod capacity_store;
pub mod changes;
pub mod dashboard;
pub mod exports;
pub mod remedy;
pub mod roster;
pub mod solve_bar;
pub mod store;
pub mod summary;
pub mod unmet_list;
pub mod workspace;
