/* CPython 3.11's structmember.h. PyMemberDef, the T_* member types and the READONLY /
 * READ_RESTRICTED / PY_WRITE_RESTRICTED flags are generated (src/object/member.rs), so
 * this header only adds what CPython's brings along: offsetof(). */
#ifndef FERROPY_STRUCTMEMBER_H
#define FERROPY_STRUCTMEMBER_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif
#include <stddef.h>

#endif /* FERROPY_STRUCTMEMBER_H */
