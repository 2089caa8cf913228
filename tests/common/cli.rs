//! The `qudra` program as a planner runs it: a scratch folder per test, the run, and what it
//! printed and returned.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const QUDRA: &str = env!("CARGO_BIN_EXE_qudra");

/// A path inside the repository (`tests/fixtures/…`, `data/…`).
pub fn repo(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The scenario `name` of the conformance set, as an argument.
pub fn conformance(name: &str) -> String {
    repo("tests/fixtures/conformance").join(name).to_string_lossy().into_owned()
}

/// A fresh, empty folder for one test, under Cargo's scratch space for integration tests,
/// named after the test crate and `test` so that no two tests share one.
pub fn scratch(test: &str) -> PathBuf {
    let krate = module_path!().split("::").next().unwrap_or("tests");
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{krate}-{test}"));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `text` to `dir/name` and gives the path as an argument.
pub fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

/// Runs `qudra args…` to the end. `SOURCE_DATE_EPOCH` fixes the calendars' `DTSTAMP`
/// (2027-01-15 08:00 UTC) so that exported files can be compared.
pub fn run(args: &[&str]) -> Output {
    Command::new(QUDRA).args(args).env("SOURCE_DATE_EPOCH", "1800000000").output().expect("run qudra")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 stdout")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("UTF-8 stderr")
}

/// The exit code (a test fails if the program was killed by a signal).
pub fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}
