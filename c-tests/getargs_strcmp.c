/* PyOS_stricmp/PyOS_strnicmp (macros for PyOS_mystricmp/PyOS_mystrnicmp): ASCII
 * case-insensitive comparison, the sign and size of the first difference, limits.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>

int main(void)
{
    const char *pairs[][2] = {
        {"ab", "ac"}, {"ab", "AB"}, {"abc", "ab"}, {"ab", "abc"}, {"", ""}, {"a", "b"},
        {"abx", "aby"}, {"Hello", "hellO"}, {"b", "a"}, {"abcd", "abzd"}, {"[", "{"}, {"\xe9", "\xc9"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        printf("pair %zu: stricmp %d strnicmp", i, PyOS_stricmp(pairs[i][0], pairs[i][1]));
        for (Py_ssize_t n = 0; n < 5; n++)
            printf(" %d", PyOS_strnicmp(pairs[i][0], pairs[i][1], n));
        printf("\n");
    }
    printf("mystricmp %d mystrnicmp %d\n", PyOS_mystricmp("XY", "xz"), PyOS_mystrnicmp("XY", "xz", 1));
    return 0;
}
