/* Padding and translation methods of str on non-ASCII and astral text: center, ljust,
 * rjust (fill characters of every kind, odd margins), zfill (signs), expandtabs (columns
 * restart at newlines), translate (ints, strs, None, missing keys, lookup errors),
 * str.maketrans in its three forms, and their argument errors with CPython's messages. */
#define PY_SSIZE_T_CLEAN
#include "unicode_util.h"

int main(void)
{
    Py_Initialize();
    const char *texts[] = { "abc", "\xc3\xa9t\xc3\xa9", "\xe2\x82\xac", "\xf0\x9d\x84\x9e!", "" };
    const char *fills[] = { " ", "*", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9d\x84\x9e" };
    const char *methods[] = { "center", "ljust", "rjust" };
    char label[200];
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
        for (size_t m = 0; m < 3; m++)
            for (int w = 0; w <= 6; w += 3)
                for (size_t f = 0; f < sizeof fills / sizeof *fills; f++) {
                    snprintf(label, sizeof label, "%s(%s, %d, %s)", methods[m], texts[t], w + (int)t % 2, fills[f]);
                    calln(label, texts[t], methods[m], Py_BuildValue("(is)", w + (int)t % 2, fills[f]));
                }
    calln("center(8)", "ab", "center", Py_BuildValue("(i)", 8));
    calln("center(7)", "ab", "center", Py_BuildValue("(i)", 7));
    calln("center(6) odd", "abc", "center", Py_BuildValue("(i)", 6));
    calln("center(-5)", "abc", "center", Py_BuildValue("(i)", -5));
    calln("center()", "abc", "center", PyTuple_New(0));
    calln("center(1,2,3)", "abc", "center", Py_BuildValue("(iii)", 1, 2, 3));
    calln("center('a')", "abc", "center", Py_BuildValue("(s)", "a"));
    calln("center(5.0)", "abc", "center", Py_BuildValue("(d)", 5.0));
    calln("center(5,'ab')", "abc", "center", Py_BuildValue("(is)", 5, "ab"));
    calln("center(5,'')", "abc", "center", Py_BuildValue("(is)", 5, ""));
    calln("ljust(5,1)", "abc", "ljust", Py_BuildValue("(ii)", 5, 1));
    calln("rjust(2**70)", "abc", "rjust", Py_BuildValue("(N)", PyNumber_Lshift(PyLong_FromLong(1), PyLong_FromLong(70))));
    calln("ljust(True)", "abc", "ljust", Py_BuildValue("(O)", Py_True));

    const char *z[] = { "42", "-42", "+\xc3\xa9", "", "-", "\xe2\x82\xac-1", "12345" };
    for (size_t i = 0; i < sizeof z / sizeof *z; i++) {
        snprintf(label, sizeof label, "zfill(%s, 6)", z[i]);
        calln(label, z[i], "zfill", Py_BuildValue("(i)", 6));
    }
    calln("zfill('x')", "1", "zfill", Py_BuildValue("(s)", "x"));
    calln("zfill()", "1", "zfill", PyTuple_New(0));

    const char *tabs = "a\tb\xc3\xa9\tc\n\t\xf0\x9d\x84\x9e\td\r\txyz\t";
    calln("expandtabs()", tabs, "expandtabs", PyTuple_New(0));
    for (int n = -1; n <= 5; n += 2) {
        snprintf(label, sizeof label, "expandtabs(%d)", n);
        calln(label, tabs, "expandtabs", Py_BuildValue("(i)", n));
    }
    calln("expandtabs(0)", tabs, "expandtabs", Py_BuildValue("(i)", 0));
    calln("expandtabs no tab", "abc", "expandtabs", PyTuple_New(0));
    {
        PyObject *s = ustr(tabs);
        PyObject *m = PyObject_GetAttrString(s, "expandtabs");
        PyObject *kw = Py_BuildValue("{s:i}", "tabsize", 3);
        PyObject *empty = PyTuple_New(0);
        show_ascii("expandtabs(tabsize=3)", PyObject_Call(m, empty, kw));
        Py_DECREF(kw);
        kw = Py_BuildValue("{s:i}", "tab", 3);
        show_ascii("expandtabs(tab=3)", PyObject_Call(m, empty, kw));
        Py_DECREF(kw);
        kw = Py_BuildValue("{s:N}", "tabsize", PyNumber_Lshift(PyLong_FromLong(1), PyLong_FromLong(40)));
        show_ascii("expandtabs(tabsize=2**40)", PyObject_Call(m, empty, kw));
        Py_DECREF(kw);
        Py_DECREF(empty);
        Py_DECREF(m);
        Py_DECREF(s);
    }
    calln("expandtabs(1,2)", tabs, "expandtabs", Py_BuildValue("(ii)", 1, 2));
    calln("expandtabs('a')", tabs, "expandtabs", Py_BuildValue("(s)", "a"));

    /* translate */
    PyObject *table = Py_BuildValue("{i:i,i:s,i:O,i:s,i:s}", 'a', 0x1D11E, 'b', "xyz", 'c', Py_None,
                                    0xE9, "E", 0x20AC, "");
    const char *tr[] = { "abcabc", "\xc3\xa9t\xc3\xa9 \xe2\x82\xac 5", "zzz", "", "\xf0\x9d\x84\x9e" "a" };
    for (size_t i = 0; i < sizeof tr / sizeof *tr; i++) {
        snprintf(label, sizeof label, "translate(%s)", tr[i]);
        Py_INCREF(table);
        calln(label, tr[i], "translate", Py_BuildValue("(N)", table));
    }
    calln("translate(list)", "abc", "translate", Py_BuildValue("([iii])", 65, 66, 67));
    calln("translate(1)", "abc", "translate", Py_BuildValue("(i)", 1));
    calln("translate(float value)", "abc", "translate", Py_BuildValue("({i:d})", 'a', 1.5));
    calln("translate(-1)", "abc", "translate", Py_BuildValue("({i:i})", 'a', -1));
    calln("translate(0x110000)", "abc", "translate", Py_BuildValue("({i:i})", 'a', 0x110000));
    calln("translate(2**70)", "abc", "translate",
          Py_BuildValue("({i:N})", 'a', PyNumber_Lshift(PyLong_FromLong(1), PyLong_FromLong(70))));
    calln("translate(True)", "abc", "translate", Py_BuildValue("({i:O})", 'a', Py_True));
    calln("translate()", "abc", "translate", PyTuple_New(0));
    Py_DECREF(table);

    /* maketrans, reached through the type (a static method) and an instance */
    PyObject *str_type = (PyObject *)&PyUnicode_Type;
    show_ascii("maketrans(x,y)", PyObject_CallMethod(str_type, "maketrans", "ss", "a\xc3\xa9\xf0\x9d\x84\x9e", "\xe2\x82\xac" "bc"));
    show_ascii("maketrans(x,y,z)", PyObject_CallMethod(str_type, "maketrans", "sss", "ab", "cd", "e\xc3\xa9"));
    show_ascii("maketrans(dict)", PyObject_CallMethod(str_type, "maketrans", "({s:i,i:s,s:O})", "\xc3\xa9", 1, 66, "bc", "z", Py_None));
    show_ascii("maketrans(bool key)", PyObject_CallMethod(str_type, "maketrans", "({O:i})", Py_True, 1));
    show_ascii("maketrans()", PyObject_CallMethod(str_type, "maketrans", NULL));
    show_ascii("maketrans(1)", PyObject_CallMethod(str_type, "maketrans", "i", 1));
    show_ascii("maketrans({1.5:2})", PyObject_CallMethod(str_type, "maketrans", "({d:i})", 1.5, 2));
    show_ascii("maketrans({'ab':2})", PyObject_CallMethod(str_type, "maketrans", "({s:i})", "ab", 2));
    show_ascii("maketrans({'':2})", PyObject_CallMethod(str_type, "maketrans", "({s:i})", "", 2));
    show_ascii("maketrans('ab','c')", PyObject_CallMethod(str_type, "maketrans", "ss", "ab", "c"));
    show_ascii("maketrans(1,2)", PyObject_CallMethod(str_type, "maketrans", "ii", 1, 2));
    show_ascii("maketrans(1,'a')", PyObject_CallMethod(str_type, "maketrans", "is", 1, "a"));
    show_ascii("maketrans('a','b',3)", PyObject_CallMethod(str_type, "maketrans", "ssi", "a", "b", 3));
    show_ascii("maketrans(4 args)", PyObject_CallMethod(str_type, "maketrans", "ssss", "a", "b", "c", "d"));
    PyObject *inst = ustr("x");
    show_ascii("instance maketrans", PyObject_CallMethod(inst, "maketrans", "ss", "x", "y"));
    Py_DECREF(inst);
    Py_Finalize();
    return 0;
}
