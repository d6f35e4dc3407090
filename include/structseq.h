/* Hand-written parts of CPython 3.11's structseq.h. The descriptor structs are
 * generated (src/objects/structseq.rs). */
#ifndef FERROPY_STRUCTSEQ_H
#define FERROPY_STRUCTSEQ_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
/* A struct sequence instance is laid out as a tuple (tag of the generated
 * PyTupleObject), and its items are accessed the same way. */
typedef struct PyTupleObject PyStructSequence;
#define PyStructSequence_SET_ITEM(op, i, v) PyTuple_SET_ITEM(op, i, v)
#define PyStructSequence_GET_ITEM(op, i) PyTuple_GET_ITEM(op, i)
#endif

#endif /* FERROPY_STRUCTSEQ_H */
