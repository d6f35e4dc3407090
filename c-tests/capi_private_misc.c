/* Underscore-named helpers of CPython's headers outside str/bytes: _Py_HashDouble,
 * _Py_SwappedOp, PyType_SUPPORTS_WEAKREFS and PyObject_GET_WEAKREFS_LISTPTR, the slice
 * helpers, _PySequence_IterSearch, the char* array of execv callers, the buffer index
 * steppers, _PyTuple_MaybeUntrack, the codec-info incremental coders,
 * _PyObject_GetMethod, the runtime queries, the interpreter's configuration and
 * _Py_RestoreSignals. */
#include <Python.h>
#include <signal.h>
#include "proto_util.h"

int main(void)
{
    Py_Initialize();
    PyObject *f = PyFloat_FromDouble(1.5);
    printf("hash 1.5: %d, 2.0 as int: %d, inf: %zd\n", _Py_HashDouble(f, 1.5) == PyObject_Hash(f),
           _Py_HashDouble(NULL, 2.0) == 2, (Py_ssize_t)_Py_HashDouble(NULL, Py_HUGE_VAL));
    printf("nan hash by address: %d\n", _Py_HashDouble(f, Py_NAN) == _Py_HashPointer(f));
    Py_DECREF(f);
    for (int op = Py_LT; op <= Py_GE; op++)
        printf("swapped %d -> %d\n", op, _Py_SwappedOp[op]);

    printf("weakrefs: set %d, int %d\n", PyType_SUPPORTS_WEAKREFS(&PySet_Type), PyType_SUPPORTS_WEAKREFS(&PyLong_Type));
    PyObject *s = PySet_New(NULL);
    PyObject **list = PyObject_GET_WEAKREFS_LISTPTR(s);
    printf("list empty: %d\n", *list == NULL);
    PyObject *ref = PyWeakref_NewRef(s, NULL);
    printf("list holds ref: %d\n", *list == ref);
    Py_DECREF(ref);
    Py_DECREF(s);

    show("slice", _PySlice_FromIndices(2, -1));
    PyObject *sl = PySlice_New(NULL, NULL, NULL);
    PyObject *start, *stop, *step;
    PyObject *big = PyLong_FromString("100000000000000000000000", NULL, 10);
    PyObject *args[] = {PyLong_FromLong(-3), NULL, PyLong_FromLong(-2)};
    Py_DECREF(sl);
    sl = PySlice_New(args[0], Py_None, args[2]);
    if (_PySlice_GetLongIndices((PySliceObject *)sl, big, &start, &stop, &step) == 0) {
        show("start", start);
        show("stop", stop);
        show("step", step);
    }
    Py_DECREF(big);
    Py_DECREF(args[0]);
    Py_DECREF(args[2]);
    Py_DECREF(sl);

    PyObject *seq = Py_BuildValue("[iiii]", 1, 2, 1, 3);
    PyObject *one = PyLong_FromLong(1), *three = PyLong_FromLong(3), *nine = PyLong_FromLong(9);
    PyObject *it = PyObject_GetIter(seq);
    printf("count 1: %zd\n", _PySequence_IterSearch(seq, one, PY_ITERSEARCH_COUNT));
    printf("index 3: %zd\n", _PySequence_IterSearch(seq, three, PY_ITERSEARCH_INDEX));
    printf("contains 9 (iterator): %zd\n", _PySequence_IterSearch(it, nine, PY_ITERSEARCH_CONTAINS));
    printf("index 9: %zd ", _PySequence_IterSearch(seq, nine, PY_ITERSEARCH_INDEX));
    show_err("error");
    Py_DECREF(it);
    Py_DECREF(seq);

    PyObject *argv = Py_BuildValue("(yyy)", "ls", "-l", "");
    char *const *array = _PySequence_BytesToCharpArray(argv);
    for (int i = 0; array[i] != NULL; i++)
        printf("argv[%d] = '%s'\n", i, array[i]);
    _Py_FreeCharPArray(array);
    Py_DECREF(argv);
    argv = Py_BuildValue("(ys)", "ok", "text");
    printf("str item: %p ", (void *)_PySequence_BytesToCharpArray(argv));
    show_err("error");
    Py_DECREF(argv);

    Py_ssize_t shape[] = {2, 3}, ci[] = {0, 0}, fi[] = {0, 0};
    for (int i = 0; i < 7; i++) {
        printf("C (%zd,%zd) F (%zd,%zd)\n", ci[0], ci[1], fi[0], fi[1]);
        _Py_add_one_to_index_C(2, ci, shape);
        _Py_add_one_to_index_F(2, fi, shape);
    }

    PyObject *atoms = Py_BuildValue("(is)", 1, "x");
    PyObject *holder = Py_BuildValue("(N)", PyList_New(0));
    printf("tracked: %d %d\n", PyObject_GC_IsTracked(atoms), PyObject_GC_IsTracked(holder));
    _PyTuple_MaybeUntrack(atoms);
    _PyTuple_MaybeUntrack(holder);
    printf("after MaybeUntrack: %d %d\n", PyObject_GC_IsTracked(atoms), PyObject_GC_IsTracked(holder));
    Py_DECREF(atoms);
    Py_DECREF(holder);

    PyObject *info = _PyCodec_Lookup("utf-8");
    PyObject *dec = _PyCodecInfo_GetIncrementalDecoder(info, "strict");
    show("decoded", PyObject_CallMethod(dec, "decode", "y#", "\xc3", (Py_ssize_t)1));
    show("decoded", PyObject_CallMethod(dec, "decode", "y#", "\xa9", (Py_ssize_t)1));
    PyObject *enc = _PyCodecInfo_GetIncrementalEncoder(info, "replace");
    show("encoder errors", PyObject_GetAttrString(enc, "errors"));
    Py_DECREF(dec);
    Py_DECREF(enc);
    Py_DECREF(info);

    PyObject *lst = PyList_New(0), *name = PyUnicode_FromString("append"), *meth = NULL;
    int unbound = _PyObject_GetMethod(lst, name, &meth);
    printf("list.append: unbound=%d is descriptor=%d\n", unbound, meth != NULL && PyObject_TypeCheck(meth, &PyMethodDescr_Type));
    Py_XDECREF(meth);
    Py_DECREF(name);
    name = PyUnicode_FromString("__class__");
    unbound = _PyObject_GetMethod(lst, name, &meth);
    printf("list.__class__: unbound=%d is list type=%d\n", unbound, meth == (PyObject *)&PyList_Type);
    Py_XDECREF(meth);
    Py_DECREF(name);
    name = PyUnicode_FromString("nope");
    meth = NULL;
    unbound = _PyObject_GetMethod(lst, name, &meth);
    printf("list.nope: unbound=%d method=%p ", unbound, (void *)meth);
    show_err("error");
    Py_DECREF(name);
    Py_DECREF(lst);

    printf("core initialized: %d, gilstate interpreter is main: %d\n", _Py_IsCoreInitialized(),
           _PyGILState_GetInterpreterStateUnsafe() == PyInterpreterState_Main());
    const PyConfig *cfg = _Py_GetConfig();
    printf("config: same=%d install_signal_handlers=%d isolated=%d\n",
           cfg == _PyInterpreterState_GetConfig(PyInterpreterState_Get()), cfg->install_signal_handlers, cfg->isolated);
    struct sigaction sa;
    sigaction(SIGPIPE, NULL, &sa);
    printf("SIGPIPE ignored: %d\n", sa.sa_handler == SIG_IGN);
    _Py_RestoreSignals();
    sigaction(SIGPIPE, NULL, &sa);
    printf("SIGPIPE default after restore: %d\n", sa.sa_handler == SIG_DFL);
    Py_Finalize();
    printf("after finalize: %d\n", _Py_IsCoreInitialized());
    return 0;
}
