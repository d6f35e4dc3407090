/* Hand-written macros of CPython 3.11's fileobject.h. Py_OpenCodeHookFunction
 * comes from ferropy_generated.h (src/runtime/hooks.rs). */
#ifndef Py_FILEOBJECT_H
#define Py_FILEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

/* The mode suffix for files opened in text mode: binary everywhere, as in CPython 3. */
#define PY_STDIOTEXTMODE "b"

/* Whether select() can watch a descriptor: FD_SETSIZE bounds it on POSIX. */
#define _PyIsSelectable_fd(FD) ((unsigned int)(FD) < (unsigned int)FD_SETSIZE)

#endif /* !Py_FILEOBJECT_H */
