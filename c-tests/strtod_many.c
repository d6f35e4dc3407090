/* PyOS_string_to_double over many generated decimals (digit counts, exponents, zeros, signs
 * around the limits of the exact fast path: 19 digits, 2**53, 10**22), printed as the
 * double's bits: any rounding difference shows. Expected output: CPython 3.11's. */
#include <Python.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t seed = 0x2545f4914f6cdd1dULL;

static uint64_t next(void)
{
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
}

static void show(const char *s)
{
    double d = PyOS_string_to_double(s, NULL, NULL);
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    if (d == -1.0 && PyErr_Occurred()) {
        PyErr_Clear();
        printf("%s -> error\n", s);
        return;
    }
    printf("%s -> %016llx\n", s, (unsigned long long)bits);
}

int main(void)
{
    Py_Initialize();
    static const char *fixed[] = {
        "0", "-0", "0.0", "-0.0e5", "1e22", "1e23", "-1e-22", "1e-23", "9007199254740991",
        "9007199254740992", "9007199254740993", "1.5e-22", "123456789012345678e-5",
        "1234567890123456789", "12345678901234567890", ".5", "5.", "1e0000", "1e00001",
        "0.1", "0.2", "0.3", "2.675", "1234.5678e-3", "4.35", "1.7976931348623157e308",
        "2.2250738585072014e-308", "5e-324", "000000000000000000000001.5", "1.000000000000000000001",
        "100000000000000000000000", "1e-0", "+7", "-.25e+2", "3.14159265358979323846",
    };
    for (size_t k = 0; k < sizeof fixed / sizeof *fixed; k++)
        show(fixed[k]);
    char buf[80];
    for (int n = 0; n < 3000; n++) {
        uint64_t r = next();
        int len = 0;
        int ndigits = 1 + (int)(r % 22);
        if ((r >> 60 & 3) == 1)
            buf[len++] = '-';
        for (uint64_t z = (r >> 20) % 3; z > 0; z--)
            buf[len++] = '0';
        int dot = (int)((r >> 8) % (uint64_t)(ndigits + 3));
        for (int d = 0; d < ndigits; d++) {
            if (dot < ndigits && d == ndigits - dot)
                buf[len++] = '.';
            buf[len++] = (char)('0' + next() % 10);
        }
        if (r & 1)
            len += sprintf(buf + len, "e%d", (int)((r >> 32) % 60) - 30);
        buf[len] = 0;
        show(buf);
    }
    Py_Finalize();
    return 0;
}
