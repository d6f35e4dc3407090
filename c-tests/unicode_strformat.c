/* str.format, str.format_map and str.__format__: automatic and manual numbering, keyword
 * fields, attribute and item steps, conversions, nested specs, non-ASCII text and values,
 * and every parse and lookup error with CPython's type and message. */
#define PY_SSIZE_T_CLEAN
#include "unicode_util.h"

static PyObject *kwargs;

/* text.format(*args, **kwargs) */
static void fmt(const char *text, PyObject *args)
{
    char label[200];
    snprintf(label, sizeof label, "format(%s)", text);
    PyObject *s = ustr(text);
    PyObject *m = PyObject_GetAttrString(s, "format");
    show_ascii(label, PyObject_Call(m, args, kwargs));
    Py_DECREF(m);
    Py_DECREF(s);
    Py_DECREF(args);
}

int main(void)
{
    Py_Initialize();
    PyObject *list = Py_BuildValue("[i[i]s]", 10, 7, "\xc3\xa9t\xc3\xa9");
    PyObject *dict = Py_BuildValue("{s:i,s:i,s:i,s:i,s:i,s:i,i:s}", "}", 5, ":", 6, "!", 7, "{", 8,
                                   "a", 1, "-1", 2, 1, "one");
    kwargs = Py_BuildValue("{s:s,s:i,s:O,s:d}", "name", "W\xc3\xb6rld", "w", 9, "d", dict, "x", 2.5);
    const char *plain[] = {
        "{} and {}", "{0}{1}{0}", "{1}{0}", "x{}y{}z", "{{}} {{{0}}}", "}}x{{", "{!r:>6}|{!s:^7}|{!a:<9}",
        "{0:>{1}}", "{:{}}", "{0:{1}}", "{:*^{}}", "{0:{2}{1}}", "{0[1][0]}", "{0[2]!a}", "{0[0]:x}",
        "{name}", "{name!r}", "{name:_>9}", "{d[}]}{d[:]}{d[!]}{d[{]}", "{d[a]}", "{d[-1]}", "{d[1]}",
        "{x.real:.3f}", "{x.__class__.__name__}", "{w:#x} {w:08b}", "{0.real}", "{00}", "{.real}",
        "{[1]}", "{\xd9\xa0}", "{w!s:\xe2\x82\xac^7}", "\xf0\x9d\x84\x9e{}\xf0\x9d\x84\x9e", "{:}",
        "", "plain \xc3\xa9", "{0!r:}",
        /* errors */
        "{", "}", "a{", "a}b", "{0", "{0!", "{0!r", "{0:", "{0!}", "{0!rr}", "{0!x}", "{0! }",
        "{0!\xc3\xa9}", "{0!\xf0\x9d\x84\x9e}", "{0!}}", "{0[}", "{0[0}", "{0[0]x}", "{0[]]}", "{0.}",
        "{0..real}", "{3}", "{}{}{}{}", "{}{0}", "{0}{}", "{nope}", "{0x}", "{ 0}", "{:{:{}}}",
        "{0:d}", "{0[0]:s}", "{99999999999999999999}", "{0[99999999999999999999]}", "{0.nope}",
        "{0[5]}", "{d[zz]}", "{0:}}", "{0:{}", "{0[0]}{", "{0.nope}{",
    };
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
        fmt(plain[i], Py_BuildValue("(Oii)", list, 4, 3));
    fmt("{0:{1}}", Py_BuildValue("(is)", 1, "\xc3\xa9"));
    fmt("{0:{1}}", Py_BuildValue("(id)", 1, 5.5));
    fmt("{0}", PyTuple_New(0));
    fmt("{:%Y}", Py_BuildValue("(i)", 1));
    fmt("{!r}", Py_BuildValue("(s)", "\xc3\xa9\n'"));

    /* format_map */
    Py_CLEAR(kwargs);
    PyObject *s = ustr("{a} {1}");
    show_ascii("format_map positional", PyObject_CallMethod(s, "format_map", "O", dict));
    Py_DECREF(s);
    const char *maps[] = { "{a}-{-1}", "{a}{}", "{zz}", "{a!r:>4}", "{\xc3\xa9}" };
    for (size_t i = 0; i < sizeof maps / sizeof *maps; i++) {
        char label[100];
        snprintf(label, sizeof label, "format_map(%s)", maps[i]);
        s = ustr(maps[i]);
        show_ascii(label, PyObject_CallMethod(s, "format_map", "O", dict));
        Py_DECREF(s);
    }
    s = ustr("{a}");
    show_ascii("format_map(1)", PyObject_CallMethod(s, "format_map", "i", 1));
    show_ascii("format_map()", PyObject_CallMethod(s, "format_map", NULL));
    Py_DECREF(s);

    /* __format__ */
    const char *specs[] = { "", ">7", "\xc3\xa9^8", "<3", ".2", "s", "d", "=5", "+5", "08", ",", "x<5.1s" };
    for (size_t i = 0; i < sizeof specs / sizeof *specs; i++) {
        char label[100];
        snprintf(label, sizeof label, "__format__(%s)", specs[i]);
        s = ustr("\xc3\xa9t\xc3\xa9");
        show_ascii(label, PyObject_CallMethod(s, "__format__", "s", specs[i]));
        Py_DECREF(s);
    }
    s = ustr("x");
    show_ascii("__format__(1)", PyObject_CallMethod(s, "__format__", "i", 1));
    Py_DECREF(s);
    Py_DECREF(list);
    Py_DECREF(dict);
    Py_Finalize();
    return 0;
}
