//! What the three command-line programs (`qudra`, `bench`, `gen-demo`) share: one table of
//! flags per command that both parses the arguments (with lexopt) and prints the usage, writes
//! to standard output and error that never panic, and files written whole or not at all.
//!
//! Each program uses only part of it (`bench` writes no file), hence the `dead_code` allowance.
#![allow(dead_code)]

use std::ffi::OsString;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// How often a flag may or must be given.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// At most once.
    Optional,
    /// Exactly once.
    Required,
    /// Exactly one of the consecutive `OneOf` flags of a command, once.
    OneOf,
    /// Any number of times; each value counts.
    Repeated,
    /// At most once, without a value (`--demo`).
    Switch,
}

/// One `--long VALUE` option, or a `--long` switch (`Kind::Switch`, `value` unused).
pub struct Flag {
    pub long: &'static str,
    pub short: Option<char>,
    /// What the value is, as the usage names it (`SECONDS`).
    pub value: &'static str,
    pub kind: Kind,
    pub help: &'static str,
}

/// A command: its positional file, its flags, and what it does.
pub struct Spec {
    /// `qudra solve`, `bench`, `gen-demo`.
    pub program: &'static str,
    /// The positional argument's name and whether it is required (at most one is taken).
    pub positional: Option<(&'static str, bool)>,
    pub flags: &'static [Flag],
    /// Sentences printed under the options by `--help`.
    pub about: &'static str,
}

impl Flag {
    fn name(&self) -> String {
        format!("--{}", self.long)
    }

    fn shown(&self) -> String {
        if self.kind == Kind::Switch {
            return self.name();
        }
        match self.short {
            Some(short) => format!("-{short} {}", self.value),
            None => format!("--{} {}", self.long, self.value),
        }
    }
}

impl Spec {
    /// The one-line synopsis: `qudra solve SCENARIO.json [-o PLAN.json] [--time-limit SECONDS] …`.
    pub fn synopsis(&self) -> String {
        let mut parts = vec![self.program.to_string()];
        match self.positional {
            Some((name, true)) => parts.push(name.to_string()),
            Some((name, false)) => parts.push(format!("[{name}]")),
            None => {}
        }
        let mut group: Vec<String> = Vec::new();
        for flag in self.flags {
            if flag.kind == Kind::OneOf {
                group.push(flag.shown());
                continue;
            }
            if !group.is_empty() {
                parts.push(format!("({})", group.join(" | ")));
                group.clear();
            }
            parts.push(match flag.kind {
                Kind::Required => flag.shown(),
                Kind::Repeated => format!("[{}]...", flag.shown()),
                _ => format!("[{}]", flag.shown()),
            });
        }
        if !group.is_empty() {
            parts.push(format!("({})", group.join(" | ")));
        }
        parts.join(" ")
    }

    /// What `--help` prints: the synopsis, every option with its sentence, then `about`.
    pub fn help(&self) -> String {
        let rows: Vec<(String, &str)> = self
            .flags
            .iter()
            .map(|flag| {
                let names = match (flag.short, flag.kind) {
                    (_, Kind::Switch) => format!("    --{}", flag.long),
                    (Some(short), _) => format!("-{short}, --{} {}", flag.long, flag.value),
                    (None, _) => format!("    --{} {}", flag.long, flag.value),
                };
                (names, flag.help)
            })
            .chain(std::iter::once(("-h, --help".to_string(), "this text")))
            .collect();
        let width = rows.iter().map(|(names, _)| names.chars().count()).max().unwrap_or(0);
        let options: Vec<String> =
            rows.iter().map(|(names, help)| format!("  {names:<width$}  {help}").trim_end().to_string()).collect();
        let mut text = format!("Usage: {}\n\nOptions:\n{}", self.synopsis(), options.join("\n"));
        if !self.about.is_empty() {
            text.push_str("\n\n");
            text.push_str(self.about);
        }
        text
    }
}

/// The arguments of one command, checked against its `Spec`.
pub struct Args {
    pub positional: Option<String>,
    values: Vec<(&'static str, String)>,
}

impl Args {
    /// The value of a flag given at most once.
    pub fn get(&self, long: &str) -> Option<&str> {
        self.values.iter().find(|(name, _)| *name == long).map(|(_, value)| value.as_str())
    }

    /// Whether a switch (or any flag) was given.
    pub fn has(&self, long: &str) -> bool {
        self.values.iter().any(|(name, _)| *name == long)
    }

    /// Every value of a repeatable flag, in order.
    pub fn all(&self, long: &str) -> Vec<&str> {
        self.values.iter().filter(|(name, _)| *name == long).map(|(_, value)| value.as_str()).collect()
    }
}

/// `--help` asked for, or the arguments.
pub enum Parsed {
    Help,
    Args(Args),
}

/// Parses `args` (without the program and command names) against `spec`. An unknown or
/// repeated option, a missing value, a missing or extra file: an error sentence.
pub fn parse(spec: &Spec, args: impl IntoIterator<Item = OsString>) -> Result<Parsed, String> {
    use lexopt::Arg;
    let mut parser = lexopt::Parser::from_args(args);
    let mut positional: Vec<String> = Vec::new();
    let mut values: Vec<(&'static str, String)> = Vec::new();
    while let Some(arg) = parser.next().map_err(|err| err.to_string())? {
        let flag = match arg {
            Arg::Long("help") | Arg::Short('h') => return Ok(Parsed::Help),
            Arg::Long(name) => match spec.flags.iter().find(|flag| flag.long == name) {
                Some(flag) => flag,
                None => return Err(format!("unknown option \"--{name}\"")),
            },
            Arg::Short(short) => match spec.flags.iter().find(|flag| flag.short == Some(short)) {
                Some(flag) => flag,
                None => return Err(format!("unknown option \"-{short}\"")),
            },
            Arg::Value(value) => {
                positional.push(text(value)?);
                continue;
            }
        };
        let value = if flag.kind == Kind::Switch {
            String::new()
        } else {
            text(parser.value().map_err(|_| format!("option {} needs a value ({})", flag.name(), flag.value))?)?
        };
        if flag.kind != Kind::Repeated && values.iter().any(|(name, _)| *name == flag.long) {
            return Err(format!("option {} is given twice; give it once", flag.name()));
        }
        values.push((flag.long, value));
    }
    let positional = match (spec.positional, positional.len()) {
        (_, 0) | (Some(_), 1) => positional.pop(),
        (Some((name, _)), count) => return Err(format!("expected one {name}, got {count}")),
        (None, _) => return Err(format!("unexpected argument \"{}\"", positional[0])),
    };
    if let Some((name, true)) = spec.positional {
        if positional.is_none() {
            return Err(format!("missing {name}"));
        }
    }
    let given = |flag: &Flag| values.iter().any(|(name, _)| *name == flag.long);
    for flag in spec.flags.iter().filter(|flag| flag.kind == Kind::Required) {
        if !given(flag) {
            return Err(format!("{} needs {}", spec.program, flag.shown()));
        }
    }
    let group: Vec<&Flag> = spec.flags.iter().filter(|flag| flag.kind == Kind::OneOf).collect();
    if !group.is_empty() {
        let names: Vec<String> = group.iter().map(|flag| flag.name()).collect();
        match group.iter().filter(|flag| given(flag)).count() {
            0 => {
                let shown: Vec<String> = group.iter().map(|flag| flag.shown()).collect();
                return Err(format!("{} needs {}", spec.program, shown.join(" or ")));
            }
            1 => {}
            _ => return Err(format!("{} takes one of {}, not several", spec.program, names.join(", "))),
        }
    }
    Ok(Parsed::Args(Args { positional, values }))
}

fn text(value: OsString) -> Result<String, String> {
    value.into_string().map_err(|value| format!("argument {value:?} is not UTF-8 text"))
}

/// A count with its noun in English, singular for exactly one: `1 problem`, `3 problems`.
pub fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Writes to standard error, ignoring failure: with stderr closed there is nowhere left to
/// say anything, and the exit status still tells.
pub fn say(text: &str) {
    let mut err = io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.write_all(b"\n"));
}

/// Writes to standard output and flushes, so that a closed pipe or a full disk is an error
/// here rather than a panic or a silent loss at exit.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// What to say when standard output fails: nothing for a closed pipe (`qudra … | head`, as
/// other Unix tools), one line otherwise (`>/dev/full`).
pub fn stdout_failure(err: &io::Error) -> Option<String> {
    if err.kind() == io::ErrorKind::BrokenPipe {
        None
    } else {
        Some(format!("cannot write to standard output: {err}"))
    }
}

/// With `ulimit -f`, the kernel kills a process that writes past the limit (SIGXFSZ) before
/// it can remove its temporary file; ignored, the write fails with EFBIG instead and the
/// program cleans up and says so.
pub fn ignore_file_size_signal() {
    #[cfg(unix)]
    // SAFETY: setting a standard signal to SIG_IGN installs no handler and touches no memory;
    // it is called at the start of main, before any other thread exists.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// Whether `output` names the same file as `input` (which exists): canonical paths, so that
/// `./x.json`, `x.json` and a symlink to it are one, and on Unix the same inode (hard links).
/// `output` need not exist yet: its folder is canonicalised and its name joined.
pub fn same_file(input: &Path, output: &Path) -> bool {
    let Ok(input) = fs::canonicalize(input) else {
        return false;
    };
    let output = match fs::canonicalize(output) {
        Ok(path) => path,
        Err(_) => {
            let Some(name) = output.file_name() else {
                return false;
            };
            match fs::canonicalize(folder(output)) {
                Ok(parent) => parent.join(name),
                Err(_) => return false,
            }
        }
    };
    if input == output {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (fs::metadata(&input), fs::metadata(&output)) {
            return (a.dev(), a.ino()) == (b.dev(), b.ino());
        }
    }
    false
}

/// The folder a path is in (`.` for a bare file name).
fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes `bytes` to `path` whole or not at all: into a new temporary file in the same folder,
/// synced, then renamed over the target (and the folder synced). On any failure the temporary
/// file is removed and the old file, if any, is untouched. Only regular files are replaced so. A symlink is followed, so the file
/// it names is replaced, not the link; an existing file's permissions are kept.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // A device or pipe (`-o /dev/null`, `-o /dev/stdout`) is written as it is: renaming a file
    // over it would replace the device itself.
    if let Ok(meta) = fs::metadata(path) {
        if !meta.is_file() && !meta.is_dir() {
            let mut file = File::options().write(true).truncate(true).open(path)?;
            return file.write_all(bytes).and_then(|()| file.flush());
        }
    }
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = folder(&target);
    let Some(name) = target.file_name() else {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "not a file name"));
    };
    let (temp, file) = create_temp(&dir, &name.to_string_lossy())?;
    let written = fill(file, bytes, &target).and_then(|()| fs::rename(&temp, &target));
    if let Err(err) = written {
        let _ = fs::remove_file(&temp);
        return Err(err);
    }
    sync_folder(&dir)
}

fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let mut attempt = 0u32;
    loop {
        let temp = dir.join(format!(".{name}.{}-{attempt}.tmp", std::process::id()));
        match File::options().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(err) => return Err(err),
        }
    }
}

fn fill(mut file: File, bytes: &[u8], target: &Path) -> io::Result<()> {
    file.write_all(bytes)?;
    if let Ok(old) = fs::metadata(target) {
        file.set_permissions(old.permissions())?;
    }
    file.sync_all()
}

/// Makes the rename durable (Unix: fsync of the folder; elsewhere nothing to do).
fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}
