//! `PyGILState_STATE` (pystate.h): what `PyGILState_Ensure` returns and
//! `PyGILState_Release` takes back, in every API level.

/// Whether the calling thread held the GIL before `PyGILState_Ensure`.
#[repr(C)]
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PyGILState_STATE {
    PyGILState_LOCKED,
    PyGILState_UNLOCKED,
}
assert_layout!(PyGILState_STATE, size = 4);
