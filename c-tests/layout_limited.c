// ferropy-test: limited=0x030B0000
/* What the limited API (3.11) exposes of the concrete-object area: compiled with
 * -DPy_LIMITED_API=0x030B0000 against CPython's headers and against ours, the outputs must
 * be identical. Besides the values that exist there, it records which macros are defined,
 * so a missing or leaked Py_LIMITED_API guard shows up as a difference. */
#include <Python.h>
#include <stdio.h>

static long items;

#define SIZE(T) (items++, printf("sizeof(%s) = %zu\n", #T, sizeof(T)))
#define UCONST(C) (items++, printf("%s = %llu\n", #C, (unsigned long long)(C)))
#define CONST(C) (items++, printf("%s = %lld\n", #C, (long long)(C)))
#define DEFINED(NAME, YES) (items++, printf("%s defined: %d\n", NAME, YES))

int main(void)
{
    SIZE(Py_UCS1);
    SIZE(Py_UCS2);
    SIZE(Py_UCS4);
    UCONST(Py_UNICODE_REPLACEMENT_CHARACTER);
    SIZE(Py_UNICODE_REPLACEMENT_CHARACTER);
    CONST(Py_UNICODE_SIZE);
#ifdef PyTuple_Check
    DEFINED("PyTuple_Check", 1);
#else
    DEFINED("PyTuple_Check", 0);
#endif
#ifdef PyTuple_CheckExact
    DEFINED("PyTuple_CheckExact", 1);
#else
    DEFINED("PyTuple_CheckExact", 0);
#endif
#ifdef PyTuple_GET_SIZE
    DEFINED("PyTuple_GET_SIZE", 1);
#else
    DEFINED("PyTuple_GET_SIZE", 0);
#endif
#ifdef PyTuple_GET_ITEM
    DEFINED("PyTuple_GET_ITEM", 1);
#else
    DEFINED("PyTuple_GET_ITEM", 0);
#endif
#ifdef PyTuple_SET_ITEM
    DEFINED("PyTuple_SET_ITEM", 1);
#else
    DEFINED("PyTuple_SET_ITEM", 0);
#endif
#ifdef PyList_Check
    DEFINED("PyList_Check", 1);
#else
    DEFINED("PyList_Check", 0);
#endif
#ifdef PyList_CheckExact
    DEFINED("PyList_CheckExact", 1);
#else
    DEFINED("PyList_CheckExact", 0);
#endif
#ifdef PyList_GET_SIZE
    DEFINED("PyList_GET_SIZE", 1);
#else
    DEFINED("PyList_GET_SIZE", 0);
#endif
#ifdef PyList_GET_ITEM
    DEFINED("PyList_GET_ITEM", 1);
#else
    DEFINED("PyList_GET_ITEM", 0);
#endif
#ifdef PyList_SET_ITEM
    DEFINED("PyList_SET_ITEM", 1);
#else
    DEFINED("PyList_SET_ITEM", 0);
#endif
#ifdef PyFloat_Check
    DEFINED("PyFloat_Check", 1);
#else
    DEFINED("PyFloat_Check", 0);
#endif
#ifdef PyFloat_CheckExact
    DEFINED("PyFloat_CheckExact", 1);
#else
    DEFINED("PyFloat_CheckExact", 0);
#endif
#ifdef PyFloat_AS_DOUBLE
    DEFINED("PyFloat_AS_DOUBLE", 1);
#else
    DEFINED("PyFloat_AS_DOUBLE", 0);
#endif
#ifdef Py_RETURN_NAN
    DEFINED("Py_RETURN_NAN", 1);
#else
    DEFINED("Py_RETURN_NAN", 0);
#endif
#ifdef Py_RETURN_INF
    DEFINED("Py_RETURN_INF", 1);
#else
    DEFINED("Py_RETURN_INF", 0);
#endif
#ifdef PyComplex_Check
    DEFINED("PyComplex_Check", 1);
#else
    DEFINED("PyComplex_Check", 0);
#endif
#ifdef PyComplex_CheckExact
    DEFINED("PyComplex_CheckExact", 1);
#else
    DEFINED("PyComplex_CheckExact", 0);
#endif
#ifdef PyBytes_Check
    DEFINED("PyBytes_Check", 1);
#else
    DEFINED("PyBytes_Check", 0);
#endif
#ifdef PyBytes_CheckExact
    DEFINED("PyBytes_CheckExact", 1);
#else
    DEFINED("PyBytes_CheckExact", 0);
#endif
#ifdef PyBytes_AS_STRING
    DEFINED("PyBytes_AS_STRING", 1);
#else
    DEFINED("PyBytes_AS_STRING", 0);
#endif
#ifdef PyBytes_GET_SIZE
    DEFINED("PyBytes_GET_SIZE", 1);
#else
    DEFINED("PyBytes_GET_SIZE", 0);
#endif
#ifdef PyByteArray_Check
    DEFINED("PyByteArray_Check", 1);
#else
    DEFINED("PyByteArray_Check", 0);
#endif
#ifdef PyByteArray_CheckExact
    DEFINED("PyByteArray_CheckExact", 1);
#else
    DEFINED("PyByteArray_CheckExact", 0);
#endif
#ifdef PyByteArray_AS_STRING
    DEFINED("PyByteArray_AS_STRING", 1);
#else
    DEFINED("PyByteArray_AS_STRING", 0);
#endif
#ifdef PyByteArray_GET_SIZE
    DEFINED("PyByteArray_GET_SIZE", 1);
#else
    DEFINED("PyByteArray_GET_SIZE", 0);
#endif
#ifdef PyUnicode_Check
    DEFINED("PyUnicode_Check", 1);
#else
    DEFINED("PyUnicode_Check", 0);
#endif
#ifdef PyUnicode_CheckExact
    DEFINED("PyUnicode_CheckExact", 1);
#else
    DEFINED("PyUnicode_CheckExact", 0);
#endif
#ifdef Py_UNICODE_SIZE
    DEFINED("Py_UNICODE_SIZE", 1);
#else
    DEFINED("Py_UNICODE_SIZE", 0);
#endif
#ifdef Py_UNICODE_WIDE
    DEFINED("Py_UNICODE_WIDE", 1);
#else
    DEFINED("Py_UNICODE_WIDE", 0);
#endif
#ifdef Py_USING_UNICODE
    DEFINED("Py_USING_UNICODE", 1);
#else
    DEFINED("Py_USING_UNICODE", 0);
#endif
#ifdef PY_UNICODE_TYPE
    DEFINED("PY_UNICODE_TYPE", 1);
#else
    DEFINED("PY_UNICODE_TYPE", 0);
#endif
#ifdef Py_UNICODE_IS_SURROGATE
    DEFINED("Py_UNICODE_IS_SURROGATE", 1);
#else
    DEFINED("Py_UNICODE_IS_SURROGATE", 0);
#endif
#ifdef Py_UNICODE_ISSPACE
    DEFINED("Py_UNICODE_ISSPACE", 1);
#else
    DEFINED("Py_UNICODE_ISSPACE", 0);
#endif
#ifdef PyUnicode_KIND
    DEFINED("PyUnicode_KIND", 1);
#else
    DEFINED("PyUnicode_KIND", 0);
#endif
#ifdef PyUnicode_DATA
    DEFINED("PyUnicode_DATA", 1);
#else
    DEFINED("PyUnicode_DATA", 0);
#endif
#ifdef PyUnicode_READ
    DEFINED("PyUnicode_READ", 1);
#else
    DEFINED("PyUnicode_READ", 0);
#endif
#ifdef PyUnicode_READ_CHAR
    DEFINED("PyUnicode_READ_CHAR", 1);
#else
    DEFINED("PyUnicode_READ_CHAR", 0);
#endif
#ifdef PyUnicode_WRITE
    DEFINED("PyUnicode_WRITE", 1);
#else
    DEFINED("PyUnicode_WRITE", 0);
#endif
#ifdef PyUnicode_GET_LENGTH
    DEFINED("PyUnicode_GET_LENGTH", 1);
#else
    DEFINED("PyUnicode_GET_LENGTH", 0);
#endif
#ifdef PyUnicode_READY
    DEFINED("PyUnicode_READY", 1);
#else
    DEFINED("PyUnicode_READY", 0);
#endif
#ifdef PyUnicode_IS_READY
    DEFINED("PyUnicode_IS_READY", 1);
#else
    DEFINED("PyUnicode_IS_READY", 0);
#endif
#ifdef PyUnicode_1BYTE_DATA
    DEFINED("PyUnicode_1BYTE_DATA", 1);
#else
    DEFINED("PyUnicode_1BYTE_DATA", 0);
#endif
#ifdef SSTATE_NOT_INTERNED
    DEFINED("SSTATE_NOT_INTERNED", 1);
#else
    DEFINED("SSTATE_NOT_INTERNED", 0);
#endif
#ifdef SSTATE_INTERNED_MORTAL
    DEFINED("SSTATE_INTERNED_MORTAL", 1);
#else
    DEFINED("SSTATE_INTERNED_MORTAL", 0);
#endif
#ifdef SSTATE_INTERNED_IMMORTAL
    DEFINED("SSTATE_INTERNED_IMMORTAL", 1);
#else
    DEFINED("SSTATE_INTERNED_IMMORTAL", 0);
#endif
#ifdef PyLong_Check
    DEFINED("PyLong_Check", 1);
#else
    DEFINED("PyLong_Check", 0);
#endif
#ifdef PyLong_CheckExact
    DEFINED("PyLong_CheckExact", 1);
#else
    DEFINED("PyLong_CheckExact", 0);
#endif
#ifdef PyLong_AS_LONG
    DEFINED("PyLong_AS_LONG", 1);
#else
    DEFINED("PyLong_AS_LONG", 0);
#endif
#ifdef PyLong_FromPid
    DEFINED("PyLong_FromPid", 1);
#else
    DEFINED("PyLong_FromPid", 0);
#endif
#ifdef PyLong_AsPid
    DEFINED("PyLong_AsPid", 1);
#else
    DEFINED("PyLong_AsPid", 0);
#endif
#ifdef _Py_PARSE_PID
    DEFINED("_Py_PARSE_PID", 1);
#else
    DEFINED("_Py_PARSE_PID", 0);
#endif
#ifdef _Py_PARSE_INTPTR
    DEFINED("_Py_PARSE_INTPTR", 1);
#else
    DEFINED("_Py_PARSE_INTPTR", 0);
#endif
#ifdef PyLong_SHIFT
    DEFINED("PyLong_SHIFT", 1);
#else
    DEFINED("PyLong_SHIFT", 0);
#endif
#ifdef PyLong_BASE
    DEFINED("PyLong_BASE", 1);
#else
    DEFINED("PyLong_BASE", 0);
#endif
#ifdef PyLong_MASK
    DEFINED("PyLong_MASK", 1);
#else
    DEFINED("PyLong_MASK", 0);
#endif
#ifdef _PyLong_DECIMAL_SHIFT
    DEFINED("_PyLong_DECIMAL_SHIFT", 1);
#else
    DEFINED("_PyLong_DECIMAL_SHIFT", 0);
#endif
#ifdef _PyLong_DECIMAL_BASE
    DEFINED("_PyLong_DECIMAL_BASE", 1);
#else
    DEFINED("_PyLong_DECIMAL_BASE", 0);
#endif
#ifdef PyDict_Check
    DEFINED("PyDict_Check", 1);
#else
    DEFINED("PyDict_Check", 0);
#endif
#ifdef PyDict_CheckExact
    DEFINED("PyDict_CheckExact", 1);
#else
    DEFINED("PyDict_CheckExact", 0);
#endif
#ifdef PyDictKeys_Check
    DEFINED("PyDictKeys_Check", 1);
#else
    DEFINED("PyDictKeys_Check", 0);
#endif
#ifdef PyDictViewSet_Check
    DEFINED("PyDictViewSet_Check", 1);
#else
    DEFINED("PyDictViewSet_Check", 0);
#endif
#ifdef PyDict_GET_SIZE
    DEFINED("PyDict_GET_SIZE", 1);
#else
    DEFINED("PyDict_GET_SIZE", 0);
#endif
#ifdef PySet_Check
    DEFINED("PySet_Check", 1);
#else
    DEFINED("PySet_Check", 0);
#endif
#ifdef PySet_CheckExact
    DEFINED("PySet_CheckExact", 1);
#else
    DEFINED("PySet_CheckExact", 0);
#endif
#ifdef PyAnySet_Check
    DEFINED("PyAnySet_Check", 1);
#else
    DEFINED("PyAnySet_Check", 0);
#endif
#ifdef PyAnySet_CheckExact
    DEFINED("PyAnySet_CheckExact", 1);
#else
    DEFINED("PyAnySet_CheckExact", 0);
#endif
#ifdef PyFrozenSet_Check
    DEFINED("PyFrozenSet_Check", 1);
#else
    DEFINED("PyFrozenSet_Check", 0);
#endif
#ifdef PyFrozenSet_CheckExact
    DEFINED("PyFrozenSet_CheckExact", 1);
#else
    DEFINED("PyFrozenSet_CheckExact", 0);
#endif
#ifdef PySet_MINSIZE
    DEFINED("PySet_MINSIZE", 1);
#else
    DEFINED("PySet_MINSIZE", 0);
#endif
#ifdef PySet_GET_SIZE
    DEFINED("PySet_GET_SIZE", 1);
#else
    DEFINED("PySet_GET_SIZE", 0);
#endif
#ifdef Py_Ellipsis
    DEFINED("Py_Ellipsis", 1);
#else
    DEFINED("Py_Ellipsis", 0);
#endif
#ifdef PySlice_Check
    DEFINED("PySlice_Check", 1);
#else
    DEFINED("PySlice_Check", 0);
#endif
#ifdef PySlice_GetIndicesEx
    DEFINED("PySlice_GetIndicesEx", 1);
#else
    DEFINED("PySlice_GetIndicesEx", 0);
#endif
#ifdef PyCell_Check
    DEFINED("PyCell_Check", 1);
#else
    DEFINED("PyCell_Check", 0);
#endif
#ifdef PyCell_GET
    DEFINED("PyCell_GET", 1);
#else
    DEFINED("PyCell_GET", 0);
#endif
#ifdef PyCell_SET
    DEFINED("PyCell_SET", 1);
#else
    DEFINED("PyCell_SET", 0);
#endif
#ifdef PyMethod_Check
    DEFINED("PyMethod_Check", 1);
#else
    DEFINED("PyMethod_Check", 0);
#endif
#ifdef PyMethod_GET_FUNCTION
    DEFINED("PyMethod_GET_FUNCTION", 1);
#else
    DEFINED("PyMethod_GET_FUNCTION", 0);
#endif
#ifdef PyMethod_GET_SELF
    DEFINED("PyMethod_GET_SELF", 1);
#else
    DEFINED("PyMethod_GET_SELF", 0);
#endif
#ifdef PyInstanceMethod_Check
    DEFINED("PyInstanceMethod_Check", 1);
#else
    DEFINED("PyInstanceMethod_Check", 0);
#endif
#ifdef PyInstanceMethod_GET_FUNCTION
    DEFINED("PyInstanceMethod_GET_FUNCTION", 1);
#else
    DEFINED("PyInstanceMethod_GET_FUNCTION", 0);
#endif
#ifdef PyCMethod_Check
    DEFINED("PyCMethod_Check", 1);
#else
    DEFINED("PyCMethod_Check", 0);
#endif
#ifdef PyCMethod_CheckExact
    DEFINED("PyCMethod_CheckExact", 1);
#else
    DEFINED("PyCMethod_CheckExact", 0);
#endif
#ifdef PyCFunction_GET_FUNCTION
    DEFINED("PyCFunction_GET_FUNCTION", 1);
#else
    DEFINED("PyCFunction_GET_FUNCTION", 0);
#endif
#ifdef PyCFunction_GET_SELF
    DEFINED("PyCFunction_GET_SELF", 1);
#else
    DEFINED("PyCFunction_GET_SELF", 0);
#endif
#ifdef PyCFunction_GET_FLAGS
    DEFINED("PyCFunction_GET_FLAGS", 1);
#else
    DEFINED("PyCFunction_GET_FLAGS", 0);
#endif
#ifdef PyCFunction_GET_CLASS
    DEFINED("PyCFunction_GET_CLASS", 1);
#else
    DEFINED("PyCFunction_GET_CLASS", 0);
#endif
#ifdef PyFunction_Check
    DEFINED("PyFunction_Check", 1);
#else
    DEFINED("PyFunction_Check", 0);
#endif
#ifdef PyFunction_GET_CODE
    DEFINED("PyFunction_GET_CODE", 1);
#else
    DEFINED("PyFunction_GET_CODE", 0);
#endif
#ifdef PyFunction_GET_ANNOTATIONS
    DEFINED("PyFunction_GET_ANNOTATIONS", 1);
#else
    DEFINED("PyFunction_GET_ANNOTATIONS", 0);
#endif
#ifdef COMMON_FIELDS
    DEFINED("COMMON_FIELDS", 1);
#else
    DEFINED("COMMON_FIELDS", 0);
#endif
#ifdef PyCode_Check
    DEFINED("PyCode_Check", 1);
#else
    DEFINED("PyCode_Check", 0);
#endif
#ifdef PyCode_GetNumFree
    DEFINED("PyCode_GetNumFree", 1);
#else
    DEFINED("PyCode_GetNumFree", 0);
#endif
#ifdef _Py_OPCODE
    DEFINED("_Py_OPCODE", 1);
#else
    DEFINED("_Py_OPCODE", 0);
#endif
#ifdef _Py_OPARG
    DEFINED("_Py_OPARG", 1);
#else
    DEFINED("_Py_OPARG", 0);
#endif
#ifdef CO_OPTIMIZED
    DEFINED("CO_OPTIMIZED", 1);
#else
    DEFINED("CO_OPTIMIZED", 0);
#endif
#ifdef CO_COROUTINE
    DEFINED("CO_COROUTINE", 1);
#else
    DEFINED("CO_COROUTINE", 0);
#endif
#ifdef CO_FUTURE_ANNOTATIONS
    DEFINED("CO_FUTURE_ANNOTATIONS", 1);
#else
    DEFINED("CO_FUTURE_ANNOTATIONS", 0);
#endif
#ifdef CO_MAXBLOCKS
    DEFINED("CO_MAXBLOCKS", 1);
#else
    DEFINED("CO_MAXBLOCKS", 0);
#endif
#ifdef PY_PARSER_REQUIRES_FUTURE_KEYWORD
    DEFINED("PY_PARSER_REQUIRES_FUTURE_KEYWORD", 1);
#else
    DEFINED("PY_PARSER_REQUIRES_FUTURE_KEYWORD", 0);
#endif
#ifdef PyWeakref_Check
    DEFINED("PyWeakref_Check", 1);
#else
    DEFINED("PyWeakref_Check", 0);
#endif
#ifdef PyWeakref_CheckRef
    DEFINED("PyWeakref_CheckRef", 1);
#else
    DEFINED("PyWeakref_CheckRef", 0);
#endif
#ifdef PyWeakref_CheckRefExact
    DEFINED("PyWeakref_CheckRefExact", 1);
#else
    DEFINED("PyWeakref_CheckRefExact", 0);
#endif
#ifdef PyWeakref_CheckProxy
    DEFINED("PyWeakref_CheckProxy", 1);
#else
    DEFINED("PyWeakref_CheckProxy", 0);
#endif
#ifdef PyWeakref_GET_OBJECT
    DEFINED("PyWeakref_GET_OBJECT", 1);
#else
    DEFINED("PyWeakref_GET_OBJECT", 0);
#endif
#ifdef PyMemoryView_Check
    DEFINED("PyMemoryView_Check", 1);
#else
    DEFINED("PyMemoryView_Check", 0);
#endif
#ifdef PyMemoryView_GET_BUFFER
    DEFINED("PyMemoryView_GET_BUFFER", 1);
#else
    DEFINED("PyMemoryView_GET_BUFFER", 0);
#endif
#ifdef PyMemoryView_GET_BASE
    DEFINED("PyMemoryView_GET_BASE", 1);
#else
    DEFINED("PyMemoryView_GET_BASE", 0);
#endif
#ifdef _Py_MEMORYVIEW_C
    DEFINED("_Py_MEMORYVIEW_C", 1);
#else
    DEFINED("_Py_MEMORYVIEW_C", 0);
#endif
#ifdef _Py_MANAGED_BUFFER_RELEASED
    DEFINED("_Py_MANAGED_BUFFER_RELEASED", 1);
#else
    DEFINED("_Py_MANAGED_BUFFER_RELEASED", 0);
#endif
#ifdef PyRange_Check
    DEFINED("PyRange_Check", 1);
#else
    DEFINED("PyRange_Check", 0);
#endif
#ifdef PySeqIter_Check
    DEFINED("PySeqIter_Check", 1);
#else
    DEFINED("PySeqIter_Check", 0);
#endif
#ifdef PyCallIter_Check
    DEFINED("PyCallIter_Check", 1);
#else
    DEFINED("PyCallIter_Check", 0);
#endif
#ifdef PyGen_Check
    DEFINED("PyGen_Check", 1);
#else
    DEFINED("PyGen_Check", 0);
#endif
#ifdef PyGen_CheckExact
    DEFINED("PyGen_CheckExact", 1);
#else
    DEFINED("PyGen_CheckExact", 0);
#endif
#ifdef PyCoro_CheckExact
    DEFINED("PyCoro_CheckExact", 1);
#else
    DEFINED("PyCoro_CheckExact", 0);
#endif
#ifdef PyAsyncGen_CheckExact
    DEFINED("PyAsyncGen_CheckExact", 1);
#else
    DEFINED("PyAsyncGen_CheckExact", 0);
#endif
#ifdef PyExceptionClass_Check
    DEFINED("PyExceptionClass_Check", 1);
#else
    DEFINED("PyExceptionClass_Check", 0);
#endif
#ifdef PyExceptionInstance_Check
    DEFINED("PyExceptionInstance_Check", 1);
#else
    DEFINED("PyExceptionInstance_Check", 0);
#endif
#ifdef PyExceptionInstance_Class
    DEFINED("PyExceptionInstance_Class", 1);
#else
    DEFINED("PyExceptionInstance_Class", 0);
#endif
#ifdef PyException_HEAD
    DEFINED("PyException_HEAD", 1);
#else
    DEFINED("PyException_HEAD", 0);
#endif
#ifdef Py_FatalError
    DEFINED("Py_FatalError", 1);
#else
    DEFINED("Py_FatalError", 0);
#endif
    printf("layout items: %ld\n", items);
    return 0;
}
