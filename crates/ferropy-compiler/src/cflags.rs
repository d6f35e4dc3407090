//! The `PyCF_*` compiler flags and `CO_FUTURE_*` feature bits the compiler reads from
//! `Options::flags` (same values as CPython's compile.h / code.h, which the runtime
//! passes through unchanged).

/// `PyCF_SOURCE_IS_UTF8`: informational (our sources are always UTF-8 or decoded).
pub const SOURCE_IS_UTF8: u32 = 0x0100;
/// `PyCF_DONT_IMPLY_DEDENT`: in `single` mode, a source not ending in a newline does not
/// close its open blocks (the REPL's "more input needed").
pub const DONT_IMPLY_DEDENT: u32 = 0x0200;
/// `PyCF_ONLY_AST`: not supported by the compiler (the runtime must refuse it).
pub const ONLY_AST: u32 = 0x0400;
/// `PyCF_IGNORE_COOKIE`: the source is already text (`compile(str)`): no coding cookie.
pub const IGNORE_COOKIE: u32 = 0x0800;
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`: not supported yet.
pub const ALLOW_TOP_LEVEL_AWAIT: u32 = 0x2000;
/// `PyCF_ALLOW_INCOMPLETE_INPUT`: input that ends inside a construct raises
/// `SyntaxError("incomplete input")` instead of the specific error (codeop's test).
pub const ALLOW_INCOMPLETE_INPUT: u32 = 0x4000;

/// Every `CO_FUTURE_*` bit; those given in the flags are in effect and are copied into
/// every code object's `co_flags`, as CPython does.
pub const FUTURE_MASK: u32 = 0x1FE_0000;
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x40_0000;
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x100_0000;
