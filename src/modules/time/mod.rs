//! The `time` module: clocks, `sleep`, `struct_time` conversions, text formats, the time
//! zone; one file per concept.
use crate::errors::raised::PyResult;
use crate::modules::module_init::{add, add_int, add_ints, create, dict_of};
use crate::modules::{meth, module_def, ret};
use crate::object::method_table::{concat, count};
use crate::object::methods::{PyMethodDef, METH_O};
use crate::object::object::PyObject;
use crate::objects::module::PyModuleDef;

pub mod clocks;
pub mod convert;
pub mod format;
pub mod sleep;
pub mod struct_time;
pub mod zone;

const SLEEP: [PyMethodDef; 1] = [meth(c"sleep", sleep::sleep, METH_O, c"sleep(seconds)\n\nDelay execution for a given number of seconds.  The argument may be\na floating point number for subsecond precision.")];

const TABLES: &[&[PyMethodDef]] = &[&clocks::FUNCTIONS, &SLEEP, &struct_time::FUNCTIONS, &format::FUNCTIONS, &zone::FUNCTIONS];

static mut TIME_FUNCTIONS: [PyMethodDef; count(TABLES) + 1] = concat(TABLES);

static mut TIME_DEF: PyModuleDef = module_def(
    c"time",
    c"This module provides various functions to manipulate time values.\n\nThere are two standard representations of time.  One is the number\nof seconds since the Epoch, in UTC (a.k.a. GMT).  It may be an integer\nor a floating point number (to represent fractions of seconds).\nThe Epoch is system-defined; on Unix, it is generally January 1st, 1970.\nThe actual value can be retrieved by calling gmtime(0).\n\nThe other representation is a tuple of 9 integers giving local time.\nThe tuple items are:\n  year (including century, e.g. 1998)\n  month (1-12)\n  day (1-31)\n  hours (0-23)\n  minutes (0-59)\n  seconds (0-59)\n  weekday (0-6, Monday is 0)\n  Julian day (day in the year, 1-366)\n  DST (Daylight Savings Time) flag (-1, 0 or 1)\nIf the DST flag is 0, the time is given in the regular time zone;\nif it is 1, the time is given in the DST time zone;\nif it is -1, mktime() should guess based on the date and time.\n",
    (&raw mut TIME_FUNCTIONS) as *mut PyMethodDef,
);

/// The `time` module's constructor (`PyInit_time` for the inittab).
pub(crate) unsafe extern "C" fn init_time() -> *mut PyObject {
    ret((|| {
        let struct_time = struct_time::init_type()?;
        let m = create(&raw mut TIME_DEF)?;
        let d = dict_of(&m);
        add(d, "struct_time", struct_time as *mut PyObject)?;
        add_ints(d, clocks::CLOCK_CONSTANTS)?;
        add_int(d, "_STRUCT_TM_ITEMS", 11)?;
        zone::init_timezone(d)?;
        PyResult::Ok(m)
    })())
}
