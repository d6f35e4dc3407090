//! Python 3.11 source text -> AST. Plain Rust with no dependency on the object core, so it
//! can be tested and fuzzed alone (see docs/DESIGN.md).
