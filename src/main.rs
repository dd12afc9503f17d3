use portwiz::cli::{self, Console};
use portwiz::store::Store;
use portwiz::tui;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match cli::args::try_parse() {
        Ok(args) => args,
        Err(e) => return usage(&e),
    };
    if args.demo {
        if args.board {
            say("portwiz: --demo and --all-tenants: the demo copy has no tenants; choose one");
            return ExitCode::from(2);
        }
        if args.command.is_some() {
            say(
                "portwiz: --demo opens the app on the demo orders and takes no command; run the command without --demo",
            );
            return ExitCode::from(2);
        }
        return run_demo(args.plain || dumb_terminal());
    }
    let root = match portwiz::store::resolve_data_dir(args.data_dir.as_deref()) {
        Ok(dir) => dir,
        Err(message) => {
            say(&format!("portwiz: {message}"));
            return ExitCode::from(2);
        }
    };
    if args.board {
        return run_board(&root, &args);
    }
    let (dir, tenant) = match store_dir(&root, args.tenant.as_deref(), args.command.as_ref()) {
        Ok(chosen) => chosen,
        Err(failure) => {
            Console::stdio().report(&failure);
            return ExitCode::from(failure.exit_code());
        }
    };
    if args.command.is_none() && (args.plain || dumb_terminal()) {
        return ExitCode::from(portwiz::plain::run_on_terminal(&dir, cli::commands_clock()));
    }
    let Some(command) = args.command else {
        let options = tui::Options {
            root: Some(root),
            tenant,
            ..tui::Options::default()
        };
        return run_app(&dir, options);
    };
    let mut console = Console::stdio();
    match cli::run(command, &dir, cli::commands_clock(), &mut console) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            console.report(&failure);
            ExitCode::from(failure.exit_code())
        }
    }
}

/// The store to work on (docs/storage.md): `tenants` and `list --all-tenants` look at every
/// tenant under `root`; a
/// command works on the tenant asked for (`--tenant`, `PORTWIZ_TENANT`), else on `root`; the app
/// and plain mode also start on the tenant used last, and remember the one they open.
fn store_dir(
    root: &Path,
    flag: Option<&str>,
    command: Option<&cli::Command>,
) -> Result<(std::path::PathBuf, Option<String>), cli::Failure> {
    use cli::Command;
    let chosen = cli::tenants::chosen(flag)?;
    match command {
        Some(Command::List {
            all_tenants: true, ..
        }) if flag.is_some() => Err(cli::Failure::Input(
            "--all-tenants lists every tenant's orders; leave out --tenant".to_string(),
        )),
        Some(
            Command::Tenants { .. }
            | Command::List {
                all_tenants: true, ..
            },
        ) => Ok((root.to_path_buf(), None)),
        Some(command) => {
            let creates = matches!(command, Command::New { .. } | Command::Import { .. });
            let dir = cli::tenants::store_dir(root, chosen.as_deref(), creates)?;
            Ok((dir, chosen))
        }
        None => {
            let last = portwiz::store::tenants::last_used(root);
            let tenant = chosen.or_else(|| last.clone());
            let dir = cli::tenants::store_dir(root, tenant.as_deref(), true)?;
            if tenant != last {
                portwiz::store::tenants::remember(root, tenant.as_deref());
            }
            Ok((dir, tenant))
        }
    }
}

/// clap's help, version or usage error, through the console like everything else: a refused
/// argument is echoed in the message, and may hold escape sequences.
fn usage(e: &clap::Error) -> ExitCode {
    let mut console = Console::stdio();
    let text = e.to_string();
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    if e.use_stderr() {
        // Line by line: each line is clap's own once the argument's line breaks are escaped;
        // should the escaped arguments pass, the whole message goes as one line.
        match cli::args::refusal_with_breaks_escaped() {
            Some(refusal) => refusal
                .to_string()
                .trim_end()
                .lines()
                .for_each(|line| console.say(line)),
            None => console.say(text.trim_end()),
        }
        ExitCode::from(code)
    } else {
        match console.print(&text) {
            Ok(()) => ExitCode::from(code),
            Err(failure) => {
                console.report(&failure);
                ExitCode::from(failure.exit_code())
            }
        }
    }
}

/// One line on stderr, cleaned like all the command line prints.
fn say(line: &str) {
    Console::stdio().say(line);
}

/// A terminal that can show nothing but lines (plain mode whether asked or not).
fn dumb_terminal() -> bool {
    std::env::var("TERM").is_ok_and(|t| t == "dumb")
}

/// The app (or plain mode) on a fresh temporary copy of the demo orders, deleted when it ends.
fn run_demo(plain: bool) -> ExitCode {
    let (temp, store, _, problems) = match portwiz::demo::temporary_copy(cli::commands_clock()) {
        Ok(copy) => copy,
        Err(e) => {
            say(&format!("portwiz: {e}"));
            return ExitCode::from(2);
        }
    };
    for problem in &problems {
        say(&format!("portwiz: {problem}"));
    }
    drop(store);
    if plain {
        return ExitCode::from(portwiz::plain::run_on_terminal(
            temp.path(),
            cli::commands_clock(),
        ));
    }
    run_app(
        temp.path(),
        tui::Options {
            demo: true,
            ..tui::Options::default()
        },
    )
}

/// The app on the board (`--all-tenants`): every tenant's orders, no store opened until an
/// order is; the flag goes with the app alone.
fn run_board(root: &Path, args: &cli::args::Cli) -> ExitCode {
    let refused = if args.command.is_some() {
        Some(
            "--all-tenants before a command opens the app's board; for the list, put it after: portwiz list --all-tenants",
        )
    } else if args.tenant.is_some() {
        Some("--all-tenants shows every tenant's orders; leave out --tenant")
    } else if args.plain || dumb_terminal() {
        Some(
            "the board (--all-tenants) is the full-screen app's; `portwiz list --all-tenants` prints it",
        )
    } else {
        None
    };
    if let Some(why) = refused {
        say(&format!("portwiz: {why}"));
        return ExitCode::from(2);
    }
    if !Console::has_terminal() {
        return no_terminal();
    }
    let options = tui::Options {
        root: Some(root.to_path_buf()),
        board: true,
        ..tui::Options::default()
    };
    match tui::run(Store::unopened(root), Vec::new(), options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("portwiz: the terminal failed: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Said when the full-screen app cannot start.
fn no_terminal() -> ExitCode {
    say(
        "portwiz: there is no terminal here for the full-screen app (standard input and output \
         must both be a terminal). Use `portwiz --plain` for line-by-line prompts, or a \
         subcommand such as `portwiz list` (see `portwiz --help`).",
    );
    ExitCode::from(2)
}

fn run_app(dir: &Path, options: tui::Options) -> ExitCode {
    if !Console::has_terminal() {
        return no_terminal();
    }
    // The summary index alone draws the first frame at once; the runtime then checks every
    // order file and redraws with what it found.
    let result = match Store::open_cached(dir) {
        Some(cached) => tui::run(
            cached,
            Vec::new(),
            tui::Options {
                verify_first: true,
                ..options
            },
        ),
        // No index (a first start, a `git clone`): the first frame at once, with a progress
        // bar while every order is read and the index built on a thread.
        None => match Store::open_unread(dir) {
            Ok((store, notices)) => tui::run(
                store,
                notices,
                tui::Options {
                    verify_first: true,
                    cold: true,
                    ..options
                },
            ),
            Err(e) => {
                say(&format!("portwiz: {e}"));
                return ExitCode::from(2);
            }
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("portwiz: the terminal failed: {e}"));
            ExitCode::FAILURE
        }
    }
}
