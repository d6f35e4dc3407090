/* The C-API that lib-dynload's _pickle, _ctypes and _opcode bind to: PyPickleBuffer_FromObject,
 * _GetBuffer (the held view: buffer, length, read-only flag, owner), _Release (then
 * ValueError), the TypeErrors for other objects and for non-buffers, PyPickleBuffer_Check;
 * _PyDict_SizeOf of empty, str-keyed, int-keyed and grown dicts (CPython's figures);
 * PyCompile_OpcodeStackEffect(WithJump) on both paths and for unknown opcodes. Expected
 * output: CPython 3.11's, in the same run. */
#include "testutil.h"

static void show_view(const char *what, PyObject *pb)
{
    const Py_buffer *v = PyPickleBuffer_GetBuffer(pb);
    if (v == NULL) {
        print_error(what);
        return;
    }
    printf("%s: len %zd readonly %d ndim %d itemsize %zd data %.*s owner %s\n", what, v->len, v->readonly,
           v->ndim, v->itemsize, (int)v->len, (const char *)v->buf, Py_TYPE(v->obj)->tp_name);
}

int main(void)
{
    Py_Initialize();
    PyObject *bytes = PyBytes_FromString("payload");
    PyObject *pb = PyPickleBuffer_FromObject(bytes);
    printf("check %d type %s\n", PyPickleBuffer_Check(pb), Py_TYPE(pb)->tp_name);
    show_view("bytes", pb);
    PyObject *ba = PyByteArray_FromStringAndSize("mutable", 7);
    PyObject *pb2 = PyPickleBuffer_FromObject(ba);
    show_view("bytearray", pb2);
    PyObject *mv = PyMemoryView_FromObject(pb2);
    printf("memoryview of it: readonly %d\n", PyMemoryView_GET_BUFFER(mv)->readonly);
    Py_DECREF(mv);
    printf("release %d\n", PyPickleBuffer_Release(pb2));
    show_view("released", pb2);
    printf("release again %d\n", PyPickleBuffer_Release(pb2));
    printf("resize after release %d\n", PyByteArray_Resize(ba, 3));
    show_view("not a PickleBuffer", bytes);
    printf("release of bytes %d ", PyPickleBuffer_Release(bytes));
    print_error("Release(bytes)");
    PyObject *none = PyPickleBuffer_FromObject(Py_None);
    printf("FromObject(None) null %d ", none == NULL);
    print_error("FromObject(None)");
    Py_DECREF(pb);
    Py_DECREF(pb2);
    Py_DECREF(ba);

    PyObject *d = PyDict_New();
    printf("empty dict %zd\n", _PyDict_SizeOf((PyDictObject *)d));
    PyDict_SetItemString(d, "a", bytes);
    printf("one str key %zd\n", _PyDict_SizeOf((PyDictObject *)d));
    PyObject *id = PyDict_New();
    for (long i = 0; i < 100; i++) {
        PyObject *k = PyLong_FromLong(i);
        PyDict_SetItem(id, k, k);
        Py_DECREF(k);
    }
    printf("100 int keys %zd\n", _PyDict_SizeOf((PyDictObject *)id));
    PyDict_Clear(id);
    printf("cleared %zd\n", _PyDict_SizeOf((PyDictObject *)id));
    Py_DECREF(d);
    Py_DECREF(id);
    Py_DECREF(bytes);

    /* LOAD_CONST, BUILD_MAP 3, FOR_ITER, SEND, JUMP_IF_FALSE_OR_POP, SETUP_CLEANUP (-2). */
    int ops[][2] = {{100, 0}, {105, 3}, {93, 0}, {123, 0}, {111, 0}, {-2, 0}, {3, 0}, {300, 0}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        int op = ops[i][0], arg = ops[i][1];
        printf("opcode %d: max %d jump %d fall %d\n", op, PyCompile_OpcodeStackEffect(op, arg),
               PyCompile_OpcodeStackEffectWithJump(op, arg, 1), PyCompile_OpcodeStackEffectWithJump(op, arg, 0));
    }
    printf("invalid is INT_MAX %d\n", PyCompile_OpcodeStackEffect(3, 0) == PY_INVALID_STACK_EFFECT);
    Py_Finalize();
    return 0;
}
