//! The abstract object protocols (CPython's `abstract.h`): `PyObject_*`, `PyNumber_*`,
//! `PySequence_*`, `PyMapping_*`, `PyIter_*`, and the call protocol.
pub mod call;
pub mod build_units;
pub mod build_value;
pub mod call_shims;
