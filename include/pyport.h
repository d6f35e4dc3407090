/* Portability: scalar types and declaration macros (CPython's pyport.h). */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>
#include <sys/time.h>
#include <sys/stat.h>
#include <unistd.h>

/* Scalar types (declared by hand; the Rust side names them in src/pyport.rs). */
typedef ssize_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
typedef Py_ssize_t Py_ssize_clean_t;
typedef intptr_t Py_intptr_t;
typedef uintptr_t Py_uintptr_t;
#define PY_UINT32_T uint32_t
#define PY_UINT64_T uint64_t
#define PY_INT32_T int32_t
#define PY_INT64_T int64_t

#define PY_SSIZE_T_MAX ((Py_ssize_t)(((size_t)-1) >> 1))
#define PY_SSIZE_T_MIN (-PY_SSIZE_T_MAX - 1)
#define PY_FORMAT_SIZE_T "z"
#define PY_LLONG_MIN LLONG_MIN
#define PY_LLONG_MAX LLONG_MAX
#define PY_ULLONG_MAX ULLONG_MAX

#define PY_LONG_LONG long long
#define SIZEOF_PY_HASH_T SIZEOF_SIZE_T
#define SIZEOF_PY_UHASH_T SIZEOF_SIZE_T
#define PY_DWORD_MAX 4294967295U

#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) (NARROW)(VALUE)
#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))
#define Py_ARITHMETIC_RIGHT_SHIFT(TYPE, I, J) ((I) >> (J))
#define Py_FORCE_EXPANSION(X) X

/* Inline functions and attributes. */
#define Py_LOCAL(type) static type
#define Py_LOCAL_INLINE(type) static inline type
#define Py_ALWAYS_INLINE __attribute__((always_inline))
#define Py_NO_INLINE __attribute__((noinline))
#define Py_DEPRECATED(VERSION_UNUSED) __attribute__((__deprecated__))
#define _Py_NO_RETURN __attribute__((__noreturn__))
#define Py_GCC_ATTRIBUTE(x) __attribute__(x)
#define _Py_COMP_DIAG_PUSH _Pragma("GCC diagnostic push")
#define _Py_COMP_DIAG_IGNORE_DEPR_DECLS _Pragma("GCC diagnostic ignored \"-Wdeprecated-declarations\"")
#define _Py_COMP_DIAG_POP _Pragma("GCC diagnostic pop")
#define _Py_HOT_FUNCTION __attribute__((hot))
#define Py_LL(x) x##LL
#define Py_ULL(x) Py_LL(x##U)
#define Py_HUGE_VAL HUGE_VAL

/* Export and import of data and functions: everything is default-visible in the library. */
#define Py_IMPORTED_SYMBOL __attribute__((visibility("default")))
#define Py_EXPORTED_SYMBOL __attribute__((visibility("default")))
#define Py_LOCAL_SYMBOL __attribute__((visibility("hidden")))
#define PyAPI_FUNC(RTYPE) Py_EXPORTED_SYMBOL RTYPE
#define PyAPI_DATA(RTYPE) extern Py_EXPORTED_SYMBOL RTYPE
#ifdef __cplusplus
#  define PyMODINIT_FUNC extern "C" Py_EXPORTED_SYMBOL PyObject*
#else
#  define PyMODINIT_FUNC Py_EXPORTED_SYMBOL PyObject*
#endif

#define WITH_THREAD 1
#define PY_LITTLE_ENDIAN 1
#define PY_BIG_ENDIAN 0
#define HAVE_PY_SET_53BIT_PRECISION 0

/* Limited-API visibility of the generated declarations.  The generated header guards
 * non-limited items with `#if !defined(Py_LIMITED_API)`, and items added to the limited API
 * in version 3.N with `#if !defined(_Py_LIMITED_API_BEFORE_3_N)` (Rust:
 * `#[cfg(not(limited_api_before_3_N))]`), defined here from the requested version. */
#if defined(Py_LIMITED_API)
#  if Py_LIMITED_API+0 < 0x03030000
#    define _Py_LIMITED_API_BEFORE_3_3 1
#  endif
#  if Py_LIMITED_API+0 < 0x03040000
#    define _Py_LIMITED_API_BEFORE_3_4 1
#  endif
#  if Py_LIMITED_API+0 < 0x03050000
#    define _Py_LIMITED_API_BEFORE_3_5 1
#  endif
#  if Py_LIMITED_API+0 < 0x03060000
#    define _Py_LIMITED_API_BEFORE_3_6 1
#  endif
#  if Py_LIMITED_API+0 < 0x03070000
#    define _Py_LIMITED_API_BEFORE_3_7 1
#  endif
#  if Py_LIMITED_API+0 < 0x03080000
#    define _Py_LIMITED_API_BEFORE_3_8 1
#  endif
#  if Py_LIMITED_API+0 < 0x03090000
#    define _Py_LIMITED_API_BEFORE_3_9 1
#  endif
#  if Py_LIMITED_API+0 < 0x030A0000
#    define _Py_LIMITED_API_BEFORE_3_10 1
#  endif
#  if Py_LIMITED_API+0 < 0x030B0000
#    define _Py_LIMITED_API_BEFORE_3_11 1
#  endif
#endif

#endif /* Py_PYPORT_H */
