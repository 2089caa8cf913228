//! What the editing screens decide: what typing into a field does (`field`), what is wrong with
//! a field (`issue`), adding and deleting rows (`rows`), and the tables' totals and the year's
//! view (`views`).

pub mod field;
pub mod issue;
pub mod rows;
pub mod sheet;
pub mod views;
