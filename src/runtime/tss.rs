//! Thread-specific storage: the TSS API of PEP 539 (`Py_tss_t` keys, which C code may
//! allocate statically with `Py_tss_NEEDS_INIT`) and the old `int`-keyed TLS API it
//! replaced, deprecated since 3.7 but still working in 3.11 on Linux, where a
//! `pthread_key_t` fits in an `int`. Both are thin layers over pthread keys.
//!
//! Bad keys from C (NULL, never created) fail quietly (-1, NULL) where CPython would
//! crash or read an arbitrary key.
use crate::runtime::thread::Py_tss_t;
use core::ffi::{c_int, c_void};

/// `Py_tss_t *PyThread_tss_alloc(void)`: a new key, not yet created; NULL when out of memory.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub extern "C" fn PyThread_tss_alloc() -> *mut Py_tss_t {
    // SAFETY: a fresh allocation of the right size, initialized here.
    unsafe {
        let key = libc::malloc(core::mem::size_of::<Py_tss_t>()).cast::<Py_tss_t>();
        if !key.is_null() {
            key.write(Py_tss_t { _is_initialized: 0, _key: 0 });
        }
        key
    }
}

/// `void PyThread_tss_free(Py_tss_t *key)`: deletes the key if created, then frees what
/// `PyThread_tss_alloc` returned. NULL is ignored.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_free(key: *mut Py_tss_t) {
    if !key.is_null() {
        PyThread_tss_delete(key);
        libc::free(key.cast());
    }
}

/// `int PyThread_tss_is_created(Py_tss_t *key)`.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_is_created(key: *mut Py_tss_t) -> c_int {
    if key.is_null() {
        return 0;
    }
    (*key)._is_initialized
}

/// `int PyThread_tss_create(Py_tss_t *key)`: 0 on success or when already created, -1
/// when the system has no key left.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_create(key: *mut Py_tss_t) -> c_int {
    if key.is_null() {
        return -1;
    }
    if (*key)._is_initialized != 0 {
        return 0;
    }
    if libc::pthread_key_create(&mut (*key)._key, None) != 0 {
        return -1;
    }
    (*key)._is_initialized = 1;
    0
}

/// `void PyThread_tss_delete(Py_tss_t *key)`: back to "not created"; values are dropped
/// without destructors. A key never created is left alone.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_delete(key: *mut Py_tss_t) {
    if key.is_null() || (*key)._is_initialized == 0 {
        return;
    }
    libc::pthread_key_delete((*key)._key);
    (*key)._is_initialized = 0;
}

/// `int PyThread_tss_set(Py_tss_t *key, void *value)`: 0 on success, -1 on failure.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_set(key: *mut Py_tss_t, value: *mut c_void) -> c_int {
    if key.is_null() || (*key)._is_initialized == 0 {
        return -1;
    }
    if libc::pthread_setspecific((*key)._key, value) != 0 { -1 } else { 0 }
}

/// `void *PyThread_tss_get(Py_tss_t *key)`: the calling thread's value, NULL when unset.
#[cfg(not(limited_api_before_3_7))]
#[no_mangle]
pub unsafe extern "C" fn PyThread_tss_get(key: *mut Py_tss_t) -> *mut c_void {
    if key.is_null() || (*key)._is_initialized == 0 {
        return core::ptr::null_mut();
    }
    libc::pthread_getspecific((*key)._key)
}

/// `int PyThread_create_key(void)` (deprecated): a new key, -1 on failure.
#[no_mangle]
pub extern "C" fn PyThread_create_key() -> c_int {
    let mut key: libc::pthread_key_t = 0;
    // SAFETY: a valid out-pointer.
    if unsafe { libc::pthread_key_create(&mut key, None) } != 0 {
        return -1;
    }
    match c_int::try_from(key) {
        Ok(key) => key,
        Err(_) => {
            // SAFETY: the key was just created; an `int` cannot name it, so give it back.
            unsafe {
                libc::pthread_key_delete(key);
                *libc::__errno_location() = libc::ENOMEM;
            }
            -1
        }
    }
}

/// `void PyThread_delete_key(int key)` (deprecated).
#[no_mangle]
pub extern "C" fn PyThread_delete_key(key: c_int) {
    // SAFETY: pthread_key_delete reports an invalid key with an error code.
    unsafe { libc::pthread_key_delete(key as libc::pthread_key_t) };
}

/// `int PyThread_set_key_value(int key, void *value)` (deprecated): 0 or -1.
#[no_mangle]
pub unsafe extern "C" fn PyThread_set_key_value(key: c_int, value: *mut c_void) -> c_int {
    if libc::pthread_setspecific(key as libc::pthread_key_t, value) != 0 { -1 } else { 0 }
}

/// `void *PyThread_get_key_value(int key)` (deprecated).
#[no_mangle]
pub extern "C" fn PyThread_get_key_value(key: c_int) -> *mut c_void {
    // SAFETY: glibc returns NULL for a key that was never created.
    unsafe { libc::pthread_getspecific(key as libc::pthread_key_t) }
}

/// `void PyThread_delete_key_value(int key)` (deprecated): unsets the calling thread's value.
#[no_mangle]
pub extern "C" fn PyThread_delete_key_value(key: c_int) {
    // SAFETY: as for PyThread_set_key_value.
    unsafe { libc::pthread_setspecific(key as libc::pthread_key_t, core::ptr::null()) };
}

/// `void PyThread_ReInitTLS(void)` (deprecated): after `fork`, pthread keys stay valid in
/// the child, so there is nothing to redo.
#[no_mangle]
pub extern "C" fn PyThread_ReInitTLS() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tss_keys_are_per_thread() {
        unsafe {
            let key = PyThread_tss_alloc();
            assert_eq!(PyThread_tss_is_created(key), 0);
            assert_eq!(PyThread_tss_set(key, 1 as *mut c_void), -1);
            assert_eq!(PyThread_tss_create(key), 0);
            assert_eq!(PyThread_tss_create(key), 0);
            assert_eq!(PyThread_tss_is_created(key), 1);
            assert_eq!(PyThread_tss_set(key, 7 as *mut c_void), 0);
            let addr = key as usize;
            let other = std::thread::spawn(move || PyThread_tss_get(addr as *mut Py_tss_t) as usize);
            assert_eq!(other.join().unwrap(), 0);
            assert_eq!(PyThread_tss_get(key) as usize, 7);
            PyThread_tss_delete(key);
            assert_eq!(PyThread_tss_is_created(key), 0);
            assert!(PyThread_tss_get(key).is_null());
            PyThread_tss_free(key);
        }
    }
}
