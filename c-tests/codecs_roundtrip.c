/* Every builtin codec under every error handler: texts (ASCII, Latin-1, BMP, astral, lone
 * surrogates) encoded with PyUnicode_AsEncodedString and the bytes decoded back with
 * PyUnicode_Decode, printing bytes in hex, code points, and exceptions with their fields. */
#include "codecs_util.h"

static const char *encodings[] = {
    "utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
    "latin-1", "ascii", "unicode-escape", "raw-unicode-escape", NULL};
static const char *handlers[] = {
    "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace",
    "surrogateescape", "surrogatepass", NULL};

int main(void)
{
    Py_Initialize();
    static const Py_UCS4 ascii[] = {'h', 'i', '!', '\n'};
    static const Py_UCS4 latin[] = {'c', 'a', 'f', 0xe9, 0xff, 0x80};
    static const Py_UCS4 bmp[] = {'a', 0x20ac, 0x4e00, 0xac00, 0xfffd};
    static const Py_UCS4 astral[] = {0x1f600, 'x', 0x10ffff, 0xe0000};
    static const Py_UCS4 lone[] = {'a', 0xd800, 'b', 0xdc80, 0xdcff, 'c', 0xdfff};
    static const Py_UCS4 mixed[] = {0xe9, 0xd83d, 0xde00, 0x20ac, 0xdc41};
    struct { const char *name; const Py_UCS4 *cps; Py_ssize_t n; } texts[] = {
        {"ascii", ascii, 4}, {"latin", latin, 6}, {"bmp", bmp, 5}, {"astral", astral, 4},
        {"lone", lone, 7}, {"mixed", mixed, 5}};
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        PyObject *text = make_text(texts[t].cps, texts[t].n);
        if (text == NULL) { put_codec_error(); printf("\n"); continue; }
        for (int e = 0; encodings[e]; e++) {
            for (int h = 0; handlers[h]; h++) {
                printf("%s %s %s: ", texts[t].name, encodings[e], handlers[h]);
                PyObject *b = PyUnicode_AsEncodedString(text, encodings[e], handlers[h]);
                if (b == NULL) { put_codec_error(); printf("\n"); continue; }
                put_hex(b);
                printf(" -> ");
                put_result(PyUnicode_Decode(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b), encodings[e], handlers[h]));
                printf("\n");
                Py_DECREF(b);
            }
        }
        Py_DECREF(text);
    }
    Py_Finalize();
    return 0;
}
