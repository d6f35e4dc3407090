// ferropy-test: limited=0x030B0000
/* What the limited API (3.11) shows of the runtime headers: sizes and constants that stay
 * visible, and which macros are defined at all (the non-limited ones must be hidden).
 * Compiled against CPython 3.11's headers and against ferropy's; the outputs must match. */
#include <Python.h>
#include <stdio.h>

static long items;

#define SIZE(T) (items++, printf("sizeof(%s) = %zu\n", #T, sizeof(T)))
#define CONST(C) (items++, printf("%s = %lld\n", #C, (long long)(C)))
#define STR(C) (items++, printf("%s = \"%s\"\n", #C, (C)))

int main(void)
{
    CONST(Py_LIMITED_API);
    CONST(PYTHON_API_VERSION);
    STR(PYTHON_API_STRING);
    CONST(PYTHON_ABI_VERSION);
    STR(PYTHON_ABI_STRING);
    CONST(Py_CLEANUP_SUPPORTED);
    CONST(MAX_CO_EXTRA_USERS);
    SIZE(PyGILState_STATE);
    CONST(PyGILState_LOCKED);
    CONST(PyGILState_UNLOCKED);
    SIZE(PyThreadState *);
    SIZE(PyInterpreterState *);
    SIZE(PyFrameObject *);
    SIZE(Py_tss_t *);
    SIZE(PyThread_type_lock);
    SIZE(PyLockStatus);
    CONST(PY_LOCK_FAILURE);
    CONST(PY_LOCK_ACQUIRED);
    CONST(PY_LOCK_INTR);
    CONST(WAIT_LOCK);
    CONST(NOWAIT_LOCK);
    SIZE(PY_TIMEOUT_T);
    CONST(PY_TIMEOUT_MAX);
    CONST(Py_single_input);
    CONST(Py_file_input);
    CONST(Py_eval_input);
    CONST(Py_func_type_input);
    CONST(Py_fstring_input);
    CONST(FVC_MASK);
    CONST(FVC_NONE);
    CONST(FVC_STR);
    CONST(FVC_REPR);
    CONST(FVC_ASCII);
    CONST(FVS_MASK);
    CONST(FVS_HAVE_SPEC);
    CONST(PYOS_STACK_MARGIN);
    SIZE(PyOS_sighandler_t);
    SIZE(PyCapsule_Destructor);
    STR(PY_STDIOTEXTMODE);
    CONST(Py_DTSF_SIGN);
    CONST(Py_DTSF_ADD_DOT_0);
    CONST(Py_DTSF_ALT);
    CONST(Py_DTSF_NO_NEG_0);
    CONST(Py_DTST_FINITE);
    CONST(Py_DTST_INFINITE);
    CONST(Py_DTST_NAN);
    CONST(Py_MIN(3, 7));
    CONST(Py_MAX(3, 7));
    CONST(Py_ABS(-5));
    STR(Py_STRINGIFY(PY_MINOR_VERSION));
    CONST(_Py_SIZE_ROUND_UP(13, 8));
    CONST(Py_MATH_PI * 1e15);
    CONST(Py_IS_NAN(Py_NAN));

/* Stringified directly, so that the macro name is printed, not its expansion. */
#define SHOW(M) (items++, printf("defined(%s) = 1\n", #M))
#define HIDE(M) (items++, printf("defined(%s) = 0\n", #M))
    /* Visible in the limited API. */
#ifdef PyThreadState_GET
    SHOW(PyThreadState_GET);
#else
    HIDE(PyThreadState_GET);
#endif
#ifdef Py_BEGIN_ALLOW_THREADS
    SHOW(Py_BEGIN_ALLOW_THREADS);
#else
    HIDE(Py_BEGIN_ALLOW_THREADS);
#endif
#ifdef PyMem_New
    SHOW(PyMem_New);
#else
    HIDE(PyMem_New);
#endif
#ifdef PyMem_DEL
    SHOW(PyMem_DEL);
#else
    HIDE(PyMem_DEL);
#endif
#ifdef PyImport_ImportModuleEx
    SHOW(PyImport_ImportModuleEx);
#else
    HIDE(PyImport_ImportModuleEx);
#endif
#ifdef PyTraceBack_Check
    SHOW(PyTraceBack_Check);
#else
    HIDE(PyTraceBack_Check);
#endif
#ifdef PyCapsule_CheckExact
    SHOW(PyCapsule_CheckExact);
#else
    HIDE(PyCapsule_CheckExact);
#endif
#ifdef PyOS_stricmp
    SHOW(PyOS_stricmp);
#else
    HIDE(PyOS_stricmp);
#endif
#ifdef PyDoc_STRVAR
    SHOW(PyDoc_STRVAR);
#else
    HIDE(PyDoc_STRVAR);
#endif
#ifdef Py_UNUSED
    SHOW(Py_UNUSED);
#else
    HIDE(Py_UNUSED);
#endif
    /* Hidden by the limited API. */
#ifdef PyTrace_CALL
    SHOW(PyTrace_CALL);
#else
    HIDE(PyTrace_CALL);
#endif
#ifdef PyCF_ONLY_AST
    SHOW(PyCF_ONLY_AST);
#else
    HIDE(PyCF_ONLY_AST);
#endif
#ifdef PyCF_MASK
    SHOW(PyCF_MASK);
#else
    HIDE(PyCF_MASK);
#endif
#ifdef FUTURE_ANNOTATIONS
    SHOW(FUTURE_ANNOTATIONS);
#else
    HIDE(FUTURE_ANNOTATIONS);
#endif
#ifdef _PyCompilerFlags_INIT
    SHOW(_PyCompilerFlags_INIT);
#else
    HIDE(_PyCompilerFlags_INIT);
#endif
#ifdef PY_INVALID_STACK_EFFECT
    SHOW(PY_INVALID_STACK_EFFECT);
#else
    HIDE(PY_INVALID_STACK_EFFECT);
#endif
#ifdef PYTHREAD_INVALID_THREAD_ID
    SHOW(PYTHREAD_INVALID_THREAD_ID);
#else
    HIDE(PYTHREAD_INVALID_THREAD_ID);
#endif
#ifdef Py_tss_NEEDS_INIT
    SHOW(Py_tss_NEEDS_INIT);
#else
    HIDE(Py_tss_NEEDS_INIT);
#endif
#ifdef PY_CTF_LOWER
    SHOW(PY_CTF_LOWER);
#else
    HIDE(PY_CTF_LOWER);
#endif
#ifdef Py_ISDIGIT
    SHOW(Py_ISDIGIT);
#else
    HIDE(Py_ISDIGIT);
#endif
#ifdef _PyTime_MIN
    SHOW(_PyTime_MIN);
#else
    HIDE(_PyTime_MIN);
#endif
#ifdef PyRun_String
    SHOW(PyRun_String);
#else
    HIDE(PyRun_String);
#endif
#ifdef Py_CompileString
    SHOW(Py_CompileString);
#else
    HIDE(Py_CompileString);
#endif
#ifdef PyFPE_START_PROTECT
    SHOW(PyFPE_START_PROTECT);
#else
    HIDE(PyFPE_START_PROTECT);
#endif
#ifdef _PyInterpreterState_Get
    SHOW(_PyInterpreterState_Get);
#else
    HIDE(_PyInterpreterState_Get);
#endif
#ifdef PyFrame_Check
    SHOW(PyFrame_Check);
#else
    HIDE(PyFrame_Check);
#endif
#ifdef PyODict_Check
    SHOW(PyODict_Check);
#else
    HIDE(PyODict_Check);
#endif
#ifdef PyContext_CheckExact
    SHOW(PyContext_CheckExact);
#else
    HIDE(PyContext_CheckExact);
#endif
#ifdef PyPickleBuffer_Check
    SHOW(PyPickleBuffer_Check);
#else
    HIDE(PyPickleBuffer_Check);
#endif
#ifdef PyErr_Warn
    SHOW(PyErr_Warn);
#else
    HIDE(PyErr_Warn);
#endif
    printf("limited layout items: %ld\n", items);
    return 0;
}
