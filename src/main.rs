//! The standalone browser app's entry point (`qudra-web`: no server answered `GET /api/health`,
//! see `public/boot.js`): install the panic hook and mount the app; nothing else.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(qudra::ui::App);
}
