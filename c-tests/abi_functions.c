/* The stable-ABI function forms of header macros (Py_NewRef, Py_Is, ...) and Py_Version,
 * found by name with dlsym as bindings for other languages find them; also run on CPython. */
#include "testutil.h"
#include <dlfcn.h>

typedef PyObject *(*ref_fn)(PyObject *);
typedef void (*void_fn)(PyObject *);
typedef int (*is2_fn)(PyObject *, PyObject *);
typedef int (*is1_fn)(PyObject *);

static void *sym(const char *name)
{
    void *p = dlsym(RTLD_DEFAULT, name);
    if (p == NULL) {
        printf("missing symbol %s\n", name);
        exit(1);
    }
    return p;
}

int main(void)
{
    Py_Initialize();
    PyObject *s = PyUnicode_FromString("x");
    Py_ssize_t base = Py_REFCNT(s);

    PyObject *r = ((ref_fn)sym("Py_NewRef"))(s);
    printf("Py_NewRef: same=%d refcnt+%zd\n", r == s, Py_REFCNT(s) - base);
    r = ((ref_fn)sym("Py_XNewRef"))(s);
    printf("Py_XNewRef: same=%d refcnt+%zd\n", r == s, Py_REFCNT(s) - base);
    printf("Py_XNewRef(NULL): %p\n", (void *)((ref_fn)sym("Py_XNewRef"))(NULL));
    ((void_fn)sym("_Py_IncRef"))(s);
    printf("_Py_IncRef: refcnt+%zd\n", Py_REFCNT(s) - base);
    ((void_fn)sym("_Py_DecRef"))(s);
    ((void_fn)sym("_Py_DecRef"))(s);
    ((void_fn)sym("_Py_DecRef"))(s);
    printf("_Py_DecRef x3: refcnt+%zd\n", Py_REFCNT(s) - base);

    is2_fn is = (is2_fn)sym("Py_Is");
    printf("Py_Is: %d %d\n", is(s, s), is(s, Py_None));
    const char *names[] = {"Py_IsNone", "Py_IsTrue", "Py_IsFalse"};
    PyObject *values[] = {Py_None, Py_True, Py_False, s};
    for (int i = 0; i < 3; i++) {
        is1_fn f = (is1_fn)sym(names[i]);
        printf("%s:", names[i]);
        for (int j = 0; j < 4; j++)
            printf(" %d", f(values[j]));
        printf("\n");
    }

    const unsigned long *version = (const unsigned long *)sym("Py_Version");
    printf("Py_Version: %#lx, equal to PY_VERSION_HEX: %d, to sys.hexversion: %d\n", *version,
           *version == PY_VERSION_HEX,
           *version == PyLong_AsUnsignedLong(PySys_GetObject("hexversion")));
    Py_DECREF(s);
    return Py_FinalizeEx() < 0;
}
