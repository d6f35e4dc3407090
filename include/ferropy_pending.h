/* C-API names that CPython 3.11's headers declare, that the static inline functions of our
 * headers use (so every translation unit that includes Python.h needs them declared), but
 * that ferropy does not implement yet.
 *
 * They are declared here with CPython's exact types, so C code compiles as it does against
 * CPython; a program that really uses one fails at link time ("undefined reference"), which
 * is the honest answer while it is unimplemented. When the Rust side implements a name,
 * cbindgen declares it in ferropy_generated.h and it must be deleted from this file:
 * tools/check_pending_decls.py (in `make test`) fails while a name is in both, or while a
 * name here is exported by the library. */
#ifndef FERROPY_PENDING_H
#define FERROPY_PENDING_H

#ifdef __cplusplus
extern "C" {
#endif


#ifdef __cplusplus
}
#endif

#endif /* FERROPY_PENDING_H */
