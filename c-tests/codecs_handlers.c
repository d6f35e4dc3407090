/* The error-handler registry and the builtin handlers: PyCodec_LookupError (names of the
 * builtin function objects, unknown names), the PyCodec_*Errors functions called directly
 * on encode/decode/translate exceptions (clamped start/end, wrong types), custom handlers
 * registered with PyCodec_RegisterError and obeyed by the codecs (replacement str or bytes,
 * negative and out-of-range positions, bad return values, a handler that swaps the input),
 * the exception constructors and their str(). */
#define PY_SSIZE_T_CLEAN
#include "codecs_util.h"

static int calls;

/* Replaces with "<N>" where N counts the calls; resumes at end. */
static PyObject *counting(PyObject *self, PyObject *exc)
{
    (void)self;
    Py_ssize_t end;
    if (PyObject_TypeCheck(exc, (PyTypeObject *)PyExc_UnicodeEncodeError))
        PyUnicodeEncodeError_GetEnd(exc, &end);
    else
        PyUnicodeDecodeError_GetEnd(exc, &end);
    calls++;
    return Py_BuildValue("(Nn)", PyUnicode_FromFormat("<%d>", calls), end);
}

/* Returns the tuple stored in the module-level variable `answer`. */
static PyObject *answer;
static PyObject *fixed(PyObject *self, PyObject *exc)
{
    (void)self; (void)exc;
    calls++;
    if (calls > 20) { PyErr_SetString(PyExc_RuntimeError, "too many calls"); return NULL; }
    Py_INCREF(answer);
    return answer;
}

/* Replaces the decode error's object with b"XY" and resumes at 0. */
static PyObject *swap_input(PyObject *self, PyObject *exc)
{
    (void)self;
    calls++;
    if (calls > 1) return Py_BuildValue("(si)", "!", 3);
    PyObject *b = PyBytes_FromString("XY\xff");
    PyObject_SetAttrString(exc, "object", b);
    Py_DECREF(b);
    return Py_BuildValue("(si)", "[swapped]", 0);
}

static PyObject *raising(PyObject *self, PyObject *exc)
{
    (void)self; (void)exc;
    PyErr_SetString(PyExc_KeyError, "from handler");
    return NULL;
}

static PyMethodDef defs[] = {
    {"counting", counting, METH_O, NULL},
    {"fixed", fixed, METH_O, NULL},
    {"swap_input", swap_input, METH_O, NULL},
    {"raising", raising, METH_O, NULL},
};

static void set_answer(PyObject *a) { Py_XDECREF(answer); answer = a; calls = 0; }

int main(void)
{
    Py_Initialize();
    const char *names[] = {"strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace",
                           "namereplace", "surrogateescape", "surrogatepass", "nope", NULL};
    for (int i = 0; names[i]; i++) {
        printf("lookup %s: ", names[i]);
        PyObject *h = PyCodec_LookupError(names[i]);
        if (h) { show_masked("", h); } else { put_codec_error(); printf("\n"); }
    }
    printf("lookup NULL is strict: %d\n", PyCodec_LookupError(NULL) == PyCodec_LookupError("strict"));
    Py_DECREF(PyCodec_LookupError("strict")); Py_DECREF(PyCodec_LookupError("strict"));

    /* Exceptions to hand to the handlers. */
    static const Py_UCS4 cps[] = {'a', 0xe9, 0x20ac, 0x1f600, 0xdc80, 0xd800, 'z'};
    PyObject *text = make_text(cps, 7);
    PyObject *enc = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns", "ascii", text, (Py_ssize_t)1, (Py_ssize_t)6, "bad");
    PyObject *enc_utf8 = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns", "utf-8", text, (Py_ssize_t)4, (Py_ssize_t)6, "surrogates");
    PyObject *enc_u16 = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns", "UTF_16_be", text, (Py_ssize_t)5, (Py_ssize_t)6, "s");
    PyObject *enc_clamp = PyObject_CallFunction(PyExc_UnicodeEncodeError, "sOnns", "ascii", text, (Py_ssize_t)-5, (Py_ssize_t)99, "x");
    PyObject *dec = PyUnicodeDecodeError_Create("ascii", "a\x80\xff\x01\x90\x91\x92\x93\x94z", 10, 1, 9, "bad");
    PyObject *dec_u8 = PyUnicodeDecodeError_Create("utf-8", "a\xed\xa0\x80z", 5, 1, 2, "bad");
    PyObject *dec_u32 = PyUnicodeDecodeError_Create("utf-32-le", "\x00\xd8\x00\x00", 4, 0, 4, "bad");
    PyObject *tr = _PyUnicodeTranslateError_Create(text, 1, 3, "nope");
    PyObject *excs[] = {enc, enc_utf8, enc_u16, enc_clamp, dec, dec_u8, dec_u32, tr, PyLong_FromLong(1)};
    const char *exc_names[] = {"enc", "enc_utf8", "enc_u16", "enc_clamp", "dec", "dec_u8", "dec_u32", "translate", "int"};
    for (int i = 0; i < 8; i++) {
        printf("str(%s): ", exc_names[i]);
        PyObject *s = PyObject_Str(excs[i]);
        print_text(s); Py_DECREF(s);
        printf("\n");
    }
    PyObject *(*fns[])(PyObject *) = {PyCodec_StrictErrors, PyCodec_IgnoreErrors, PyCodec_ReplaceErrors,
        PyCodec_XMLCharRefReplaceErrors, PyCodec_BackslashReplaceErrors, PyCodec_NameReplaceErrors};
    const char *fn_names[] = {"strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace"};
    for (int f = 0; f < 6; f++)
        for (int i = 0; i < 9; i++) {
            printf("%s(%s): ", fn_names[f], exc_names[i]);
            PyObject *r = fns[f](excs[i]);
            if (r) { print_compact(PyTuple_GET_ITEM(r, 0)); printf(" %zd", PyLong_AsSsize_t(PyTuple_GET_ITEM(r, 1))); Py_DECREF(r); }
            else put_codec_error();
            printf("\n");
        }
    const char *by_name[] = {"surrogatepass", "surrogateescape", NULL};
    for (int f = 0; by_name[f]; f++) {
        PyObject *h = PyCodec_LookupError(by_name[f]);
        for (int i = 0; i < 9; i++) {
            printf("%s(%s): ", by_name[f], exc_names[i]);
            PyObject *r = PyObject_CallOneArg(h, excs[i]);
            if (r) { put_result(Py_NewRef(PyTuple_GET_ITEM(r, 0))); printf(" %zd", PyLong_AsSsize_t(PyTuple_GET_ITEM(r, 1))); Py_DECREF(r); }
            else put_codec_error();
            printf("\n");
        }
        Py_DECREF(h);
    }

    /* Custom handlers. */
    printf("register non-callable: %d ", PyCodec_RegisterError("x", Py_None));
    put_codec_error(); printf("\n");
    for (int i = 0; i < 4; i++) {
        PyObject *f = PyCFunction_New(&defs[i], NULL);
        printf("register %s: %d\n", defs[i].ml_name, PyCodec_RegisterError(defs[i].ml_name, f));
        Py_DECREF(f);
    }
    const char *encs[] = {"ascii", "latin-1", "utf-8", "utf-16-le", "utf-32-be", NULL};
    for (int e = 0; encs[e]; e++) {
        calls = 0;
        printf("counting encode %s: ", encs[e]);
        put_result(PyUnicode_AsEncodedString(text, encs[e], "counting"));
        printf("\n");
    }
    const char *decs[] = {"ascii", "utf-8", "utf-16-le", "utf-32-le", "unicode-escape", NULL};
    for (int e = 0; decs[e]; e++) {
        calls = 0;
        printf("counting decode %s: ", decs[e]);
        put_result(PyUnicode_Decode("a\xff\xfe\\x\xed\xa0\x80" "bc", 10, decs[e], "counting"));
        printf("\n");
    }
    struct { const char *what; PyObject *a; } answers[] = {
        {"neg", Py_BuildValue("(si)", "N", -1)},
        {"far", Py_BuildValue("(si)", "F", 100)},
        {"farneg", Py_BuildValue("(si)", "F", -100)},
        {"bytes", Py_BuildValue("(y#i)", "\x01\x02\x03\x04", (Py_ssize_t)4, 7)},
        {"oddbytes", Py_BuildValue("(y#i)", "\x01", (Py_ssize_t)1, 7)},
        {"nonascii", Py_BuildValue("(si)", "\xc3\xa9", 7)},
        {"list", Py_BuildValue("[si]", "x", 7)},
        {"three", Py_BuildValue("(sii)", "x", 7, 7)},
        {"strpos", Py_BuildValue("(ss)", "x", "7")},
    };
    for (size_t i = 0; i < sizeof answers / sizeof answers[0]; i++) {
        for (int e = 0; encs[e]; e++) {
            set_answer(Py_NewRef(answers[i].a));
            printf("fixed %s encode %s: ", answers[i].what, encs[e]);
            put_result(PyUnicode_AsEncodedString(text, encs[e], "fixed"));
            printf(" calls=%d\n", calls);
        }
        for (int e = 0; decs[e]; e++) {
            set_answer(Py_NewRef(answers[i].a));
            printf("fixed %s decode %s: ", answers[i].what, decs[e]);
            put_result(PyUnicode_Decode("ab\xff\xfe" "cdefgh", 10, decs[e], "fixed"));
            printf(" calls=%d\n", calls);
        }
        Py_DECREF(answers[i].a);
    }
    calls = 0;
    printf("swap_input: ");
    put_result(PyUnicode_Decode("a\xff", 2, "ascii", "swap_input"));
    printf("\nraising: ");
    put_result(PyUnicode_AsEncodedString(text, "latin-1", "raising"));
    printf("\nraising via utf-16-le: ");
    put_result(PyUnicode_AsEncodedString(text, "utf-16-le", "raising"));
    printf("\nlookup custom: ");
    PyObject *h = PyCodec_LookupError("counting");
    show_masked("", h);
    set_answer(NULL);
    for (int i = 0; i < 9; i++) Py_DECREF(excs[i]);
    Py_DECREF(text);
    Py_Finalize();
    return 0;
}
