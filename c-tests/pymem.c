/* The three allocator domains (PyMem_Raw*, PyMem_*, PyObject_*) and
 * PyMem_GetAllocator/PyMem_SetAllocator, before any interpreter exists (CPython allows
 * both). Edge cases: zero sizes, sizes over PY_SSIZE_T_MAX, calloc overflow, realloc(NULL),
 * free(NULL); hooks that wrap the previous allocator see exactly the calls CPython passes
 * on; a replacement allocator's functions and ctx are really used. Compared with CPython's
 * output in the same run. */
#include <Python.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

typedef void *(*malloc_fn)(size_t);
typedef void *(*calloc_fn)(size_t, size_t);
typedef void *(*realloc_fn)(void *, size_t);
typedef void (*free_fn)(void *);

static const char *domain_names[] = {"raw", "mem", "obj"};

static void
family(const char *name, malloc_fn m, calloc_fn c, realloc_fn r, free_fn f)
{
    printf("== %s\n", name);
    void *a = m(0), *b = m(0);
    printf("malloc(0): non-NULL %d, distinct %d\n", a != NULL && b != NULL, a != b);
    f(a);
    f(b);
    printf("malloc(PY_SSIZE_T_MAX + 1): NULL %d\n", m((size_t)PY_SSIZE_T_MAX + 1) == NULL);
    printf("malloc(SIZE_MAX): NULL %d\n", m((size_t)-1) == NULL);

    a = c(0, 0);
    b = c(5, 0);
    void *d = c(0, 5);
    printf("calloc(0,0), (5,0), (0,5): non-NULL %d %d %d, distinct %d\n",
           a != NULL, b != NULL, d != NULL, a != b && b != d && a != d);
    f(a);
    f(b);
    f(d);
    printf("calloc overflow: NULL %d %d %d\n",
           c((size_t)PY_SSIZE_T_MAX / 8 + 1, 8) == NULL,
           c(8, (size_t)PY_SSIZE_T_MAX / 8 + 1) == NULL,
           c((size_t)-1, (size_t)-1) == NULL);
    unsigned char *z = c(1000, 3);
    int zero = 1;
    for (int i = 0; i < 3000; i++)
        zero &= z[i] == 0;
    printf("calloc(1000, 3) zeroed: %d\n", zero);
    f(z);

    char *p = r(NULL, 16);
    printf("realloc(NULL, 16): non-NULL %d\n", p != NULL);
    strcpy(p, "hello, world");
    p = r(p, 100000);
    printf("grown keeps content: %d\n", strcmp(p, "hello, world") == 0);
    p = r(p, 6);
    printf("shrunk keeps prefix: %d\n", memcmp(p, "hello,", 6) == 0);
    printf("realloc(p, PY_SSIZE_T_MAX + 1): NULL %d, p still valid %d\n",
           r(p, (size_t)PY_SSIZE_T_MAX + 1) == NULL, memcmp(p, "hello,", 6) == 0);
    char *q = r(p, 0);
    printf("realloc(p, 0): non-NULL %d\n", q != NULL);
    f(q);
    a = r(NULL, 0);
    printf("realloc(NULL, 0): non-NULL %d\n", a != NULL);
    f(a);
    f(NULL);
    printf("free(NULL): ok\n");

    /* Many small blocks, written through and freed in another order. */
    void *blocks[1000];
    for (int i = 0; i < 1000; i++) {
        blocks[i] = m(i % 64 + 1);
        memset(blocks[i], i & 0xff, i % 64 + 1);
    }
    int intact = 1;
    for (int i = 999; i >= 0; i--) {
        intact &= ((unsigned char *)blocks[i])[i % 64] == (i & 0xff);
        f(blocks[i]);
    }
    printf("1000 small blocks intact: %d\n", intact);
}

/* A hook that counts calls and forwards them to the allocator it replaced. */
typedef struct {
    PyMemAllocatorEx orig;
    int mallocs, callocs, reallocs, frees, null_frees;
    size_t last_size;
} Hook;

static Hook hooks[3];

static void *
hook_malloc(void *ctx, size_t size)
{
    Hook *h = ctx;
    h->mallocs++;
    h->last_size = size;
    return h->orig.malloc(h->orig.ctx, size);
}

static void *
hook_calloc(void *ctx, size_t nelem, size_t elsize)
{
    Hook *h = ctx;
    h->callocs++;
    h->last_size = nelem * elsize;
    return h->orig.calloc(h->orig.ctx, nelem, elsize);
}

static void *
hook_realloc(void *ctx, void *ptr, size_t size)
{
    Hook *h = ctx;
    h->reallocs++;
    h->last_size = size;
    return h->orig.realloc(h->orig.ctx, ptr, size);
}

static void
hook_free(void *ctx, void *ptr)
{
    Hook *h = ctx;
    h->frees++;
    h->null_frees += ptr == NULL;
    h->orig.free(h->orig.ctx, ptr);
}

static void
print_hook(PyMemAllocatorDomain d)
{
    Hook *h = &hooks[d];
    printf("  %s hook: malloc %d calloc %d realloc %d free %d (NULL %d)\n", domain_names[d],
           h->mallocs, h->callocs, h->reallocs, h->frees, h->null_frees);
    memset(&h->mallocs, 0, sizeof(Hook) - offsetof(Hook, mallocs));
}

static void
install_hooks(void)
{
    for (int d = 0; d < 3; d++) {
        PyMemAllocatorEx hook = {&hooks[d], hook_malloc, hook_calloc, hook_realloc, hook_free};
        PyMem_GetAllocator((PyMemAllocatorDomain)d, &hooks[d].orig);
        PyMem_SetAllocator((PyMemAllocatorDomain)d, &hook);
    }
}

static void
remove_hooks(void)
{
    for (int d = 0; d < 3; d++)
        PyMem_SetAllocator((PyMemAllocatorDomain)d, &hooks[d].orig);
}

/* A replacement allocator that hands out blocks of one static buffer and never frees. */
static struct {
    char buf[1 << 16];
    size_t used;
    int frees;
} arena;

static void *
bump_malloc(void *ctx, size_t size)
{
    if (ctx != &arena)
        return NULL;
    size = (size + 15) & ~(size_t)15;
    if (size == 0)
        size = 16;
    if (arena.used + size > sizeof arena.buf)
        return NULL;
    void *p = arena.buf + arena.used;
    arena.used += size;
    return p;
}

static void *
bump_calloc(void *ctx, size_t nelem, size_t elsize)
{
    void *p = bump_malloc(ctx, nelem * elsize);
    if (p)
        memset(p, 0, nelem * elsize);
    return p;
}

static void *
bump_realloc(void *ctx, void *ptr, size_t size)
{
    void *p = bump_malloc(ctx, size);
    if (p && ptr)
        memmove(p, ptr, size); /* blocks only grow in this test */
    return p;
}

static void
bump_free(void *ctx, void *ptr)
{
    if (ctx == &arena && ptr)
        arena.frees++;
}

static int
in_arena(void *p)
{
    return (char *)p >= arena.buf && (char *)p < arena.buf + sizeof arena.buf;
}

int main(void)
{
    family("PyMem_Raw", PyMem_RawMalloc, PyMem_RawCalloc, PyMem_RawRealloc, PyMem_RawFree);
    family("PyMem", PyMem_Malloc, PyMem_Calloc, PyMem_Realloc, PyMem_Free);
    family("PyObject", PyObject_Malloc, PyObject_Calloc, PyObject_Realloc, PyObject_Free);

    printf("== macros\n");
    int *ints = PyMem_New(int, 10);
    ints[9] = 9;
    PyMem_Resize(ints, int, 1000);
    printf("PyMem_New/Resize: %d\n", ints != NULL && ints[9] == 9);
    PyMem_Del(ints);
    printf("PyMem_New overflow: NULL %d\n", PyMem_New(double, (size_t)PY_SSIZE_T_MAX / 4) == NULL);
    void *o = PyObject_MALLOC(10);
    o = PyObject_REALLOC(o, 20);
    PyObject_FREE(o);
    printf("PyObject_MALLOC/REALLOC/FREE: ok\n");
    char *s = _PyMem_RawStrdup("raw copy");
    char *t = _PyMem_Strdup("mem copy");
    printf("strdup: %s, %s\n", s, t);
    PyMem_RawFree(s);
    PyMem_Free(t);
    wchar_t *ws = _PyMem_RawWcsdup(L"wide copy");
    printf("wcsdup: %d\n", wcscmp(ws, L"wide copy") == 0);
    PyMem_RawFree(ws);

    printf("== default allocators\n");
    for (int d = 0; d < 3; d++) {
        PyMemAllocatorEx a;
        memset(&a, 0xff, sizeof a);
        PyMem_GetAllocator((PyMemAllocatorDomain)d, &a);
        printf("%s: ctx NULL %d, functions set %d\n", domain_names[d], a.ctx == NULL,
               a.malloc && a.calloc && a.realloc && a.free);
        /* The functions Get returns are callable directly, and pair with the domain's. */
        void *p = a.malloc(a.ctx, 40);
        memset(p, 1, 40);
        p = a.realloc(a.ctx, p, 80);
        void *q = a.calloc(a.ctx, 2, 8);
        if (d == 0) { PyMem_RawFree(p); PyMem_RawFree(q); }
        if (d == 1) { PyMem_Free(p); PyMem_Free(q); }
        if (d == 2) { PyObject_Free(p); PyObject_Free(q); }
    }
    PyMemAllocatorEx unknown;
    memset(&unknown, 0xff, sizeof unknown);
    PyMem_GetAllocator((PyMemAllocatorDomain)7, &unknown);
    printf("unknown domain: all NULL %d\n", !unknown.ctx && !unknown.malloc && !unknown.calloc
           && !unknown.realloc && !unknown.free);
    PyMemAllocatorEx junk = {NULL, NULL, NULL, NULL, NULL};
    PyMem_SetAllocator((PyMemAllocatorDomain)7, &junk);
    void *still = PyMem_Malloc(8);
    printf("set on unknown domain ignored: %d\n", still != NULL);
    PyMem_Free(still);

    printf("== hooks\n");
    install_hooks();
    PyMemAllocatorEx now;
    PyMem_GetAllocator(PYMEM_DOMAIN_MEM, &now);
    printf("get returns the hook: %d\n", now.ctx == &hooks[1] && now.malloc == hook_malloc);
    void *p = PyMem_Malloc(24);
    p = PyMem_Realloc(p, 48);
    PyMem_Free(p);
    PyMem_Free(NULL);
    p = PyMem_Calloc(3, 7);
    printf("  calloc size seen %zu\n", hooks[1].last_size);
    PyMem_Free(p);
    PyMem_Malloc((size_t)PY_SSIZE_T_MAX + 1);
    PyMem_Calloc((size_t)PY_SSIZE_T_MAX, 2);
    PyMem_Realloc(NULL, (size_t)PY_SSIZE_T_MAX + 1);
    p = PyMem_Realloc(NULL, 0);
    printf("  realloc(NULL, 0) size seen %zu\n", hooks[1].last_size);
    PyMem_Free(p);
    p = PyMem_Malloc(0);
    printf("  malloc(0) size seen %zu\n", hooks[1].last_size);
    PyMem_Free(p);
    print_hook(PYMEM_DOMAIN_MEM);

    /* CPython's pymalloc passes zero-byte and large requests of the mem and obj domains on
     * to the raw domain (an internal detail that a raw hook sees); start counting here. */
    memset(&hooks[0].mallocs, 0, sizeof(Hook) - offsetof(Hook, mallocs));
    p = PyMem_RawMalloc(10);
    PyMem_RawFree(p);
    PyMem_RawFree(NULL);
    s = _PyMem_RawStrdup("abc");
    printf("  strdup size seen %zu\n", hooks[0].last_size);
    PyMem_RawFree(s);
    print_hook(PYMEM_DOMAIN_RAW);

    p = PyObject_Malloc(32);
    PyObject_Free(p);
    p = PyObject_Calloc(4, 4);
    p = PyObject_Realloc(p, 64);
    PyObject_Free(p);
    PyObject_Free(NULL);
    print_hook(PYMEM_DOMAIN_OBJ);
    print_hook(PYMEM_DOMAIN_MEM);
    print_hook(PYMEM_DOMAIN_RAW);
    remove_hooks();
    p = PyMem_Malloc(8);
    PyMem_Free(p);
    printf("after removal:\n");
    print_hook(PYMEM_DOMAIN_MEM);

    printf("== replacement allocator\n");
    PyMemAllocatorEx orig, bump = {&arena, bump_malloc, bump_calloc, bump_realloc, bump_free};
    PyMem_GetAllocator(PYMEM_DOMAIN_OBJ, &orig);
    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &bump);
    void *x = PyObject_Malloc(100);
    void *y = PyObject_Calloc(10, 10);
    void *w = PyObject_Realloc(x, 300);
    PyObject_Free(y);
    PyObject_Free(w);
    printf("blocks from the arena: %d %d %d, used %zu, frees %d\n", in_arena(x), in_arena(y),
           in_arena(w), arena.used, arena.frees);
    PyMem_SetAllocator(PYMEM_DOMAIN_OBJ, &orig);
    x = PyObject_Malloc(100);
    printf("restored: not from the arena %d\n", !in_arena(x));
    PyObject_Free(x);
    return 0;
}
