/* The number protocol on ints and bools: every PyNumber_* binary/unary/in-place function on
 * a table of values (small, medium, around 2**30/2**60/2**64, 60-digit, negative), floor
 * division/modulo signs, divmod, pow and modular pow (inverse, errors), shifts and bitwise
 * operations on negatives, the TypeError messages for unsupported operands, PyNumber_Index,
 * PyNumber_AsSsize_t, PyNumber_Long, PyNumber_ToBase, PyIndex_Check, PyNumber_Check.
 * Expected output: CPython 3.11's, in the same run. */
#include <Python.h>
#include <stdio.h>
#include <string.h>
#include "testutil.h"

static void print_obj(PyObject *o)
{
    if (PyTuple_Check(o)) {
        printf("(");
        for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(o); i++) {
            if (i) printf(", ");
            print_obj(PyTuple_GET_ITEM(o, i));
        }
        printf(")");
        return;
    }
    if (PyUnicode_Check(o)) {
        printf("str:'%s'", (const char *)PyUnicode_DATA(o));
        return;
    }
    PyObject *r = Py_TYPE(o)->tp_repr(o);
    printf("%s:%s", Py_TYPE(o)->tp_name, r ? (const char *)PyUnicode_DATA(r) : "?");
    Py_XDECREF(r);
}

static void result(const char *label, PyObject *r)
{
    if (r == NULL) {
        print_str_error(label);
        return;
    }
    printf("%s = ", label);
    print_obj(r);
    printf("\n");
    Py_DECREF(r);
}

static PyObject *num(const char *text)
{
    PyObject *r = PyLong_FromString(text, NULL, 0);
    if (!r) print_str_error(text);
    return r;
}

typedef PyObject *(*binop)(PyObject *, PyObject *);

int main(void)
{
    Py_Initialize();
    const char *texts[] = {"0", "1", "-1", "7", "-7", "3", "-3", "1073741823", "1073741824", "-1073741825",
                           "1152921504606846976", "-1152921504606846975", "18446744073709551615",
                           "-18446744073709551616", "123456789012345678901234567890123456789012345678901234567890",
                           "-98765432109876543210987654321098765432109876543210", "64", "100", NULL};
    PyObject *vals[32];
    int n = 0;
    for (; texts[n]; n++) vals[n] = num(texts[n]);

    struct { const char *name; binop f; } ops[] = {
        {"+", PyNumber_Add}, {"-", PyNumber_Subtract}, {"*", PyNumber_Multiply},
        {"//", PyNumber_FloorDivide}, {"%", PyNumber_Remainder}, {"divmod", PyNumber_Divmod},
        {"&", PyNumber_And}, {"|", PyNumber_Or}, {"^", PyNumber_Xor},
        {"<<", PyNumber_Lshift}, {">>", PyNumber_Rshift},
        {"+=", PyNumber_InPlaceAdd}, {"-=", PyNumber_InPlaceSubtract}, {"*=", PyNumber_InPlaceMultiply},
        {"//=", PyNumber_InPlaceFloorDivide}, {"%=", PyNumber_InPlaceRemainder}, {"&=", PyNumber_InPlaceAnd},
        {"|=", PyNumber_InPlaceOr}, {"^=", PyNumber_InPlaceXor}, {"<<=", PyNumber_InPlaceLshift},
        {">>=", PyNumber_InPlaceRshift},
    };
    char label[400];
    for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int shift = ops[k].name[0] == '<' || ops[k].name[0] == '>';
                /* Keep shifts small: the right operand is then one of the small values. */
                if (shift && strlen(texts[j]) > 3) continue;
                snprintf(label, sizeof label, "%s %s %s", texts[i], ops[k].name, texts[j]);
                result(label, ops[k].f(vals[i], vals[j]));
            }
        }
    }
    /* Unary operations. */
    for (int i = 0; i < n; i++) {
        snprintf(label, sizeof label, "-(%s)", texts[i]); result(label, PyNumber_Negative(vals[i]));
        snprintf(label, sizeof label, "+(%s)", texts[i]); result(label, PyNumber_Positive(vals[i]));
        snprintf(label, sizeof label, "~(%s)", texts[i]); result(label, PyNumber_Invert(vals[i]));
        snprintf(label, sizeof label, "abs(%s)", texts[i]); result(label, PyNumber_Absolute(vals[i]));
        snprintf(label, sizeof label, "index(%s)", texts[i]); result(label, PyNumber_Index(vals[i]));
        snprintf(label, sizeof label, "int(%s)", texts[i]); result(label, PyNumber_Long(vals[i]));
        snprintf(label, sizeof label, "bool(%s)", texts[i]);
        printf("%s = %d\n", label, PyLong_Type.tp_as_number->nb_bool(vals[i]));
        for (int base = 2; base <= 16; base *= 2) {
            if (base == 4) base = 8;
            if (base == 16) { snprintf(label, sizeof label, "ToBase(%s, 10)", texts[i]); result(label, PyNumber_ToBase(vals[i], 10)); }
            snprintf(label, sizeof label, "ToBase(%s, %d)", texts[i], base); result(label, PyNumber_ToBase(vals[i], base));
        }
        Py_ssize_t s = PyNumber_AsSsize_t(vals[i], NULL);
        printf("AsSsize_t(%s, NULL) = %zd\n", texts[i], s);
        s = PyNumber_AsSsize_t(vals[i], PyExc_IndexError);
        if (s == -1 && PyErr_Occurred()) print_str_error("AsSsize_t(IndexError)");
        else printf("AsSsize_t(%s, IndexError) = %zd\n", texts[i], s);
    }
    result("ToBase(7, 3)", PyNumber_ToBase(vals[3], 3));
    /* pow: two and three arguments. */
    const char *pt[] = {"0", "1", "-1", "2", "-2", "3", "7", "10", "-10", "97", "1000000007", "-1000000007",
                        "123456789012345678901234567890", NULL};
    for (int i = 0; pt[i]; i++) {
        for (int j = 0; pt[j]; j++) {
            PyObject *a = num(pt[i]), *b = num(pt[j]);
            if (strlen(pt[j]) <= 2 && pt[j][0] != '-') {
                snprintf(label, sizeof label, "%s ** %s", pt[i], pt[j]);
                result(label, PyNumber_Power(a, b, Py_None));
            }
            for (int k = 0; pt[k]; k++) {
                PyObject *c = num(pt[k]);
                snprintf(label, sizeof label, "pow(%s, %s, %s)", pt[i], pt[j], pt[k]);
                result(label, PyNumber_Power(a, b, c));
                Py_DECREF(c);
            }
            Py_DECREF(a); Py_DECREF(b);
        }
    }
    {
        PyObject *a = num("3"), *b = num("100000"), *c = num("1000000007");
        result("3 ** 100000 % 1000000007", PyNumber_Remainder(PyNumber_Power(a, b, Py_None), c));
        result("pow(3, 100000, 1000000007)", PyNumber_Power(a, b, c));
        result("3 **= 5", PyNumber_InPlacePower(a, vals[1], Py_None));
        Py_DECREF(a); Py_DECREF(b); Py_DECREF(c);
    }
    /* Big shifts. */
    {
        PyObject *big = num("0x7fffffffffffffffffffffffffffffff");
        PyObject *s1 = num("100"), *s2 = num("1000"), *neg = num("-1"), *huge = num("1180591620717411303424");
        result("big << 1000", PyNumber_Lshift(big, s2));
        result("-big >> 100", PyNumber_Rshift(PyNumber_Negative(big), s1));
        result("-1 >> 1000", PyNumber_Rshift(neg, s2));
        result("big >> huge", PyNumber_Rshift(big, huge));
        result("-big >> huge", PyNumber_Rshift(PyNumber_Negative(big), huge));
        result("big << huge", PyNumber_Lshift(big, huge));
        result("0 << huge", PyNumber_Lshift(vals[0], huge));
        result("1 << -1", PyNumber_Lshift(vals[1], neg));
        result("1 >> -1", PyNumber_Rshift(vals[1], neg));
        Py_DECREF(big); Py_DECREF(s1); Py_DECREF(s2); Py_DECREF(neg); Py_DECREF(huge);
    }
    /* Type errors and sequence fallbacks. */
    PyObject *s = PyUnicode_FromString("ab");
    result("1 + None", PyNumber_Add(vals[1], Py_None));
    result("None + 1", PyNumber_Add(Py_None, vals[1]));
    result("1 - None", PyNumber_Subtract(vals[1], Py_None));
    result("1 * None", PyNumber_Multiply(vals[1], Py_None));
    result("None * None", PyNumber_Multiply(Py_None, Py_None));
    result("1 @ 1", PyNumber_MatrixMultiply(vals[1], vals[1]));
    result("1 @= 1", PyNumber_InPlaceMatrixMultiply(vals[1], vals[1]));
    result("1 += None", PyNumber_InPlaceAdd(vals[1], Py_None));
    result("1 *= None", PyNumber_InPlaceMultiply(vals[1], Py_None));
    result("divmod(1, None)", PyNumber_Divmod(vals[1], Py_None));
    result("pow(1, None)", PyNumber_Power(vals[1], Py_None, Py_None));
    result("pow(1, 1, None)", PyNumber_Power(vals[1], vals[1], Py_None));
    result("pow(None, 1, 1)", PyNumber_Power(Py_None, vals[1], vals[1]));
    result("pow(1, 1, 'ab')", PyNumber_Power(vals[1], vals[1], s));
    result("1 **= None", PyNumber_InPlacePower(vals[1], Py_None, Py_None));
    result("-None", PyNumber_Negative(Py_None));
    result("+None", PyNumber_Positive(Py_None));
    result("~None", PyNumber_Invert(Py_None));
    result("abs(None)", PyNumber_Absolute(Py_None));
    result("index('ab')", PyNumber_Index(s));
    result("int('ab')", PyNumber_Long(s));
    result("ToBase('ab', 2)", PyNumber_ToBase(s, 2));
    result("ToBase(1, 3)", PyNumber_ToBase(vals[1], 3));
    result("1 << None", PyNumber_Lshift(vals[1], Py_None));
    printf("AsSsize_t('ab') = %zd\n", PyNumber_AsSsize_t(s, NULL));
    print_str_error("AsSsize_t('ab')");
    printf("PyIndex_Check: int %d bool %d str %d\n", PyIndex_Check(vals[1]), PyIndex_Check(Py_True), PyIndex_Check(s));
    printf("PyNumber_Check: int %d bool %d str %d None %d\n", PyNumber_Check(vals[1]), PyNumber_Check(Py_True),
           PyNumber_Check(s), PyNumber_Check(Py_None));
    PyObject *s2 = PyUnicode_FromString(" 0x1F ");
    result("int(' 0x1F ')", PyNumber_Long(s2));
    Py_DECREF(s2);
    s2 = PyUnicode_FromString(" -1_2 ");
    result("int(' -1_2 ')", PyNumber_Long(s2));
    Py_DECREF(s2);
    Py_DECREF(s);

    /* Zero divisors. */
    result("1 // 0", PyNumber_FloorDivide(vals[1], vals[0]));
    result("1 % 0", PyNumber_Remainder(vals[1], vals[0]));
    result("divmod(1, 0)", PyNumber_Divmod(vals[1], vals[0]));
    result("big // 0", PyNumber_FloorDivide(vals[14], vals[0]));
    result("big % 0", PyNumber_Remainder(vals[14], vals[0]));

    /* bool operands. */
    PyObject *bools[] = {Py_False, Py_True};
    const char *bn[] = {"False", "True"};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            snprintf(label, sizeof label, "%s & %s", bn[i], bn[j]); result(label, PyNumber_And(bools[i], bools[j]));
            snprintf(label, sizeof label, "%s | %s", bn[i], bn[j]); result(label, PyNumber_Or(bools[i], bools[j]));
            snprintf(label, sizeof label, "%s ^ %s", bn[i], bn[j]); result(label, PyNumber_Xor(bools[i], bools[j]));
            snprintf(label, sizeof label, "%s + %s", bn[i], bn[j]); result(label, PyNumber_Add(bools[i], bools[j]));
            snprintf(label, sizeof label, "%s &= %s", bn[i], bn[j]); result(label, PyNumber_InPlaceAnd(bools[i], bools[j]));
        }
    result("True & 3", PyNumber_And(Py_True, vals[5]));
    result("3 | True", PyNumber_Or(vals[5], Py_True));
    result("-True", PyNumber_Negative(Py_True));
    result("~True", PyNumber_Invert(Py_True));
    result("+True", PyNumber_Positive(Py_True));
    result("abs(False)", PyNumber_Absolute(Py_False));
    result("index(True)", PyNumber_Index(Py_True));
    result("int(True)", PyNumber_Long(Py_True));
    result("True << 3", PyNumber_Lshift(Py_True, vals[5]));
    result("True // True", PyNumber_FloorDivide(Py_True, Py_True));
    result("divmod(True, True)", PyNumber_Divmod(Py_True, Py_True));
    result("True ** True", PyNumber_Power(Py_True, Py_True, Py_None));
    result("ToBase(True, 16)", PyNumber_ToBase(Py_True, 16));
    printf("True AsLong %ld\n", PyLong_AsLong(Py_True));

    for (int i = 0; i < n; i++) Py_DECREF(vals[i]);
    Py_FinalizeEx();
    return 0;
}
