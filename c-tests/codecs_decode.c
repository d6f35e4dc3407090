/* Decoding bad input: every builtin codec and error handler on byte strings with invalid
 * start bytes, bad continuations, truncation, surrogates, out-of-range code points and bad
 * escapes, through PyUnicode_Decode and the codec-specific entry points (stateful ones with
 * `consumed`, UTF-16/32 byte order in and out). */
#include "codecs_util.h"

static const char *encodings[] = {
    "utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
    "latin-1", "ascii", "unicode-escape", "raw-unicode-escape", NULL};
static const char *handlers[] = {
    "strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace",
    "surrogateescape", "surrogatepass", "bogus", NULL};

struct input { const char *name; const char *data; Py_ssize_t len; };
#define S(x) x, (Py_ssize_t)(sizeof(x) - 1)

int main(void)
{
    Py_Initialize();
    struct input inputs[] = {
        {"start", S("a\xff\xfe" "b")},
        {"cont", S("a\xc3(b\xe2\x82")},
        {"trunc4", S("a\xf0\x9f\x98")},
        {"surr8", S("a\xed\xa0\x80z")},
        {"overlong", S("\xe0\x80\x80\xc0\xaf")},
        {"big", S("\xf4\x90\x80\x80!")},
        {"u16hi", S("a\x00\x00\xd8")},
        {"u16lo", S("a\x00\x00\xdc" "b\x00")},
        {"u16pair", S("\x3d\xd8\x00\xde\x00\xd8" "a\x00")},
        {"odd", S("\xff\xfe" "a\x00" "b")},
        {"u32", S("\x00\x00\x11\x00\x00\xd8\x00\x00" "a\x00\x00\x00\x01")},
        {"bom32", S("\x00\x00\xfe\xff\x00\x00\x00" "a")},
        {"esc", S("\\x4g\\u12\\N{EURO SIGN}\\N{nope}\\U00110000\\t\\101")},
        {"esc_end", S("ab\\")},
        {"esc_n", S("\\N{\\N")},
        {"raw", S("\\\\u0041\\\\\\u0041\\u00e9\\U0001f600\\u12")},
        {"empty", S("")},
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        for (int e = 0; encodings[e]; e++) {
            for (int h = 0; handlers[h]; h++) {
                printf("%s %s %s: ", inputs[i].name, encodings[e], handlers[h]);
                put_result(PyUnicode_Decode(inputs[i].data, inputs[i].len, encodings[e], handlers[h]));
                printf("\n");
            }
        }
    }

    /* Stateful decoders stop before an incomplete tail. */
    Py_ssize_t consumed = -1;
    printf("utf8 stateful: ");
    put_result(PyUnicode_DecodeUTF8Stateful("ab\xe2\x82", 4, NULL, &consumed));
    printf(" consumed=%zd\n", consumed);
    printf("utf8 stateful bad: ");
    put_result(PyUnicode_DecodeUTF8Stateful("ab\xe2(", 4, NULL, &consumed));
    printf("\n");
    int bo = 0;
    printf("utf16 stateful: ");
    put_result(PyUnicode_DecodeUTF16Stateful("\xfe\xff\x00" "a\xd8\x3d\xde", 7, NULL, &bo, &consumed));
    printf(" consumed=%zd bo=%d\n", consumed, bo);
    bo = 0;
    printf("utf16 nobom: ");
    put_result(PyUnicode_DecodeUTF16("a\x00" "b\x00", 4, NULL, &bo));
    printf(" bo=%d\n", bo);
    bo = 1;
    printf("utf16 be given: ");
    put_result(PyUnicode_DecodeUTF16("\xff\xfe\x00" "a", 4, NULL, &bo));
    printf(" bo=%d\n", bo);
    printf("utf16 NULL bo: ");
    put_result(PyUnicode_DecodeUTF16("\xfe\xff\x00" "a", 4, NULL, NULL));
    printf("\n");
    bo = 0;
    printf("utf32 stateful: ");
    put_result(PyUnicode_DecodeUTF32Stateful("\xff\xfe\x00\x00" "a\x00\x00\x00" "b\x00", 10, NULL, &bo, &consumed));
    printf(" consumed=%zd bo=%d\n", consumed, bo);
    printf("unicode-escape stateful: ");
    put_result(_PyUnicode_DecodeUnicodeEscapeStateful("ab\\u00", 6, NULL, &consumed));
    printf(" consumed=%zd\n", consumed);
    printf("raw stateful: ");
    put_result(_PyUnicode_DecodeRawUnicodeEscapeStateful("ab\\", 3, NULL, &consumed));
    printf(" consumed=%zd\n", consumed);

    /* The per-codec entry points. */
    printf("DecodeUTF8: "); put_result(PyUnicode_DecodeUTF8("h\xc3\xa9", 3, NULL)); printf("\n");
    printf("DecodeLatin1: "); put_result(PyUnicode_DecodeLatin1("h\xe9\xff", 3, NULL)); printf("\n");
    printf("DecodeASCII: "); put_result(PyUnicode_DecodeASCII("h\xe9", 2, "replace")); printf("\n");
    printf("DecodeASCII strict: "); put_result(PyUnicode_DecodeASCII("h\xe9", 2, NULL)); printf("\n");
    printf("DecodeUnicodeEscape: "); put_result(PyUnicode_DecodeUnicodeEscape("\\u20ac\\n", 8, NULL)); printf("\n");
    printf("DecodeRawUnicodeEscape: "); put_result(PyUnicode_DecodeRawUnicodeEscape("\\u20ac\\n", 8, NULL)); printf("\n");
    printf("Decode NULL encoding: "); put_result(PyUnicode_Decode("\xc3\xa9", 2, NULL, NULL)); printf("\n");
    printf("Decode aliases:");
    const char *aliases[] = {"UTF8", "U8", "utf_8", "Latin-1", "ISO-8859-1", "l1", "US-ASCII", "646",
                             "UTF-16LE", "utf_32_be", "Unicode_Escape", " utf 8 ", "utf-8-sig", "nonesuch", NULL};
    for (int a = 0; aliases[a]; a++) {
        printf(" %s=", aliases[a]);
        put_result(PyUnicode_Decode("\xc3\xa9", 2, aliases[a], "replace"));
    }
    printf("\n");
    Py_Finalize();
    return 0;
}
