/* The variadic entry points that take Py_BuildValue formats (Py_BuildValue and its
 * va_list/_SizeT spellings, PyObject_CallFunction, PyObject_CallMethod, PyEval_CallFunction,
 * PyEval_CallMethod) and the NULL-terminated object lists (PyObject_CallFunctionObjArgs,
 * PyObject_CallMethodObjArgs). C only walks the format to pull each argument out of the
 * va_list, with the C type its unit gives it, into an array; the Rust side
 * (src/abstract_/build_value.rs, src/abstract_/call_shims.rs) reads the format again and
 * does the work. Exported through the trampolines in src/c_entry.rs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/types.h>
#include <wchar.h>

typedef struct _object PyObject;
typedef ssize_t Py_ssize_t;

/* One argument as its unit's C type gave it (the Rust side knows which member). */
typedef union {
    void *p;
    long long ll;
    unsigned long long ull;
    double d;
} ferropy_build_arg;

/* Rust (src/abstract_/build_value.rs, call_shims.rs). */
PyObject *_ferropy_build_value(const char *format, const ferropy_build_arg *args, size_t nargs, int size_t_flag);
PyObject *_ferropy_call_function(PyObject *callable, const char *format, const ferropy_build_arg *args,
                                 size_t nargs, int size_t_flag);
PyObject *_ferropy_call_method(PyObject *obj, const char *name, PyObject *name_obj, const char *format,
                               const ferropy_build_arg *args, size_t nargs, int size_t_flag);
PyObject *_ferropy_call_objargs(PyObject *callable, PyObject *const *args, size_t nargs);
PyObject *_ferropy_call_method_objargs(PyObject *obj, PyObject *name, PyObject **args, size_t nargs);
PyObject *_ferropy_no_memory(void);

/* How many va_list arguments the units of `format` take. */
static size_t count_args(const char *f)
{
    size_t n = 0;
    if (f == NULL)
        return 0;
    for (; *f; f++) {
        switch (*f) {
        case 's': case 'z': case 'U': case 'y': case 'u':
            n++;
            if (f[1] == '#') { n++; f++; }
            break;
        case 'O': case 'S': case 'N':
            n++;
            if (f[1] == '&') { n++; f++; }
            break;
        case 'i': case 'b': case 'h': case 'B': case 'H': case 'I': case 'l': case 'k':
        case 'L': case 'K': case 'n': case 'c': case 'C': case 'd': case 'f': case 'D':
            n++;
            break;
        default:
            break;
        }
    }
    return n;
}

/* Pulls the arguments of `format` out of `va` into `out` (room for count_args(format)). */
static void collect_args(const char *f, va_list *va, int size_t_flag, ferropy_build_arg *out)
{
    size_t n = 0;
    if (f == NULL)
        return;
    for (; *f; f++) {
        switch (*f) {
        case 's': case 'z': case 'U': case 'y':
            out[n++].p = (void *)va_arg(*va, const char *);
            goto length;
        case 'u':
            out[n++].p = (void *)va_arg(*va, const wchar_t *);
        length:
            if (f[1] == '#') {
                f++;
                if (size_t_flag)
                    out[n++].ll = va_arg(*va, Py_ssize_t);
                else
                    out[n++].ll = va_arg(*va, int);
            }
            break;
        case 'O': case 'S': case 'N':
            if (f[1] == '&') {
                f++;
                PyObject *(*converter)(void *) = va_arg(*va, PyObject *(*)(void *));
                out[n++].p = *(void **)&converter;
                out[n++].p = va_arg(*va, void *);
            } else {
                out[n++].p = va_arg(*va, PyObject *);
            }
            break;
        case 'i': case 'b': case 'h': case 'B': case 'c': case 'C':
            out[n++].ll = va_arg(*va, int);
            break;
        case 'H': case 'I':
            out[n++].ull = va_arg(*va, unsigned int);
            break;
        case 'l':
            out[n++].ll = va_arg(*va, long);
            break;
        case 'k':
            out[n++].ull = va_arg(*va, unsigned long);
            break;
        case 'L':
            out[n++].ll = va_arg(*va, long long);
            break;
        case 'K':
            out[n++].ull = va_arg(*va, unsigned long long);
            break;
        case 'n':
            out[n++].ll = va_arg(*va, Py_ssize_t);
            break;
        case 'd': case 'f':
            out[n++].d = va_arg(*va, double);
            break;
        case 'D':
            out[n++].p = va_arg(*va, void *);
            break;
        default:
            break;
        }
    }
}

#define SMALL 16

/* Declares `args`/`nargs` holding the arguments of `format` taken from the va_list `va`;
 * returns MemoryError from the enclosing function when they do not fit in memory. */
#define COLLECT(format, va, size_t_flag)                                        \
    ferropy_build_arg small_[SMALL];                                            \
    size_t nargs = count_args(format);                                          \
    ferropy_build_arg *args = small_;                                           \
    if (nargs > SMALL) {                                                        \
        args = malloc(nargs * sizeof *args);                                    \
        if (args == NULL)                                                       \
            return _ferropy_no_memory();                                        \
    }                                                                           \
    {                                                                           \
        va_list copy_;                                                          \
        va_copy(copy_, va);                                                     \
        collect_args(format, &copy_, size_t_flag, args);                        \
        va_end(copy_);                                                          \
    }
#define RELEASE() do { if (args != small_) free(args); } while (0)

static PyObject *vbuild(const char *format, va_list va, int size_t_flag)
{
    COLLECT(format, va, size_t_flag);
    PyObject *r = _ferropy_build_value(format, args, nargs, size_t_flag);
    RELEASE();
    return r;
}

PyObject *ferropy_c_Py_VaBuildValue(const char *format, va_list va) { return vbuild(format, va, 0); }
PyObject *ferropy_c__Py_VaBuildValue_SizeT(const char *format, va_list va) { return vbuild(format, va, 1); }

PyObject *ferropy_c_Py_BuildValue(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = vbuild(format, va, 0);
    va_end(va);
    return r;
}

PyObject *ferropy_c__Py_BuildValue_SizeT(const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = vbuild(format, va, 1);
    va_end(va);
    return r;
}

static PyObject *vcall_function(PyObject *callable, const char *format, va_list va, int size_t_flag)
{
    COLLECT(format, va, size_t_flag);
    PyObject *r = _ferropy_call_function(callable, format, args, nargs, size_t_flag);
    RELEASE();
    return r;
}

PyObject *ferropy_c_PyObject_CallFunction(PyObject *callable, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = vcall_function(callable, format, va, 0);
    va_end(va);
    return r;
}

PyObject *ferropy_c__PyObject_CallFunction_SizeT(PyObject *callable, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = vcall_function(callable, format, va, 1);
    va_end(va);
    return r;
}

static PyObject *vcall_method(PyObject *obj, const char *name, PyObject *name_obj, const char *format,
                              va_list va, int size_t_flag)
{
    COLLECT(format, va, size_t_flag);
    PyObject *r = _ferropy_call_method(obj, name, name_obj, format, args, nargs, size_t_flag);
    RELEASE();
    return r;
}

PyObject *ferropy_c_PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = vcall_method(obj, name, NULL, format, va, 0);
    va_end(va);
    return r;
}

PyObject *ferropy_c__PyObject_CallMethod_SizeT(PyObject *obj, const char *name, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = vcall_method(obj, name, NULL, format, va, 1);
    va_end(va);
    return r;
}

PyObject *ferropy_c__PyObject_CallMethod(PyObject *obj, PyObject *name, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = vcall_method(obj, NULL, name, format, va, 1);
    va_end(va);
    return r;
}

/* Deprecated since 3.9, and since then the same as PyObject_CallFunction and
 * PyObject_CallMethod with int `#` lengths. */
PyObject *ferropy_c_PyEval_CallFunction(PyObject *callable, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = vcall_function(callable, format, va, 0);
    va_end(va);
    return r;
}

PyObject *ferropy_c_PyEval_CallMethod(PyObject *obj, const char *name, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    PyObject *r = vcall_method(obj, name, NULL, format, va, 0);
    va_end(va);
    return r;
}

/* The objects of a NULL-terminated va_list, after `first_slots` free slots. */
static PyObject **collect_objects(va_list va, size_t first_slots, size_t *n, PyObject **small, size_t small_len)
{
    va_list count;
    va_copy(count, va);
    size_t k = 0;
    while (va_arg(count, PyObject *) != NULL)
        k++;
    va_end(count);
    PyObject **stack = small;
    if (first_slots + k > small_len) {
        stack = malloc((first_slots + k) * sizeof *stack);
        if (stack == NULL)
            return NULL;
    }
    for (size_t i = 0; i < k; i++)
        stack[first_slots + i] = va_arg(va, PyObject *);
    *n = k;
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
