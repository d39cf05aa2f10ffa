//! Helpers shared by the integration tests that drive the real `dechaff` binary.

// Each test crate includes this module and uses only some of it.
#![allow(dead_code)]

pub mod pages;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The `dechaff` binary under test.
pub fn dechaff() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dechaff"))
}

/// Runs `dechaff` with these arguments and no input.
pub fn run(args: &[&str]) -> Output {
    dechaff()
        .args(args)
        .output()
        .expect("the dechaff binary runs")
}

/// Runs `dechaff` with `input` on standard input, written from a thread of its own so that
/// an input larger than the pipe's buffer cannot deadlock against the output.
pub fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = dechaff()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the dechaff binary starts");
    let mut stdin = child.stdin.take().expect("standard input is piped");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("the dechaff binary ends");
    writer
        .join()
        .expect("the writer thread ends")
        .expect("the input is written");
    output
}

/// The JSONL records a run wrote to standard output.
pub fn records(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each output line is JSON"))
        .collect()
}

/// What a run wrote to standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
