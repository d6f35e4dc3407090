/* tracemalloc.h's C-API while tracemalloc is not tracing (-2 from Track/Untrack, no
 * traceback), _PyObject_IsFreed on live objects and on the fill patterns of freed memory,
 * and _PyMem_GetCurrentAllocatorName with the default allocators (named, not NULL). */
#include <Python.h>
#include <stdint.h>
#include <string.h>
#include "proto_util.h"

int main(void)
{
    Py_Initialize();
    char block[64];
    printf("track: %d\n", PyTraceMalloc_Track(0, (uintptr_t)block, sizeof block));
    printf("untrack: %d\n", PyTraceMalloc_Untrack(0, (uintptr_t)block));
    show("traceback", _PyTraceMalloc_GetTraceback(0, (uintptr_t)block));

    PyObject *live = PyList_New(0);
    printf("live list freed: %d\n", _PyObject_IsFreed(live));
    printf("None freed: %d\n", _PyObject_IsFreed(Py_None));
    printf("NULL freed: %d\n", _PyObject_IsFreed(NULL));
    Py_DECREF(live);

    PyObject fake;
    memset(&fake, 0xDD, sizeof fake);
    printf("0xDD-filled freed: %d\n", _PyObject_IsFreed(&fake));
    memset(&fake, 0xCD, sizeof fake);
    printf("0xCD-filled freed: %d\n", _PyObject_IsFreed(&fake));
    fake.ob_refcnt = 1;
    fake.ob_type = NULL;
    printf("NULL type freed: %d\n", _PyObject_IsFreed(&fake));

    const char *name = _PyMem_GetCurrentAllocatorName();
    printf("allocator named: %d\n", name != NULL);
    Py_Finalize();
    return 0;
}
