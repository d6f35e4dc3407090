//! The destructor type of pycapsule.h (capsules carry C pointers between extension modules,
//! as the datetime C-API does).
use crate::object::object::PyObject;

/// `PyCapsule_Destructor`: called with the capsule when it is deallocated.
pub type PyCapsule_Destructor = Option<unsafe extern "C" fn(*mut PyObject)>;
