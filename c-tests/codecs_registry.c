/* The codec registry: builtin codecs reachable without search functions (lookup gives
 * callable encoder/decoder functions), a search function written in C (normalized names,
 * cached results, bad results), PyCodec_Encode/Decode/Encoder/Decoder/KnownEncoding/
 * Unregister, StreamReader/Writer, incremental codecs on a tuple, text-encoding checks of
 * PyUnicode_AsEncodedString/PyUnicode_Decode; then the filesystem and locale conversions
 * (FSConverter/FSDecoder with cleanup), PyBytes_DecodeEscape, bytes.decode and
 * PyUnicode_FromEncodedObject. */
#define PY_SSIZE_T_CLEAN
#include "codecs_util.h"

static int searches;
static char errbuf[64];

/* The errors argument of a codec function call (item 1, a str), or "strict". */
static const char *errors_arg(PyObject *args)
{
    if (PyTuple_GET_SIZE(args) < 2) return "strict";
    PyObject *b = PyUnicode_AsUTF8String(PyTuple_GET_ITEM(args, 1));
    snprintf(errbuf, sizeof errbuf, "%s", PyBytes_AS_STRING(b));
    Py_DECREF(b);
    return errbuf;
}

static PyObject *enc_ok(PyObject *self, PyObject *args)
{
    (void)self;
    const char *errors = errors_arg(args);
    return Py_BuildValue("(y#n)", errors, (Py_ssize_t)strlen(errors), (Py_ssize_t)1);
}
static PyObject *dec_ok(PyObject *self, PyObject *args)
{
    (void)self;
    return Py_BuildValue("(sn)", errors_arg(args), (Py_ssize_t)1);
}
static PyObject *returns_str(PyObject *self, PyObject *args) { (void)self; (void)args; return Py_BuildValue("(si)", "s", 1); }
static PyObject *returns_one(PyObject *self, PyObject *args) { (void)self; (void)args; return PyLong_FromLong(1); }
static PyObject *fails(PyObject *self, PyObject *args) { (void)self; (void)args; PyErr_SetString(PyExc_ValueError, "codec says no"); return NULL; }
static PyObject *stream(PyObject *self, PyObject *args) { (void)self; return Py_BuildValue("(sO)", "stream", args); }

static PyMethodDef fdefs[] = {
    {"enc_ok", enc_ok, METH_VARARGS, NULL}, {"dec_ok", dec_ok, METH_VARARGS, NULL},
    {"returns_str", returns_str, METH_VARARGS, NULL}, {"returns_one", returns_one, METH_VARARGS, NULL},
    {"fails", fails, METH_VARARGS, NULL}, {"stream", stream, METH_VARARGS, NULL},
};
static PyObject *f(int i) { return PyCFunction_New(&fdefs[i], NULL); }

static PyObject *search(PyObject *self, PyObject *name)
{
    (void)self;
    searches++;
    printf("  [search ");
    print_text(name);
    printf("]\n");
    PyObject *nb = PyUnicode_AsUTF8String(name);
    char n[64];
    snprintf(n, sizeof n, "%s", PyBytes_AS_STRING(nb));
    Py_DECREF(nb);
    if (strcmp(n, "my_codec") == 0) return Py_BuildValue("(NNNN)", f(0), f(1), f(5), f(5));
    if (strcmp(n, "strcodec") == 0) return Py_BuildValue("(NNOO)", f(2), f(1), Py_None, Py_None);
    if (strcmp(n, "onecodec") == 0) return Py_BuildValue("(NNOO)", f(3), f(3), Py_None, Py_None);
    if (strcmp(n, "failcodec") == 0) return Py_BuildValue("(NNOO)", f(4), f(4), Py_None, Py_None);
    if (strcmp(n, "short") == 0) return Py_BuildValue("(ii)", 1, 2);
    Py_RETURN_NONE;
}
static PyMethodDef search_def = {"search", search, METH_O, NULL};

int main(void)
{
    Py_Initialize();
    /* Builtin codecs without any search function. */
    printf("known utf-8: %d, Latin-1: %d, nope: %d\n", PyCodec_KnownEncoding("utf-8"),
           PyCodec_KnownEncoding("Latin-1"), PyCodec_KnownEncoding("nope"));
    PyObject *text = PyUnicode_FromString("h\xc3\xa9!");
    printf("PyCodec_Encode utf-16-le: "); put_result(PyCodec_Encode(text, "utf-16-le", NULL)); printf("\n");
    printf("PyCodec_Encode ascii replace: "); put_result(PyCodec_Encode(text, "ascii", "replace")); printf("\n");
    printf("PyCodec_Encode ascii strict: "); put_result(PyCodec_Encode(text, "ascii", NULL)); printf("\n");
    PyObject *raw = PyBytes_FromStringAndSize("h\xe9!", 3);
    printf("PyCodec_Decode latin-1: "); put_result(PyCodec_Decode(raw, "latin-1", NULL)); printf("\n");
    printf("PyCodec_Decode utf-8 bad: "); put_result(PyCodec_Decode(raw, "utf-8", NULL)); printf("\n");
    printf("PyCodec_Decode utf-8 bogus handler: "); put_result(PyCodec_Decode(raw, "utf-8", "bogus")); printf("\n");
    PyObject *enc = PyCodec_Encoder("utf_8");
    printf("encoder callable: %d\n", PyCallable_Check(enc));
    PyObject *r = PyObject_CallFunction(enc, "O", text);
    printf("encoder(text): "); print_compact(r ? PyTuple_GET_ITEM(r, 1) : NULL); printf(" ");
    put_result(r ? Py_NewRef(PyTuple_GET_ITEM(r, 0)) : NULL); printf("\n");
    Py_XDECREF(r); Py_DECREF(enc);
    PyObject *dec = PyCodec_Decoder("UTF-16");
    r = PyObject_CallFunction(dec, "y#sO", "\xff\xfe" "a\x00" "b", (Py_ssize_t)5, "strict", Py_False);
    printf("decoder(partial): "); put_result(r ? Py_NewRef(PyTuple_GET_ITEM(r, 0)) : NULL);
    printf(" consumed=%zd\n", r ? PyLong_AsSsize_t(PyTuple_GET_ITEM(r, 1)) : -1);
    Py_XDECREF(r);
    r = PyObject_CallFunction(dec, "y#", "\xff\xfe" "a\x00" "b", (Py_ssize_t)5);
    printf("decoder(final): "); put_result(r); printf("\n");
    Py_DECREF(dec);
    printf("Encoder nope: "); put_result(PyCodec_Encoder("nope")); printf("\n");

    /* A search function. */
    PyObject *s = PyCFunction_New(&search_def, NULL);
    printf("register non-callable: %d ", PyCodec_Register(Py_None)); put_codec_error(); printf("\n");
    printf("register: %d\n", PyCodec_Register(s));
    printf("known My Codec: %d searches=%d\n", PyCodec_KnownEncoding("My Codec"), searches);
    printf("known my-codec again: %d searches=%d\n", PyCodec_KnownEncoding("my-codec"), searches);
    printf("encode my_codec: "); put_result(PyCodec_Encode(text, "my_codec", "xyz")); printf("\n");
    printf("decode my_codec: "); put_result(PyCodec_Decode(raw, "my_codec", NULL)); printf("\n");
    printf("AsEncodedString my_codec: "); put_result(PyUnicode_AsEncodedString(text, "my_codec", "abc")); printf("\n");
    printf("Decode my_codec: "); put_result(PyUnicode_Decode("x", 1, "my_codec", NULL)); printf("\n");
    printf("AsEncodedString strcodec: "); put_result(PyUnicode_AsEncodedString(text, "strcodec", NULL)); printf("\n");
    printf("PyCodec_Encode strcodec: "); put_result(PyCodec_Encode(text, "strcodec", NULL)); printf("\n");
    printf("Decode strcodec: "); put_result(PyUnicode_Decode("x", 1, "strcodec", NULL)); printf("\n");
    printf("Encode onecodec: "); put_result(PyCodec_Encode(text, "onecodec", NULL)); printf("\n");
    printf("Decode onecodec: "); put_result(PyCodec_Decode(raw, "onecodec", NULL)); printf("\n");
    printf("Encode failcodec: "); put_result(PyCodec_Encode(text, "failcodec", NULL)); printf("\n");
    printf("AsEncodedString failcodec: "); put_result(PyUnicode_AsEncodedString(text, "failcodec", NULL)); printf("\n");
    printf("known short: %d\n", PyCodec_KnownEncoding("short"));
    printf("Encode short: "); put_result(PyCodec_Encode(text, "short", NULL)); printf("\n");
    printf("Encode unknown: "); put_result(PyCodec_Encode(text, "Unknown-Thing", NULL)); printf("\n");
    printf("StreamReader: "); put_result(PyCodec_StreamReader("my_codec", Py_None, NULL)); printf("\n");
    printf("StreamWriter: "); put_result(PyCodec_StreamWriter("my_codec", Py_True, "ignore")); printf("\n");
    printf("IncrementalEncoder: "); put_result(PyCodec_IncrementalEncoder("my_codec", NULL)); printf("\n");
    printf("IncrementalDecoder: "); put_result(PyCodec_IncrementalDecoder("my_codec", "strict")); printf("\n");
    printf("unregister: %d, again: %d\n", PyCodec_Unregister(s), PyCodec_Unregister(s));
    int before = searches;
    printf("known my_codec after unregister: %d searches+%d\n", PyCodec_KnownEncoding("my_codec"), searches - before);
    Py_DECREF(s);

    /* Filesystem and locale encodings. */
    static const Py_UCS4 esc[] = {'/', 't', 0xe9, 0xdcff, 0xdc80};
    PyObject *path = make_text(esc, 5);
    printf("EncodeFSDefault: "); put_result(PyUnicode_EncodeFSDefault(path)); printf("\n");
    printf("DecodeFSDefault: "); put_result(PyUnicode_DecodeFSDefault("/t\xc3\xa9\xff\x80")); printf("\n");
    printf("DecodeFSDefaultAndSize: "); put_result(PyUnicode_DecodeFSDefaultAndSize("a\0b\xff", 4)); printf("\n");
    static const Py_UCS4 bad[] = {'a', 0xd800};
    PyObject *badpath = make_text(bad, 2);
    printf("EncodeFSDefault lone: "); put_result(PyUnicode_EncodeFSDefault(badpath)); printf("\n");
    printf("EncodeLocale strict: "); put_result(PyUnicode_EncodeLocale(path, NULL)); printf("\n");
    printf("EncodeLocale surrogateescape: "); put_result(PyUnicode_EncodeLocale(path, "surrogateescape")); printf("\n");
    printf("EncodeLocale lone: "); put_result(PyUnicode_EncodeLocale(badpath, "surrogateescape")); printf("\n");
    printf("EncodeLocale replace: "); put_result(PyUnicode_EncodeLocale(path, "replace")); printf("\n");
    printf("DecodeLocale strict: "); put_result(PyUnicode_DecodeLocale("a\xc3\xa9\xff", NULL)); printf("\n");
    printf("DecodeLocale escape: "); put_result(PyUnicode_DecodeLocale("a\xc3\xa9\xff", "surrogateescape")); printf("\n");
    printf("DecodeLocaleAndSize: "); put_result(PyUnicode_DecodeLocaleAndSize("a\xff" "b", 3, "surrogateescape")); printf("\n");
    PyObject *objs[] = {path, raw, badpath, PyLong_FromLong(3), PyBytes_FromStringAndSize("a\0b", 3), PyUnicode_DecodeUTF8("a\0b", 3, NULL)};
    for (int i = 0; i < 6; i++) {
        PyObject *out = NULL;
        int rc = PyUnicode_FSConverter(objs[i], &out);
        printf("FSConverter %d: rc=%x ", i, rc);
        if (rc) { put_hex(out); printf(" cleanup=%d null=%d", PyUnicode_FSConverter(NULL, &out), out == NULL); }
        else put_codec_error();
        out = NULL;
        rc = PyUnicode_FSDecoder(objs[i], &out);
        printf(" | FSDecoder: rc=%x ", rc);
        if (rc) { put_points(out); printf(" cleanup=%d null=%d", PyUnicode_FSDecoder(NULL, &out), out == NULL); }
        else put_codec_error();
        printf("\n");
    }
    /* Bytes escapes. */
    const char *escs[] = {"a\\n\\x41\\101\\777\\z", "\\x4g", "\\x4", "a\\", NULL};
    const char *errs[] = {NULL, "ignore", "replace", "bogus"};
    for (int i = 0; escs[i]; i++)
        for (int e = 0; e < 4; e++) {
            printf("DecodeEscape %d %s: ", i, errs[e] ? errs[e] : "NULL");
            put_result(PyBytes_DecodeEscape(escs[i], (Py_ssize_t)strlen(escs[i]), errs[e], 0, NULL));
            printf("\n");
        }

    /* bytes.decode and str(bytes, ...) through PyUnicode_FromEncodedObject. */
    printf("bytes.decode(): "); put_result(PyObject_CallMethod(raw, "decode", NULL)); printf("\n");
    printf("bytes.decode(latin-1): "); put_result(PyObject_CallMethod(raw, "decode", "s", "latin-1")); printf("\n");
    printf("bytes.decode(errors=replace): ");
    PyObject *m = PyObject_GetAttrString(raw, "decode");
    PyObject *kw = Py_BuildValue("{ss}", "errors", "replace");
    PyObject *noargs = PyTuple_New(0);
    put_result(PyObject_Call(m, noargs, kw)); printf("\n");
    printf("bytes.decode(1): "); put_result(PyObject_CallMethod(raw, "decode", "i", 1)); printf("\n");
    printf("bytes.decode(x, y, z): "); put_result(PyObject_CallMethod(raw, "decode", "sss", "a", "b", "c")); printf("\n");
    printf("bytes.decode(utf-8\\0): "); put_result(PyObject_CallMethod(raw, "decode", "s#", "utf-8\0x", (Py_ssize_t)7)); printf("\n");
    printf("bytes.decode(nope): "); put_result(PyObject_CallMethod(raw, "decode", "s", "nope")); printf("\n");
    Py_DECREF(m); Py_DECREF(kw); Py_DECREF(noargs);
    printf("FromEncodedObject bytes: "); put_result(PyUnicode_FromEncodedObject(raw, "latin-1", NULL)); printf("\n");
    printf("FromEncodedObject str: "); put_result(PyUnicode_FromEncodedObject(text, NULL, NULL)); printf("\n");
    printf("FromEncodedObject int: "); put_result(PyUnicode_FromEncodedObject(objs[3], NULL, NULL)); printf("\n");
    printf("FromEncodedObject empty: "); put_result(PyUnicode_FromEncodedObject(PyBytes_FromString(""), "nope", NULL)); printf("\n");
    printf("AsUTF8String: "); put_result(PyUnicode_AsUTF8String(text)); printf("\n");
    printf("AsUTF8String int: "); put_result(PyUnicode_AsUTF8String(objs[3])); printf("\n");
    printf("AsLatin1String: "); put_result(PyUnicode_AsLatin1String(text)); printf("\n");
    printf("AsASCIIString: "); put_result(PyUnicode_AsASCIIString(text)); printf("\n");
    printf("AsUTF16String: "); put_result(PyUnicode_AsUTF16String(text)); printf("\n");
    printf("AsUTF32String: "); put_result(PyUnicode_AsUTF32String(text)); printf("\n");
    printf("AsUnicodeEscapeString: "); put_result(PyUnicode_AsUnicodeEscapeString(text)); printf("\n");
    printf("AsRawUnicodeEscapeString: "); put_result(PyUnicode_AsRawUnicodeEscapeString(text)); printf("\n");
    printf("_PyUnicode_EncodeUTF16 be: "); put_result(_PyUnicode_EncodeUTF16(text, NULL, 1)); printf("\n");
    printf("_PyUnicode_EncodeUTF32 le: "); put_result(_PyUnicode_EncodeUTF32(text, NULL, -1)); printf("\n");
    printf("_PyUnicode_AsUTF8String lone: "); put_result(_PyUnicode_AsUTF8String(badpath, "surrogatepass")); printf("\n");
    for (int i = 0; i < 6; i++) if (objs[i] != path && objs[i] != raw && objs[i] != badpath) Py_DECREF(objs[i]);
    Py_DECREF(path); Py_DECREF(badpath); Py_DECREF(raw); Py_DECREF(text);
    Py_Finalize();
    return 0;
}
