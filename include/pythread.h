/* Hand-written macros of CPython 3.11's pythread.h. PyThread_type_lock, PyLockStatus,
 * WAIT_LOCK/NOWAIT_LOCK and PY_TIMEOUT_MAX come from ferropy_generated.h
 * (src/runtime/thread.rs); Py_tss_t's typedef is in pytypedefs.h. */
#ifndef Py_PYTHREAD_H
#define Py_PYTHREAD_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* Ends the calling thread. Written in C (src/c/thread.c), so declared here by hand. */
#ifdef __cplusplus
extern "C" {
#endif
void _Py_NO_RETURN PyThread_exit_thread(void);
#ifdef __cplusplus
}
#endif

/* PY_HAVE_THREAD_NATIVE_ID (PyThread_get_thread_native_id exists) is in pyconfig.h. */

/* The type of lock timeouts, in microseconds. */
#define PY_TIMEOUT_T long long

#ifndef Py_LIMITED_API
#  define Py_CPYTHON_PYTHREAD_H
#  include "cpython/pythread.h"
#  undef Py_CPYTHON_PYTHREAD_H
#endif

#endif /* !Py_PYTHREAD_H */
