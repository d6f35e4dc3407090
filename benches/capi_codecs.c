/* C-API micro-benchmarks of the codecs: UTF-8 decode and encode of 1 KiB of ASCII and of
 * 1 KiB of mixed text (Latin-1, BMP and astral characters), Latin-1 decode, UTF-16 encode,
 * and a decode with the replace handler on bad input. */
#include <Python.h>
#include <string.h>
#include "bench.h"

#define DROP(expr) do { PyObject *r_ = (expr); Py_DECREF(r_); } while (0)
#define N 200000L

int main(void)
{
    Py_Initialize();
    char ascii[1024], mixed[1024], latin[1024], bad[1024];
    for (int i = 0; i < 1024; i++) {
        ascii[i] = (char)('a' + i % 26);
        latin[i] = (char)(0x41 + i % 190);
        bad[i] = (char)(i % 64 == 63 ? 0xff : 'x');
    }
    /* Mixed: mostly ASCII words with é, €, 😀 sprinkled in (valid UTF-8, 1024 bytes). */
    int n = 0;
    const char *pieces[] = {"hello ", "caf\xc3\xa9 ", "\xe2\x82\xac" "10 ", "\xf0\x9f\x98\x80 ", "world "};
    for (int k = 0; n < 1000; k++) {
        const char *p = pieces[k % 5];
        memcpy(mixed + n, p, strlen(p));
        n += (int)strlen(p);
    }
    while (n < 1024) mixed[n++] = 'z';
    PyObject *s_ascii = PyUnicode_DecodeUTF8(ascii, 1024, NULL);
    PyObject *s_mixed = PyUnicode_DecodeUTF8(mixed, 1024, NULL);

    BENCH_N("DecodeUTF8_1KiB_ascii", N, DROP(PyUnicode_DecodeUTF8(ascii, 1024, NULL)));
    BENCH_N("DecodeUTF8_1KiB_mixed", N, DROP(PyUnicode_DecodeUTF8(mixed, 1024, NULL)));
    BENCH_N("AsUTF8String_1KiB_ascii", N, DROP(PyUnicode_AsUTF8String(s_ascii)));
    BENCH_N("AsEncodedString_utf8_mixed", N, DROP(PyUnicode_AsEncodedString(s_mixed, "utf-8", NULL)));
    BENCH_N("DecodeLatin1_1KiB", N, DROP(PyUnicode_DecodeLatin1(latin, 1024, NULL)));
    BENCH_N("Decode_utf8_replace_1KiB_bad", N / 10, DROP(PyUnicode_Decode(bad, 1024, "utf-8", "replace")));
    BENCH_N("AsUTF16String_mixed", N / 4, DROP(PyUnicode_AsUTF16String(s_mixed)));
    Py_DECREF(s_ascii);
    Py_DECREF(s_mixed);
    Py_Finalize();
    return 0;
}
