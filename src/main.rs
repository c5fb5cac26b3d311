//! `sincerely`: the engine on the command line. (Issue 5 adds `score FILE…`.)

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version") => println!("sincerely {}", env!("CARGO_PKG_VERSION")),
        _ => {
            eprintln!("usage: sincerely score FILE… [--json]");
            std::process::exit(2);
        }
    }
}
