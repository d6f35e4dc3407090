//! The builtin types, one file per type (int.rs, float.rs, str.rs, list.rs, dict.rs, ...).

pub mod bool;
pub mod bytearray;
pub mod bytes;
pub mod bytes_buffer;
pub mod bytes_format;
pub mod bytes_iter;
pub mod bytes_methods;
pub mod bytes_new;
pub mod cell;
pub mod cfunction;
pub mod classmethod;
pub mod code;
pub mod complex;
pub mod complex_arith;
pub mod complex_new;
pub mod dict;
pub mod dict_views;
pub mod dict_methods;
pub mod float;
pub mod float_arith;
pub mod float_hash;
pub mod float_int;
pub mod float_long;
pub mod float_methods;
pub mod float_new;
pub mod float_pack;
pub mod format_spec;
pub mod function;
pub mod gen;
pub mod int;
pub mod iterobject;
pub mod list;
pub mod list_iter;
pub mod list_methods;
pub mod container_methods;
pub mod list_sort;
pub mod memoryview;
pub mod method;
pub mod module;
pub mod property;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod str;
pub mod str_repr;
pub mod structseq;
pub mod tuple;
pub mod unicode_format;
pub mod weakref;
pub mod long_bytes;
pub mod long_convert;
pub mod long_digits;
pub mod long_float;
pub mod long_methods;
pub mod long_new;
pub mod long_ops;
pub mod long_pow;
pub mod long_str;
pub mod long_to_bytes;
pub mod long_info;
pub mod float_info;
pub mod capsule;
pub mod container_new;
pub mod range;
pub mod long_strtoul;
pub mod iter_common;
pub mod enumerate;
pub mod reversed;
pub mod zip;
pub mod map;
pub mod filter;
pub mod mappingproxy;

/// The container and iterator types (tuple, list, dict, set, slice and their iterators and
/// views) beyond those `builtin_types()` lists, readied at initialization.
pub(crate) fn container_types() -> impl DoubleEndedIterator<Item = *mut crate::object::typeobject::PyTypeObject> {
    [
        &raw mut iterobject::PySeqIter_Type,
        &raw mut tuple::PyTupleIter_Type,
        &raw mut slice::PySlice_Type,
        &raw mut list::PyList_Type,
        &raw mut list_iter::PyListIter_Type,
        &raw mut list_iter::PyListRevIter_Type,
        &raw mut dict_views::PyDictIterKey_Type,
        &raw mut dict_views::PyDictIterValue_Type,
        &raw mut dict_views::PyDictIterItem_Type,
        &raw mut dict_views::PyDictKeys_Type,
        &raw mut dict_views::PyDictValues_Type,
        &raw mut dict_views::PyDictItems_Type,
        &raw mut set::PySet_Type,
        &raw mut set::PyFrozenSet_Type,
        &raw mut set::PySetIter_Type,
        &raw mut capsule::PyCapsule_Type,
        &raw mut cell::PyCell_Type,
        &raw mut range::PyRange_Type,
        &raw mut range::PyRangeIter_Type,
        &raw mut range::PyLongRangeIter_Type,
        &raw mut enumerate::PyEnum_Type,
        &raw mut reversed::PyReversed_Type,
        &raw mut zip::PyZip_Type,
        &raw mut map::PyMap_Type,
        &raw mut filter::PyFilter_Type,
        &raw mut mappingproxy::PyDictProxy_Type,
    ]
    .into_iter()
}
