use clap::Parser;
use portwiz::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Cli::parse();
    let dir = match portwiz::store::resolve_data_dir(args.data_dir.as_deref()) {
        Ok(dir) => dir,
        Err(message) => {
            eprintln!("portwiz: {message}");
            return ExitCode::from(2);
        }
    };
    let dumb_terminal = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if args.command.is_none() && (args.plain || dumb_terminal) {
        return ExitCode::from(portwiz::plain::run_on_terminal(&dir, cli::commands_clock()));
    }
    let Some(command) = args.command else {
        eprintln!(
            "portwiz: the interactive app is not built yet; see `portwiz --help` for the commands"
        );
        return ExitCode::from(2);
    };
    let mut stdout = std::io::stdout().lock();
    match cli::run(command, &dir, cli::commands_clock(), &mut stdout) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            for line in failure.lines() {
                eprintln!("portwiz: {line}");
            }
            ExitCode::from(failure.exit_code())
        }
    }
}
