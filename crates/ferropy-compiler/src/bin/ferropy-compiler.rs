//! Stand-alone driver of the compiler crate (see `cli.rs` for the commands).
fn main() {
    let args: Vec<String> = std::env::args().collect();
    match ferropy_compiler::cli::run(&args) {
        Some(code) => std::process::exit(code),
        None => {
            eprintln!("usage: ferropy-compiler symtable FILE | symtable-many LISTFILE");
            std::process::exit(2);
        }
    }
}
