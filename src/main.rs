use std::process::ExitCode;

fn main() -> ExitCode {
    crosscheck::cli::main()
}
