//! Builders of pages, files and crawl records for the tests that drive the binary with hostile
//! inputs, and a guarded wait for runs that could hang.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use flate2::write::GzEncoder;
use serde_json::Value;

use super::dechaff;

/// A page with a title and one paragraph that is its article.
pub const ARTICLE: &str = "<html><head><title>Harbour</title></head><body><article><p>The harbour \
    reopened on Monday after two years of repairs, and the first boats came in at dawn to a \
    crowd that had waited on the quay since night.</p></article></body></html>";

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

pub fn text(path: &Path) -> String {
    path.display().to_string()
}

pub fn statuses(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| r["status"].as_str().unwrap().to_string())
        .collect()
}

pub fn ids(records: &[Value]) -> Vec<String> {
    records
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

/// Waits for a child at most `limit`, killing it (and failing) if it is still running: the
/// guard against a hang, far above the time the run takes. Its output is read meanwhile, so
/// that a full pipe cannot stop it.
pub fn wait_at_most(mut child: Child, limit: Duration) -> Output {
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                std::io::Read::read_to_end(&mut pipe, &mut bytes).unwrap();
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _));
    let stderr_reader = drain(child.stderr.take().map(|p| Box::new(p) as _));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            let messages = String::from_utf8_lossy(&stderr_reader.join().unwrap()).into_owned();
            panic!("still running after {limit:?}: {messages}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr_reader.join().unwrap(),
    }
}

pub fn spawn(args: &[&str]) -> Child {
    dechaff()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// A WARC response record holding `html` for `url`.
pub fn warc_response(n: u32, html: &str) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    warc_record(n, http.len() as u64, http.as_bytes())
}

pub fn warc_record(n: u32, length: u64, block: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{n}>\r\n\
         WARC-Target-URI: http://example.org/{n}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n"
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

pub fn six_pages() -> Vec<Vec<u8>> {
    (1..=6)
        .map(|n| warc_response(n, &ARTICLE.replace("Harbour", &format!("Harbour {n}"))))
        .collect()
}
