/* printf-style formatting of str (`format % args` through PyNumber_Remainder, and
 * PyUnicode_Format): every conversion, flags, `*` width and precision, mapping keys,
 * non-ASCII formats and values, single values versus tuples versus mappings, and CPython's
 * errors for each misuse. */
#define PY_SSIZE_T_CLEAN
#include "unicode_util.h"

/* Prints "fmt % args" (args stolen). */
static void pct(const char *fmt, PyObject *args)
{
    char label[200];
    snprintf(label, sizeof label, "'%s' %%", fmt);
    PyObject *s = ustr(fmt);
    if (args == NULL) {
        print_exc(label);
    } else {
        show_ascii(label, PyNumber_Remainder(s, args));
        Py_DECREF(args);
    }
    Py_DECREF(s);
}

static PyObject *big(int shift)
{
    PyObject *one = PyLong_FromLong(1), *n = PyLong_FromLong(shift);
    PyObject *r = PyNumber_Lshift(one, n);
    Py_DECREF(one);
    Py_DECREF(n);
    return r;
}

int main(void)
{
    Py_Initialize();
    double inf = Py_HUGE_VAL, nan = Py_NAN;
    pct("%%", PyTuple_New(0));
    pct("100%% %s", Py_BuildValue("(s)", "\xc3\xa9"));
    pct("%", PyTuple_New(0));
    pct("a%", PyTuple_New(0));
    pct("%5%", PyTuple_New(0));
    pct("%5%", Py_BuildValue("(i)", 1));
    pct("%(a)%", Py_BuildValue("{s:i}", "a", 1));
    pct("%*%", Py_BuildValue("(i)", 3));
    pct("% ", Py_BuildValue("(i)", 1));
    pct("%5", Py_BuildValue("(i)", 1));
    pct("%.", Py_BuildValue("(i)", 1));
    pct("%(a)", Py_BuildValue("{s:i}", "a", 1));
    pct("%y", Py_BuildValue("(i)", 1));
    pct("%\xc3\xa9", Py_BuildValue("(i)", 1));
    pct("%\x01", Py_BuildValue("(i)", 1));
    pct("ab%-5\xf0\x9d\x84\x9e", Py_BuildValue("(i)", 1));

    /* arguments: tuples, single values, mappings */
    pct("%(a)s", Py_BuildValue("(i)", 1));
    pct("%(a", Py_BuildValue("{s:i}", "a", 1));
    pct("%(a)s %(b)r %(\xc3\xa9)a", Py_BuildValue("{s:s,s:s,s:s}", "a", "\xc3\xa9", "b", "\xc3\xa9", "\xc3\xa9", "\xe2\x82\xac"));
    pct("%(a)s", PyDict_New());
    pct("%s %s", Py_BuildValue("(i)", 1));
    pct("%s", Py_BuildValue("(ii)", 1, 2));
    pct("%s", Py_BuildValue("[ii]", 1, 2));
    pct("%s %s", Py_BuildValue("[ii]", 1, 2));
    pct("%(x)s", Py_BuildValue("[i]", 1));
    pct("%s", Py_BuildValue("((ii))", 1, 2));
    pct("%s %s", Py_BuildValue("((ii))", 1, 2));
    pct("%s", Py_BuildValue("(O)", Py_None));
    pct("%s", Py_BuildValue("(y)", "x"));
    pct("abc", PyTuple_New(0));
    pct("abc", Py_BuildValue("(i)", 1));
    pct("abc", Py_BuildValue("{s:i}", "a", 1));
    pct("abc", PyList_New(0));
    pct("abc", ustr(""));
    pct("abc", PyLong_FromLong(5));
    pct("%s", ustr("\xe2\x82\xac"));
    pct("%(a)s%s", Py_BuildValue("{s:i}", "a", 1));
    pct("%s%(a)s", Py_BuildValue("{s:i}", "a", 1));
    pct("%(a)*d", Py_BuildValue("{s:i}", "a", 1));
    pct("%(a)s %(a)s", Py_BuildValue("{s:s}", "a", "x"));
    pct("%((a))s", Py_BuildValue("{s:i}", "(a)", 2));
    pct("%d%%", Py_BuildValue("(i)", 5));
    pct("%(a)d %%", Py_BuildValue("{s:i}", "a", 5));

    /* width and precision */
    pct("%*d|", Py_BuildValue("(ii)", 5, 3));
    pct("%-*d|", Py_BuildValue("(ii)", 5, 3));
    pct("%*d|", Py_BuildValue("(ii)", -5, 3));
    pct("%.*f", Py_BuildValue("(id)", 2, 3.14159));
    pct("%*s", Py_BuildValue("(ss)", "a", "b"));
    pct("%.*s", Py_BuildValue("(is)", 2, "abcd"));
    pct("%.*d", Py_BuildValue("(Ni)", big(40), 1));
    pct("%.2147483648f", Py_BuildValue("(d)", 1.0));
    pct("%99999999999999999999d", Py_BuildValue("(i)", 1));
    pct("%ld %hd %Ld", Py_BuildValue("(iii)", 1, 2, 3));

    /* text */
    pct("%5.2s|", Py_BuildValue("(s)", "abc"));
    pct("%-5s|", Py_BuildValue("(s)", "\xc3\xa9"));
    pct("%05s|", Py_BuildValue("(s)", "a"));
    pct("%+s", Py_BuildValue("(s)", "a"));
    pct("%.3s", Py_BuildValue("(s)", "\xf0\x9d\x84\x9e" "abcd"));
    pct("%r %a", Py_BuildValue("(ss)", "\xc3\xa9\n", "\xc3\xa9\n"));
    pct("%a", Py_BuildValue("(s)", "\xf0\x9d\x84\x9e"));
    pct("%10r|", Py_BuildValue("(s)", "\xc3\xa9"));
    pct("%.1r", Py_BuildValue("(s)", "\xc3\xa9"));
    pct("%s %s %s", Py_BuildValue("(sss)", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9d\x84\x9e"));
    pct("%s|%r", Py_BuildValue("(dd)", 1.5, 1.5));

    /* characters */
    pct("%c", Py_BuildValue("(i)", 65));
    pct("%c", Py_BuildValue("(s)", "\xc3\xa9"));
    pct("%c", Py_BuildValue("(s)", "ab"));
    pct("%c", Py_BuildValue("(i)", 0x110000));
    pct("%c", Py_BuildValue("(i)", -1));
    pct("%c", Py_BuildValue("(N)", big(70)));
    pct("%c", Py_BuildValue("(d)", 3.0));
    pct("%c", Py_BuildValue("(O)", Py_True));
    pct("%5c|", Py_BuildValue("(i)", 0x1D11E));
    pct("%*c|", Py_BuildValue("(is)", 3, "\xc3\xa9"));
    pct("%-3c|", Py_BuildValue("(i)", 65));
    pct("%.1c", Py_BuildValue("(s)", "a"));

    /* integers */
    pct("%d", Py_BuildValue("(s)", "3"));
    pct("%d", Py_BuildValue("(d)", 3.7));
    pct("%d", Py_BuildValue("(O)", Py_True));
    pct("%x", Py_BuildValue("(O)", Py_True));
    pct("%i %u", Py_BuildValue("(ii)", -3, -4));
    pct("%i %u", Py_BuildValue("(dd)", 3.99, -3.5));
    pct("%x %X %o", Py_BuildValue("(iii)", 255, 255, 8));
    pct("%#x %#X %#o", Py_BuildValue("(iii)", 255, 255, 8));
    pct("%#010x", Py_BuildValue("(i)", 255));
    pct("%+d % d %+d", Py_BuildValue("(iii)", 5, 5, -5));
    pct("%05d", Py_BuildValue("(i)", -42));
    pct("%-05d|", Py_BuildValue("(i)", -42));
    pct("%.3d", Py_BuildValue("(i)", 5));
    pct("%8.3d|", Py_BuildValue("(i)", -5));
    pct("%05.3d|", Py_BuildValue("(i)", 5));
    pct("%.0d|", Py_BuildValue("(i)", 0));
    pct("%#.0o|%#o", Py_BuildValue("(ii)", 0, 0));
    pct("%.3x", Py_BuildValue("(i)", -5));
    pct("%#5.3x|", Py_BuildValue("(i)", 5));
    pct("%#08.3x|", Py_BuildValue("(i)", 5));
    pct("%-08.3x|", Py_BuildValue("(i)", 5));
    pct("%+05d|% 05d", Py_BuildValue("(ii)", 5, 5));
    pct("%#+08x", Py_BuildValue("(i)", 255));
    pct("%-#10o|", Py_BuildValue("(i)", 8));
    pct("%+x|% o", Py_BuildValue("(ii)", 255, 8));
    pct("%x|%#x|%o", Py_BuildValue("(iii)", -255, -255, -8));
    pct("%#x %#X", Py_BuildValue("(ii)", 0, 0));
    pct("%d", Py_BuildValue("(N)", big(100)));
    pct("%X", Py_BuildValue("(N)", big(70)));
    pct("%x", Py_BuildValue("(d)", 3.0));
    pct("%x", Py_BuildValue("(s)", "a"));
    pct("%d", Py_BuildValue("(y)", "x"));
    pct("%d", PyComplex_FromDoubles(1.0, 2.0));
    pct("%d", Py_BuildValue("(d)", inf));
    pct("%d", Py_BuildValue("(d)", nan));
    pct("%d", Py_BuildValue("(d)", 1.5e300));

    /* floats */
    pct("%e %E", Py_BuildValue("(dd)", 12345.678, 12345.678));
    pct("%f %F", Py_BuildValue("(dd)", inf, nan));
    pct("%05f|", Py_BuildValue("(d)", inf));
    pct("%g %G", Py_BuildValue("(dd)", 1e-10, 1e20));
    pct("%#g|%#.0f|%.0e", Py_BuildValue("(ddd)", 1.0, 1.0, 12345.0));
    pct("%10.4f|", Py_BuildValue("(d)", 3.14159));
    pct("%-10.2e|", Py_BuildValue("(d)", 3.14159));
    pct("%+.2f", Py_BuildValue("(i)", 2));
    pct("%f", Py_BuildValue("(s)", "x"));
    pct("%f", Py_BuildValue("(O)", Py_None));
    pct("%3.1f%%", Py_BuildValue("(d)", 99.5));
    pct("%-+08.2f|", Py_BuildValue("(d)", 3.14159));
    pct("% 08.2f|", Py_BuildValue("(d)", 3.14159));
    pct("%E", Py_BuildValue("(d)", nan));
    pct("%-+5.1f|", Py_BuildValue("(d)", -inf));
    pct("%05.1f|", Py_BuildValue("(d)", -2.5));
    pct("%e", Py_BuildValue("(N)", big(2000)));
    pct("%F|%10F|%G|%#G", Py_BuildValue("(dddd)", inf, 1.5, 1e-5, 1e-5));
    pct("%.2g|%#.3g", Py_BuildValue("(ii)", 123456, 1));
    pct("%.60e", Py_BuildValue("(d)", 1.0));

    /* PyUnicode_Format and the reflected operation */
    PyObject *f = ustr("%s-%d");
    PyObject *a = Py_BuildValue("(si)", "\xc3\xa9", 7);
    show_ascii("PyUnicode_Format", PyUnicode_Format(f, a));
    /* CPython's SystemError message names its source line: print the type only. */
    PyObject *r = PyUnicode_Format(NULL, a);
    printf("PyUnicode_Format(NULL): %p %s\n", (void *)r, ((PyTypeObject *)PyErr_Occurred())->tp_name);
    PyErr_Clear();
    r = PyUnicode_Format(f, NULL);
    printf("PyUnicode_Format(f, NULL): %p %s\n", (void *)r, ((PyTypeObject *)PyErr_Occurred())->tp_name);
    PyErr_Clear();
    PyObject *one = PyLong_FromLong(1);
    show_ascii("PyUnicode_Format(1, args)", PyUnicode_Format(one, a));
    show_ascii("1 % 'x'", PyNumber_Remainder(one, f));
    Py_DECREF(one);
    Py_DECREF(a);
    Py_DECREF(f);
    Py_Finalize();
    return 0;
}
