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
    // Py_BuildValue formats and object lists (modsupport.c).
    Py_BuildValue => ferropy_c_Py_BuildValue,
    _Py_BuildValue_SizeT => ferropy_c__Py_BuildValue_SizeT,
    Py_VaBuildValue => ferropy_c_Py_VaBuildValue,
    _Py_VaBuildValue_SizeT => ferropy_c__Py_VaBuildValue_SizeT,
    _Py_VaBuildStack => ferropy_c__Py_VaBuildStack,
    _Py_VaBuildStack_SizeT => ferropy_c__Py_VaBuildStack_SizeT,
    PyObject_CallFunction => ferropy_c_PyObject_CallFunction,
    _PyObject_CallFunction_SizeT => ferropy_c__PyObject_CallFunction_SizeT,
    PyObject_CallMethod => ferropy_c_PyObject_CallMethod,
    _PyObject_CallMethod_SizeT => ferropy_c__PyObject_CallMethod_SizeT,
    _PyObject_CallMethod => ferropy_c__PyObject_CallMethod,
    PyEval_CallFunction => ferropy_c_PyEval_CallFunction,
    PyEval_CallMethod => ferropy_c_PyEval_CallMethod,
    PyObject_CallFunctionObjArgs => ferropy_c_PyObject_CallFunctionObjArgs,
    PyObject_CallMethodObjArgs => ferropy_c_PyObject_CallMethodObjArgs,
    _PyObject_CallMethodId => ferropy_c__PyObject_CallMethodId,
    _PyObject_CallMethodId_SizeT => ferropy_c__PyObject_CallMethodId_SizeT,
    _PyObject_CallMethodIdObjArgs => ferropy_c__PyObject_CallMethodIdObjArgs,
    PyArg_UnpackTuple => ferropy_c_PyArg_UnpackTuple,
    // Argument parsing formats (getargs.c).
    PyArg_Parse => ferropy_c_PyArg_Parse,
    _PyArg_Parse_SizeT => ferropy_c__PyArg_Parse_SizeT,
    PyArg_ParseTuple => ferropy_c_PyArg_ParseTuple,
    _PyArg_ParseTuple_SizeT => ferropy_c__PyArg_ParseTuple_SizeT,
    PyArg_VaParse => ferropy_c_PyArg_VaParse,
    _PyArg_VaParse_SizeT => ferropy_c__PyArg_VaParse_SizeT,
    PyArg_ParseTupleAndKeywords => ferropy_c_PyArg_ParseTupleAndKeywords,
    _PyArg_ParseTupleAndKeywords_SizeT => ferropy_c__PyArg_ParseTupleAndKeywords_SizeT,
    PyArg_VaParseTupleAndKeywords => ferropy_c_PyArg_VaParseTupleAndKeywords,
    _PyArg_VaParseTupleAndKeywords_SizeT => ferropy_c__PyArg_VaParseTupleAndKeywords_SizeT,
    _PyArg_ParseTupleAndKeywordsFast => ferropy_c__PyArg_ParseTupleAndKeywordsFast,
    _PyArg_ParseTupleAndKeywordsFast_SizeT => ferropy_c__PyArg_ParseTupleAndKeywordsFast_SizeT,
    _PyArg_VaParseTupleAndKeywordsFast => ferropy_c__PyArg_VaParseTupleAndKeywordsFast,
    _PyArg_VaParseTupleAndKeywordsFast_SizeT => ferropy_c__PyArg_VaParseTupleAndKeywordsFast_SizeT,
    _PyArg_ParseStack => ferropy_c__PyArg_ParseStack,
    _PyArg_ParseStack_SizeT => ferropy_c__PyArg_ParseStack_SizeT,
    _PyArg_ParseStackAndKeywords => ferropy_c__PyArg_ParseStackAndKeywords,
    _PyArg_ParseStackAndKeywords_SizeT => ferropy_c__PyArg_ParseStackAndKeywords_SizeT,
    _PyArg_UnpackStack => ferropy_c__PyArg_UnpackStack,
    PyTuple_Pack => ferropy_c_PyTuple_Pack,
    PyUnicode_FromFormat => ferropy_c_PyUnicode_FromFormat,
    PyUnicode_FromFormatV => ferropy_c_PyUnicode_FromFormatV,
    PyBytes_FromFormat => ferropy_c_PyBytes_FromFormat,
    PyBytes_FromFormatV => ferropy_c_PyBytes_FromFormatV,
    PyErr_Format => ferropy_c_PyErr_Format,
    PyErr_FormatV => ferropy_c_PyErr_FormatV,
    PyErr_WarnFormat => ferropy_c_PyErr_WarnFormat,
    PyErr_ResourceWarning => ferropy_c_PyErr_ResourceWarning,
    PyErr_WarnExplicitFormat => ferropy_c_PyErr_WarnExplicitFormat,
    _PyErr_FormatFromCause => ferropy_c__PyErr_FormatFromCause,
    _Py_FatalErrorFormat => ferropy_c__Py_FatalErrorFormat,
    // sys (sys_write.c).
    PySys_WriteStdout => ferropy_c_PySys_WriteStdout,
    PySys_WriteStderr => ferropy_c_PySys_WriteStderr,
    PySys_FormatStdout => ferropy_c_PySys_FormatStdout,
    PySys_FormatStderr => ferropy_c_PySys_FormatStderr,
    PySys_Audit => ferropy_c_PySys_Audit,
    // Not variadic, but it must end the thread with no Rust frame on the stack (thread.c).
    PyThread_exit_thread => ferropy_c_PyThread_exit_thread,
}
