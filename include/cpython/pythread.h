/* Non-limited part of pythread.h (CPython 3.11's cpython/pythread.h). struct _Py_tss_t
 * comes from ferropy_generated.h (src/runtime/thread.rs). */
#ifndef Py_CPYTHON_PYTHREAD_H
#  error "this header file must not be included directly"
#endif

/* What PyThread_get_thread_ident() never returns. */
#define PYTHREAD_INVALID_THREAD_ID ((unsigned long)-1)

/* Static initializer of a Py_tss_t: not yet created. */
#define Py_tss_NEEDS_INIT   {0}
