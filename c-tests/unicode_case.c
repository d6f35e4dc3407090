/* Case mapping and classification methods of str on non-ASCII and astral text: upper,
 * lower (final sigma), casefold, title, capitalize, swapcase with one-to-many mappings, and
 * every is* predicate; the results print as ascii() so each code point shows. */
#include "unicode_util.h"

static const char *case_inputs[] = {
    "hello wORLD 123", "stra\xc3\x9f" "e", "\xc5\x89" "a", "\xce\x9f\xce\x94\xce\x9f\xce\xa3",
    "\xce\x91\xce\xa3 b", "\xce\xa3", "a\xce\xa3'", "a'\xce\xa3'b", "\xce\x91\xce\xa3\xce\x91",
    "\xc7\x86 \xc7\x85 \xc7\x84x", "\xef\xac\x81le \xef\xac\x83", "\xc4\xb0stanbul",
    "\xf0\x90\x90\xa8\xf0\x90\x90\x80x", "\xe1\x8e\xa0\xe1\x8f\xb8", "\xc7\xb0 \xce\x90",
    "\xe1\xbe\xb3\xe1\xbe\xbc", "\xc3\xa9t\xc3\xa9 \xc3\x80 la plage", "\xe2\x84\xab\xe2\x84\xa6",
    "\xc2\xb5\xc3\xbf", "hello\xe2\x80\x99s world", "a1b2 c_d", "", "\xf0\x9d\x90\x80\xf0\x9d\x90\x9a",
    "\xd5\x87", "\xe2\x93\x90\xe2\x92\xb6",
};

static const char *class_inputs[] = {
    "", "abc", "ABC", "Abc", "Abc Def", "aBc", "\xd9\xa3\xd9\xa4", "\xc2\xb2", "\xc2\xbd",
    "\xe2\x85\xab", " \t\xe3\x80\x80\n", "\xe2\x80\x8b", "a1", "_x", "1x", "\xc3\xa9",
    "\x7f", "\xf0\x9d\x84\x9e", "\xc7\x84" "a", "\xc7\x85" "a", "\xe1\xbf\xbc", "x\xcc\x81",
    "\xe4\xb8\x80\xe4\xba\x8c", "\xf0\x9f\x98\x80", "\xe2\x85\xa0", "\xc2\xa0", "\x1c\x1d",
    "\xef\xbc\x91", "\xf0\x9d\x9f\x8e", "\xe2\x91\xa0", "class", "\xe2\x84\x98x", "a\xc2\xb7",
    "\xc2\xb7" "a", "\xed\x9f\xbf", "\xc2\xad", "\xe2\x80\xa8", "ABC\xc3\xa9", "abc\xc3\x89",
};

static const char *case_methods[] = { "upper", "lower", "casefold", "title", "capitalize", "swapcase" };
static const char *class_methods[] = {
    "isalpha", "isalnum", "isdecimal", "isdigit", "isnumeric", "isspace", "islower",
    "isupper", "istitle", "isidentifier", "isprintable", "isascii",
};

int main(void)
{
    Py_Initialize();
    for (size_t i = 0; i < sizeof case_inputs / sizeof *case_inputs; i++)
        for (size_t m = 0; m < sizeof case_methods / sizeof *case_methods; m++)
            call0(case_inputs[i], case_methods[m]);

    for (size_t i = 0; i < sizeof class_inputs / sizeof *class_inputs; i++) {
        PyObject *s = ustr(class_inputs[i]);
        PyObject *a = PyObject_ASCII(s);
        printf("%-16s", (const char *)PyUnicode_DATA(a));
        for (size_t m = 0; m < sizeof class_methods / sizeof *class_methods; m++) {
            PyObject *r = PyObject_CallMethod(s, class_methods[m], NULL);
            if (r == NULL)
                print_error(class_methods[m]);
            else
                printf(" %s=%d", class_methods[m] + 2, r == Py_True);
            Py_XDECREF(r);
        }
        printf("\n");
        Py_DECREF(a);
        Py_DECREF(s);
    }

    /* Long text: the final sigma looks across case-ignorable characters only. */
    call0("\xce\x9f\xce\xa3\xe2\x80\x99\xcc\x81 \xce\xa3\xce\x91 \xce\x91\xce\xa3\xce\xa3", "lower");
    /* Arguments are refused with CPython's messages. */
    calln("upper(1)", "abc", "upper", Py_BuildValue("(i)", 1));
    calln("isalpha(x)", "abc", "isalpha", Py_BuildValue("(s)", "x"));
    /* Subclass instances give exact strs. */
    PyObject *s = ustr("Abc");
    PyObject *r = PyObject_CallMethod(s, "lower", NULL);
    printf("lower type %s, new object %d\n", Py_TYPE(r)->tp_name, r != s);
    Py_DECREF(r);
    Py_DECREF(s);
    Py_Finalize();
    return 0;
}
