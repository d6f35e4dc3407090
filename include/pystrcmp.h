/* Hand-written macros of CPython 3.11's pystrcmp.h: the case-insensitive
 * compare names map to PyOS_mystr(n)icmp. */
#ifndef Py_STRCMP_H
#define Py_STRCMP_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyOS_strnicmp PyOS_mystrnicmp
#define PyOS_stricmp PyOS_mystricmp

#endif /* !Py_STRCMP_H */
