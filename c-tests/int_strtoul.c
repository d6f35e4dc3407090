/* PyOS_strtoul and PyOS_strtol: bases 0 (prefixes 0x/0o/0b, a lone 0, leading zeros),
 * 2..36 with and without their prefix, bad bases, whitespace, signs, empty digits,
 * overflow (ULONG_MAX / LONG_MAX with ERANGE and the end pointer past every digit), and
 * the end pointer in every case. Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <errno.h>
#include <stdio.h>

static const char *inputs[] = {
    "0", "123", "  42abc", "\t\n 7", "0x1F", "0X1f", "0o17", "0O17", "0b101", "0B2", "0x",
    "0xg", "0123", "00", "000 x", "0 ", "-5", "+5", " -0x10", "- 5", "", "   ", "z",
    "18446744073709551615", "18446744073709551616", "99999999999999999999999x",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "0xffffffffffffffff", "0x1ffffffffffffffff", "1_000", "0_1",
    "ZZ", "zz", "10", "0b", "0o", "0o8", "0x_1", NULL,
};
static const int bases[] = {0, 2, 8, 10, 16, 36, 1, 37, -1};

int main(void)
{
    for (int i = 0; inputs[i]; i++) {
        for (unsigned b = 0; b < sizeof bases / sizeof *bases; b++) {
            char *end = NULL;
            errno = 1234;
            unsigned long u = PyOS_strtoul(inputs[i], &end, bases[b]);
            int eu = errno;
            long eu_off = end ? (long)(end - inputs[i]) : -1;
            errno = 1234;
            end = NULL;
            long s = PyOS_strtol(inputs[i], &end, bases[b]);
            int es = errno;
            long es_off = end ? (long)(end - inputs[i]) : -1;
            printf("'%s' base %d: strtoul %lu errno %d end %ld | strtol %ld errno %d end %ld\n",
                   inputs[i], bases[b], u, eu, eu_off, s, es, es_off);
        }
    }
    unsigned long u = PyOS_strtoul("77", NULL, 8);
    printf("NULL end pointer: %lu\n", u);
    return 0;
}
