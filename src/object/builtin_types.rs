//! The builtin static types, readied by the first `Py_Initialize` and kept ready (with
//! their dicts) across `Py_FinalizeEx`, so that a later initialization finds them done. Ready order does not matter (bases are readied first); `object` and
//! `type` lead because everything else needs them.
use crate::object::baseobject::PyBaseObject_Type;
use crate::object::type_ready::ready;
use crate::object::typeobject::PyTypeObject;
use crate::object::typetype::PyType_Type;
use crate::objects::bool::PyBool_Type;
use crate::objects::dict::PyDict_Type;
use crate::objects::complex::PyComplex_Type;
use crate::objects::float::PyFloat_Type;
use crate::objects::int::PyLong_Type;
use crate::objects::singletons::{PyEllipsis_Type, _PyNone_Type, _PyNotImplemented_Type};
use crate::objects::str::{clear_interned_except, PyUnicode_Type};
use crate::objects::tuple::PyTuple_Type;

// A Vec, not an array: each area appends its types without touching a count.
fn builtin_types() -> Vec<*mut PyTypeObject> {
    vec![
        &raw mut PyBaseObject_Type,
        &raw mut PyType_Type,
        &raw mut PyUnicode_Type,
        &raw mut PyDict_Type,
        &raw mut PyTuple_Type,
        &raw mut _PyNone_Type,
        &raw mut _PyNotImplemented_Type,
        &raw mut PyEllipsis_Type,
        &raw mut PyLong_Type,
        &raw mut PyBool_Type,
        &raw mut crate::objects::cfunction::PyCFunction_Type,
        &raw mut crate::objects::cfunction::PyCMethod_Type,
        &raw mut crate::objects::method::PyMethod_Type,
        &raw mut crate::objects::method::PyInstanceMethod_Type,
        &raw mut PyFloat_Type,
        &raw mut PyComplex_Type,
        &raw mut crate::objects::bytes::PyBytes_Type,
        &raw mut crate::objects::str_iter::PyUnicodeIter_Type,
        &raw mut crate::objects::str_iter::UnicodeASCIIIter_Type,
        &raw mut crate::objects::bytes_iter::PyBytesIter_Type,
        &raw mut crate::objects::bytearray::PyByteArray_Type,
        &raw mut crate::objects::bytes_iter::PyByteArrayIter_Type,
        &raw mut crate::objects::memoryview::_PyManagedBuffer_Type,
        &raw mut crate::objects::memoryview::PyMemoryView_Type,
        &raw mut crate::objects::picklebuffer::PyPickleBuffer_Type,
        &raw mut crate::modules::thread_lock::Lock_Type,
        &raw mut crate::modules::thread_lock::RLock_Type,
        &raw mut crate::modules::thread_local::Local_Type,
        &raw mut crate::objects::code_type::PyCode_Type,
        &raw mut crate::objects::function_type::PyFunction_Type,
        &raw mut crate::eval::frame_object::PyFrame_Type,
        &raw mut crate::eval::traceback::PyTraceBack_Type,
        &raw mut crate::objects::super_type::PySuper_Type,
        &raw mut crate::objects::gen_type::PyGen_Type,
        &raw mut crate::objects::gen_type::PyCoro_Type,
        &raw mut crate::objects::weakref_ref::_PyWeakref_RefType,
        &raw mut crate::objects::weakref_proxy::_PyWeakref_ProxyType,
        &raw mut crate::objects::weakref_proxy::_PyWeakref_CallableProxyType,
        &raw mut crate::modules::posix::scandir::DirEntry_Type,
        &raw mut crate::modules::posix::scandir::ScandirIterator_Type,
        &raw mut crate::codecs::charmap::EncodingMap_Type,
        &raw mut crate::modules::io::bytesio::BytesIO_Type,
        &raw mut crate::modules::io::bytesio_buffer::_PyBytesIOBuffer_Type,
        &raw mut crate::modules::io::stringio::StringIO_Type,
        &raw mut crate::modules::io::iobase::IOBase_Type,
        &raw mut crate::modules::io::iobase::RawIOBase_Type,
        &raw mut crate::modules::io::iobase::BufferedIOBase_Type,
        &raw mut crate::modules::io::iobase::TextIOBase_Type,
        &raw mut crate::modules::io::fileio::FileIO_Type,
        &raw mut crate::modules::io::buffered::BufferedReader_Type,
        &raw mut crate::modules::io::buffered::BufferedWriter_Type,
        &raw mut crate::modules::io::buffered::BufferedRandom_Type,
        &raw mut crate::modules::io::buffered_rwpair::BufferedRWPair_Type,
        &raw mut crate::objects::generic_alias::Py_GenericAliasType,
        &raw mut crate::objects::generic_alias_iter::GenericAliasIter_Type,
        &raw mut crate::objects::union_type::UnionType_Type,
        &raw mut crate::modules::sre::pattern::Pattern_Type,
        &raw mut crate::modules::sre::match_obj::Match_Type,
        &raw mut crate::modules::sre::scanner::Scanner_Type,
        &raw mut crate::objects::asyncgen_type::PyAsyncGen_Type,
        &raw mut crate::objects::asyncgen_type::_PyAsyncGenASend_Type,
        &raw mut crate::objects::asyncgen_type::_PyAsyncGenAThrow_Type,
        &raw mut crate::objects::asyncgen_type::_PyAsyncGenWrappedValue_Type,
        &raw mut crate::objects::coro_wrapper::_PyCoroWrapper_Type,
        &raw mut crate::modules::io::newline_decoder::IncrementalNewlineDecoder_Type,
        &raw mut crate::modules::json_module::Scanner_Type,
        &raw mut crate::modules::ast::node_type::AST_Type,
        &raw mut crate::modules::io::textio::TextIOWrapper_Type,
        &raw mut crate::modules::json_encoder::Encoder_Type,
    ]
}

/// The builtin types, then the exception types (bases first).
fn all_types() -> impl DoubleEndedIterator<Item = *mut PyTypeObject> {
    builtin_types()
        .into_iter()
        .chain(crate::object::descr_objects::descriptor_types())
        .chain(crate::objects::container_types())
        .chain(crate::errors::exception_types::exception_types())
        .chain(crate::objects::module::module_types())
        .chain(crate::import::spec::import_types())
        .chain(crate::modules::itertools::types())
        .chain(crate::modules::operator_getters::types())
        .chain(crate::modules::functools_module::types())
        .chain(crate::modules::collections::types())
        .chain(crate::modules::random_module::types())
        .chain(crate::modules::string_module::types())
        .chain(crate::modules::abc::types())
        .chain(crate::objects::context_token::types())
        .chain(crate::modules::select::types())
        .chain(crate::modules::functools_lru::types())
        .chain(crate::modules::socket::types())
}

/// Readies every builtin static type (at initialization).
pub(crate) fn init() {
    // C code may read `_Py_HashSecret` as soon as the runtime is up.
    crate::object::siphash::secret();
    for tp in all_types() {
        // SAFETY: static types live forever and are readied under the runtime's lock.
        if unsafe { ready(tp) }.is_err() {
            let (exc, msg) = crate::object::pending_error::take()
                .unwrap_or((crate::object::pending_error::ExcType::SystemError, String::new()));
            crate::runtime::pystate::fatal_error(
                "Py_Initialize",
                &format!("can't initialize the builtin types: {exc:?}: {msg}"),
            );
        }
    }
    if !KEPT_OUT_OF_COLLECTIONS.swap(true, core::sync::atomic::Ordering::AcqRel) {
        keep_dicts_out_of_collections();
    }
}

/// Whether the objects of the types' dicts have left the collected generations (once per
/// process: the types stay ready from then on).
static KEPT_OUT_OF_COLLECTIONS: core::sync::atomic::AtomicBool = core::sync::atomic::AtomicBool::new(false);

/// The types' dicts and the descriptors in them live as long as the process: collections
/// need not examine them (two full collections at each finalization otherwise walk some
/// 2,500 of them).
fn keep_dicts_out_of_collections() {
    for tp in all_types() {
        // SAFETY: ready static types; their dicts are live dicts.
        unsafe {
            let d = (*tp).tp_dict;
            if d.is_null() {
                continue;
            }
            crate::gc::head::keep_out_of_collections(d);
            for (_, value) in crate::objects::dict::items(d) {
                crate::gc::head::keep_out_of_collections(value);
            }
        }
    }
}

/// Releases what readying made (at finalization): the method cache, type dicts, bases and
/// MROs, then the interned strings.
pub(crate) fn fini() {
    // The warnings shown and ExceptionGroup (a heap type) belong to the runtime that made
    // them; the class goes while the static types it derives from are still ready.
    crate::errors::fini();
    // Cached lookups refer to the dicts about to go (and own their names).
    crate::object::type_cache::clear_cache();
    crate::objects::long_info::fini();
    crate::objects::float_info::fini();
    // The types stay ready for the next initialization (readying them is most of a
    // no-site start-up): their dicts, bases and MROs hold only objects no Python code can
    // change (descriptors of C definitions, docs, interned names, tuples of static types),
    // which a later runtime cannot tell from new ones. Their names stay interned with them.
    crate::object::object_attr::clear_name_cache();
    crate::object::slot_wrappers::clear_row_names();
    // Referenced beyond the table's key and value: a name in those dicts (or held by what
    // C code leaked, which keeps it alive anyway).
    // SAFETY: the table's keys are live strs.
    clear_interned_except(&|s| unsafe { (*s).ob_refcnt } > 2);
    crate::objects::float::clear_free_list();
    crate::objects::int::clear_free_list();
    crate::objects::tuple_freelist::clear();
    crate::objects::bytes::clear_singletons();
}

