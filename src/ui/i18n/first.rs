//! The words of the first visit (who the user is), of the demo banner and of the data menu.
//! Each language file implements [`FirstWords`] in its own block, so a missing translation does
//! not compile.

/// One language's words for the first visit and the demo data, a part of its
/// [`super::Catalogue`].
pub trait FirstWords {
    /// The heading of the first visit's question.
    fn welcome(&self) -> &'static str;
    /// "Who are you?" and that the choice can be changed later.
    fn who_are_you(&self) -> &'static str;
    /// The focal point's button: "Focal point of Tunisia".
    fn focal_of(&self, state: &str) -> String;
    /// What a focal point does here.
    fn focal_hint(&self) -> &'static str;
    /// The regional centre's button.
    fn centre_choice(&self) -> &'static str;
    fn centre_hint(&self) -> &'static str;
    /// The planner's button.
    fn planner_choice(&self) -> &'static str;
    fn planner_hint(&self) -> &'static str;
    /// The banner's title while the data is the demo's.
    fn demo_title(&self) -> &'static str;
    /// What the demo data is, and that it stays in this browser.
    fn demo_text(&self) -> &'static str;
    /// The banner's two ways out: import your own scenario, start empty.
    fn import_own(&self) -> &'static str;
    fn start_empty(&self) -> &'static str;
    /// Asked before starting empty.
    fn confirm_start_empty(&self) -> &'static str;
    /// The menu that holds "Reset to demo data" and "Clear local data".
    fn data_menu(&self) -> &'static str;
}
