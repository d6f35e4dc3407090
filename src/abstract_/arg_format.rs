//! `PyArg_Parse`, `PyArg_ParseTuple`, `PyArg_ParseTupleAndKeywords` and the
//! `_PyArg_ParseStack*`/`_PyArg_ParseTupleAndKeywordsFast` forms (CPython 3.11's getargs
//! formats): counting a format's units, checking the number of arguments, binding keywords,
//! converting each argument by its unit (arg_units.rs), parenthesised groups, and wording
//! the errors as CPython does ("f() argument 2, item 0 must be str, not int").
//!
//! The C shims (src/c/getargs.c) call the `_ferropy_*` functions here with their `va_list`.
use core::ffi::{c_char, c_int, c_void, CStr};

use crate::abstract_::arg_simple::{convert_letter, SimpleFormat};
use crate::abstract_::arg_units::{convert, expected, unit_len, unit_pointers, Cleanups, Fail, Mode};
use crate::abstract_::arg_va::Va;
use crate::abstract_::type_error;
use crate::errors::exception_types::{_PyExc_SystemError, _PyExc_TypeError};
use crate::errors::pyerr::PyErr_Occurred;
use crate::object::object::PyObject;
use crate::object::pending_error::{bad_internal_call, raise_type};
use crate::objects::{bytes, dict, str as pystr, tuple};
use crate::pyport::Py_ssize_t;

/// A format split into its units and what follows `:` (the function name) or `;` (the
/// message replacing CPython's wording of conversion errors).
pub(crate) struct Format<'f> {
    pub units: &'f [u8],
    pub fname: Option<&'f str>,
    pub message: Option<&'f str>,
}

impl<'f> Format<'f> {
    pub(crate) unsafe fn parse(format: *const c_char) -> Format<'f> {
        let all = CStr::from_ptr(format).to_bytes();
        let text = |b: &'f [u8]| core::str::from_utf8(b).unwrap_or("?");
        match all.iter().position(|&c| c == b':' || c == b';') {
            Some(i) if all[i] == b':' => Format { units: &all[..i], fname: Some(text(&all[i + 1..])), message: None },
            Some(i) => Format { units: &all[..i], fname: None, message: Some(text(&all[i + 1..])) },
            None => Format { units: all, fname: None, message: None },
        }
    }

    /// "f()" or `otherwise`.
    fn name(&self, otherwise: &str) -> String {
        match self.fname {
            Some(f) => format!("{}()", truncated(f, 200)),
            None => otherwise.to_string(),
        }
    }
}

fn truncated(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The extent of the unit (or parenthesised group) starting at `f[0]`.
fn item_len(f: &[u8]) -> Result<usize, Fail> {
    if f[0] != b'(' {
        return Ok(unit_len(f));
    }
    let mut level = 0usize;
    for (i, &c) in f.iter().enumerate() {
        match c {
            b'(' => level += 1,
            b')' => {
                level -= 1;
                if level == 0 {
                    return Ok(i + 1);
                }
            }
            _ => {}
        }
    }
    Err(system_error("missing ')' in getargs format"))
}

fn system_error(message: &str) -> Fail {
    let _ = raise_type(&raw mut _PyExc_SystemError, message);
    Fail::Raised
}

/// What the top level of a format holds: the number of units, where `|` and `$` are (as
/// unit counts), and the format errors CPython reports as SystemError.
struct Shape {
    max: usize,
    min: Option<usize>,
    kw_only: Option<usize>,
}

fn shape(units: &[u8], keywords: bool) -> Result<Shape, Fail> {
    let mut s = Shape { max: 0, min: None, kw_only: None };
    let mut i = 0;
    while i < units.len() {
        match units[i] {
            b'|' => {
                s.min.get_or_insert(s.max);
                i += 1;
            }
            b'$' if keywords => {
                s.kw_only.get_or_insert(s.max);
                i += 1;
            }
            b')' => return Err(system_error("excess ')' in getargs format")),
            c if c == b'(' || c.is_ascii_alphabetic() => {
                i += item_len(&units[i..])?;
                s.max += 1;
            }
            _ => i += 1,
        }
    }
    Ok(s)
}

/// Moves past the `|` and `$` before a keyword parse's next unit, with CPython's errors for
/// misplaced ones (reported only when the parse gets that far, as CPython does).
fn keyword_markers(units: &[u8], pos: &mut usize, seen_min: &mut bool, seen_kw_only: &mut bool) -> Result<(), Fail> {
    while *pos < units.len() {
        match units[*pos] {
            b'|' => {
                if *seen_min {
                    return Err(system_error("Invalid format string (| specified twice)"));
                }
                if *seen_kw_only {
                    return Err(system_error("Invalid format string ($ before |)"));
                }
                *seen_min = true;
            }
            b'$' => {
                if *seen_kw_only {
                    return Err(system_error("Invalid format string ($ specified twice)"));
                }
                *seen_kw_only = true;
            }
            _ => return Ok(()),
        }
        *pos += 1;
    }
    Ok(())
}

/// The next unit or group of `units` from `*pos`, past any `|`/`$`.
fn next_item<'f>(units: &'f [u8], pos: &mut usize) -> Result<&'f [u8], Fail> {
    while *pos < units.len() && matches!(units[*pos], b'|' | b'$') {
        *pos += 1;
    }
    if *pos >= units.len() {
        return Err(system_error("bad format string: missing unit"));
    }
    let n = item_len(&units[*pos..])?;
    let item = &units[*pos..*pos + n];
    *pos += n;
    Ok(item)
}

/// The units directly inside a group's parentheses.
fn group_units(item: &[u8]) -> Result<Vec<&[u8]>, Fail> {
    let inner = &item[1..item.len() - 1];
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < inner.len() {
        out.push(next_item(inner, &mut pos)?);
    }
    Ok(out)
}

/// Converts `arg` by a unit or a group.
unsafe fn convert_item(arg: *mut PyObject, item: &[u8], va: &mut Va, mode: Mode, cleanups: &mut Cleanups) -> Result<(), Fail> {
    if item.len() == 1 && item[0] != b'(' {
        return convert_letter(arg, item, va, mode);
    }
    if item[0] != b'(' {
        return convert(arg, item, va, mode, cleanups);
    }
    let units = group_units(item)?;
    let n = units.len();
    let is_seq = crate::abstract_::sequence::PySequence_Check(arg) != 0;
    if !is_seq || bytes::is_bytes(arg) || crate::abstract_::arg_va::is_bytearray(arg) {
        return Err(expected(&format!("{n}-item sequence"), arg));
    }
    let len = crate::abstract_::sequence::PySequence_Size(arg);
    if len < 0 {
        return Err(Fail::Raised);
    }
    if len as usize != n {
        return Err(Fail::Msg(format!(" must be sequence of length {n}, not {len}")));
    }
    for (i, unit) in units.iter().enumerate() {
        let item = crate::abstract_::item::PySequence_GetItem(arg, i as Py_ssize_t);
        let Some(item) = crate::object::ptr::PyRef::from_owned(item) else { return Err(Fail::Raised) };
        match convert_item(item.as_ptr(), unit, va, mode, cleanups) {
            Ok(()) => {}
            Err(Fail::Msg(m)) => return Err(Fail::Msg(format!(", item {i}{m}"))),
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Skips a unit or group whose argument was not given, taking its pointers off `va`.
unsafe fn skip_item(item: &[u8], va: &mut Va) -> Result<(), Fail> {
    if item[0] == b'(' {
        for unit in group_units(item)? {
            skip_item(unit, va)?;
        }
        return Ok(());
    }
    va.skip(unit_pointers(item));
    Ok(())
}

/// Sets the error of argument `iarg` (1-based; 0 for `PyArg_Parse`'s single argument)
/// from a unit's failure (CPython's `seterror`).
pub(crate) fn set_error(fail: Fail, iarg: usize, format: &Format) {
    let Fail::Msg(m) = fail else { return };
    // SAFETY: reads the error state.
    if !unsafe { PyErr_Occurred() }.is_null() {
        return;
    }
    if m.starts_with(" (impossible") {
        let _ = raise_type(&raw mut _PyExc_SystemError, format!("argument {iarg}{m}"));
        return;
    }
    let text = match format.message {
        Some(message) => message.to_string(),
        None => {
            let mut t = String::new();
            if let Some(f) = format.fname {
                t.push_str(truncated(f, 150));
                t.push_str("() ");
            }
            if iarg == 0 {
                t.push_str("argument");
            } else {
                t.push_str(&format!("argument {iarg}"));
            }
            t.push_str(&m);
            t
        }
    };
    let _ = raise_type(&raw mut _PyExc_TypeError, text);
}

/// Runs `parse`, undoing what the units did when it fails; 1 or 0 for C.
unsafe fn finish(mut parse: impl FnMut(&mut Cleanups) -> Result<(), ()>) -> c_int {
    let mut cleanups = Cleanups::new();
    match parse(&mut cleanups) {
        Ok(()) => 1,
        Err(()) => {
            cleanups.run();
            0
        }
    }
}

/// `PyArg_ParseTuple` over positional arguments (a tuple's items or a vector).
unsafe fn parse_positional(args: &[*mut PyObject], format: &Format, va: &mut Va, mode: Mode) -> c_int {
    let shape = match shape(format.units, false) {
        Ok(s) => s,
        Err(_) => return 0,
    };
    let max = shape.max;
    let min = shape.min.unwrap_or(max);
    let n = args.len();
    if n < min || n > max {
        let text = match format.message {
            Some(m) => m.to_string(),
            None => {
                let (how, count) = if min == max {
                    ("exactly", min)
                } else if n < min {
                    ("at least", min)
                } else {
                    ("at most", max)
                };
                format!("{} takes {how} {count} argument{} ({n} given)", format.name("function"), plural(count))
            }
        };
        let _ = type_error(text);
        return 0;
    }
    finish(|cleanups| {
        let mut pos = 0;
        for (i, &arg) in args.iter().enumerate() {
            let item = next_item(format.units, &mut pos).map_err(|_| ())?;
            if let Err(e) = convert_item(arg, item, va, mode, cleanups) {
                set_error(e, i + 1, format);
                return Err(());
            }
        }
        Ok(())
    })
}

/// `PyArg_Parse`: one object converted by a one-unit format (the pre-tuple convention).
unsafe fn parse_single(arg: *mut PyObject, format: &Format, va: &mut Va, mode: Mode) -> c_int {
    let Ok(shape) = shape(format.units, false) else { return 0 };
    let name = format.name("function");
    if shape.max == 0 {
        if arg.is_null() {
            return 1;
        }
        let _ = type_error(format!("{name} takes no arguments"));
        return 0;
    }
    if shape.max != 1 || shape.min.is_some_and(|m| m != 1) {
        let _ = raise_type(&raw mut _PyExc_SystemError, "old style getargs format uses new features");
        return 0;
    }
    if arg.is_null() {
        let _ = type_error(format!("{name} takes at least one argument"));
        return 0;
    }
    finish(|cleanups| {
        let mut pos = 0;
        let item = next_item(format.units, &mut pos).map_err(|_| ())?;
        convert_item(arg, item, va, mode, cleanups).map_err(|e| match e {
            // Inside a group, CPython numbers the group's items as the arguments.
            Fail::Msg(m) if m.starts_with(", item ") => {
                let rest = &m[", item ".len()..];
                let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                let k: usize = rest[..digits].parse().unwrap_or(0);
                set_error(Fail::Msg(rest[digits..].to_string()), k + 1, format)
            }
            e => set_error(e, 0, format),
        })
    })
}

/// Keyword arguments: a dict, or the names of the values that follow the positional ones
/// in a vectorcall array.
#[derive(Clone, Copy)]
pub(crate) enum Keywords {
    None,
    Dict(*mut PyObject),
    Names(*mut PyObject, *const *mut PyObject),
}

impl Keywords {
    pub(crate) unsafe fn len(self) -> usize {
        match self {
            Keywords::None => 0,
            Keywords::Dict(d) => dict::len(d),
            Keywords::Names(names, _) => tuple::len(names),
        }
    }

    /// The value given for `name` (borrowed).
    pub(crate) unsafe fn get(self, name: &str) -> Result<Option<*mut PyObject>, Fail> {
        match self {
            Keywords::None => Ok(None),
            Keywords::Dict(d) => Ok(dict::get_item_str(d, name)?),
            Keywords::Names(names, values) => {
                for (k, &key) in tuple::items(names).iter().enumerate() {
                    if str_is(key, name) {
                        return Ok(Some(*values.add(k)));
                    }
                }
                Ok(None)
            }
        }
    }

    /// The value of the keyword named by the C string `name` (UTF-8); a tuple of names
    /// is searched in place (no strlen or UTF-8 check of `name` per call).
    pub(crate) unsafe fn get_c(self, name: *const c_char) -> Result<Option<*mut PyObject>, Fail> {
        match self {
            Keywords::Names(names, values) => {
                for (k, &key) in tuple::items(names).iter().enumerate() {
                    if pystr::is_str(key) && str_is_c(key, name) {
                        return Ok(Some(*values.add(k)));
                    }
                }
                Ok(None)
            }
            _ => self.get(CStr::from_ptr(name).to_str().unwrap_or("?")),
        }
    }

    /// Each key and value, in order.
    #[inline]
    pub(crate) unsafe fn each_entry(self, mut f: impl FnMut(*mut PyObject, *mut PyObject)) {
        match self {
            Keywords::None => {}
            Keywords::Dict(d) => {
                let mut pos = 0;
                while let Some((key, value, _)) = dict::next_entry(d, &mut pos) {
                    f(key, value);
                }
            }
            Keywords::Names(names, values) => {
                for (k, &key) in tuple::items(names).iter().enumerate() {
                    f(key, *values.add(k));
                }
            }
        }
    }

    /// Each key with `f`, in order, until `f` fails.
    unsafe fn each_key(self, mut f: impl FnMut(*mut PyObject) -> Result<(), Fail>) -> Result<(), Fail> {
        match self {
            Keywords::None => Ok(()),
            Keywords::Dict(d) => {
                let mut pos = 0;
                while let Some((key, _, _)) = dict::next_entry(d, &mut pos) {
                    f(key)?;
                }
                Ok(())
            }
            Keywords::Names(names, _) => tuple::items(names).iter().try_for_each(|&k| f(k)),
        }
    }
}

/// Whether the str `key` is the text `name`.
#[inline]
pub(crate) unsafe fn str_is(key: *mut PyObject, name: &str) -> bool {
    let a = &*(key as *mut crate::objects::str::PyASCIIObject);
    if a.compact() && a.ascii() {
        // Short names: a byte loop beats a memcmp call.
        let data = pystr::data(key);
        return a.length as usize == name.len() && name.bytes().enumerate().all(|(i, b)| *data.add(i) == b);
    }
    !name.is_ascii() && pystr::to_string(key) == name
}

/// Whether the str `key` is the C string `name` (UTF-8), compared in place (no strlen).
#[inline]
pub(crate) unsafe fn str_is_c(key: *mut PyObject, name: *const c_char) -> bool {
    let a = &*(key as *mut crate::objects::str::PyASCIIObject);
    if a.compact() && a.ascii() {
        let data = pystr::data(key);
        for i in 0..a.length as usize {
            let b = *name.add(i) as u8;
            if b == 0 || b != *data.add(i) {
                return false;
            }
        }
        return *name.add(a.length as usize) == 0;
    }
    let name = CStr::from_ptr(name).to_bytes();
    !name.is_ascii() && pystr::to_string(key).as_bytes() == name
}

/// Whether the C string `name` is the `n` bytes at `data` (of which the first already
/// matched): stops at the name's NUL, so a key holding NUL never reads past the name.
#[inline]
unsafe fn same_rest(name: *const c_char, data: *const c_char, n: usize) -> bool {
    for k in 1..n {
        let b = *name.add(k);
        if b == 0 || b != *data.add(k) {
            return false;
        }
    }
    *name.add(n) == 0
}

/// How many parameters a parse handles without allocating.
const INLINE: usize = 16;

/// The parameter names of a keyword parse (the C strings, read only when compared or
/// named in an error), with the number of positional-only ones (the leading empty names);
/// up to `INLINE` of them without allocating.
pub(crate) struct Names {
    inline: [*const c_char; INLINE],
    heap: Vec<*const c_char>,
    pub len: usize,
    pub posonly: usize,
}

impl Names {
    pub(crate) fn new() -> Names {
        Names { inline: [core::ptr::null(); INLINE], heap: Vec::new(), len: 0, posonly: 0 }
    }

    /// Takes the names of a NULL-terminated C array (filled in place: the struct is large);
    /// SystemError "Empty keyword parameter name" for an empty name after a non-empty one.
    pub(crate) unsafe fn fill(&mut self, kwlist: *const *const c_char) -> Result<(), Fail> {
        let mut p = kwlist;
        while !(*p).is_null() {
            let name = *p;
            if *name == 0 {
                if self.posonly != self.len {
                    return Err(system_error("Empty keyword parameter name"));
                }
                self.posonly += 1;
            }
            if self.len < INLINE {
                self.inline[self.len] = name;
            } else {
                if self.heap.is_empty() {
                    self.heap.extend_from_slice(&self.inline);
                }
                self.heap.push(name);
            }
            self.len += 1;
            p = p.add(1);
        }
        Ok(())
    }

    /// Parameter `i`'s name, for error messages.
    pub(crate) fn get(&self, i: usize) -> String {
        let p = if self.heap.is_empty() { self.inline[i] } else { self.heap[i] };
        // SAFETY: the names are the caller's NUL-terminated C strings.
        unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
    }

    /// The index of the named (not positional-only) parameter called `key` (a str).
    #[inline]
    unsafe fn find(&self, key: *mut PyObject) -> Option<usize> {
        let names = if self.heap.is_empty() { &self.inline[..self.len] } else { &self.heap[..] };
        let a = &*(key as *mut crate::objects::str::PyASCIIObject);
        if a.compact() && a.ascii() {
            // Compact ASCII keys (nearly all): the first byte rules out most names before
            // the byte loop; a non-empty key never matches a positional-only (empty) name.
            let (data, n) = (pystr::data(key) as *const c_char, a.length as usize);
            if n == 0 {
                return None;
            }
            let first = *data;
            for (i, &name) in names.iter().enumerate().skip(self.posonly) {
                if *name == first && same_rest(name, data, n) {
                    return Some(i);
                }
            }
            return None;
        }
        (self.posonly..self.len).find(|&i| str_is_c(key, names[i]))
    }
}

/// The units of a keyword parse, in order: a simple format's letters, or walked in the
/// format past `|` and `$`.
enum UnitCursor<'f> {
    Simple(&'f SimpleFormat),
    Walk { units: &'f [u8], pos: usize, seen_min: bool, seen_kw_only: bool },
}

impl<'f> UnitCursor<'f> {
    /// Unit `i` (called for 0, 1, 2... in order).
    #[inline]
    fn next(&mut self, i: usize) -> Result<&'f [u8], Fail> {
        match self {
            UnitCursor::Simple(s) => Ok(s.unit(i)),
            UnitCursor::Walk { units, pos, seen_min, seen_kw_only } => {
                keyword_markers(units, pos, seen_min, seen_kw_only)?;
                next_item(units, pos)
            }
        }
    }
}

/// The keyword values bound to parameters, one slot per parameter (NULL: not given).
struct Bound {
    inline: [*mut PyObject; INLINE],
    heap: Vec<*mut PyObject>,
}

impl Bound {
    fn new(n: usize) -> Bound {
        Bound {
            inline: [core::ptr::null_mut(); INLINE],
            heap: if n > INLINE { vec![core::ptr::null_mut(); n] } else { Vec::new() },
        }
    }

    #[inline]
    fn slots(&mut self) -> &mut [*mut PyObject] {
        if self.heap.is_empty() { &mut self.inline } else { &mut self.heap }
    }
}

/// `PyArg_ParseTupleAndKeywords` over positional arguments and keywords.
unsafe fn parse_keywords(args: &[*mut PyObject], kw: Keywords, format: &Format, names: &Names, va: &mut Va, mode: Mode) -> Result<(), Fail> {
    // `units` is the start of the NUL-terminated C format.
    let simple = SimpleFormat::scan(format.units.as_ptr() as *const c_char, true);
    let shape = match &simple {
        Some(s) => Shape { max: s.len, min: s.has_min.then_some(s.min), kw_only: Some(s.max_positional) },
        None => shape(format.units, true)?,
    };
    let len = names.len;
    if shape.max < len {
        return Err(system_error(&format!("More keyword list entries ({len}) than format specifiers ({})", shape.max)));
    }
    if shape.max > len {
        let mut pos = 0;
        for _ in 0..len {
            next_item(format.units, &mut pos)?;
        }
        let rest = core::str::from_utf8(&format.units[pos..]).unwrap_or("?");
        return Err(system_error(&format!(
            "more argument specifiers than keyword list entries (remaining format:'{rest}')"
        )));
    }
    let min = shape.min.unwrap_or(len);
    let max_positional = shape.kw_only.unwrap_or(len);
    if max_positional < names.posonly {
        return Err(system_error("Empty parameter name after $"));
    }
    let nargs = args.len();
    let nkw = kw.len();
    let fname = || format.name("function");
    if nargs + nkw > len {
        let keyword = if nargs == 0 { "keyword " } else { "" };
        return Err(type_error(format!("{} takes at most {len} {keyword}argument{} ({} given)", fname(), plural(len), nargs + nkw)).into());
    }
    if nargs > max_positional {
        if max_positional == 0 {
            return Err(type_error(format!("{} takes no positional arguments", fname())).into());
        }
        let how = if shape.min.is_some() { "at most" } else { "exactly" };
        return Err(type_error(format!(
            "{} takes {how} {max_positional} positional argument{} ({nargs} given)",
            fname(),
            plural(max_positional)
        ))
        .into());
    }
    let required_positional = names.posonly.min(min);
    if nargs < required_positional {
        let how = if required_positional == max_positional { "exactly" } else { "at least" };
        return Err(type_error(format!(
            "{} takes {how} {required_positional} positional argument{} ({nargs} given)",
            fname(),
            plural(required_positional)
        ))
        .into());
    }
    let mut cleanups = Cleanups::new();
    let cursor = match &simple {
        Some(s) => UnitCursor::Simple(s),
        None => UnitCursor::Walk { units: format.units, pos: 0, seen_min: false, seen_kw_only: false },
    };
    let r = bind_and_convert(args, kw, format, cursor, names, va, mode, min, &mut cleanups);
    if r.is_err() {
        cleanups.run();
    }
    r
}

#[allow(clippy::too_many_arguments)]
unsafe fn bind_and_convert(
    args: &[*mut PyObject],
    kw: Keywords,
    format: &Format,
    mut cursor: UnitCursor,
    names: &Names,
    va: &mut Va,
    mode: Mode,
    min: usize,
    cleanups: &mut Cleanups,
) -> Result<(), Fail> {
    let nargs = args.len();
    // Keywords are matched to parameters first, by comparing names (no hashing); those that
    // match nothing (or name a positional argument) are reported after the conversions, as
    // CPython reports them.
    let mut bound = Bound::new(names.len);
    let slots = bound.slots();
    let mut given = 0usize;
    let mut unexpected = false;
    kw.each_entry(|key, value| {
        match if pystr::is_str(key) { names.find(key) } else { None } {
            Some(i) if i >= nargs => {
                slots[i] = value;
                given += 1;
            }
            _ => unexpected = true,
        }
    });
    for i in 0..names.len {
        let item = cursor.next(i)?;
        let arg = if i < nargs { args[i] } else { slots[i] };
        if !arg.is_null() {
            if i >= nargs {
                given -= 1;
            }
            if let Err(e) = convert_item(arg, item, va, mode, cleanups) {
                set_error(e, i + 1, format);
                return Err(Fail::Raised);
            }
        } else if i < min {
            return Err(type_error(format!(
                "{} missing required argument '{}' (pos {})",
                format.name("function"),
                truncated(&names.get(i), 200),
                i + 1
            ))
            .into());
        } else if given == 0 && !unexpected {
            // Nothing more is given: the remaining units are left as they are.
            return Ok(());
        } else {
            skip_item(item, va)?;
        }
    }
    if unexpected {
        return Err(unexpected_keyword(kw, names, nargs, format));
    }
    Ok(())
}

/// The error for keywords that bound to no parameter: not a str, a positional argument
/// given again, or no such parameter.
unsafe fn unexpected_keyword(kw: Keywords, names: &Names, nargs: usize, format: &Format) -> Fail {
    let r = kw.each_key(|key| {
        if !pystr::is_str(key) {
            return Err(type_error("keywords must be strings").into());
        }
        match names.find(key) {
            Some(i) if i < nargs => Err(type_error(format!(
                "argument for {} given by name ('{}') and position ({})",
                format.name("function"),
                pystr::to_string(key),
                i + 1
            ))
            .into()),
            Some(_) => Ok(()),
            None => Err(invalid_keyword(key, &format.name("this function"))),
        }
    });
    match r {
        Err(e) => e,
        Ok(()) => Fail::Raised,
    }
}

/// TypeError "'KEY' is an invalid keyword argument for WHERE", the key put in as a str
/// object (a lone surrogate in it stays one, as in CPython's `%U`).
unsafe fn invalid_keyword(key: *mut PyObject, place: &str) -> Fail {
    use crate::objects::str_join::PyUnicode_Concat;
    let msg = (|| {
        let before = pystr::from_utf8("'")?;
        let after = pystr::from_utf8(&format!("' is an invalid keyword argument for {place}"))?;
        let head = crate::abstract_::from_slot(PyUnicode_Concat(before.as_ptr(), key))?;
        crate::abstract_::from_slot(PyUnicode_Concat(head.as_ptr(), after.as_ptr()))
    })();
    if let Ok(m) = msg {
        crate::errors::pyerr::PyErr_SetObject(&raw mut _PyExc_TypeError as *mut PyObject, m.as_ptr());
    }
    Fail::Raised
}

/// The mode of a shim's `size_t` flag.
fn mode(size_t: c_int) -> Mode {
    Mode { size_t: size_t != 0 }
}

/// `PyArg_ParseTuple` and its va_list/_SizeT spellings (src/c/getargs.c).
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_parse_tuple(args: *mut PyObject, format: *const c_char, va: *mut c_void, size_t: c_int) -> c_int {
    if format.is_null() {
        let _ = bad_internal_call();
        return 0;
    }
    if args.is_null() || !tuple::is_tuple(args) {
        let _ = raise_type(&raw mut _PyExc_SystemError, "new style getargs format but argument is not a tuple");
        return 0;
    }
    let args = tuple::items(args);
    if let Some(r) = crate::abstract_::arg_simple::parse_positional(args, format, &mut Va(va), mode(size_t)) {
        return r;
    }
    parse_positional(args, &Format::parse(format), &mut Va(va), mode(size_t))
}

/// `_PyArg_ParseStack`: `PyArg_ParseTuple` over a vector.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_parse_stack(
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    format: *const c_char,
    va: *mut c_void,
    size_t: c_int,
) -> c_int {
    if format.is_null() || (args.is_null() && nargs > 0) || nargs < 0 {
        let _ = bad_internal_call();
        return 0;
    }
    let args = if nargs == 0 { &[][..] } else { core::slice::from_raw_parts(args, nargs as usize) };
    if let Some(r) = crate::abstract_::arg_simple::parse_positional(args, format, &mut Va(va), mode(size_t)) {
        return r;
    }
    parse_positional(args, &Format::parse(format), &mut Va(va), mode(size_t))
}

/// `PyArg_Parse` and its va_list/_SizeT spellings.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_parse(arg: *mut PyObject, format: *const c_char, va: *mut c_void, size_t: c_int) -> c_int {
    if format.is_null() {
        let _ = bad_internal_call();
        return 0;
    }
    parse_single(arg, &Format::parse(format), &mut Va(va), mode(size_t))
}

/// `PyArg_ParseTupleAndKeywords` and its va_list/_SizeT spellings.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_parse_tuple_keywords(
    args: *mut PyObject,
    kwargs: *mut PyObject,
    format: *const c_char,
    kwlist: *const *const c_char,
    va: *mut c_void,
    size_t: c_int,
) -> c_int {
    if args.is_null()
        || !tuple::is_tuple(args)
        || (!kwargs.is_null() && !dict::is_dict(kwargs))
        || format.is_null()
        || kwlist.is_null()
    {
        let _ = bad_internal_call();
        return 0;
    }
    let kw = if kwargs.is_null() { Keywords::None } else { Keywords::Dict(kwargs) };
    let mut names = Names::new();
    let r = names.fill(kwlist).and_then(|()| parse_keywords(tuple::items(args), kw, &Format::parse(format), &names, &mut Va(va), mode(size_t)));
    r.is_ok() as c_int
}

/// `_PyArg_ParseTupleAndKeywordsFast` and `_PyArg_ParseStackAndKeywords` (and their
/// va_list/_SizeT spellings): the keywords and format of an `_PyArg_Parser`.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_parse_with_parser(
    args: *const *mut PyObject,
    nargs: Py_ssize_t,
    kwargs: *mut PyObject,
    kwnames: *mut PyObject,
    parser: *mut crate::abstract_::arg_parser::_PyArg_Parser,
    va: *mut c_void,
    size_t: c_int,
) -> c_int {
    if parser.is_null() || (*parser).keywords.is_null() || (*parser).format.is_null() || nargs < 0 {
        let _ = bad_internal_call();
        return 0;
    }
    let kw = if !kwargs.is_null() {
        Keywords::Dict(kwargs)
    } else if !kwnames.is_null() {
        Keywords::Names(kwnames, args.add(nargs as usize))
    } else {
        Keywords::None
    };
    let args = if nargs == 0 { &[][..] } else { core::slice::from_raw_parts(args, nargs as usize) };
    let mut format = Format::parse((*parser).format);
    if !(*parser).fname.is_null() {
        format.fname = Some(CStr::from_ptr((*parser).fname).to_str().unwrap_or("?"));
    }
    let mut names = Names::new();
    let r = names.fill((*parser).keywords).and_then(|()| parse_keywords(args, kw, &format, &names, &mut Va(va), mode(size_t)));
    r.is_ok() as c_int
}

/// `_PyArg_ParseTupleAndKeywordsFast` (and its va_list/_SizeT spellings): a tuple and a dict.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_parse_tuple_with_parser(
    args: *mut PyObject,
    kwargs: *mut PyObject,
    parser: *mut crate::abstract_::arg_parser::_PyArg_Parser,
    va: *mut c_void,
    size_t: c_int,
) -> c_int {
    if args.is_null() || !tuple::is_tuple(args) || (!kwargs.is_null() && !dict::is_dict(kwargs)) {
        let _ = bad_internal_call();
        return 0;
    }
    let items = tuple::items(args);
    _ferropy_parse_with_parser(items.as_ptr(), items.len() as Py_ssize_t, kwargs, core::ptr::null_mut(), parser, va, size_t)
}

/// `_PyArg_UnpackStack`'s check (the C shim stores the items): 1, or 0 with TypeError.
#[no_mangle]
pub(crate) unsafe extern "C" fn _ferropy_unpack_stack_check(name: *const c_char, nargs: Py_ssize_t, min: Py_ssize_t, max: Py_ssize_t) -> c_int {
    crate::abstract_::getargs::_PyArg_CheckPositional(name, nargs, min, max)
}
