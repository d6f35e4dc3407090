/* PEP 393 access through the C-API, with ASCII, Latin-1 ("é"), BMP ("€") and astral ("𝄞")
 * text: AsUTF8AndSize/AsUTF8 (cache, surrogates), FromStringAndSize (decode errors),
 * GetLength, New, FromKindAndData, Substring, ReadChar, WriteChar, FromOrdinal, Fill,
 * CopyCharacters, Resize, AsUCS4(Copy), the wchar_t functions, FromObject, _PyUnicode_Copy,
 * and every error path with CPython's exception and message. */
#include "str_util.h"
#include <wchar.h>

static void utf8(const char *label, PyObject *s)
{
    Py_ssize_t n = -7;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    if (u == NULL) {
        err(label);
        printf("  size after error: %zd\n", n);
        return;
    }
    printf("%s: %zd [", label, n);
    for (Py_ssize_t i = 0; i <= n; i++)
        printf("%s%02x", i ? " " : "", (unsigned char)u[i]);
    printf("] cached %d\n", PyUnicode_AsUTF8(s) == u);
}

int main(void)
{
    Py_Initialize();
    const char *texts[] = {"", "abc", "caf\xc3\xa9", "\xe2\x82\xac" "1", "a\xf0\x9d\x84\x9e" "b", NULL};
    for (int i = 0; texts[i]; i++) {
        PyObject *s = PyUnicode_FromString(texts[i]);
        char label[32];
        snprintf(label, sizeof label, "utf8 %d", i);
        utf8(label, s);
        printf("  len %zd\n", PyUnicode_GetLength(s));
        cps("  cps", s);
    }

    /* FromStringAndSize: sizes, embedded NUL, bad UTF-8. */
    cps("fsas 2", PyUnicode_FromStringAndSize("\xc3\xa9xyz", 3));
    cps("fsas nul", PyUnicode_FromStringAndSize("a\0b", 3));
    cps("fsas 0", PyUnicode_FromStringAndSize(NULL, 0));
    cps("fsas neg", PyUnicode_FromStringAndSize("abc", -1));
    cps("fsas bad start", PyUnicode_FromStringAndSize("ab\xff", 3));
    cps("fsas bad cont", PyUnicode_FromStringAndSize("\xe2\x82x", 3));
    cps("fsas surrogate", PyUnicode_FromStringAndSize("\xed\xa0\x80", 3));
    cps("fsas truncated", PyUnicode_FromStringAndSize("\xf0\x9d\x84", 3));
    cps("fromstring bad", PyUnicode_FromString("x\xc3"));
    PyUnicode_FromStringAndSize("\xe2\x82x", 3);
    {
        PyObject *v = fetch_value();
        PyObject *o = PyUnicodeDecodeError_GetObject(v);
        Py_ssize_t st = -1, en = -1;
        PyUnicodeDecodeError_GetStart(v, &st);
        PyUnicodeDecodeError_GetEnd(v, &en);
        printf("decode error fields: %s start %zd end %zd objlen %zd\n", Py_TYPE(v)->tp_name, st, en,
               PyBytes_Size(o));
        Py_XDECREF(o);
        Py_XDECREF(v);
    }

    /* AsUTF8 errors: surrogates (runs grouped), wrong type. */
    PyObject *sur = PyUnicode_FromKindAndData(PyUnicode_2BYTE_KIND, (Py_UCS2[]){'a', 0xd800, 0xdc00, 'b'}, 4);
    utf8("utf8 surrogates", sur);
    {
        PyUnicode_AsUTF8(sur);
        PyObject *v = fetch_value();
        Py_ssize_t st = -1, en = -1;
        PyUnicodeEncodeError_GetStart(v, &st);
        PyUnicodeEncodeError_GetEnd(v, &en);
        printf("encode error fields: %s start %zd end %zd\n", Py_TYPE(v)->tp_name, st, en);
        Py_XDECREF(v);
    }
    PyObject *one = PyLong_FromLong(1);
    utf8("utf8 int", one);
    printf("asutf8 int %p\n", (void *)PyUnicode_AsUTF8(one));
    err("  err");
    num("getlength int", PyUnicode_GetLength(one));

    /* New: kinds from maxchar, errors. */
    cps("new 0", PyUnicode_New(0, 0x10ffff));
    {
        PyObject *s = PyUnicode_New(3, 0x20ac);
        printf("new kind %d max %X\n", (int)PyUnicode_KIND(s), (unsigned)PyUnicode_MAX_CHAR_VALUE(s));
        printf("write %d %d %d\n", PyUnicode_WriteChar(s, 0, 'x'), PyUnicode_WriteChar(s, 1, 0xe9),
               PyUnicode_WriteChar(s, 2, 0x20ac));
        num("write range", PyUnicode_WriteChar(s, 0, 0x1d11e));
        num("write index", PyUnicode_WriteChar(s, 3, 'x'));
        num("write neg", PyUnicode_WriteChar(s, -1, 'x'));
        num("fill", PyUnicode_Fill(s, 1, 5, 'z'));
        num("fill big", PyUnicode_Fill(s, 0, 1, 0x10000));
        num("fill neg", PyUnicode_Fill(s, -1, 1, 'a'));
        num("fill past", PyUnicode_Fill(s, 5, 1, 'a'));
        Py_INCREF(s);
        num("write shared", PyUnicode_WriteChar(s, 0, 'y'));
        num("fill shared", PyUnicode_Fill(s, 0, 1, 'y'));
        Py_DECREF(s);
        PyObject_Hash(s);
        num("write hashed", PyUnicode_WriteChar(s, 0, 'y'));
        cps("new filled", s);
    }
    {
        /* PyUnicode_New leaves the characters uninitialized (CPython too): set them before
         * printing, or the output is whatever the allocator left there. */
        PyObject *nb = PyUnicode_New(2, 0xff);
        PyUnicode_WriteChar(nb, 0, 'x');
        PyUnicode_WriteChar(nb, 1, 0);
        cps("new 1byte", nb);
    }
    cps("new neg", PyUnicode_New(-1, 'a'));
    cps("new maxchar", PyUnicode_New(1, 0x110000));
    num("write int", PyUnicode_WriteChar(one, 0, 'a'));

    /* FromKindAndData narrows to the smallest kind. */
    cps("fkad 1", PyUnicode_FromKindAndData(1, "h\xe9", 2));
    cps("fkad 2 ascii", PyUnicode_FromKindAndData(2, (Py_UCS2[]){'h', 'i'}, 2));
    cps("fkad 2 latin1", PyUnicode_FromKindAndData(2, (Py_UCS2[]){'h', 0xe9}, 2));
    cps("fkad 4 bmp", PyUnicode_FromKindAndData(4, (Py_UCS4[]){0x20ac, 'x'}, 2));
    cps("fkad 4 astral", PyUnicode_FromKindAndData(4, (Py_UCS4[]){0x1d11e, 0xe9}, 2));
    cps("fkad 4 too big", PyUnicode_FromKindAndData(4, (Py_UCS4[]){'a', 0x110000}, 2));
    cps("fkad kind 3", PyUnicode_FromKindAndData(3, "ab", 1));
    cps("fkad neg", PyUnicode_FromKindAndData(1, "ab", -1));
    cps("fkad empty", PyUnicode_FromKindAndData(4, NULL, 0));

    /* Substring, ReadChar. */
    PyObject *t = PyUnicode_FromString("a\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e" "z");
    cps("sub all", PyUnicode_Substring(t, 0, 100));
    printf("sub all is self %d\n", PyUnicode_Substring(t, 0, 5) == t);
    Py_DECREF(t);
    cps("sub 1-3", PyUnicode_Substring(t, 1, 3));
    cps("sub 2-4", PyUnicode_Substring(t, 2, 4));
    cps("sub 3-4", PyUnicode_Substring(t, 3, 4));
    cps("sub 0-2", PyUnicode_Substring(t, 0, 2));
    cps("sub 4-2", PyUnicode_Substring(t, 4, 2));
    cps("sub 9-10", PyUnicode_Substring(t, 9, 10));
    cps("sub -1", PyUnicode_Substring(t, -1, 2));
    cps("sub end -1", PyUnicode_Substring(t, 0, -1));
    for (Py_ssize_t i = -1; i <= 5; i++) {
        Py_UCS4 c = PyUnicode_ReadChar(t, i);
        if (c == (Py_UCS4)-1) err("readchar");
        else printf("readchar %zd: %X\n", i, (unsigned)c);
    }
    printf("readchar int %X\n", (unsigned)PyUnicode_ReadChar(one, 0));
    err("  err");

    /* FromOrdinal. */
    cps("ord e9", PyUnicode_FromOrdinal(0xe9));
    cps("ord 1d11e", PyUnicode_FromOrdinal(0x1d11e));
    cps("ord -1", PyUnicode_FromOrdinal(-1));
    cps("ord 110000", PyUnicode_FromOrdinal(0x110000));
    {
        PyObject *a = PyUnicode_FromOrdinal('a'), *b = PyUnicode_FromStringAndSize("a", 1);
        printf("ord a shared %d\n", a == b);
        Py_DECREF(a);
        Py_DECREF(b);
    }

    /* CopyCharacters. */
    {
        PyObject *dst = PyUnicode_New(5, 0xffff);
        PyUnicode_Fill(dst, 0, 5, '.');
        num("copy", PyUnicode_CopyCharacters(dst, 1, t, 0, 3));
        cps("  dst", PyUnicode_Substring(dst, 0, 5));
        num("copy astral into ucs2", PyUnicode_CopyCharacters(dst, 0, t, 3, 1));
        num("copy too many", PyUnicode_CopyCharacters(dst, 3, t, 0, 5));
        num("copy clipped", PyUnicode_CopyCharacters(dst, 4, t, 4, 9));
        num("copy from_start", PyUnicode_CopyCharacters(dst, 0, t, 6, 1));
        num("copy to_start", PyUnicode_CopyCharacters(dst, 6, t, 0, 1));
        num("copy neg", PyUnicode_CopyCharacters(dst, 0, t, 0, -1));
        num("copy zero", PyUnicode_CopyCharacters(dst, 0, t, 0, 0));
        num("copy int", PyUnicode_CopyCharacters(dst, 0, one, 0, 1));
        PyObject *asc = PyUnicode_New(2, 0x7f);
        num("copy latin1 into ascii", PyUnicode_CopyCharacters(asc, 0, t, 1, 1));
        num("copy ascii part", PyUnicode_CopyCharacters(asc, 0, t, 0, 1));
        num("copy ascii end", PyUnicode_CopyCharacters(asc, 1, t, 5, 1));
        PyUnicode_WriteChar(asc, 1, 'C');
        cps("  asc", asc);
        cps("  dst", dst);
    }

    /* Resize. */
    {
        PyObject *r = PyUnicode_FromString("h\xc3\xa9llo");
        PyObject *r2 = PyUnicode_Substring(r, 0, 4);
        Py_DECREF(r);
        num("resize", PyUnicode_Resize(&r2, 2));
        cps("  r", r2);
        r2 = PyUnicode_FromString("\xe2\x82\xac" "ab");
        num("resize grow", PyUnicode_Resize(&r2, 4));
        PyUnicode_WriteChar(r2, 3, 0x20ac);
        cps("  r", r2);
        r2 = PyUnicode_FromString("abc");
        num("resize 0", PyUnicode_Resize(&r2, 0));
        cps("  r", r2);
        r2 = PyUnicode_FromString("abc");
        num("resize neg", PyUnicode_Resize(&r2, -1));
        num("resize int", PyUnicode_Resize(&one, 1));
        Py_DECREF(r2);
    }

    /* AsUCS4, AsUCS4Copy. */
    {
        Py_UCS4 buf[8];
        memset(buf, 0xff, sizeof buf);
        Py_UCS4 *r = PyUnicode_AsUCS4(t, buf, 8, 1);
        printf("ucs4 %d: %X %X %X %X %X %X\n", r == buf, buf[0], buf[1], buf[2], buf[3], buf[4], buf[5]);
        memset(buf, 0xff, sizeof buf);
        r = PyUnicode_AsUCS4(t, buf, 5, 0);
        printf("ucs4 exact %d: %X %X\n", r == buf, buf[4], buf[5]);
        r = PyUnicode_AsUCS4(t, buf, 5, 1);
        printf("ucs4 short %d buf0 %X\n", r == NULL, buf[0]);
        err("  err");
        r = PyUnicode_AsUCS4(t, buf, -1, 1);
        err("ucs4 neg");
        Py_UCS4 *c = PyUnicode_AsUCS4Copy(t);
        printf("ucs4copy: %X %X %X\n", c[3], c[4], c[5]);
        PyMem_Free(c);
    }

    /* wchar_t. */
    {
        wchar_t w[8];
        cps("fromwide", PyUnicode_FromWideChar(L"\u00e9\u20ac\U0001d11e", -1));
        cps("fromwide 2", PyUnicode_FromWideChar(L"ab\0c", 4));
        cps("fromwide null", PyUnicode_FromWideChar(NULL, 3));
        cps("fromwide 0", PyUnicode_FromWideChar(NULL, 0));
        cps("fromwide big", PyUnicode_FromWideChar((wchar_t[]){0x110000}, 1));
        num("aswide null", PyUnicode_AsWideChar(t, NULL, 0));
        wmemset(w, L'#', 8);
        num("aswide 8", PyUnicode_AsWideChar(t, w, 8));
        printf("  %X %X %X\n", (unsigned)w[3], (unsigned)w[5], (unsigned)w[6]);
        wmemset(w, L'#', 8);
        num("aswide 3", PyUnicode_AsWideChar(t, w, 3));
        printf("  %X %X\n", (unsigned)w[2], (unsigned)w[3]);
        num("aswide int", PyUnicode_AsWideChar(one, w, 3));
        Py_ssize_t n = -1;
        wchar_t *ws = PyUnicode_AsWideCharString(t, &n);
        printf("aswidestring %zd %X %X\n", n, (unsigned)ws[4], (unsigned)ws[5]);
        PyMem_Free(ws);
        PyObject *z = PyUnicode_FromStringAndSize("a\0b", 3);
        ws = PyUnicode_AsWideCharString(z, NULL);
        err("aswidestring nul");
        ws = PyUnicode_AsWideCharString(z, &n);
        printf("aswidestring nul sized %zd\n", n);
        PyMem_Free(ws);
        Py_DECREF(z);
        PyUnicode_AsWideCharString(one, &n);
        err("aswidestring int");
    }

    /* FromObject, _PyUnicode_Copy, _PyUnicode_Ready. */
    {
        PyObject *f = PyUnicode_FromObject(t);
        printf("fromobject same %d\n", f == t);
        Py_DECREF(f);
        rep("fromobject int", PyUnicode_FromObject(one));
        PyObject *c = _PyUnicode_Copy(t);
        printf("copy distinct %d equal %d\n", c != t, PyObject_RichCompareBool(c, t, Py_EQ));
        Py_DECREF(c);
        printf("ready %d\n", PyUnicode_READY(t));
    }

    Py_DECREF(t);
    Py_DECREF(sur);
    Py_DECREF(one);
    Py_Finalize();
    return 0;
}
