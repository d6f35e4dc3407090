/* Hand-written macros of CPython 3.11's moduleobject.h. PyModuleDef and its parts are
 * generated (src/objects/module.rs); PyModule_Type is a data symbol of the library. */
#ifndef FERROPY_MODULEOBJECT_H
#define FERROPY_MODULEOBJECT_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#define PyModule_Check(op) PyObject_TypeCheck(op, &PyModule_Type)
#define PyModule_CheckExact(op) Py_IS_TYPE(op, &PyModule_Type)

/* Initializer of PyModuleDef.m_base: an object head without a type (set by
 * PyModuleDef_Init) and empty single-phase-init bookkeeping. */
#define PyModuleDef_HEAD_INIT {  \
    PyObject_HEAD_INIT(_Py_NULL) \
    _Py_NULL, /* m_init */       \
    0,        /* m_index */      \
    _Py_NULL, /* m_copy */       \
  }

#endif /* FERROPY_MODULEOBJECT_H */
