#!/usr/bin/env python3
"""Generates src/errors/exception_types.rs from CPython 3.11's introspection (run with CPython 3.11:
`python3.11 tools/gen_exception_types.py`): the PyExc_* names its library exports, and each
class's name, base, instance struct (checked by size) and docstring."""
import ctypes, subprocess
names = [l.split()[2] for l in subprocess.check_output(['nm','-D','--defined-only','/root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0']).decode().splitlines() if 'PyExc_' in l]
names = [n[len('PyExc_'):] for n in names]
aliases = {'EnvironmentError':'OSError','IOError':'OSError'}
owners = [('BaseExceptionGroup','PyBaseExceptionGroupObject'),('SyntaxError','PySyntaxErrorObject'),('ImportError','PyImportErrorObject'),('UnicodeError','PyUnicodeErrorObject'),('SystemExit','PySystemExitObject'),('OSError','PyOSErrorObject'),('StopIteration','PyStopIterationObject'),('NameError','PyNameErrorObject'),('AttributeError','PyAttributeErrorObject')]
import builtins
guards = {'StopAsyncIteration':'limited_api_before_3_5','RecursionError':'limited_api_before_3_5','ModuleNotFoundError':'limited_api_before_3_6',
 'EncodingWarning':'limited_api_before_3_10'}
for n in 'BlockingIOError BrokenPipeError ChildProcessError ConnectionError ConnectionAbortedError ConnectionRefusedError ConnectionResetError FileExistsError FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError PermissionError ProcessLookupError TimeoutError'.split(): guards[n]='limited_api_before_3_3'
real = [n for n in names if n not in aliases]
# order: bases first
cls = {n: getattr(builtins, n) for n in real}
order = sorted(real, key=lambda n: (len(cls[n].__mro__), n))
sizes = {}
out = []
out.append('''//! The builtin exception hierarchy of CPython 3.11 as static type objects, and the exported
//! `PyExc_*` pointers to them. Generated once from CPython 3.11.7's introspection (names,
//! bases, sizes, flags, docstrings); each size is that of the instance struct CPython uses
//! (src/errors/exceptions.rs). Instances (`tp_new`, `tp_init`, members, `tp_traverse`) are
//! later work, so no type here can be instantiated yet.
#![allow(non_upper_case_globals)]
use core::ffi::c_ulong;
use core::mem::size_of;

use crate::errors::exceptions::*;
use crate::object::object::PyObject;
use crate::object::static_type::static_type;
use crate::object::typeobject::{
    PyTypeObject, Py_TPFLAGS_BASETYPE, Py_TPFLAGS_BASE_EXC_SUBCLASS, Py_TPFLAGS_DEFAULT, Py_TPFLAGS_HAVE_GC,
};

const FLAGS: c_ulong = Py_TPFLAGS_DEFAULT as c_ulong | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_BASE_EXC_SUBCLASS | Py_TPFLAGS_HAVE_GC;

macro_rules! exc_type {
    ($tp:ident, $name:literal, $base:expr, $obj:ty, $doc:literal) => {
        pub(crate) static mut $tp: PyTypeObject = PyTypeObject {
            tp_base: $base,
            ..static_type($name, size_of::<$obj>(), 0, FLAGS, Some($doc))
        };
    };
}
''')
typelist=[]
for n in order:
    c = cls[n]
    own = 'PyBaseExceptionObject'
    for o, s in owners:
        if issubclass(c, getattr(builtins, o)) and not (o == 'UnicodeError' and n == 'UnicodeError'): own = s; break
    base = c.__base__
    basex = 'core::ptr::null_mut()' if base is object else f'&raw mut _PyExc_{base.__name__}'
    doc = c.__doc__.replace('\\','\\\\').replace('"','\\"')
    out.append(f'exc_type!(_PyExc_{n}, c"{c.__name__}", {basex}, {own}, c"{doc}");')
    typelist.append(n)
    struct_sizes = {'PyBaseExceptionObject': 72, 'PyBaseExceptionGroupObject': 88, 'PySyntaxErrorObject': 136,
        'PyImportErrorObject': 96, 'PyUnicodeErrorObject': 112, 'PySystemExitObject': 80, 'PyOSErrorObject': 112,
        'PyStopIterationObject': 80, 'PyNameErrorObject': 80, 'PyAttributeErrorObject': 88}
    assert struct_sizes[own] == c.__basicsize__, (n, own, c.__basicsize__)
    sizes[n]=(own,c.__basicsize__, c.__flags__)
out.append('')
for n in names:
    t = aliases.get(n, n)
    g = guards.get(n)
    out.append(f'#[no_mangle]')
    if g: out.append(f'#[cfg(not({g}))]')
    out.append(f'pub static mut PyExc_{n}: *mut PyObject = &raw mut _PyExc_{t} as *mut PyObject;')
out.append('')
out.append(f'/// Every exception type, bases before subclasses.\npub(crate) fn exception_types() -> [*mut PyTypeObject; {len(typelist)}] {{\n    [')
for n in typelist: out.append(f'        &raw mut _PyExc_{n},')
out.append('    ]\n}')
open(__import__('pathlib').Path(__file__).resolve().parent.parent / 'src/errors/exception_types.rs', 'w').write('\n'.join(out)+'\n')
print(f'wrote {len(typelist)} types, {len(names)} names')
