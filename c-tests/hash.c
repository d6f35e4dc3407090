/* String and pointer hashing with PYTHONHASHSEED=0 (set before Py_Initialize): the hash
 * secret, PyHash_GetFuncDef, _Py_HashBytes, the str hash through tp_hash for each PEP 393
 * kind, the identity hash of object, _Py_HashPointer/_Py_HashPointerRaw. With a fixed seed,
 * every value must equal CPython 3.11's. */
#include <Python.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    setenv("PYTHONHASHSEED", "0", 1);
    Py_Initialize();

    int zero = 1;
    for (int i = 0; i < 24; i++)
        zero &= _Py_HashSecret.uc[i] == 0;
    printf("secret is all zero: %d\n", zero);

    PyHash_FuncDef *def = PyHash_GetFuncDef();
    printf("hash function: %s, hash_bits %d, seed_bits %d\n", def->name, def->hash_bits,
           def->seed_bits);
    printf("funcdef hash(abc) = %zd\n", def->hash("abc", 3));
    printf("_Py_HashBytes: abc %zd, empty %zd\n", _Py_HashBytes("abc", 3), _Py_HashBytes("", 0));

    const char *texts[] = { "abc", "", "caf\xc3\xa9", "\xe2\x82\xac" "x", "\xf0\x9f\x98\x80",
                            "__init__", "a somewhat longer string that spans blocks" };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        PyObject *s = PyUnicode_FromString(texts[i]);
        Py_hash_t h = Py_TYPE(s)->tp_hash(s);
        printf("hash(str %zu) = %zd, kind %d, cached %d\n", i, h, (int)PyUnicode_KIND(s),
               ((PyASCIIObject *)s)->hash == h);
        Py_DECREF(s);
    }

    printf("_Py_HashPointer(0x12345670) = %zd, raw %zd\n", _Py_HashPointer((void *)0x12345670),
           _Py_HashPointerRaw((void *)0x12345670));
    printf("_Py_HashPointer(~0) = %zd, raw %zd\n", _Py_HashPointer((void *)~(uintptr_t)0),
           _Py_HashPointerRaw((void *)~(uintptr_t)0));
    PyObject *o = PyType_GenericAlloc(&PyBaseObject_Type, 0);
    printf("object hash is the pointer hash: %d\n",
           PyBaseObject_Type.tp_hash(o) == _Py_HashPointer(o));
    Py_TYPE(o)->tp_free(o);

    Py_FinalizeEx();
    Py_Initialize();
    PyObject *s = PyUnicode_FromString("abc");
    printf("after re-initialization hash(abc) = %zd\n", Py_TYPE(s)->tp_hash(s));
    Py_DECREF(s);
    Py_FinalizeEx();
    return 0;
}
