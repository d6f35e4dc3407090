//! `re.Pattern`: a compiled pattern (its code, groups, names) and its methods `match`,
//! `fullmatch`, `search`, `findall`, `finditer`, `sub`, `subn`, `split`, `scanner`, with
//! CPython 3.11's handling of positions, empty matches (a match may be empty next to a
//! previous non-empty one, never twice at one place) and replacement templates (literal,
//! callable, or `re._subx`'s expansion).
use core::ffi::{c_int, c_ulong, c_void};

use super::engine::{self, State, Stop};
use super::match_obj;
use super::subject::Subject;
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, none};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{ret, END};
use crate::object::descr::PyGetSetDef;
use crate::object::method_table::fast_kw;
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::{no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT};
use crate::objects::str_access::Units;
use crate::objects::{int, list, str as pystr, tuple};

#[repr(C)]
pub(crate) struct Pattern {
    ob_base: PyObject,
    /// The source text (str, bytes) or None.
    pub pattern: PyRef,
    pub flags: i64,
    /// The number of capturing groups.
    pub groups: usize,
    /// name -> number (a dict).
    pub groupindex: PyRef,
    /// number -> name or None (a tuple of `groups + 1`).
    pub indexgroup: PyRef,
    /// Whether the source was bytes (None: no source, any subject).
    pub is_bytes: Option<bool>,
    pub code: Vec<u32>,
}

/// `re.Pattern`.
pub(crate) static mut Pattern_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(pattern_dealloc),
    tp_repr: Some(pattern_repr),
    tp_hash: Some(pattern_hash),
    tp_richcompare: Some(pattern_richcompare),
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: (&raw mut PATTERN_METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut PATTERN_GETSET) as *mut PyGetSetDef,
    ..static_type(c"re.Pattern", core::mem::size_of::<Pattern>(), 0, Py_TPFLAGS_DEFAULT as c_ulong, None)
};

pub(crate) unsafe fn is_pattern(op: *mut PyObject) -> bool {
    (*op).ob_type == &raw mut Pattern_Type
}

/// A new pattern object (`_sre.compile`'s result).
pub(crate) unsafe fn new(
    pattern: PyRef,
    flags: i64,
    code: Vec<u32>,
    groups: usize,
    groupindex: PyRef,
    indexgroup: PyRef,
) -> PyResult<PyRef> {
    let is_bytes = if pattern.as_ptr() == none() { None } else { Some(!pystr::is_str(pattern.as_ptr())) };
    let op = temp_alloc::malloc_object(&raw mut Pattern_Type, core::mem::size_of::<Pattern>());
    let op = PyRef::from_owned(op).ok_or_else(no_memory)?;
    let p = op.as_ptr() as *mut Pattern;
    core::ptr::addr_of_mut!((*p).pattern).write(pattern);
    core::ptr::addr_of_mut!((*p).flags).write(flags);
    core::ptr::addr_of_mut!((*p).groups).write(groups);
    core::ptr::addr_of_mut!((*p).groupindex).write(groupindex);
    core::ptr::addr_of_mut!((*p).indexgroup).write(indexgroup);
    core::ptr::addr_of_mut!((*p).is_bytes).write(is_bytes);
    core::ptr::addr_of_mut!((*p).code).write(code);
    Ok(op)
}

unsafe extern "C" fn pattern_dealloc(op: *mut PyObject) {
    let p = op as *mut Pattern;
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*p).pattern));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*p).groupindex));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*p).indexgroup));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*p).code));
    temp_alloc::free_object(op.cast());
}

pub(crate) unsafe fn get<'a>(op: *mut PyObject) -> &'a Pattern {
    &*(op as *mut Pattern)
}

/// What a run asks of the engine.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Mode {
    Match,
    FullMatch,
    Search,
}

/// Runs `code` over `text[..endpos]` from `pos`; Ok(true) with the result in `st`.
pub(crate) unsafe fn run(
    st: &mut State,
    code: &[u32],
    text: &Units,
    pos: usize,
    endpos: usize,
    mode: Mode,
    must_advance: bool,
) -> PyResult<bool> {
    if pos > endpos {
        return Ok(false);
    }
    macro_rules! go {
        ($t:expr) => {{
            let t = &$t[..endpos];
            match mode {
                Mode::Search => engine::search(st, code, t, pos, must_advance),
                _ => engine::match_at(st, code, t, pos, mode == Mode::FullMatch, must_advance),
            }
        }};
    }
    let r = match text {
        Units::One(t) => go!(t),
        Units::Two(t) => go!(t),
        Units::Four(t) => go!(t),
    };
    r.map_err(|e| match e {
        Stop::Interrupted => Raised::assume_set(),
        Stop::BadCode => raise_type(&raw mut exc::_PyExc_RuntimeError, "internal error in regular expression engine"),
    })
}

/// A `Py_ssize_t` argument (`__index__`, OverflowError past the range).
pub(crate) unsafe fn ssize_arg(o: Option<*mut PyObject>, default: isize) -> PyResult<isize> {
    let Some(o) = o else { return Ok(default) };
    let v = crate::abstract_::number::PyNumber_AsSsize_t(o, (&raw mut exc::_PyExc_OverflowError).cast());
    if v == -1 && !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Err(Raised::assume_set());
    }
    Ok(v)
}

/// `pos`/`endpos` clamped to `0..=len`, as CPython adjusts them.
pub(crate) fn clamp(pos: isize, endpos: isize, len: usize) -> (usize, usize) {
    let c = |v: isize| v.clamp(0, len as isize) as usize;
    (c(pos), c(endpos))
}

static POS_PARAMS: [&str; 3] = ["string", "pos", "endpos"];

/// `match`/`fullmatch`/`search(string, pos=0, endpos=sys.maxsize)`.
unsafe fn single(
    s: *mut PyObject,
    args: *const *mut PyObject,
    nargs: isize,
    kwnames: *mut PyObject,
    name: &'static str,
    mode: Mode,
) -> PyResult<PyRef> {
    let params = Params { function: name, names: &POS_PARAMS, positional_only: 0, max_positional: 3, required: 1 };
    let a = bind(&params, args, nargs as usize, kwnames)?;
    let p = get(s);
    // pos/endpos are converted first (OverflowError before a wrong subject type).
    let (pos, endpos) = (ssize_arg(a[1], 0)?, ssize_arg(a[2], isize::MAX)?);
    let subject = Subject::new(a[0].unwrap(), p.is_bytes)?;
    let (pos, endpos) = clamp(pos, endpos, subject.len());
    let mut st = State::new(p.groups);
    if !run(&mut st, &p.code, &subject.units, pos, endpos, mode, false)? {
        return Ok(new_ref(none()));
    }
    match_obj::new(s, &subject, &st, pos, endpos)
}

unsafe extern "C" fn pattern_match(s: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret(single(s, args, nargs, kw, "match", Mode::Match))
}
unsafe extern "C" fn pattern_fullmatch(s: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret(single(s, args, nargs, kw, "fullmatch", Mode::FullMatch))
}
unsafe extern "C" fn pattern_search(s: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret(single(s, args, nargs, kw, "search", Mode::Search))
}

/// Calls `each(state)` for every successive match of `p` in `subject[pos..endpos]` (at
/// most `limit`, 0: no limit); `each` returns false to stop.
pub(crate) unsafe fn for_each_match(
    p: &Pattern,
    subject: &Subject,
    pos: usize,
    endpos: usize,
    limit: usize,
    mut each: impl FnMut(&State) -> PyResult<bool>,
) -> PyResult<()> {
    let mut st = State::new(p.groups);
    let mut at = pos;
    let mut must_advance = false;
    let mut n = 0;
    while at <= endpos && (limit == 0 || n < limit) {
        if !run(&mut st, &p.code, &subject.units, at, endpos, Mode::Search, must_advance)? {
            break;
        }
        n += 1;
        if !each(&st)? {
            break;
        }
        must_advance = st.end == st.start;
        at = st.end;
    }
    Ok(())
}

/// The text of group `g` of the match in `st` ("" when it did not take part), as findall
/// and split give it (split: None).
unsafe fn group_text(subject: &Subject, st: &State, g: usize, missing: Option<*mut PyObject>) -> PyResult<PyRef> {
    match st.group_span(g) {
        Some((a, b)) => subject.slice(a, b),
        None => match missing {
            Some(m) => Ok(new_ref(m)),
            None => subject.slice(0, 0),
        },
    }
}

unsafe extern "C" fn pattern_findall(s: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let params = Params { function: "findall", names: &POS_PARAMS, positional_only: 0, max_positional: 3, required: 1 };
        let a = bind(&params, args, nargs as usize, kw)?;
        let p = get(s);
        let (pos, endpos) = (ssize_arg(a[1], 0)?, ssize_arg(a[2], isize::MAX)?);
        let subject = Subject::new(a[0].unwrap(), p.is_bytes)?;
        let (pos, endpos) = clamp(pos, endpos, subject.len());
        let out = list::new(0)?;
        for_each_match(p, &subject, pos, endpos, 0, |st| {
            let item = match p.groups {
                0 => subject.slice(st.start, st.end)?,
                1 => group_text(&subject, st, 1, None)?,
                n => {
                    let items = (1..=n).map(|g| group_text(&subject, st, g, None)).collect::<PyResult<Vec<_>>>()?;
                    tuple::from_vec(items)?
                }
            };
            list::append(out.as_ptr(), item.as_ptr())?;
            Ok(true)
        })?;
        Ok(out)
    })())
}

unsafe extern "C" fn pattern_split(s: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret((|| {
        static PARAMS: Params = Params { function: "split", names: &["string", "maxsplit"], positional_only: 0, max_positional: 2, required: 1 };
        let a = bind(&PARAMS, args, nargs as usize, kw)?;
        let p = get(s);
        let subject = Subject::new(a[0].unwrap(), p.is_bytes)?;
        let maxsplit = ssize_arg(a[1], 0)?;
        let out = list::new(0)?;
        if maxsplit < 0 {
            list::append(out.as_ptr(), subject.slice(0, subject.len())?.as_ptr())?;
            return Ok(out);
        }
        let mut last = 0;
        for_each_match(p, &subject, 0, subject.len(), maxsplit as usize, |st| {
            list::append(out.as_ptr(), subject.slice(last, st.start)?.as_ptr())?;
            for g in 1..=p.groups {
                list::append(out.as_ptr(), group_text(&subject, st, g, Some(none()))?.as_ptr())?;
            }
            last = st.end;
            Ok(true)
        })?;
        list::append(out.as_ptr(), subject.slice(last, subject.len())?.as_ptr())?;
        Ok(out)
    })())
}

/// Whether the template text has a backslash (else it is used as it is).
unsafe fn template_is_literal(template: *mut PyObject) -> Option<bool> {
    if pystr::is_str(template) {
        let u = crate::objects::str_access::units(template);
        return Some(!(0..u.len()).any(|i| u.get(i) == '\\' as u32));
    }
    let view = Subject::new(template, Some(true)).ok();
    if view.is_none() {
        crate::errors::pyerr::PyErr_Clear();
    }
    view.map(|v| match v.units {
        Units::One(b) => !b.contains(&b'\\'),
        _ => false,
    })
}

/// Calls `re.NAME(args...)` (the parts of `re` written in Python).
pub(crate) unsafe fn call_re(name: &str, args: &[*mut PyObject]) -> PyResult<PyRef> {
    let m = crate::import::api::PyImport_ImportModule(c"re".as_ptr());
    let m = PyRef::from_owned(m).ok_or_else(Raised::assume_set)?;
    let f = crate::object::object_attr::get_attr(m.as_ptr(), pystr::intern(name)?.as_ptr())?;
    let r = crate::abstract_::call::vectorcall(f.as_ptr(), args.as_ptr(), args.len(), core::ptr::null_mut());
    PyRef::from_owned(r).ok_or_else(Raised::assume_set)
}

/// `sub`/`subn(repl, string, count=0)`: the new text and the number of replacements.
unsafe fn subx(s: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject, name: &'static str) -> PyResult<(PyRef, usize)> {
    let params = Params { function: name, names: &["repl", "string", "count"], positional_only: 0, max_positional: 3, required: 2 };
    let a = bind(&params, args, nargs as usize, kw)?;
    let p = get(s);
    let (repl, string) = (a[0].unwrap(), a[1].unwrap());
    let count = ssize_arg(a[2], 0)?.max(0) as usize;
    let subject = Subject::new(string, p.is_bytes)?;
    // The replacement: a callable, a literal, or what re._subx makes of a template.
    let filter: PyRef;
    let callable: bool;
    if crate::abstract_::call::PyCallable_Check(repl) != 0 {
        filter = new_ref(repl);
        callable = true;
    } else if template_is_literal(repl) == Some(true) {
        filter = new_ref(repl);
        callable = false;
    } else {
        filter = call_re("_subx", &[s, repl])?;
        callable = crate::abstract_::call::PyCallable_Check(filter.as_ptr()) != 0;
    }
    let pieces = list::new(0)?;
    let mut last = 0;
    let mut n = 0;
    for_each_match(p, &subject, 0, subject.len(), count, |st| {
        if last < st.start {
            list::append(pieces.as_ptr(), subject.slice(last, st.start)?.as_ptr())?;
        }
        if callable {
            let m = match_obj::new(s, &subject, st, 0, subject.len())?;
            let r = crate::abstract_::call::vectorcall(filter.as_ptr(), &m.as_ptr(), 1, core::ptr::null_mut());
            let r = PyRef::from_owned(r).ok_or_else(Raised::assume_set)?;
            if r.as_ptr() != none() {
                list::append(pieces.as_ptr(), r.as_ptr())?;
            }
        } else {
            list::append(pieces.as_ptr(), filter.as_ptr())?;
        }
        last = st.end;
        n += 1;
        Ok(true)
    })?;
    let exact = if subject.is_bytes { crate::objects::bytes::is_exact(string) } else { (*string).ob_type == &raw mut pystr::PyUnicode_Type };
    if n == 0 && exact {
        return Ok((new_ref(string), 0));
    }
    if last < subject.len() {
        list::append(pieces.as_ptr(), subject.slice(last, subject.len())?.as_ptr())?;
    }
    let joiner = if subject.is_bytes { crate::objects::bytes::from_slice(&[])? } else { pystr::empty()? };
    let join = crate::object::object_attr::get_attr(joiner.as_ptr(), pystr::intern("join")?.as_ptr())?;
    let r = crate::abstract_::call::vectorcall(join.as_ptr(), &pieces.as_ptr(), 1, core::ptr::null_mut());
    Ok((PyRef::from_owned(r).ok_or_else(Raised::assume_set)?, n))
}

unsafe extern "C" fn pattern_sub(s: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret(subx(s, args, nargs, kw, "sub").map(|(r, _)| r))
}

unsafe extern "C" fn pattern_subn(s: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let (r, n) = subx(s, args, nargs, kw, "subn")?;
        tuple::from_vec(vec![r, int::from_i64(n as i64)?])
    })())
}

unsafe extern "C" fn pattern_scanner(s: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let params = Params { function: "scanner", names: &POS_PARAMS, positional_only: 0, max_positional: 3, required: 1 };
        let a = bind(&params, args, nargs as usize, kw)?;
        super::scanner::new(s, a[0].unwrap(), ssize_arg(a[1], 0)?, ssize_arg(a[2], isize::MAX)?)
    })())
}

unsafe extern "C" fn pattern_finditer(s: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let params = Params { function: "finditer", names: &POS_PARAMS, positional_only: 0, max_positional: 3, required: 1 };
        let a = bind(&params, args, nargs as usize, kw)?;
        let scanner = super::scanner::new(s, a[0].unwrap(), ssize_arg(a[1], 0)?, ssize_arg(a[2], isize::MAX)?)?;
        let search = crate::object::object_attr::get_attr(scanner.as_ptr(), pystr::intern("search")?.as_ptr())?;
        let it = crate::objects::iterobject::PyCallIter_New(search.as_ptr(), none());
        PyRef::from_owned(it).ok_or_else(Raised::assume_set)
    })())
}

unsafe extern "C" fn pattern_copy(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_ref(s).into_ptr()
}

unsafe extern "C" fn pattern_deepcopy(s: *mut PyObject, _memo: *mut PyObject) -> *mut PyObject {
    new_ref(s).into_ptr()
}

/// `re.compile('...', re.IGNORECASE|...)`: the source's repr (at most 200 characters of
/// it) and the flags by name, leaving out the UNICODE a str pattern has by default.
unsafe extern "C" fn pattern_repr(s: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let p = get(s);
        let r = PyRef::from_owned(crate::abstract_::object::PyObject_Repr(p.pattern.as_ptr())).ok_or_else(Raised::assume_set)?;
        let mut text: String = pystr::to_string(r.as_ptr()).chars().take(200).collect();
        text.insert_str(0, "re.compile(");
        const NAMES: [(i64, &str); 9] = [
            (1, "re.TEMPLATE"),
            (2, "re.IGNORECASE"),
            (4, "re.LOCALE"),
            (8, "re.MULTILINE"),
            (16, "re.DOTALL"),
            (32, "re.UNICODE"),
            (64, "re.VERBOSE"),
            (128, "re.DEBUG"),
            (256, "re.ASCII"),
        ];
        let mut flags = p.flags;
        if p.is_bytes != Some(true) && flags & (4 | 32 | 256) == 32 {
            flags &= !32;
        }
        if flags != 0 {
            text.push_str(", ");
            let mut parts = Vec::new();
            for (bit, name) in NAMES {
                if flags & bit != 0 {
                    parts.push(name.to_string());
                    flags &= !bit;
                }
            }
            if flags != 0 {
                parts.push(format!("0x{flags:x}"));
            }
            text.push_str(&parts.join("|"));
        }
        text.push(')');
        pystr::from_utf8(&text)
    })())
}

unsafe extern "C" fn pattern_hash(s: *mut PyObject) -> crate::pyport::Py_hash_t {
    let p = get(s);
    let h = crate::abstract_::object::PyObject_Hash(p.pattern.as_ptr());
    if h == -1 {
        return -1;
    }
    let bytes: Vec<u8> = p.code.iter().flat_map(|w| w.to_ne_bytes()).collect();
    let mut h = h ^ crate::object::siphash::hash_bytes(&bytes);
    h ^= p.flags as crate::pyport::Py_hash_t;
    h ^= p.is_bytes.map_or(0, |b| b as crate::pyport::Py_hash_t);
    if h == -1 {
        h = -2;
    }
    h
}

unsafe extern "C" fn pattern_richcompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject {
    use crate::object::object::{Py_EQ, Py_NE};
    if (op != Py_EQ && op != Py_NE) || !is_pattern(b) {
        return new_ref(crate::abstract_::not_implemented()).into_ptr();
    }
    let eq = if a == b {
        true
    } else {
        let (x, y) = (get(a), get(b));
        if x.flags != y.flags || x.is_bytes != y.is_bytes || x.code != y.code {
            false
        } else {
            let r = crate::abstract_::compare::PyObject_RichCompareBool(x.pattern.as_ptr(), y.pattern.as_ptr(), Py_EQ);
            if r < 0 {
                return core::ptr::null_mut();
            }
            r == 1
        }
    };
    let v = if op == Py_EQ { eq } else { !eq };
    new_ref(if v { crate::objects::bool::true_() } else { crate::objects::bool::false_() }).into_ptr()
}

unsafe extern "C" fn get_pattern(s: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(get(s).pattern.as_ptr()).into_ptr()
}
unsafe extern "C" fn get_flags(s: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    ret(int::from_i64(get(s).flags))
}
unsafe extern "C" fn get_groups(s: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    ret(int::from_i64(get(s).groups as i64))
}
unsafe extern "C" fn get_groupindex(s: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    ret(crate::objects::mappingproxy::new(get(s).groupindex.as_ptr()))
}

const fn getter(name: &'static core::ffi::CStr, get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject, doc: &'static core::ffi::CStr) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: doc.as_ptr(), closure: core::ptr::null_mut() }
}

const GETSET_END: PyGetSetDef =
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() };

static mut PATTERN_GETSET: [PyGetSetDef; 5] = [
    getter(c"pattern", get_pattern, c"The pattern string from which the RE object was compiled."),
    getter(c"flags", get_flags, c"The regex matching flags."),
    getter(c"groups", get_groups, c"The number of capturing groups in the pattern."),
    getter(c"groupindex", get_groupindex, c"A dictionary mapping group names to group numbers."),
    GETSET_END,
];

const FK: c_int = METH_FASTCALL | METH_KEYWORDS;

static mut PATTERN_METHODS: [PyMethodDef; 13] = [
    fast_kw(c"match", pattern_match, FK).doc(c"match($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\nMatches zero or more characters at the beginning of the string."),
    fast_kw(c"fullmatch", pattern_fullmatch, FK).doc(c"fullmatch($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\nMatches against all of the string."),
    fast_kw(c"search", pattern_search, FK).doc(c"search($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\nScan through string looking for a match, and return a corresponding match object instance.\n\nReturn None if no position in the string matches."),
    fast_kw(c"sub", pattern_sub, FK).doc(c"sub($self, /, repl, string, count=0)\n--\n\nReturn the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl."),
    fast_kw(c"subn", pattern_subn, FK).doc(c"subn($self, /, repl, string, count=0)\n--\n\nReturn the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl."),
    fast_kw(c"findall", pattern_findall, FK).doc(c"findall($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\nReturn a list of all non-overlapping matches of pattern in string."),
    fast_kw(c"split", pattern_split, FK).doc(c"split($self, /, string, maxsplit=0)\n--\n\nSplit string by the occurrences of pattern."),
    fast_kw(c"finditer", pattern_finditer, FK).doc(c"finditer($self, /, string, pos=0, endpos=sys.maxsize)\n--\n\nReturn an iterator over all non-overlapping matches for the RE pattern in string.\n\nFor each match, the iterator returns a match object."),
    fast_kw(c"scanner", pattern_scanner, FK),
    crate::object::method_table::plain(c"__copy__", pattern_copy, METH_NOARGS),
    crate::object::method_table::plain(c"__deepcopy__", pattern_deepcopy, METH_O),
    crate::object::method_table::plain(c"__class_getitem__", super::module::class_getitem, METH_O | crate::object::methods::METH_CLASS),
    END,
];


/// OverflowError with `message` (`_sre.compile`'s code words past 32 bits).
pub(crate) fn overflow(message: &str) -> Raised {
    raise_type(&raw mut exc::_PyExc_OverflowError, message)
}
