/* _PyUnicodeWriter: Init, the Prepare/PrepareKind macros, WriteChar, WriteStr,
 * WriteSubstring, WriteASCIIString, WriteLatin1String, Finish, Dealloc; widening from ASCII
 * to Latin-1, UCS-2 and UCS-4, over-allocation, min_length, the read-only first str. */
#include "str_util.h"

int main(void)
{
    Py_Initialize();
    _PyUnicodeWriter w;
    PyObject *euro = S("x\xe2\x82\xac"), *clef = S("\xf0\x9d\x84\x9e" "y"), *abc = S("abc");

    _PyUnicodeWriter_Init(&w);
    printf("init: kind %d maxchar %X size %zd pos %zd min_char %X overallocate %d\n", (int)w.kind,
           (unsigned)w.maxchar, w.size, w.pos, (unsigned)w.min_char, w.overallocate);
    printf("ascii %d\n", _PyUnicodeWriter_WriteASCIIString(&w, "hello", -1));
    printf("  readonly %d pos %zd size %zd kind %d\n", w.readonly, w.pos, w.size, (int)w.kind);
    printf("latin1 %d\n", _PyUnicodeWriter_WriteLatin1String(&w, " caf\xe9", 5));
    printf("  readonly %d pos %zd kind %d maxchar %X\n", w.readonly, w.pos, (int)w.kind, (unsigned)w.maxchar);
    printf("str %d\n", _PyUnicodeWriter_WriteStr(&w, euro));
    printf("  pos %zd kind %d\n", w.pos, (int)w.kind);
    printf("char %d\n", _PyUnicodeWriter_WriteChar(&w, 0x1d11e));
    printf("  pos %zd kind %d maxchar %X\n", w.pos, (int)w.kind, (unsigned)w.maxchar);
    printf("sub %d\n", _PyUnicodeWriter_WriteSubstring(&w, clef, 1, 2));
    printf("sub empty %d\n", _PyUnicodeWriter_WriteSubstring(&w, clef, 1, 1));
    cps("finish", _PyUnicodeWriter_Finish(&w));

    /* The first whole str is shared, then copied on the next write. */
    _PyUnicodeWriter_Init(&w);
    _PyUnicodeWriter_WriteStr(&w, abc);
    printf("shared: readonly %d buffer is str %d\n", w.readonly, w.buffer == abc);
    PyObject *r = _PyUnicodeWriter_Finish(&w);
    printf("finish shared is str %d\n", r == abc);
    Py_DECREF(r);
    _PyUnicodeWriter_Init(&w);
    _PyUnicodeWriter_WriteStr(&w, abc);
    _PyUnicodeWriter_WriteStr(&w, euro);
    printf("copied: readonly %d buffer is str %d\n", w.readonly, w.buffer == abc);
    cps("  finish", _PyUnicodeWriter_Finish(&w));
    printf("abc intact: %s\n", PyUnicode_AsUTF8(abc));

    /* Over-allocation and min_length; Prepare and PrepareKind macros. */
    _PyUnicodeWriter_Init(&w);
    w.overallocate = 1;
    w.min_length = 10;
    printf("prepare %d size %zd kind %d\n", _PyUnicodeWriter_Prepare(&w, 3, 0x41), w.size, (int)w.kind);
    printf("prepare kind %d kind %d maxchar %X\n", _PyUnicodeWriter_PrepareKind(&w, PyUnicode_2BYTE_KIND), (int)w.kind,
           (unsigned)w.maxchar);
    for (int i = 0; i < 30; i++)
        _PyUnicodeWriter_WriteChar(&w, 'a' + i % 26);
    printf("after 30: pos %zd size>=pos %d\n", w.pos, w.size >= w.pos);
    cps("finish", _PyUnicodeWriter_Finish(&w));

    /* Empty and one-character results; Dealloc. */
    _PyUnicodeWriter_Init(&w);
    r = _PyUnicodeWriter_Finish(&w);
    printf("empty: len %zd\n", PyUnicode_GET_LENGTH(r));
    Py_DECREF(r);
    _PyUnicodeWriter_Init(&w);
    _PyUnicodeWriter_WriteChar(&w, 0xe9);
    r = _PyUnicodeWriter_Finish(&w);
    PyObject *e = PyUnicode_FromOrdinal(0xe9);
    printf("one char shared %d\n", r == e);
    Py_DECREF(r);
    Py_DECREF(e);
    _PyUnicodeWriter_Init(&w);
    _PyUnicodeWriter_WriteStr(&w, clef);
    _PyUnicodeWriter_WriteChar(&w, 'z');
    _PyUnicodeWriter_Dealloc(&w);
    printf("dealloc buffer %p\n", (void *)w.buffer);

    Py_DECREF(euro);
    Py_DECREF(clef);
    Py_DECREF(abc);
    Py_Finalize();
    return 0;
}
