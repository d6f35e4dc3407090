/* repr of doubles whose exact value lies halfway between two shortest candidates
 * (multiples of small powers of two near 2**53): CPython picks the candidate nearest the
 * exact value, rounding half to even; a formatter that breaks ties upwards differs on about
 * one value in sixty of these. Also a spread of arbitrary bit patterns. */
#include <Python.h>
#include <string.h>

static unsigned long long state = 0x9E3779B97F4A7C15ULL;
static unsigned long long next(void)
{
    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
    return state;
}

static void show(double d)
{
    char *s = PyOS_double_to_string(d, 'r', 0, Py_DTSF_ADD_DOT_0, NULL);
    puts(s);
    PyMem_Free(s);
}

int main(void)
{
    Py_Initialize();
    show(900719925474099.25);
    show(900719925474099.75);
    for (int i = 0; i < 3000; i++) {
        unsigned long long m = next() % (1ULL << 53);
        show((double)m / (double)(1ULL << (next() % 13)));
    }
    for (int i = 0; i < 1000; i++) {
        unsigned long long bits = next();
        double d;
        memcpy(&d, &bits, sizeof d);
        show(d);
    }
    Py_FinalizeEx();
    return 0;
}
