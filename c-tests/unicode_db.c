/* The Unicode database through the exported character functions and the Py_UNICODE_* and
 * Py_IS and Py_TO macros: every code point 0..0x10FFFF (and a few past it) is asked each
 * property, and a hash of the answers is printed per plane and function, plus the count of
 * code points that have it. Any code point whose answer differs from CPython's changes a
 * line (the plane and function name where it is). Then samples printed as values. */
#include <Python.h>
#include <stdio.h>
#include <stdint.h>

#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0x100000001b3ULL;
}

typedef int (*pred_fn)(Py_UCS4);

static int is_space(Py_UCS4 c) { return Py_UNICODE_ISSPACE(c); }
static int is_alnum(Py_UCS4 c) { return Py_UNICODE_ISALNUM(c); }
static int lower(Py_UCS4 c) { return (int)Py_UNICODE_TOLOWER(c); }
static int upper(Py_UCS4 c) { return (int)Py_UNICODE_TOUPPER(c); }
static int title(Py_UCS4 c) { return (int)Py_UNICODE_TOTITLE(c); }
static int to_decimal(Py_UCS4 c) { return Py_UNICODE_TODECIMAL(c); }
static int to_digit(Py_UCS4 c) { return Py_UNICODE_TODIGIT(c); }
static int numeric(Py_UCS4 c)
{
    double v = Py_UNICODE_TONUMERIC(c);
    return v == -1.0 ? -1 : (int)(v * 1000003.0);
}

typedef int (*full_fn)(Py_UCS4, Py_UCS4 *);

static void report(const char *name, pred_fn f)
{
    long count = 0;
    uint64_t all = 0;
    printf("%s:", name);
    for (Py_UCS4 plane = 0; plane <= 0x10; plane++) {
        uint64_t h = 0;
        for (Py_UCS4 c = plane << 16; c < ((plane + 1) << 16); c++) {
            int v = f(c);
            count += v != 0 && v != -1 && (Py_UCS4)v != c;
            h = mix(h, (uint32_t)v);
        }
        if (h != 0)
            printf(" %x:%04x", (unsigned)plane, (unsigned)(h & 0xffff));
        all = mix(all, h);
    }
    printf(" count=%ld hash=%016llx past=%d,%d\n", count, (unsigned long long)all,
           f(0x110000), f(0x7fffffff));
}

static void report_full(const char *name, full_fn f)
{
    Py_UCS4 buf[3];
    long multi = 0;
    uint64_t all = 0;
    for (Py_UCS4 c = 0; c < 0x110000; c++) {
        int n = f(c, buf);
        multi += n > 1;
        all = mix(all, (uint64_t)n);
        for (int i = 0; i < n; i++)
            all = mix(all, buf[i]);
    }
    int n = f(0x110000, buf);
    printf("%s: multi=%ld hash=%016llx past n=%d %x\n", name, multi, (unsigned long long)all, n,
           (unsigned)buf[0]);
}

static void sample_full(const char *name, full_fn f, Py_UCS4 c)
{
    Py_UCS4 buf[3];
    int n = f(c, buf);
    printf("%s(U+%04X) =", name, (unsigned)c);
    for (int i = 0; i < n; i++)
        printf(" U+%04X", (unsigned)buf[i]);
    printf("\n");
}

int main(void)
{
    Py_Initialize();
#define R(name, f) report(name, f)
    R("IsWhitespace", _PyUnicode_IsWhitespace);
    R("ISSPACE", is_space);
    R("IsLinebreak", _PyUnicode_IsLinebreak);
    R("IsLowercase", _PyUnicode_IsLowercase);
    R("IsUppercase", _PyUnicode_IsUppercase);
    R("IsTitlecase", _PyUnicode_IsTitlecase);
    R("IsXidStart", _PyUnicode_IsXidStart);
    R("IsXidContinue", _PyUnicode_IsXidContinue);
    R("IsDecimalDigit", _PyUnicode_IsDecimalDigit);
    R("IsDigit", _PyUnicode_IsDigit);
    R("IsNumeric", _PyUnicode_IsNumeric);
    R("IsPrintable", _PyUnicode_IsPrintable);
    R("IsAlpha", _PyUnicode_IsAlpha);
    R("ISALNUM", is_alnum);
    R("IsCased", _PyUnicode_IsCased);
    R("IsCaseIgnorable", _PyUnicode_IsCaseIgnorable);
    R("ToLowercase", lower);
    R("ToUppercase", upper);
    R("ToTitlecase", title);
    R("ToDecimalDigit", to_decimal);
    R("ToDigit", to_digit);
    R("ToNumeric", numeric);
    report_full("ToLowerFull", _PyUnicode_ToLowerFull);
    report_full("ToUpperFull", _PyUnicode_ToUpperFull);
    report_full("ToTitleFull", _PyUnicode_ToTitleFull);
    report_full("ToFoldedFull", _PyUnicode_ToFoldedFull);

    sample_full("ToUpperFull", _PyUnicode_ToUpperFull, 0xDF);
    sample_full("ToTitleFull", _PyUnicode_ToTitleFull, 0xDF);
    sample_full("ToUpperFull", _PyUnicode_ToUpperFull, 0x149);
    sample_full("ToUpperFull", _PyUnicode_ToUpperFull, 0x390);
    sample_full("ToLowerFull", _PyUnicode_ToLowerFull, 0x130);
    sample_full("ToFoldedFull", _PyUnicode_ToFoldedFull, 0x1E9E);
    sample_full("ToFoldedFull", _PyUnicode_ToFoldedFull, 0x13F8);
    sample_full("ToTitleFull", _PyUnicode_ToTitleFull, 0x1C6);
    sample_full("ToUpperFull", _PyUnicode_ToUpperFull, 0x10428);
    printf("numeric: U+00BD %g, U+216B %g, U+5341 %g, U+1F10C %g, U+0F33 %g, 'x' %g\n",
           Py_UNICODE_TONUMERIC(0xBD), Py_UNICODE_TONUMERIC(0x216B), Py_UNICODE_TONUMERIC(0x5341),
           Py_UNICODE_TONUMERIC(0x1F10C), Py_UNICODE_TONUMERIC(0xF33), Py_UNICODE_TONUMERIC('x'));
    printf("decimal U+0663 %d, digit U+00B2 %d/%d, U+2460 %d\n", Py_UNICODE_TODECIMAL(0x663),
           Py_UNICODE_TODIGIT(0xB2), Py_UNICODE_TODECIMAL(0xB2), Py_UNICODE_TODIGIT(0x2460));

    /* The locale-independent byte tables of pyctype.h. */
    uint64_t h = 0;
    for (int c = 0; c < 256; c++) {
        h = mix(h, (uint64_t)(Py_ISLOWER(c) != 0) | (uint64_t)(Py_ISUPPER(c) != 0) << 1 |
                   (uint64_t)(Py_ISALPHA(c) != 0) << 2 | (uint64_t)(Py_ISDIGIT(c) != 0) << 3 |
                   (uint64_t)(Py_ISXDIGIT(c) != 0) << 4 | (uint64_t)(Py_ISALNUM(c) != 0) << 5 |
                   (uint64_t)(Py_ISSPACE(c) != 0) << 6);
        h = mix(h, Py_TOLOWER(c));
        h = mix(h, Py_TOUPPER(c));
    }
    printf("pyctype hash %016llx\n", (unsigned long long)h);
    printf("Py_ISSPACE: \\v %d, 0x1c %d, 0xa0 %d; Py_ISXDIGIT('f') %d ('g') %d; TOUPPER(0xe9) %d\n",
           Py_ISSPACE('\v') != 0, Py_ISSPACE(0x1c) != 0, Py_ISSPACE(0xa0) != 0,
           Py_ISXDIGIT('f') != 0, Py_ISXDIGIT('g') != 0, Py_TOUPPER(0xe9));
    int ws = 0;
    for (int c = 0; c < 128; c++)
        ws += _Py_ascii_whitespace[c] ? c : 0;
    printf("_Py_ascii_whitespace sum %d\n", ws);
    Py_Finalize();
    return 0;
}
