//! str's `tp_methods`: the concatenation of the method tables of the files that implement
//! str's methods, one table per concept. To add methods, define a
//! `pub(crate) const METHODS: &[PyMethodDef]` in your file and append one line to `TABLES`.
use crate::object::methods::PyMethodDef;

const TABLES: &[&[PyMethodDef]] = &[
    crate::objects::str_slots::METHODS,
    crate::objects::str_search::METHODS,
    crate::objects::str_split::METHODS,
    crate::objects::str_join::METHODS,
    crate::objects::str_replace::METHODS,
    &crate::objects::str_methods_unicode::UNICODE_METHODS,
    crate::codecs::methods::STR_METHODS,
];

const COUNT: usize = crate::object::method_table::count(TABLES);

/// str's `tp_methods` (NULL-name terminated).
pub(crate) static mut STR_METHODS: [PyMethodDef; COUNT + 1] = crate::object::method_table::concat(TABLES);

