//! A real SMTP server on loopback: Python's aiosmtpd (Debian: python3-aiosmtpd) writing every
//! message it accepts into a Maildir; `picky_smtp.py` beside this file adds refusals and delays.
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct SmtpServer {
    child: Child,
    pub port: u16,
    pub maildir: PathBuf,
}

/// A port nothing listens on right now.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A Python that has aiosmtpd: `$AIOSMTPD_PYTHON`, else the system's (where apt puts
/// python3-aiosmtpd, even when another python3 comes first on PATH), else `python3`.
fn python() -> String {
    let candidates = std::env::var("AIOSMTPD_PYTHON")
        .into_iter()
        .chain(["/usr/bin/python3".to_string(), "python3".to_string()]);
    for candidate in candidates {
        let ok = Command::new(&candidate)
            .args(["-c", "import aiosmtpd"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return candidate;
        }
    }
    panic!("no python3 with aiosmtpd: apt-get install python3-aiosmtpd (or set AIOSMTPD_PYTHON)");
}

impl SmtpServer {
    pub fn start(port: u16, maildir: &Path) -> SmtpServer {
        SmtpServer::spawn(port, maildir, "aiosmtpd.handlers.Mailbox", 0.0)
    }

    /// A server that refuses `bounce…@` with 550 and `later…@` with 451 and waits
    /// `delay_secs` before taking each message (`picky_smtp.py`).
    pub fn start_picky(port: u16, maildir: &Path, delay_secs: f64) -> SmtpServer {
        SmtpServer::spawn(port, maildir, "picky_smtp.Picky", delay_secs)
    }

    fn spawn(port: u16, maildir: &Path, handler: &str, delay_secs: f64) -> SmtpServer {
        let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/common");
        let child = Command::new(python())
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                handler,
            ])
            .arg(maildir)
            .env("PYTHONPATH", here)
            .env("SMTP_DELAY_SECS", delay_secs.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m aiosmtpd runs");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "aiosmtpd did not start on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        SmtpServer {
            child,
            port,
            maildir: maildir.to_path_buf(),
        }
    }

    /// Every delivered message, raw.
    pub fn messages(&self) -> Vec<String> {
        read_maildir(&self.maildir)
    }
}

pub fn read_maildir(maildir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for sub in ["new", "cur"] {
        if let Ok(entries) = std::fs::read_dir(maildir.join(sub)) {
            for e in entries.flatten() {
                out.push(std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
    }
    out
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
