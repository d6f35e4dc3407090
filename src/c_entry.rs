//! C-API functions whose body is C (src/c/*.c, compiled by build.rs): the variadic ones
//! (`...`) and those taking a `va_list`, which stable Rust cannot define.
//!
//! rustc's version script hides every symbol of C objects linked into the cdylib, so each
//! such function is exported from Rust as a naked function that tail-jumps to the hidden C
//! symbol with all registers untouched (the variadic ABI state in %al included). The C
//! declarations are hand-written in the header where CPython declares them; cbindgen does
//! not see these functions because it does not expand macros.

macro_rules! export_c_functions {
    ($($name:ident => $c_name:ident),* $(,)?) => {
        extern "C" {
            $( fn $c_name(); )*
        }
        $(
            #[unsafe(naked)]
            #[no_mangle]
            pub unsafe extern "C" fn $name() {
                core::arch::naked_asm!("jmp {0}", sym $c_name)
            }
        )*
    };
}

export_c_functions! {
    PyOS_snprintf => ferropy_c_PyOS_snprintf,
    PyOS_vsnprintf => ferropy_c_PyOS_vsnprintf,
    PyTuple_Pack => ferropy_c_PyTuple_Pack,
    PyUnicode_FromFormat => ferropy_c_PyUnicode_FromFormat,
    PyUnicode_FromFormatV => ferropy_c_PyUnicode_FromFormatV,
    PyErr_Format => ferropy_c_PyErr_Format,
    PyErr_FormatV => ferropy_c_PyErr_FormatV,
    PyErr_WarnFormat => ferropy_c_PyErr_WarnFormat,
    PyErr_ResourceWarning => ferropy_c_PyErr_ResourceWarning,
    PyErr_WarnExplicitFormat => ferropy_c_PyErr_WarnExplicitFormat,
    // Not variadic, but it must end the thread with no Rust frame on the stack (thread.c).
    PyThread_exit_thread => ferropy_c_PyThread_exit_thread,
}
