/* The `ferropy` command: CPython's own `python` is this same main, linked against the
 * shared library, so there is one copy of the runtime and extensions bind to it. */
#include <Python.h>

int main(int argc, char **argv)
{
    return Py_BytesMain(argc, argv);
}
