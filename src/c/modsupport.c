/* The variadic entry points that take Py_BuildValue formats (Py_BuildValue and its
 * va_list/_SizeT spellings, PyObject_CallFunction, PyObject_CallMethod, PyEval_CallFunction,
 * PyEval_CallMethod) and the NULL-terminated object lists (PyObject_CallFunctionObjArgs,
 * PyObject_CallMethodObjArgs). C hands Rust (src/abstract_/build_value.rs,
 * src/abstract_/call_shims.rs) its va_list; Rust walks the format and reads each argument
 * with the C type its unit gives it through the ferropy_va_* readers. Exported through the
 * trampolines in src/c_entry.rs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <wchar.h>

typedef struct _object PyObject;
typedef ssize_t Py_ssize_t;

/* Rust (src/abstract_/build_value.rs, call_shims.rs) walks the format once and takes each
 * argument off the va_list (passed as `va_list *`) with the typed readers below. */
PyObject *_ferropy_build_value(const char *format, void *va, int size_t_flag);
PyObject *_ferropy_call_function(PyObject *callable, const char *format, void *va, int size_t_flag);
PyObject *_ferropy_call_method(PyObject *obj, const char *name, PyObject *name_obj, const char *format, void *va,
                               int size_t_flag);
PyObject *_ferropy_call_objargs(PyObject *callable, PyObject *const *args, size_t nargs);
PyObject *_ferropy_call_method_objargs(PyObject *obj, PyObject *name, PyObject **args, size_t nargs);
PyObject *_ferropy_no_memory(void);
PyObject **_ferropy_build_stack(PyObject **small, Py_ssize_t small_len, const char *format, void *va,
                                int size_t_flag, Py_ssize_t *p_nargs);

/* va_arg with the C type of a format unit, for Rust. */
int ferropy_va_int(void *va) { return va_arg(*(va_list *)va, int); }
unsigned int ferropy_va_uint(void *va) { return va_arg(*(va_list *)va, unsigned int); }
long ferropy_va_long(void *va) { return va_arg(*(va_list *)va, long); }
unsigned long ferropy_va_ulong(void *va) { return va_arg(*(va_list *)va, unsigned long); }
long long ferropy_va_llong(void *va) { return va_arg(*(va_list *)va, long long); }
unsigned long long ferropy_va_ullong(void *va) { return va_arg(*(va_list *)va, unsigned long long); }
Py_ssize_t ferropy_va_ssize(void *va) { return va_arg(*(va_list *)va, Py_ssize_t); }
double ferropy_va_double(void *va) { return va_arg(*(va_list *)va, double); }

#define SMALL 16

/* A va_list entry point: Rust walks a copy (the caller's va_list stays as it was). */
#define WITH_COPY(vargs, call)        \
    va_list va;                       \
    va_copy(va, vargs);               \
    PyObject *r = call;               \
    va_end(va);                       \
    return r;

/* A variadic entry point. */
#define VARIADIC(last, call)          \
    va_list va;                       \
    va_start(va, last);               \
    PyObject *r = call;               \
    va_end(va);                       \
    return r;

PyObject *ferropy_c_Py_VaBuildValue(const char *format, va_list vargs)
{ WITH_COPY(vargs, _ferropy_build_value(format, &va, 0)) }
PyObject *ferropy_c__Py_VaBuildValue_SizeT(const char *format, va_list vargs)
{ WITH_COPY(vargs, _ferropy_build_value(format, &va, 1)) }
PyObject **ferropy_c__Py_VaBuildStack(PyObject **small, Py_ssize_t small_len, const char *format, va_list vargs,
                                      Py_ssize_t *p_nargs)
{
    va_list va;
    va_copy(va, vargs);
    PyObject **r = _ferropy_build_stack(small, small_len, format, &va, 0, p_nargs);
    va_end(va);
    return r;
}
PyObject **ferropy_c__Py_VaBuildStack_SizeT(PyObject **small, Py_ssize_t small_len, const char *format,
                                            va_list vargs, Py_ssize_t *p_nargs)
{
    va_list va;
    va_copy(va, vargs);
    PyObject **r = _ferropy_build_stack(small, small_len, format, &va, 1, p_nargs);
    va_end(va);
    return r;
}
PyObject *ferropy_c_Py_BuildValue(const char *format, ...)
{ VARIADIC(format, _ferropy_build_value(format, &va, 0)) }
PyObject *ferropy_c__Py_BuildValue_SizeT(const char *format, ...)
{ VARIADIC(format, _ferropy_build_value(format, &va, 1)) }

PyObject *ferropy_c_PyObject_CallFunction(PyObject *callable, const char *format, ...)
{ VARIADIC(format, _ferropy_call_function(callable, format, &va, 0)) }
PyObject *ferropy_c__PyObject_CallFunction_SizeT(PyObject *callable, const char *format, ...)
{ VARIADIC(format, _ferropy_call_function(callable, format, &va, 1)) }

PyObject *ferropy_c_PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{ VARIADIC(format, _ferropy_call_method(obj, name, NULL, format, &va, 0)) }
PyObject *ferropy_c__PyObject_CallMethod_SizeT(PyObject *obj, const char *name, const char *format, ...)
{ VARIADIC(format, _ferropy_call_method(obj, name, NULL, format, &va, 1)) }
PyObject *ferropy_c__PyObject_CallMethod(PyObject *obj, PyObject *name, const char *format, ...)
{ VARIADIC(format, _ferropy_call_method(obj, NULL, name, format, &va, 1)) }

/* Deprecated since 3.9, and since then the same as PyObject_CallFunction and
 * PyObject_CallMethod with int `#` lengths. */
PyObject *ferropy_c_PyEval_CallFunction(PyObject *callable, const char *format, ...)
{ VARIADIC(format, _ferropy_call_function(callable, format, &va, 0)) }
PyObject *ferropy_c_PyEval_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{ VARIADIC(format, _ferropy_call_method(obj, name, NULL, format, &va, 0)) }

/* The objects of a NULL-terminated va_list, after `first_slots` free slots: read in one
 * pass into `small`, moving to a bigger heap block when it fills (each va_arg costs
 * several instructions; counting first would read every argument twice). */
static PyObject **collect_objects(va_list va, size_t first_slots, size_t *n, PyObject **small, size_t small_len)
{
    PyObject **stack = small;
    size_t cap = small_len, k = first_slots;
    PyObject *o;
    while ((o = va_arg(va, PyObject *)) != NULL) {
        if (k == cap) {
            PyObject **bigger = malloc(2 * cap * sizeof *stack);
            if (bigger == NULL) {
                if (stack != small)
                    free(stack);
                return NULL;
            }
            memcpy(bigger, stack, k * sizeof *stack);
            if (stack != small)
                free(stack);
            stack = bigger;
            cap *= 2;
        }
        stack[k++] = o;
    }
    *n = k - first_slots;
    return stack;
}

PyObject *ferropy_c_PyObject_CallFunctionObjArgs(PyObject *callable, ...)
{
    PyObject *small[SMALL];
    size_t n;
    va_list va;
    va_start(va, callable);
    PyObject **stack = collect_objects(va, 0, &n, small, SMALL);
    va_end(va);
    if (stack == NULL)
        return _ferropy_no_memory();
    PyObject *r = _ferropy_call_objargs(callable, stack, n);
    if (stack != small)
        free(stack);
    return r;
}

PyObject *ferropy_c_PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...)
{
    PyObject *small[SMALL];
    size_t n;
    va_list va;
    va_start(va, name);
    /* Slot 0 is for `obj` (the method's self), placed by the Rust side. */
    PyObject **stack = collect_objects(va, 1, &n, small, SMALL);
    va_end(va);
    if (stack == NULL)
        return _ferropy_no_memory();
    PyObject *r = _ferropy_call_method_objargs(obj, name, stack, n);
    if (stack != small)
        free(stack);
    return r;
}

/* The _Py_Identifier spellings (src/internal_api/identifier.rs gives the name's str,
 * borrowed, or NULL with an exception). */
typedef struct _Py_Identifier _Py_Identifier;
PyObject *_ferropy_id_str(_Py_Identifier *id);

PyObject *ferropy_c__PyObject_CallMethodId(PyObject *obj, _Py_Identifier *name, const char *format, ...)
{
    PyObject *name_obj = _ferropy_id_str(name);
    if (name_obj == NULL)
        return NULL;
    VARIADIC(format, _ferropy_call_method(obj, NULL, name_obj, format, &va, 0))
}
PyObject *ferropy_c__PyObject_CallMethodId_SizeT(PyObject *obj, _Py_Identifier *name, const char *format, ...)
{
    PyObject *name_obj = _ferropy_id_str(name);
    if (name_obj == NULL)
        return NULL;
    VARIADIC(format, _ferropy_call_method(obj, NULL, name_obj, format, &va, 1))
}

PyObject *ferropy_c__PyObject_CallMethodIdObjArgs(PyObject *obj, _Py_Identifier *name, ...)
{
    PyObject *name_obj = _ferropy_id_str(name);
    if (name_obj == NULL)
        return NULL;
    PyObject *small[SMALL];
    size_t n;
    va_list va;
    va_start(va, name);
    PyObject **stack = collect_objects(va, 1, &n, small, SMALL);
    va_end(va);
    if (stack == NULL)
        return _ferropy_no_memory();
    PyObject *r = _ferropy_call_method_objargs(obj, name_obj, stack, n);
    if (stack != small)
        free(stack);
    return r;
}
