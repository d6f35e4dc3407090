/* The variadic and va_list entry points of argument parsing: PyArg_UnpackTuple,
 * _PyArg_UnpackStack (storing each item through the next PyObject ** of the va_list), and
 * the format parsers PyArg_Parse, PyArg_ParseTuple, PyArg_ParseTupleAndKeywords,
 * _PyArg_ParseStack(AndKeywords), _PyArg_ParseTupleAndKeywordsFast with their va_list and
 * _SizeT spellings. Every argument these formats take is a pointer, so the parsers hand
 * Rust (src/abstract_/arg_format.rs) a va_list * and Rust takes the pointers off it with
 * ferropy_va_next_ptr as it walks the format, once. Exported through the trampolines in
 * src/c_entry.rs. */
#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct _object PyObject;
typedef ssize_t Py_ssize_t;
struct _PyArg_Parser;

Py_ssize_t _ferropy_unpack_tuple_check(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max);
PyObject *_ferropy_tuple_item(PyObject *args, Py_ssize_t i);
int _ferropy_unpack_stack_check(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max);
int _ferropy_parse(PyObject *arg, const char *format, void *va, int size_t_flag);
int _ferropy_parse_tuple(PyObject *args, const char *format, void *va, int size_t_flag);
int _ferropy_parse_stack(PyObject *const *args, Py_ssize_t nargs, const char *format, void *va, int size_t_flag);
int _ferropy_parse_tuple_keywords(PyObject *args, PyObject *kwargs, const char *format, char **kwlist, void *va,
                                  int size_t_flag);
int _ferropy_parse_with_parser(PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs, PyObject *kwnames,
                               struct _PyArg_Parser *parser, void *va, int size_t_flag);
int _ferropy_parse_tuple_with_parser(PyObject *args, PyObject *kwargs, struct _PyArg_Parser *parser, void *va,
                                     int size_t_flag);

/* The next argument of a va_list whose arguments are all pointers (called from Rust). */
void *ferropy_va_next_ptr(void *va)
{
    return va_arg(*(va_list *)va, void *);
}

int ferropy_c_PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...)
{
    Py_ssize_t n = _ferropy_unpack_tuple_check(args, name, min, max);
    if (n < 0)
        return 0;
    va_list va;
    va_start(va, max);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject **out = va_arg(va, PyObject **);
        *out = _ferropy_tuple_item(args, i);
    }
    va_end(va);
    return 1;
}

int ferropy_c__PyArg_UnpackStack(PyObject *const *args, Py_ssize_t nargs, const char *name, Py_ssize_t min,
                                 Py_ssize_t max, ...)
{
    if (!_ferropy_unpack_stack_check(name, nargs, min, max))
        return 0;
    va_list va;
    va_start(va, max);
    for (Py_ssize_t i = 0; i < nargs; i++) {
        PyObject **out = va_arg(va, PyObject **);
        *out = args[i];
    }
    va_end(va);
    return 1;
}

/* One variadic entry point: `call` is the Rust call with `&va` as its va_list. */
#define VARIADIC(last, call)          \
    va_list va;                       \
    va_start(va, last);               \
    int r = call;                     \
    va_end(va);                       \
    return r;

/* One va_list entry point: Rust walks a copy (the caller's va_list stays as it was). */
#define WITH_VA_LIST(vargs, call)     \
    va_list va;                       \
    va_copy(va, vargs);               \
    int r = call;                     \
    va_end(va);                       \
    return r;

int ferropy_c_PyArg_Parse(PyObject *arg, const char *format, ...)
{ VARIADIC(format, _ferropy_parse(arg, format, &va, 0)) }
int ferropy_c__PyArg_Parse_SizeT(PyObject *arg, const char *format, ...)
{ VARIADIC(format, _ferropy_parse(arg, format, &va, 1)) }

int ferropy_c_PyArg_ParseTuple(PyObject *args, const char *format, ...)
{ VARIADIC(format, _ferropy_parse_tuple(args, format, &va, 0)) }
int ferropy_c__PyArg_ParseTuple_SizeT(PyObject *args, const char *format, ...)
{ VARIADIC(format, _ferropy_parse_tuple(args, format, &va, 1)) }

int ferropy_c_PyArg_VaParse(PyObject *args, const char *format, va_list vargs)
{ WITH_VA_LIST(vargs, _ferropy_parse_tuple(args, format, &va, 0)) }
int ferropy_c__PyArg_VaParse_SizeT(PyObject *args, const char *format, va_list vargs)
{ WITH_VA_LIST(vargs, _ferropy_parse_tuple(args, format, &va, 1)) }

int ferropy_c_PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kwargs, const char *format, char **kwlist, ...)
{ VARIADIC(kwlist, _ferropy_parse_tuple_keywords(args, kwargs, format, kwlist, &va, 0)) }
int ferropy_c__PyArg_ParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kwargs, const char *format,
                                                 char **kwlist, ...)
{ VARIADIC(kwlist, _ferropy_parse_tuple_keywords(args, kwargs, format, kwlist, &va, 1)) }

int ferropy_c_PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kwargs, const char *format, char **kwlist,
                                            va_list vargs)
{ WITH_VA_LIST(vargs, _ferropy_parse_tuple_keywords(args, kwargs, format, kwlist, &va, 0)) }
int ferropy_c__PyArg_VaParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kwargs, const char *format,
                                                   char **kwlist, va_list vargs)
{ WITH_VA_LIST(vargs, _ferropy_parse_tuple_keywords(args, kwargs, format, kwlist, &va, 1)) }

int ferropy_c__PyArg_ParseTupleAndKeywordsFast(PyObject *args, PyObject *kwargs, struct _PyArg_Parser *parser, ...)
{ VARIADIC(parser, _ferropy_parse_tuple_with_parser(args, kwargs, parser, &va, 0)) }
int ferropy_c__PyArg_ParseTupleAndKeywordsFast_SizeT(PyObject *args, PyObject *kwargs,
                                                     struct _PyArg_Parser *parser, ...)
{ VARIADIC(parser, _ferropy_parse_tuple_with_parser(args, kwargs, parser, &va, 1)) }

int ferropy_c__PyArg_VaParseTupleAndKeywordsFast(PyObject *args, PyObject *kwargs, struct _PyArg_Parser *parser,
                                                 va_list vargs)
{ WITH_VA_LIST(vargs, _ferropy_parse_tuple_with_parser(args, kwargs, parser, &va, 0)) }
int ferropy_c__PyArg_VaParseTupleAndKeywordsFast_SizeT(PyObject *args, PyObject *kwargs,
                                                       struct _PyArg_Parser *parser, va_list vargs)
{ WITH_VA_LIST(vargs, _ferropy_parse_tuple_with_parser(args, kwargs, parser, &va, 1)) }

int ferropy_c__PyArg_ParseStack(PyObject *const *args, Py_ssize_t nargs, const char *format, ...)
{ VARIADIC(format, _ferropy_parse_stack(args, nargs, format, &va, 0)) }
int ferropy_c__PyArg_ParseStack_SizeT(PyObject *const *args, Py_ssize_t nargs, const char *format, ...)
{ VARIADIC(format, _ferropy_parse_stack(args, nargs, format, &va, 1)) }

int ferropy_c__PyArg_ParseStackAndKeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                           struct _PyArg_Parser *parser, ...)
{ VARIADIC(parser, _ferropy_parse_with_parser(args, nargs, NULL, kwnames, parser, &va, 0)) }
int ferropy_c__PyArg_ParseStackAndKeywords_SizeT(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                                 struct _PyArg_Parser *parser, ...)
{ VARIADIC(parser, _ferropy_parse_with_parser(args, nargs, NULL, kwnames, parser, &va, 1)) }
