//! Compiler flags and input modes of compile.h and cpython/compile.h: the start symbols
//! passed to `Py_CompileString`/`PyRun_String`, the `PyCF_*` bits of `compile()`'s flags,
//! `PyCompilerFlags` and `PyFutureFeatures`. The `FUTURE_*` names are strings, hence
//! hand-written in include/cpython/compile.h.
use core::ffi::c_int;

// Start symbols (grammar entry points), in every API level.
pub const Py_single_input: c_int = 256;
pub const Py_file_input: c_int = 257;
pub const Py_eval_input: c_int = 258;
pub const Py_func_type_input: c_int = 345;
pub const Py_fstring_input: c_int = 800;

/// Every `CO_FUTURE_*` bit (division 0x20000 .. annotations 0x1000000) that a future
/// statement can set and `compile()` accepts in its flags.
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_MASK: c_int = 0x1FE_0000;
/// `CO_NESTED`: accepted and ignored.
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_MASK_OBSOLETE: c_int = 0x0010;
// Compiler-only flags use bits 0x0100..0x10000, below the CO_FUTURE_ bits.
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_SOURCE_IS_UTF8: c_int = 0x0100;
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_DONT_IMPLY_DEDENT: c_int = 0x0200;
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_ONLY_AST: c_int = 0x0400;
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_IGNORE_COOKIE: c_int = 0x0800;
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_TYPE_COMMENTS: c_int = 0x1000;
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_ALLOW_TOP_LEVEL_AWAIT: c_int = 0x2000;
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_ALLOW_INCOMPLETE_INPUT: c_int = 0x4000;
/// The flags `compile()` passes through to the compiler.
#[cfg(not(Py_LIMITED_API))]
pub const PyCF_COMPILE_MASK: c_int = 0x7600;
static_assertions::const_assert_eq!(
    PyCF_COMPILE_MASK,
    PyCF_ONLY_AST
        | PyCF_ALLOW_TOP_LEVEL_AWAIT
        | PyCF_TYPE_COMMENTS
        | PyCF_DONT_IMPLY_DEDENT
        | PyCF_ALLOW_INCOMPLETE_INPUT
);

/// `PyCompilerFlags`: future-statement and compiler flags, and the minor version of the
/// grammar to parse (`feature_version` of `ast.parse`, only with `PyCF_ONLY_AST`).
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyCompilerFlags {
    pub cf_flags: c_int,
    pub cf_feature_version: c_int,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyCompilerFlags, size = 8, cf_flags @ 0, cf_feature_version @ 4);

/// `PyFutureFeatures`: the future statements of a module and the line of the last one.
#[cfg(not(Py_LIMITED_API))]
#[repr(C)]
pub struct PyFutureFeatures {
    pub ff_features: c_int,
    pub ff_lineno: c_int,
}
#[cfg(not(Py_LIMITED_API))]
assert_layout!(PyFutureFeatures, size = 8, ff_features @ 0, ff_lineno @ 4);

/// What `PyCompile_OpcodeStackEffect` returns for an invalid opcode (`INT_MAX`).
#[cfg(not(Py_LIMITED_API))]
pub const PY_INVALID_STACK_EFFECT: c_int = 2_147_483_647;
#[cfg(not(Py_LIMITED_API))]
static_assertions::const_assert_eq!(PY_INVALID_STACK_EFFECT, c_int::MAX);
