//! Sample regression: every page in `samples/` must still produce its reviewed expected output.
//! After a deliberate change, review the diff and re-bless with `cargo run -- check --bless`.

use std::process::Command;

#[test]
fn samples_match_their_expected_output() {
    let output = Command::new(env!("CARGO_BIN_EXE_dechaff"))
        .args(["check", "samples"])
        .output()
        .expect("the dechaff binary runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "sample output changed:\n{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
