// PyOS_Readline and PyOS_ReadlineFunctionPointer: input that is not a terminal is read with
// stdio (prompts on stderr) whatever the hook; the result is freed with PyMem_Free.
#include <Python.h>
#include <stdio.h>
#include <string.h>
static char *my_reader(FILE *in, FILE *out, const char *prompt) {
    (void)in; (void)out;
    char *r = PyMem_RawMalloc(32);
    snprintf(r, 32, "[%s]\n", prompt);
    return r;
}
int main(void) {
    Py_Initialize();
    printf("default hook set: %d\n", PyOS_ReadlineFunctionPointer != NULL);
    char *(*old)(FILE *, FILE *, const char *) = PyOS_ReadlineFunctionPointer;
    PyOS_ReadlineFunctionPointer = my_reader;
    /* stdin is not a terminal here: PyOS_Readline uses stdio whatever the hook. */
    FILE *f = fmemopen("line one\nline two", 17, "r");
    char *a = PyOS_Readline(f, stdout, "p1> ");
    char *b = PyOS_Readline(f, stdout, "p2> ");
    char *c = PyOS_Readline(f, stdout, "p3> ");
    printf("\n%s|%s|%s| eof=%d\n", a, b, c, c[0] == 0);
    PyMem_Free(a); PyMem_Free(b); PyMem_Free(c);
    PyOS_ReadlineFunctionPointer = old;
    printf("fdinteractive(memfile)=%d\n", Py_FdIsInteractive(f, "x.py"));
    fclose(f);
    Py_Finalize();
    return 0;
}
