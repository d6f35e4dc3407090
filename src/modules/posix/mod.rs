//! The `posix` module (what `os` imports on Linux), one concept per file: argument and
//! path conversion, stat, descriptors, file-system names, directories and `scandir`,
//! the environment, the process, system facts, constants.
use crate::errors::raised::PyResult;
use crate::modules::module_init::{add, add_ints, create, dict_of};
use crate::modules::{module_def, ret};
use crate::object::method_table::{concat, count};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::objects::module::PyModuleDef;
use crate::objects::{list, str as pystr};

pub mod args;
pub mod child_wait;
pub mod conf;
pub mod conf_names;
pub mod constants;
pub mod dirs;
pub mod environ;
pub mod fd_control;
pub mod fd_transfer;
pub mod fds;
pub mod files;
pub mod ids;
pub mod kernel_fds;
pub mod normpath;
pub mod ownership;
pub mod path;
pub mod process;
pub mod scandir;
pub mod sched;
pub mod spawn;
pub mod stat;
pub mod statvfs;
pub mod structseqs;
pub mod system;
pub mod terminal;
pub mod vectored_io;
pub mod xattr;

const TABLES: &[&[PyMethodDef]] = &[
    &stat::FUNCTIONS,
    &fds::FUNCTIONS,
    &files::FUNCTIONS,
    &dirs::FUNCTIONS,
    &scandir::FUNCTIONS,
    &environ::FUNCTIONS,
    &process::FUNCTIONS,
    &system::FUNCTIONS,
    &conf::FUNCTIONS,
    &statvfs::FUNCTIONS,
    &ids::FUNCTIONS,
    &ownership::FUNCTIONS,
    &vectored_io::FUNCTIONS,
    &fd_transfer::FUNCTIONS,
    &fd_control::FUNCTIONS,
    &terminal::FUNCTIONS,
    &child_wait::FUNCTIONS,
    &kernel_fds::FUNCTIONS,
    &xattr::FUNCTIONS,
    &sched::FUNCTIONS,
    &spawn::FUNCTIONS,
    &normpath::FUNCTIONS,
];

static mut POSIX_FUNCTIONS: [PyMethodDef; count(TABLES) + 1] = concat(TABLES);

static mut POSIX_DEF: PyModuleDef = module_def(
    c"posix",
    c"This module provides access to operating system functionality that is\nstandardized by the C Standard and the POSIX standard (a thinly\ndisguised Unix interface).  Refer to the library manual and\ncorresponding Unix manual entries for more information on calls.",
    (&raw mut POSIX_FUNCTIONS) as *mut PyMethodDef,
);

/// The `posix` module's constructor (`PyInit_posix` for the inittab).
pub(crate) unsafe extern "C" fn init_posix() -> *mut PyObject {
    ret((|| {
        structseqs::init_types()?;
        let m = create(&raw mut POSIX_DEF)?;
        let d = dict_of(&m);
        add(d, "environ", environ::environ_dict()?.as_ptr())?;
        add(d, "error", &raw mut crate::errors::exception_types::_PyExc_OSError as *mut PyObject)?;
        add_ints(d, constants::LIBC_CONSTANTS)?;
        add_ints(d, constants::FIXED_CONSTANTS)?;
        let have = list::new(0)?;
        for name in constants::HAVE_FUNCTIONS {
            list::append(have.as_ptr(), pystr::from_utf8(name)?.as_ptr())?;
        }
        add(d, "_have_functions", have.as_ptr())?;
        for (name, table) in conf::name_dicts()? {
            add(d, name, table.as_ptr())?;
        }
        for (name, tp) in structseqs::exported() {
            add(d, name, tp)?;
        }
        add(d, "sched_param", sched::sched_param_type()?)?;
        add(d, "DirEntry", &raw mut scandir::DirEntry_Type as *mut PyObject)?;
        PyResult::Ok(m)
    })())
}
