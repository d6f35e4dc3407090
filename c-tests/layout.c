/* The ABI layout test: compiled against CPython 3.11's installed headers and against
 * ferropy's, it prints sizeof/offsetof of every public struct field and the value of every
 * public constant; tools/run_c_tests.py requires the two outputs to be identical.
 * The items are listed in the c-tests/layout/ .inc files, one per area. */
#include <Python.h>
#include <structmember.h>
#include <frameobject.h>
#include <marshal.h>
#include <datetime.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

static long items;

#define SIZE(T) (items++, printf("sizeof(%s) = %zu\n", #T, sizeof(T)))
#define OFF(T, F) (items++, printf("offsetof(%s, %s) = %zu\n", #T, #F, offsetof(T, F)))
#define FIELD_SIZE(T, F) (items++, printf("sizeof(%s.%s) = %zu\n", #T, #F, sizeof(((T *)0)->F)))
#define CONST(C) (items++, printf("%s = %lld\n", #C, (long long)(C)))
#define UCONST(C) (items++, printf("%s = %llu\n", #C, (unsigned long long)(C)))
#define STR(C) (items++, printf("%s = \"%s\"\n", #C, (C)))

int main(void)
{
#include "layout/object.inc"
#include "layout/concrete.inc"
#include "layout/runtime.inc"
    printf("layout items: %ld\n", items);
    return 0;
}
