//! The shared workspace as its users reach it: a real `qudra serve` on a free port over a
//! real database (a temporary SQLite file, or a throwaway PostgreSQL cluster), accounts made
//! with `qudra user add`, and HTTP requests with the session cookie and CSRF header.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};

use super::cli::QUDRA;

/// The `qudra` under test: this build's, or the one `QUDRA_BIN` names (the load test is
/// measured on a release build).
pub fn qudra_bin() -> String {
    std::env::var("QUDRA_BIN").unwrap_or_else(|_| QUDRA.to_string())
}

/// A running `qudra serve`, stopped when dropped.
pub struct Server {
    child: Child,
    pub base: String,
    pub addr: String,
}

impl Server {
    /// Starts `qudra serve --db URL --listen 127.0.0.1:0 ARGS…` and waits for the address it
    /// prints.
    pub fn start(db: &str, args: &[&str]) -> Server {
        let mut child = Command::new(qudra_bin())
            .args(["serve", "--db", db, "--listen", "127.0.0.1:0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start qudra serve");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr).lines();
        let mut said = Vec::new();
        let addr = loop {
            match lines.next() {
                Some(Ok(line)) => {
                    if let Some(rest) = line.split("http://").nth(1) {
                        break rest.split('/').next().unwrap_or_default().to_string();
                    }
                    said.push(line);
                }
                _ => {
                    let _ = child.kill();
                    panic!("qudra serve stopped before serving: {}", said.join("\n"));
                }
            }
        };
        // Keep reading stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines.by_ref() {});
        Server { child, base: format!("http://{addr}"), addr }
    }

    /// What the server printed on standard output (the demo accounts), after it stopped.
    pub fn stop(mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut out = String::new();
        if let Some(mut stdout) = self.child.stdout.take() {
            let _ = stdout.read_to_string(&mut out);
        }
        out
    }

    /// Kills the server at once (SIGKILL), as a crash would.
    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn client(&self) -> Client {
        Client { base: self.base.clone(), cookie: None, csrf: None }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `qudra user add --db URL --login NAME --role ROLE [--state CODE] --password-stdin`.
pub fn add_user(db: &str, login: &str, role: &str, state: Option<&str>, password: &str) {
    let mut args = vec!["user", "add", "--db", db, "--login", login, "--role", role, "--password-stdin"];
    if let Some(state) = state {
        args.extend(["--state", state]);
    }
    let mut child = Command::new(qudra_bin())
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run qudra user add");
    child.stdin.take().expect("stdin").write_all(format!("{password}\n").as_bytes()).expect("password");
    let out = child.wait_with_output().expect("qudra user add");
    assert!(out.status.success(), "user add {login}: {}", String::from_utf8_lossy(&out.stderr));
}

/// An HTTP answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub text: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|_| panic!("not JSON ({}): {}", self.status, self.text))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str())
    }
}

/// One browser: its session cookie and CSRF token once signed in.
#[derive(Clone)]
pub struct Client {
    pub base: String,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

impl Client {
    /// `POST /api/login`; on 200 keeps the cookie and the CSRF token.
    pub fn login(&mut self, login: &str, password: &str) -> Answer {
        let answer = self.send("POST", "/api/login", Some(json!({"login": login, "password": password})), &[]);
        if answer.status == 200 {
            let cookie = answer.header("set-cookie").expect("a session cookie").to_string();
            self.cookie = Some(cookie.split(';').next().unwrap_or_default().to_string());
            self.csrf = answer.json()["csrf"].as_str().map(str::to_string);
        }
        answer
    }

    /// A signed-in client.
    pub fn signed_in(server: &Server, login: &str, password: &str) -> Client {
        let mut client = server.client();
        let answer = client.login(login, password);
        assert_eq!(answer.status, 200, "sign-in of {login}: {}", answer.text);
        client
    }

    pub fn get(&self, path: &str) -> Answer {
        self.send("GET", path, None, &[])
    }

    /// A request with the cookie and, when signed in, the CSRF header.
    pub fn send(&self, method: &str, path: &str, body: Option<Value>, headers: &[(&str, &str)]) -> Answer {
        self.raw(method, path, body.map(|body| body.to_string().into_bytes()), headers, true)
    }

    /// A request with any body bytes; `csrf` false leaves the CSRF header out.
    pub fn raw(&self, method: &str, path: &str, body: Option<Vec<u8>>, headers: &[(&str, &str)], csrf: bool) -> Answer {
        self.try_raw(method, path, body, headers, csrf).unwrap_or_else(|err| panic!("{method} {path}: {err}"))
    }

    /// `raw`, with a connection failure (the server is gone) as an error.
    pub fn try_raw(
        &self,
        method: &str,
        path: &str,
        body: Option<Vec<u8>>,
        headers: &[(&str, &str)],
        csrf: bool,
    ) -> Result<Answer, ureq::Error> {
        let mut request = ureq::http::Request::builder().method(method).uri(format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            request = request.header("Cookie", cookie);
        }
        if let (Some(token), true) = (&self.csrf, csrf) {
            request = request.header("X-CSRF-Token", token);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let agent = agent();
        let result = match body {
            Some(bytes) => agent.run(request.header("Content-Type", "application/json").body(bytes).expect("request")),
            None => agent.run(request.body(()).expect("request")),
        };
        let mut response = result?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap_or_default().to_string()))
            .collect();
        let text = response.body_mut().with_config().limit(64 * 1024 * 1024).read_to_string()?;
        Ok(Answer { status, headers, text })
    }
}

/// Sends `body_len` bytes as one request's body over a plain socket and returns the status
/// line's code: a body over the limit may be refused before it is all sent.
pub fn post_huge(addr: &str, path: &str, cookie: &str, csrf: &str, body_len: usize) -> u16 {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\nX-CSRF-Token: {csrf}\r\n\
         Content-Type: application/json\r\nContent-Length: {body_len}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).expect("head");
    let chunk = vec![b' '; 64 * 1024];
    let mut sent = 0;
    while sent < body_len {
        let n = chunk.len().min(body_len - sent);
        if stream.write_all(&chunk[..n]).is_err() {
            break;
        }
        sent += n;
    }
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    while let Ok(n) = stream.read(&mut buffer) {
        if n == 0 {
            break;
        }
        answer.extend_from_slice(&buffer[..n]);
        if answer.windows(4).any(|w| w == b"\r\n\r\n") {
            break;
        }
    }
    let text = String::from_utf8_lossy(&answer);
    text.split(' ').nth(1).and_then(|code| code.parse().ok()).unwrap_or(0)
}

/// `GET path` over a plain socket with `headers`; the answer's status line and headers.
pub fn head_of_get(addr: &str, path: &str, headers: &[(&str, &str)]) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout");
    let extra: String = headers.iter().map(|(name, value)| format!("{name}: {value}\r\n")).collect();
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\n{extra}Connection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("request");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let end = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or(answer.len());
    String::from_utf8_lossy(&answer[..end]).to_lowercase()
}

/// A throwaway PostgreSQL cluster in a temporary folder on a free port, run as the
/// `postgres` user (the tests run as root), stopped and removed when dropped.
pub struct Postgres {
    dir: PathBuf,
    bin: PathBuf,
    pub port: u16,
}

impl Postgres {
    /// Finds Debian's PostgreSQL (`make setup-postgres` installs it), creates a cluster and
    /// starts it.
    pub fn start(name: &str) -> Postgres {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()
            .and_then(|versions| {
                versions
                    .filter_map(Result::ok)
                    .map(|entry| entry.path().join("bin"))
                    .filter(|bin| bin.join("initdb").is_file())
                    .max()
            })
            .expect("PostgreSQL is not installed: run `make setup-postgres` (Debian's postgresql package)");
        let dir = std::env::temp_dir().join(format!("qudra-pg-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("cluster folder");
        run_checked(Command::new("chown").args(["postgres:postgres", &dir.to_string_lossy()]));
        let data = dir.join("data");
        as_postgres(
            &bin.join("initdb"),
            &["-D", &data.to_string_lossy(), "-A", "trust", "-U", "postgres", "--no-sync"],
        );
        let port = free_port();
        let options = format!("-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=on", dir.to_string_lossy());
        as_postgres(
            &bin.join("pg_ctl"),
            &["-D", &data.to_string_lossy(), "-l", &dir.join("log").to_string_lossy(), "-o", &options, "-w", "start"],
        );
        let cluster = Postgres { dir, bin, port };
        cluster.create_database("qudra");
        cluster
    }

    pub fn create_database(&self, name: &str) {
        as_postgres(
            &self.bin.join("createdb"),
            &["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", "postgres", name],
        );
    }

    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let _ = Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(self.bin.join("pg_ctl"))
            .args(["-D", &data.to_string_lossy(), "-m", "immediate", "stop"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn as_postgres(program: &Path, args: &[&str]) {
    run_checked(Command::new("runuser").args(["-u", "postgres", "--"]).arg(program).args(args));
}

fn run_checked(command: &mut Command) {
    let out = command.current_dir("/tmp").output().expect("run a PostgreSQL tool");
    assert!(
        out.status.success(),
        "{:?}: {}{}",
        command,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A port nothing listens on now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port")
}
