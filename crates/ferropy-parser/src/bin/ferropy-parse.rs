//! Stand-alone driver for the parser (same commands as `ferropy --dump-ast...`), so the
//! parser can be tested without building the whole runtime.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    match ferropy_parser::cli::run(&args) {
        Some(code) => std::process::exit(code),
        None => {
            eprintln!("usage: ferropy-parse --dump-ast [--include-attributes] FILE | --dump-ast-many LISTFILE");
            std::process::exit(2);
        }
    }
}
