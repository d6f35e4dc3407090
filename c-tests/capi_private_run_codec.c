/* More underscore-named helpers: _PyRun_SimpleFileObject/_PyRun_AnyFileObject (a str file
 * name), Py_UniversalNewlineFgets(WithSize), the text-codec entry points
 * (_PyCodec_LookupTextEncoding, _PyCodec_EncodeText, _PyCodec_DecodeText), the wchar_t*
 * converters of PyArg "O&", _PyThread_at_fork_reinit and _Py_BreakPoint. */
#include <Python.h>
#include <pythread.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#include "proto_util.h"

int main(void)
{
    Py_Initialize();
    FILE *src = tmpfile();
    fputs("import sys\nprint('ran', __file__)\n", src);
    rewind(src);
    PyObject *name = PyUnicode_FromString("script_\xc3\xa9.py");
    printf("simple: %d\n", _PyRun_SimpleFileObject(src, name, 0, NULL));
    fflush(stdout);
    rewind(src);
    printf("any: %d\n", _PyRun_AnyFileObject(src, name, 1, NULL));
    fflush(stdout);
    Py_DECREF(name);

    FILE *text = tmpfile();
    fputs("one\r\ntwo\rthree\nlonger line here\n\r", text);
    rewind(text);
    char buf[8];
    size_t size;
    while (_Py_UniversalNewlineFgetsWithSize(buf, sizeof buf, text, NULL, &size) != NULL) {
        printf("line (%zu):", size);
        for (size_t i = 0; i < size; i++)
            printf(" %02x", (unsigned char)buf[i]);
        printf("\n");
    }
    rewind(text);
    printf("with fobj: %p\n", (void *)Py_UniversalNewlineFgets(buf, sizeof buf, text, Py_None));
    printf("plain: %s", Py_UniversalNewlineFgets(buf, sizeof buf, text, NULL));
    fclose(text);

    show("lookup utf-8 name", PyObject_GetAttrString(_PyCodec_LookupTextEncoding("UTF8", "x()"), "name"));
    show("lookup rot13", _PyCodec_LookupTextEncoding("rot13", "codecs.encode()"));
    PyObject *s = PyUnicode_FromString("h\xe2\x82\xac");
    show("encode ascii replace", _PyCodec_EncodeText(s, "ascii", "replace"));
    show("encode utf-16-le", _PyCodec_EncodeText(s, "utf-16-le", NULL));
    show("encode hex", _PyCodec_EncodeText(s, "hex", NULL));
    show("encode unknown", _PyCodec_EncodeText(s, "no-such-codec", NULL));
    PyObject *b = PyBytes_FromString("h\xc3\xa9");
    show("decode utf-8", _PyCodec_DecodeText(b, "utf-8", NULL));
    show("decode base64", _PyCodec_DecodeText(b, "base64", NULL));
    show("decode ascii strict", _PyCodec_DecodeText(b, "ascii", "strict"));
    Py_DECREF(b);

    wchar_t *w = NULL;
    int rc = _PyUnicode_WideCharString_Converter(s, &w);
    printf("converter: rc=%d len=%zu first=%lc\n", rc, wcslen(w), (wint_t)w[0]);
    PyMem_Free(w);
    w = NULL;
    printf("int: %d ", _PyUnicode_WideCharString_Converter(Py_False, &w));
    show_err("error");
    printf("opt None: %d null=%d\n", _PyUnicode_WideCharString_Opt_Converter(Py_None, &w), w == NULL);
    printf("opt int: %d ", _PyUnicode_WideCharString_Opt_Converter(Py_True, &w));
    show_err("error");
    Py_DECREF(s);

    PyThread_type_lock lock = PyThread_allocate_lock();
    PyThread_acquire_lock(lock, WAIT_LOCK);
    PyThread_type_lock old = lock;
    printf("reinit: %d new=%d\n", _PyThread_at_fork_reinit(&lock), lock != old);
    printf("new lock free: %d\n", PyThread_acquire_lock(lock, NOWAIT_LOCK));
    PyThread_release_lock(lock);
    PyThread_free_lock(lock);
    PyThread_release_lock(old);
    PyThread_free_lock(old);
    _Py_BreakPoint();
    printf("breakpoint returned\n");
    Py_Finalize();
    return 0;
}
