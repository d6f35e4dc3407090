/* Reaching the gc and _weakref modules from C tests. ferropy puts both in sys.modules at
 * start-up; CPython has only _weakref there, and builds gc on import. Until ferropy has
 * PyImport_ImportModule, gc is made from CPython's exported PyInit_gc (found at run time,
 * so the ferropy build does not need the symbol). */
#ifndef GC_UTIL_H
#define GC_UTIL_H
#include <Python.h>
#include <dlfcn.h>

static PyObject *
builtin_module(const char *name)
{
    PyObject *n = PyUnicode_FromString(name);
    PyObject *m = PyImport_GetModule(n);
    Py_DECREF(n);
    if (m != NULL || PyErr_Occurred()) {
        return m;
    }
    char init_name[64];
    snprintf(init_name, sizeof init_name, "PyInit_%s", name);
    PyObject *(*init)(void) = (PyObject *(*)(void))dlsym(RTLD_DEFAULT, init_name);
    if (init == NULL) {
        return NULL;
    }
    PyObject *def = init();
    if (def == NULL || PyModule_Check(def)) {
        return def;
    }
    /* Multi-phase: a spec is anything with a name. */
    PyObject *spec = PyModule_New("spec");
    PyObject *spec_name = PyUnicode_FromString(name);
    PyObject_SetAttrString(spec, "name", spec_name);
    Py_DECREF(spec_name);
    m = PyModule_FromDefAndSpec((PyModuleDef *)def, spec);
    Py_DECREF(spec);
    if (m != NULL && PyModule_ExecDef(m, (PyModuleDef *)def) < 0) {
        Py_CLEAR(m);
    }
    return m;
}

#endif
