//! Rebuilds when the server's migrations change: `sqlx::migrate!` embeds `migrations/` at
//! compile time, and stable Rust cannot tell Cargo so from inside the macro.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
