/* The charmap and UTF-7 C-API: PyUnicode_DecodeCharmap (str table, dict, NULL mapping,
 * error handlers, bad mapping values), PyUnicode_AsCharmapString and
 * _PyUnicode_EncodeCharmap (EncodingMap from PyUnicode_BuildEncodingMap, dict, NULL
 * arguments), PyUnicode_BuildEncodingMap (EncodingMap vs dict, bad argument), and
 * PyUnicode_DecodeUTF7/DecodeUTF7Stateful/_PyUnicode_EncodeUTF7. */
#define PY_SSIZE_T_CLEAN
#include "testutil.h"

static void showc(const char *what, PyObject *o) { show_masked(what, o); }

int main(void)
{
    Py_Initialize();
    /* A 256-character table: byte i -> U+0100+i for i >= 0x80, ASCII below, 0x81 unmapped. */
    Py_UCS4 table[256];
    for (int i = 0; i < 256; i++) table[i] = i < 0x80 ? (Py_UCS4)i : 0x100 + i;
    table[0x81] = 0xFFFE;
    PyObject *t = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, table, 256);

    showc("decode table", PyUnicode_DecodeCharmap("a\x80\x82", 3, t, NULL));
    showc("decode table undefined", PyUnicode_DecodeCharmap("a\x81", 2, t, "strict"));
    showc("decode table replace", PyUnicode_DecodeCharmap("a\x81z", 3, t, "replace"));
    showc("decode table ignore", PyUnicode_DecodeCharmap("\x81\x81z", 3, t, "ignore"));
    showc("decode NULL mapping", PyUnicode_DecodeCharmap("a\xe9", 2, NULL, NULL));
    PyObject *d = Py_BuildValue("{i:s,i:i,i:O}", 0x61, "AA", 0x62, 0x263A, 0x63, Py_None);
    showc("decode dict", PyUnicode_DecodeCharmap("ab", 2, d, NULL));
    showc("decode dict None", PyUnicode_DecodeCharmap("c", 1, d, NULL));
    showc("decode dict missing", PyUnicode_DecodeCharmap("abd", 3, d, "backslashreplace"));
    PyObject *bad = Py_BuildValue("{i:d}", 0x61, 1.5);
    showc("decode bad value", PyUnicode_DecodeCharmap("a", 1, bad, NULL));
    showc("decode bad errors", PyUnicode_DecodeCharmap("\x81", 1, t, "no-such-handler"));

    PyObject *m = PyUnicode_BuildEncodingMap(t);
    printf("map type: %s\n", Py_TYPE(m)->tp_name);
    PyObject *s = PyUnicode_FromString("a\xc6\x80\xc6\x82");  /* a U+0180 U+0182 */
    showc("encode map", PyUnicode_AsCharmapString(s, m));
    PyObject *s2 = PyUnicode_FromString("a\xe2\x82\xacz");
    showc("encode map undefined", PyUnicode_AsCharmapString(s2, m));
    showc("encode map replace", _PyUnicode_EncodeCharmap(s2, m, "replace"));
    showc("encode map xmlcharrefreplace", _PyUnicode_EncodeCharmap(s2, m, "xmlcharrefreplace"));
    showc("encode NULL mapping", _PyUnicode_EncodeCharmap(s, NULL, NULL));
    showc("encode dict", PyUnicode_AsCharmapString(PyUnicode_FromString("ab"),
                                                   Py_BuildValue("{i:i,i:y}", 0x61, 7, 0x62, "xy")));
    showc("encode dict big", PyUnicode_AsCharmapString(PyUnicode_FromString("a"), Py_BuildValue("{i:i}", 0x61, 300)));
    showc("encode NULL map", PyUnicode_AsCharmapString(s, NULL));
    PyObject *short_map = PyUnicode_BuildEncodingMap(PyUnicode_FromString("xyz"));
    showc("build short", short_map);
    showc("build int", PyUnicode_BuildEncodingMap(PyLong_FromLong(1)));

    showc("utf7 decode", PyUnicode_DecodeUTF7("a+AOk-b", 7, NULL));
    showc("utf7 decode bad", PyUnicode_DecodeUTF7("+AOl-", 5, NULL));
    showc("utf7 decode replace", PyUnicode_DecodeUTF7("a\x80", 2, "replace"));
    Py_ssize_t consumed = -1;
    showc("utf7 stateful", PyUnicode_DecodeUTF7Stateful("a+AOk", 5, NULL, &consumed));
    printf("consumed: %zd\n", consumed);
    showc("utf7 stateful done", PyUnicode_DecodeUTF7Stateful("a+AOk-", 6, NULL, &consumed));
    printf("consumed: %zd\n", consumed);
    showc("utf7 stateful NULL consumed", PyUnicode_DecodeUTF7Stateful("a+AOk", 5, NULL, NULL));
    PyObject *u = PyUnicode_FromString("a \xc3\xa9!~");
    showc("utf7 encode", _PyUnicode_EncodeUTF7(u, 0, 0, NULL));
    showc("utf7 encode setO", _PyUnicode_EncodeUTF7(u, 1, 0, NULL));
    showc("utf7 encode whitespace", _PyUnicode_EncodeUTF7(u, 0, 1, NULL));
    Py_Finalize();
    return 0;
}
