//! Compile-time pins of C layouts. Every `#[repr(C)]` struct that CPython's headers make
//! public gets an `assert_layout!` beside it with the sizes and offsets that CPython 3.11's
//! own headers give (read off by c-tests/layout.c compiled against them), so a field added
//! in the wrong place fails the Rust build, not a user's extension at run time.

/// `assert_layout!(Type, size = N, field @ offset, ...)`.
macro_rules! assert_layout {
    ($ty:ty, size = $size:expr $(, $field:ident @ $off:expr)* $(,)?) => {
        static_assertions::const_assert_eq!(core::mem::size_of::<$ty>(), $size);
        $( static_assertions::const_assert_eq!(memoffset::offset_of!($ty, $field), $off); )*
    };
}
