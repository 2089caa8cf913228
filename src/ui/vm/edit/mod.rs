//! What the editing screens decide: what typing into a field does (`field`), what is wrong with
//! a field (`issue`), adding and deleting rows (`rows`), where a new session goes
//! (`free_week`), taking a deleted need back (`deleted`), and the tables' totals and the year's
//! view (`views`).

pub mod deleted;
pub mod field;
pub mod free_week;
pub mod issue;
pub mod rows;
pub mod sheet;
pub mod views;
