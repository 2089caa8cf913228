//! The connected app's entry point (`qudra-connected`, features `web` and `connect`): the same
//! app with the shared workspace's screens, which `public/boot.js` loads when `qudra serve`
//! answers `GET /api/health`. The panic hook, then the app; nothing else.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(qudra::ui::App);
}
