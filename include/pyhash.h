/* Hand-written parts of CPython 3.11's pyhash.h: the overridable algorithm choices and
 * two structs cbindgen cannot emit (their Rust
 * mirrors, with pinned layouts, are in src/object/hash.rs). */
#ifndef FERROPY_PYHASH_H
#define FERROPY_PYHASH_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
/* The 24-byte hash randomization secret, viewed per algorithm (anonymous member structs,
 * hence written here). Forward-declared in pytypedefs.h. */
union _Py_HashSecret_t {
    unsigned char uc[24];
    struct {
        Py_hash_t prefix;
        Py_hash_t suffix;
    } fnv;
    struct {
        uint64_t k0;
        uint64_t k1;
    } siphash;
    struct {
        unsigned char padding[16];
        Py_hash_t suffix;
    } djbx33a;
    struct {
        unsigned char padding[16];
        Py_hash_t hashsalt;
    } expat;
};

/* The string hash in use (const members, hence written here). */
struct PyHash_FuncDef {
    Py_hash_t (*const hash)(const void *, Py_ssize_t);
    const char *name;
    const int hash_bits;
    const int seed_bits;
};
#endif

/* Strings shorter than this are hashed with DJBX33A; 0 disables that. A build may
 * override it, within 0..7. */
#ifndef Py_HASH_CUTOFF
#  define Py_HASH_CUTOFF 0
#elif (Py_HASH_CUTOFF > 7 || Py_HASH_CUTOFF < 0)
#  error Py_HASH_CUTOFF must in range 0...7.
#endif

#ifndef Py_HASH_ALGORITHM
#  define Py_HASH_ALGORITHM Py_HASH_SIPHASH13
#endif

#endif /* FERROPY_PYHASH_H */
