//! The `dechaff` command: flags in, one call into the library.

fn main() -> std::process::ExitCode {
    dechaff::cli::run()
}
