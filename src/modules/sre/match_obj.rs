//! `re.Match`: the spans of one match (group 0 and every capturing group), the subject it
//! was found in, and the accessors `group`, `[...]`, `groups`, `groupdict`, `start`, `end`,
//! `span`, `expand` (through `re._expand`), `lastindex`, `lastgroup`, `regs`.
use core::ffi::{c_int, c_ulong, c_void};

use super::engine::State;
use super::pattern::{self, call_re};
use super::subject::{slice_of, Subject};
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{new_ref, none};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::modules::{ret, END};
use crate::object::descr::PyGetSetDef;
use crate::object::method_table::{fast, fast_kw, plain};
use crate::object::methods::{PyMethodDef, METH_CLASS, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O};
use crate::object::object::PyObject;
use crate::object::pending_error::{no_memory, raise_type};
use crate::object::ptr::PyRef;
use crate::object::slots::PyMappingMethods;
use crate::object::static_type::static_type;
use crate::object::temp_alloc;
use crate::object::typeobject::{PyTypeObject, Py_TPFLAGS_DEFAULT};
use crate::objects::{dict, int, str as pystr, tuple};

#[repr(C)]
pub(crate) struct Match {
    ob_base: PyObject,
    string: PyRef,
    pattern: PyRef,
    is_bytes: bool,
    pos: usize,
    endpos: usize,
    lastindex: isize,
    /// Group 0 and each group: (start, end), (-1, -1) when it did not take part.
    spans: Vec<(isize, isize)>,
}

/// `re.Match`.
pub(crate) static mut Match_Type: PyTypeObject = PyTypeObject {
    tp_dealloc: Some(match_dealloc),
    tp_repr: Some(match_repr),
    tp_as_mapping: &raw mut MATCH_AS_MAPPING,
    tp_getattro: Some(crate::object::generic_getattr::PyObject_GenericGetAttr),
    tp_methods: (&raw mut MATCH_METHODS) as *mut PyMethodDef,
    tp_getset: (&raw mut MATCH_GETSET) as *mut PyGetSetDef,
    ..static_type(c"re.Match", core::mem::size_of::<Match>(), 0, Py_TPFLAGS_DEFAULT as c_ulong, None)
};

/// The match `st` holds, of pattern object `pattern` in `subject`.
pub(crate) unsafe fn new(pattern: *mut PyObject, subject: &Subject, st: &State, pos: usize, endpos: usize) -> PyResult<PyRef> {
    let groups = pattern::get(pattern).groups;
    let spans = (0..=groups)
        .map(|g| st.group_span(g).map_or((-1, -1), |(a, b)| (a as isize, b as isize)))
        .collect();
    let op = temp_alloc::malloc_object(&raw mut Match_Type, core::mem::size_of::<Match>());
    let op = PyRef::from_owned(op).ok_or_else(no_memory)?;
    let m = op.as_ptr() as *mut Match;
    core::ptr::addr_of_mut!((*m).string).write(new_ref(subject.obj));
    core::ptr::addr_of_mut!((*m).pattern).write(new_ref(pattern));
    core::ptr::addr_of_mut!((*m).is_bytes).write(subject.is_bytes);
    core::ptr::addr_of_mut!((*m).pos).write(pos);
    core::ptr::addr_of_mut!((*m).endpos).write(endpos);
    core::ptr::addr_of_mut!((*m).lastindex).write(st.lastindex);
    core::ptr::addr_of_mut!((*m).spans).write(spans);
    Ok(op)
}

unsafe extern "C" fn match_dealloc(op: *mut PyObject) {
    let m = op as *mut Match;
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*m).string));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*m).pattern));
    core::ptr::drop_in_place(core::ptr::addr_of_mut!((*m).spans));
    temp_alloc::free_object(op.cast());
}

unsafe fn get<'a>(op: *mut PyObject) -> &'a Match {
    &*(op as *mut Match)
}

fn no_such_group() -> Raised {
    raise_type(&raw mut exc::_PyExc_IndexError, "no such group")
}

/// The group number `index` names: a number, or a name of the pattern's `groupindex`.
unsafe fn group_index(m: &Match, index: *mut PyObject) -> PyResult<usize> {
    let i = if crate::abstract_::number::PyIndex_Check(index) != 0 {
        crate::abstract_::number::PyNumber_AsSsize_t(index, core::ptr::null_mut())
    } else {
        match dict::get_item(pattern::get(m.pattern.as_ptr()).groupindex.as_ptr(), index)? {
            Some(v) if int::is_int(v) => crate::abstract_::number::PyNumber_AsSsize_t(v, core::ptr::null_mut()),
            _ => -1,
        }
    };
    if !crate::errors::pyerr::PyErr_Occurred().is_null() {
        return Err(Raised::assume_set());
    }
    if i < 0 || i as usize >= m.spans.len() {
        return Err(no_such_group());
    }
    Ok(i as usize)
}

/// The text of group `g`, or `default` when it did not take part.
unsafe fn group_value(m: &Match, g: usize, default: *mut PyObject) -> PyResult<PyRef> {
    let (a, b) = m.spans[g];
    if a < 0 {
        return Ok(new_ref(default));
    }
    slice_of(m.string.as_ptr(), m.is_bytes, a as usize, b as usize)
}

unsafe extern "C" fn match_group(s: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    ret((|| {
        let m = get(s);
        let a = crate::modules::args_slice(args, nargs);
        match a.len() {
            0 => group_value(m, 0, none()),
            1 => group_value(m, group_index(m, a[0])?, none()),
            _ => {
                let items = a.iter().map(|&g| group_value(m, group_index(m, g)?, none())).collect::<PyResult<Vec<_>>>()?;
                tuple::from_vec(items)
            }
        }
    })())
}

unsafe extern "C" fn match_getitem(s: *mut PyObject, key: *mut PyObject) -> *mut PyObject {
    let m = get(s);
    ret(group_index(m, key).and_then(|g| group_value(m, g, none())))
}

static DEFAULT_PARAMS: [&str; 1] = ["default"];

unsafe fn default_arg(name: &'static str, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> PyResult<*mut PyObject> {
    let params = Params { function: name, names: &DEFAULT_PARAMS, positional_only: 0, max_positional: 1, required: 0 };
    let a = bind(&params, args, nargs as usize, kw)?;
    Ok(a[0].unwrap_or(none()))
}

unsafe extern "C" fn match_groups(s: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let default = default_arg("groups", args, nargs, kw)?;
        let m = get(s);
        let items = (1..m.spans.len()).map(|g| group_value(m, g, default)).collect::<PyResult<Vec<_>>>()?;
        tuple::from_vec(items)
    })())
}

unsafe extern "C" fn match_groupdict(s: *mut PyObject, args: *const *mut PyObject, nargs: isize, kw: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let default = default_arg("groupdict", args, nargs, kw)?;
        let m = get(s);
        let out = dict::new()?;
        let groupindex = pattern::get(m.pattern.as_ptr()).groupindex.as_ptr();
        for (name, _) in dict::items(groupindex) {
            let g = group_index(m, name)?;
            dict::set_item(out.as_ptr(), name, group_value(m, g, default)?.as_ptr())?;
        }
        Ok(out)
    })())
}

/// The group argument of start/end/span (default 0, positional only).
unsafe fn group_arg(m: &Match, name: &str, args: *const *mut PyObject, nargs: isize) -> PyResult<usize> {
    let a = crate::modules::args_slice(args, nargs);
    if !crate::abstract_::getargs::check_positional(std::ffi::CString::new(name).unwrap().as_ptr(), a.len() as isize, 0, 1) {
        return Err(Raised::assume_set());
    }
    match a.first() {
        Some(&g) => group_index(m, g),
        None => Ok(0),
    }
}

unsafe extern "C" fn match_start(s: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let m = get(s);
    ret(group_arg(m, "start", args, nargs).and_then(|g| int::from_i64(m.spans[g].0 as i64)))
}

unsafe extern "C" fn match_end(s: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let m = get(s);
    ret(group_arg(m, "end", args, nargs).and_then(|g| int::from_i64(m.spans[g].1 as i64)))
}

unsafe fn span_tuple((a, b): (isize, isize)) -> PyResult<PyRef> {
    tuple::from_vec(vec![int::from_i64(a as i64)?, int::from_i64(b as i64)?])
}

unsafe extern "C" fn match_span(s: *mut PyObject, args: *const *mut PyObject, nargs: isize) -> *mut PyObject {
    let m = get(s);
    ret(group_arg(m, "span", args, nargs).and_then(|g| span_tuple(m.spans[g])))
}

unsafe extern "C" fn match_expand(s: *mut PyObject, template: *mut PyObject) -> *mut PyObject {
    ret(call_re("_expand", &[get(s).pattern.as_ptr(), s, template]))
}

unsafe extern "C" fn match_copy(s: *mut PyObject, _a: *mut PyObject) -> *mut PyObject {
    new_ref(s).into_ptr()
}

unsafe extern "C" fn match_repr(s: *mut PyObject) -> *mut PyObject {
    ret((|| {
        let m = get(s);
        let g0 = group_value(m, 0, none())?;
        let r = PyRef::from_owned(crate::abstract_::object::PyObject_Repr(g0.as_ptr())).ok_or_else(Raised::assume_set)?;
        let text: String = pystr::to_string(r.as_ptr()).chars().take(50).collect();
        let (a, b) = m.spans[0];
        pystr::from_utf8(&format!("<re.Match object; span=({a}, {b}), match={text}>"))
    })())
}

unsafe extern "C" fn get_string(s: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(get(s).string.as_ptr()).into_ptr()
}
unsafe extern "C" fn get_re(s: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    new_ref(get(s).pattern.as_ptr()).into_ptr()
}
unsafe extern "C" fn get_pos(s: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    ret(int::from_i64(get(s).pos as i64))
}
unsafe extern "C" fn get_endpos(s: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    ret(int::from_i64(get(s).endpos as i64))
}
unsafe extern "C" fn get_lastindex(s: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let m = get(s);
    if m.lastindex < 0 {
        return new_ref(none()).into_ptr();
    }
    ret(int::from_i64(m.lastindex as i64))
}
unsafe extern "C" fn get_lastgroup(s: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    let m = get(s);
    let indexgroup = pattern::get(m.pattern.as_ptr()).indexgroup.as_ptr();
    if m.lastindex < 0 || m.lastindex as usize >= tuple::len(indexgroup) {
        return new_ref(none()).into_ptr();
    }
    new_ref(tuple::items(indexgroup)[m.lastindex as usize]).into_ptr()
}
unsafe extern "C" fn get_regs(s: *mut PyObject, _c: *mut c_void) -> *mut PyObject {
    ret((|| {
        let spans = get(s).spans.iter().map(|&sp| span_tuple(sp)).collect::<PyResult<Vec<_>>>()?;
        tuple::from_vec(spans)
    })())
}

const fn getter(name: &'static core::ffi::CStr, get: unsafe extern "C" fn(*mut PyObject, *mut c_void) -> *mut PyObject) -> PyGetSetDef {
    PyGetSetDef { name: name.as_ptr(), get: Some(get), set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() }
}

static mut MATCH_GETSET: [PyGetSetDef; 8] = [
    getter(c"string", get_string),
    getter(c"re", get_re),
    getter(c"pos", get_pos),
    getter(c"endpos", get_endpos),
    getter(c"lastindex", get_lastindex),
    getter(c"lastgroup", get_lastgroup),
    getter(c"regs", get_regs),
    PyGetSetDef { name: core::ptr::null(), get: None, set: None, doc: core::ptr::null(), closure: core::ptr::null_mut() },
];

static mut MATCH_AS_MAPPING: PyMappingMethods = PyMappingMethods { mp_length: None, mp_subscript: Some(match_getitem), mp_ass_subscript: None };

const FK: c_int = METH_FASTCALL | METH_KEYWORDS;

static mut MATCH_METHODS: [PyMethodDef; 12] = [
    fast(c"group", match_group, METH_FASTCALL).doc(c"group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or names.\n    For 0 returns the entire match."),
    fast(c"start", match_start, METH_FASTCALL).doc(c"start($self, group=0, /)\n--\n\nReturn index of the start of the substring matched by group."),
    fast(c"end", match_end, METH_FASTCALL).doc(c"end($self, group=0, /)\n--\n\nReturn index of the end of the substring matched by group."),
    fast(c"span", match_span, METH_FASTCALL).doc(c"span($self, group=0, /)\n--\n\nFor match object m, return the 2-tuple (m.start(group), m.end(group))."),
    fast_kw(c"groups", match_groups, FK).doc(c"groups($self, /, default=None)\n--\n\nReturn a tuple containing all the subgroups of the match, from 1.\n\n  default\n    Is used for groups that did not participate in the match."),
    fast_kw(c"groupdict", match_groupdict, FK).doc(c"groupdict($self, /, default=None)\n--\n\nReturn a dictionary containing all the named subgroups of the match, keyed by the subgroup name.\n\n  default\n    Is used for groups that did not participate in the match."),
    plain(c"expand", match_expand, METH_O).doc(c"expand($self, /, template)\n--\n\nReturn the string obtained by doing backslash substitution on the string template, as done by the sub() method."),
    plain(c"__copy__", match_copy, METH_NOARGS),
    plain(c"__deepcopy__", match_copy, METH_O),
    plain(c"__class_getitem__", super::module::class_getitem, METH_O | METH_CLASS),
    END,
    END,
];
