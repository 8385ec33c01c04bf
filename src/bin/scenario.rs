//! The native scenario runner (filled by the console issue).

fn main() {
    eprintln!("scenario: the runner is not built yet (see the console language issue)");
    std::process::exit(2);
}
