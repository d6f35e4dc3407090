/* The non-limited internal names CPython's own extension modules use (docs/dynload.md):
 * the _Py_Identifier API (interned str cached by index, attribute/dict/import/special
 * lookups, the CallMethodId spellings) and the _PyTime_t API (conversions with the four
 * rounding modes, overflow and NaN errors, timeval/timespec, clocks, deadlines, gmtime).
 * Expected output: CPython 3.11's, in the same run. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <errno.h>
#include "testutil.h"

_Py_IDENTIFIER(upper);
_Py_IDENTIFIER(replace);
_Py_IDENTIFIER(append);
_Py_IDENTIFIER(startswith);
_Py_IDENTIFIER(real);
_Py_IDENTIFIER(colour);
_Py_IDENTIFIER(nope);
_Py_IDENTIFIER(sys);
_Py_IDENTIFIER(no_such_module_for_ferropy);
_Py_IDENTIFIER(len);
_Py_IDENTIFIER(__enter__);
_Py_IDENTIFIER(__exit__);
_Py_static_string(PyId_spaced, "with space");

/* Prints the result (repr) or the error; steals `o`. */
static void show(const char *what, PyObject *o)
{
    printf("%-34s ", what);
    if (o == NULL) {
        print_error("");
        return;
    }
    PyObject *r = PyObject_Repr(o);
    printf("%s%s\n", r ? PyUnicode_AsUTF8(r) : "<repr failed>", PyErr_Occurred() ? "  !! error set" : "");
    Py_XDECREF(r);
    Py_DECREF(o);
}

/* Prints the pending OSError's type and errno name, and clears it. */
static void show_error_errno(void)
{
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *no = v ? PyObject_GetAttrString(v, "errno") : NULL;
    long e = no ? PyLong_AsLong(no) : -1;
    printf("%s errno=%s\n", t ? ((PyTypeObject *)t)->tp_name : "no error", e == EOVERFLOW ? "EOVERFLOW" : "other");
    Py_XDECREF(no);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    PyErr_Clear();
}

static void identifiers(void)
{
    printf("index before: %zd\n", PyId_upper.index);
    PyObject *a = _PyUnicode_FromId(&PyId_upper);
    PyObject *b = _PyUnicode_FromId(&PyId_upper);
    printf("same str: %d, index set: %d, interned eq: %d\n", a == b, PyId_upper.index >= 0,
           a == PyUnicode_InternFromString("upper"));
    Py_DECREF(a); /* the InternFromString reference */
    printf("distinct ids differ: %d\n", PyId_upper.index != (_PyUnicode_FromId(&PyId_replace), PyId_replace.index));
    show("spaced id", Py_NewRef(_PyUnicode_FromId(&PyId_spaced)));

    PyObject *s = PyUnicode_FromString("ferro");
    PyObject *meth = _PyObject_GetAttrId(s, &PyId_upper);
    show("GetAttrId upper()", meth ? PyObject_CallNoArgs(meth) : NULL);
    Py_XDECREF(meth);
    show("CallMethodIdNoArgs upper", _PyObject_CallMethodIdNoArgs(s, &PyId_upper));
    PyObject *pre = PyUnicode_FromString("fe");
    show("CallMethodIdOneArg startswith", _PyObject_CallMethodIdOneArg(s, &PyId_startswith, pre));
    show("CallMethodId replace s#s", _PyObject_CallMethodId(s, &PyId_replace, "s#s", "rrx", (Py_ssize_t)2, "R"));
    show("CallMethodId_SizeT replace", _PyObject_CallMethodId_SizeT(s, &PyId_replace, "(ss)", "e", "E"));
    show("CallMethodIdObjArgs replace", _PyObject_CallMethodIdObjArgs(s, &PyId_replace, pre, s, NULL));
    show("CallMethodId missing", _PyObject_CallMethodId(s, &PyId_nope, NULL));
    show("GetAttrId missing", _PyObject_GetAttrId(s, &PyId_nope));
    PyObject *list = PyList_New(0);
    show("CallMethodIdObjArgs append", _PyObject_CallMethodIdObjArgs(list, &PyId_append, s, NULL));
    show("list", Py_NewRef(list));

    PyObject *ns = PyModule_New("holder");
    PyObject *red = PyUnicode_FromString("red");
    printf("SetAttrId: %d\n", _PyObject_SetAttrId(ns, &PyId_colour, red));
    PyObject *got = NULL;
    int r = _PyObject_LookupAttrId(ns, &PyId_colour, &got);
    printf("LookupAttrId found: %d ", r);
    show("", got);
    got = (PyObject *)1;
    r = _PyObject_LookupAttrId(ns, &PyId_nope, &got);
    printf("LookupAttrId missing: %d %p %d\n", r, (void *)got, PyErr_Occurred() != NULL);
    printf("SetAttrId NULL deletes: %d\n", _PyObject_SetAttrId(ns, &PyId_colour, NULL));
    show("GetAttrId after delete", _PyObject_GetAttrId(ns, &PyId_colour));
    printf("SetAttrId NULL again: %d\n", _PyObject_SetAttrId(ns, &PyId_colour, NULL));
    print_error("  error");
    PyObject *seven = PyLong_FromLong(7);
    show("GetAttrId int.real", _PyObject_GetAttrId(seven, &PyId_real));
    printf("SetAttrId on int: %d\n", _PyObject_SetAttrId(seven, &PyId_colour, red));
    print_error("  error");

    PyObject *d = PyDict_New();
    printf("SetItemId: %d ContainsId: %d ", _PyDict_SetItemId(d, &PyId_colour, red), _PyDict_ContainsId(d, &PyId_colour));
    show("GetItemIdWithError", Py_XNewRef(_PyDict_GetItemIdWithError(d, &PyId_colour)));
    PyObject *missing = _PyDict_GetItemIdWithError(d, &PyId_nope);
    printf("GetItemIdWithError missing: %p %d, ContainsId: %d\n", (void *)missing, PyErr_Occurred() != NULL,
           _PyDict_ContainsId(d, &PyId_nope));
    printf("DelItemId: %d, again: %d\n", _PyDict_DelItemId(d, &PyId_colour), _PyDict_DelItemId(d, &PyId_colour));
    print_error("  error");
    show("dict", Py_NewRef(d));
    r = _PyDict_SetItemId(list, &PyId_colour, red);
    printf("SetItemId on a list: %d, SystemError: %d\n", r, PyErr_ExceptionMatches(PyExc_SystemError));
    PyErr_Clear();

    PyObject *sysmod = _PyImport_GetModuleId(&PyId_sys);
    printf("GetModuleId sys: %d\n", sysmod == PyImport_AddModule("sys"));
    Py_XDECREF(sysmod);
    PyObject *none = _PyImport_GetModuleId(&PyId_no_such_module_for_ferropy);
    printf("GetModuleId missing: %p %d\n", (void *)none, PyErr_Occurred() != NULL);
    show("GetBuiltinId len", _PyEval_GetBuiltinId(&PyId_len));

    PyObject *globals = PyDict_New();
    PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
    PyObject *res = PyRun_String("class CM:\n    def __enter__(self): return 'entered'\n"
                                 "cm = CM()\ncm.__exit__ = 'instance only'\n",
                                 Py_file_input, globals, globals);
    Py_XDECREF(res);
    PyObject *cm = PyDict_GetItemString(globals, "cm");
    PyObject *enter = _PyObject_LookupSpecialId(cm, &PyId___enter__);
    show("LookupSpecialId __enter__()", enter ? PyObject_CallNoArgs(enter) : NULL);
    Py_XDECREF(enter);
    PyObject *exit_ = _PyObject_LookupSpecialId(cm, &PyId___exit__);
    printf("LookupSpecialId skips instance: %p %d\n", (void *)exit_, PyErr_Occurred() != NULL);

    Py_DECREF(globals);
    Py_DECREF(d);
    Py_DECREF(seven);
    Py_DECREF(red);
    Py_DECREF(ns);
    Py_DECREF(list);
    Py_DECREF(pre);
    Py_DECREF(s);
}

static const char *mode_name[] = {"FLOOR", "CEILING", "HALF_EVEN", "UP"};
static const _PyTime_round_t modes[] = {_PyTime_ROUND_FLOOR, _PyTime_ROUND_CEILING, _PyTime_ROUND_HALF_EVEN,
                                        _PyTime_ROUND_UP};

static void from_seconds(const char *expr)
{
    PyObject *obj = PyRun_String(expr, Py_eval_input, PyEval_GetBuiltins(), NULL);
    if (obj == NULL) {
        print_error(expr);
        return;
    }
    printf("%-12s", expr);
    for (int i = 0; i < 4; i++) {
        _PyTime_t t = 12345;
        if (_PyTime_FromSecondsObject(&t, obj, modes[i]) < 0) {
            print_error(" s");
            break;
        }
        _PyTime_t ms = 0;
        int r = _PyTime_FromMillisecondsObject(&ms, obj, modes[i]);
        printf(" %s=%lld/", mode_name[i], (long long)t);
        if (r < 0) {
            print_error("ms");
            break;
        }
        printf("%lld", (long long)ms);
    }
    printf("\n");
    Py_DECREF(obj);
}

static void to_time_t(const char *expr)
{
    PyObject *obj = PyRun_String(expr, Py_eval_input, PyEval_GetBuiltins(), NULL);
    printf("%-14s", expr);
    for (int i = 0; i < 4; i++) {
        time_t sec = 7;
        long usec = 7, nsec = 7;
        if (_PyTime_ObjectToTime_t(obj, &sec, modes[i]) < 0) {
            print_error(" time_t");
            break;
        }
        printf(" %s=%lld", mode_name[i], (long long)sec);
        if (_PyTime_ObjectToTimeval(obj, &sec, &usec, modes[i]) < 0) {
            print_error(" timeval");
            break;
        }
        printf("|%lld.%06ld", (long long)sec, usec);
        if (_PyTime_ObjectToTimespec(obj, &sec, &nsec, modes[i]) < 0) {
            print_error(" timespec");
            break;
        }
        printf("|%lld.%09ld", (long long)sec, nsec);
    }
    printf("\n");
    Py_XDECREF(obj);
}

static void times(void)
{
    printf("FromSeconds(3) = %lld, FromNanoseconds(-5) = %lld\n", (long long)_PyTime_FromSeconds(3),
           (long long)_PyTime_FromNanoseconds(-5));
    const char *exprs[] = {"1", "-2", "1.5e-9", "-1.5e-9", "2.5e-9", "-2.5e-9", "0.5e-9", "1e-3", "2.0005",
                           "-0.0000015", "float('nan')", "1e300", "-1e19", "2**63", "10**10", "-(2**62)",
                           "'1'", "None", "True", "9223372036.854775807"};
    for (size_t i = 0; i < sizeof exprs / sizeof *exprs; i++)
        from_seconds(exprs[i]);

    const char *ns_exprs[] = {"123456789", "-1", "2**63", "-(2**63)", "1.0", "'x'", "True"};
    for (size_t i = 0; i < sizeof ns_exprs / sizeof *ns_exprs; i++) {
        PyObject *obj = PyRun_String(ns_exprs[i], Py_eval_input, PyEval_GetBuiltins(), NULL);
        _PyTime_t t = 0;
        if (_PyTime_FromNanosecondsObject(&t, obj) < 0)
            print_error(ns_exprs[i]);
        else
            printf("%s: FromNanosecondsObject %lld\n", ns_exprs[i], (long long)t);
        Py_DECREF(obj);
    }

    const _PyTime_t values[] = {0, 1, -1, 499999, 500000, 500001, -500000, 1500000, 2500000, -2500000,
                                -1500000, 999, -999, 1000, 1500, 2500, -2500, 123456789, -123456789,
                                INT64_MAX, INT64_MIN};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        _PyTime_t t = values[i];
        printf("%lld:", (long long)t);
        for (int m = 0; m < 4; m++) {
            struct timeval tv = {0, 0};
            time_t secs = 0;
            int us = 0;
            int r1 = _PyTime_AsTimeval(t, &tv, modes[m]);
            int r2 = _PyTime_AsTimevalTime_t(t, &secs, &us, modes[m]);
            printf(" %s ms=%lld us=%lld tv=%d:%lld.%06ld tt=%d:%lld.%06d", mode_name[m],
                   (long long)_PyTime_AsMilliseconds(t, modes[m]), (long long)_PyTime_AsMicroseconds(t, modes[m]), r1,
                   (long long)tv.tv_sec, (long)tv.tv_usec, r2, (long long)secs, us);
            if (PyErr_Occurred())
                print_error(" err");
            struct timeval ct = {0, 0};
            _PyTime_AsTimeval_clamp(t, &ct, modes[m]);
            printf(" clamp=%lld.%06ld", (long long)ct.tv_sec, (long)ct.tv_usec);
        }
        struct timespec ts = {0, 0};
        int r = _PyTime_AsTimespec(t, &ts);
        printf(" ts=%d:%lld.%09ld secs=%.17g ns=%lld", r, (long long)ts.tv_sec, ts.tv_nsec, _PyTime_AsSecondsDouble(t),
               (long long)_PyTime_AsNanoseconds(t));
        if (PyErr_Occurred())
            print_error(" err");
        PyObject *o = _PyTime_AsNanosecondsObject(t);
        PyObject *back = PyObject_Str(o);
        printf(" obj=%s\n", PyUnicode_AsUTF8(back));
        Py_DECREF(back);
        Py_DECREF(o);
    }

    const char *tt_exprs[] = {"1.9999999999", "-0.1", "-1.5", "2.5", "0.0000005", "-0.0000005", "1e20",
                              "float('nan')", "12", "-7", "2**70", "'s'"};
    for (size_t i = 0; i < sizeof tt_exprs / sizeof *tt_exprs; i++)
        to_time_t(tt_exprs[i]);

    struct timeval tv = {5, 250000};
    struct timespec ts = {-3, 999999999};
    _PyTime_t t1 = 0, t2 = 0;
    int r1 = _PyTime_FromTimeval(&t1, &tv);
    int r2 = _PyTime_FromTimespec(&t2, &ts);
    printf("FromTimeval %d %lld, FromTimespec %d %lld\n", r1, (long long)t1, r2, (long long)t2);
    struct timeval big = {(time_t)1 << 40, 0};
    printf("FromTimeval big: %d ", _PyTime_FromTimeval(&t1, &big));
    print_error("");
    printf("MulDiv %lld %lld %lld %lld\n", (long long)_PyTime_MulDiv(10, 3, 4), (long long)_PyTime_MulDiv(-10, 3, 4),
           (long long)_PyTime_MulDiv(INT64_MAX / 2, 1000, 999), (long long)_PyTime_MulDiv(1000000007, 1000000000, 3));

    /* Clocks. */
    _PyTime_t m1 = _PyTime_GetMonotonicClock(), m2 = _PyTime_GetMonotonicClock();
    _PyTime_t p1 = _PyTime_GetPerfCounter();
    _PyTime_t sys_now = _PyTime_GetSystemClock();
    long long diff = (long long)(sys_now / 1000000000) - (long long)time(NULL);
    printf("monotonic ordered: %d, perf >= monotonic: %d, system ~ time(): %d\n", m2 >= m1, p1 >= m2,
           diff >= -2 && diff <= 2);
    _Py_clock_info_t info;
    _PyTime_t t;
    memset(&info, 0, sizeof info);
    r1 = _PyTime_GetSystemClockWithInfo(&t, &info);
    printf("system info: %d %s mono=%d adj=%d res>0=%d\n", r1, info.implementation, info.monotonic, info.adjustable,
           info.resolution > 0);
    r1 = _PyTime_GetMonotonicClockWithInfo(&t, &info);
    printf("monotonic info: %d %s mono=%d adj=%d res<1ms=%d\n", r1, info.implementation, info.monotonic,
           info.adjustable, info.resolution < 1e-3);
    r1 = _PyTime_GetPerfCounterWithInfo(&t, &info);
    printf("perf info: %d %s mono=%d adj=%d\n", r1, info.implementation, info.monotonic, info.adjustable);
    _PyTime_t deadline = _PyDeadline_Init(_PyTime_FromSeconds(1));
    _PyTime_t left = _PyDeadline_Get(deadline);
    printf("deadline left in (0, 1s]: %d, past deadline negative: %d\n", left > 0 && left <= 1000000000,
           _PyDeadline_Get(_PyDeadline_Init(-5)) < 0);
    printf("Add clamps: %d %d, Add %lld\n", _PyTime_Add(INT64_MAX, 1) == INT64_MAX, _PyTime_Add(INT64_MIN, -1) == INT64_MIN,
           (long long)_PyTime_Add(3, 4));

    struct tm tm;
    memset(&tm, 0, sizeof tm);
    r1 = _PyTime_gmtime(86400 * 365 + 3723, &tm);
    printf("gmtime(86400*365+3723): %d %d-%02d-%02d %02d:%02d yday=%d wday=%d\n", r1, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_yday, tm.tm_wday);
    printf("localtime(0): %d\n", _PyTime_localtime(0, &tm));
    r1 = _PyTime_gmtime((time_t)1 << 62, &tm);
    printf("gmtime(huge): %d ", r1);
    show_error_errno();
}

int main(void)
{
    Py_Initialize();
    identifiers();
    times();
    Py_Finalize();
    /* Identifiers outlive a finalization: their strs are made again. */
    Py_Initialize();
    PyObject *again = PyUnicode_FromString("again");
    show("after re-init", _PyObject_CallMethodIdNoArgs(again, &PyId_upper));
    Py_DECREF(again);
    Py_Finalize();
    return 0;
}
