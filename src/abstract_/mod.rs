//! The abstract object protocols (CPython's `abstract.h`): `PyObject_*`, `PyNumber_*`,
//! `PySequence_*`, `PyMapping_*`, `PyIter_*`, and the call protocol.
pub mod call;
