//! Setting `frame.f_lineno` from a line trace function: the frame continues at the first
//! instruction of the new line whose value stack can be reached from the current one by
//! popping (what each slot holds is worked out per instruction: a plain object, a NULL
//! placeholder, a `for` iterator, an exception being handled, a saved offset), with
//! CPython 3.11's checks and messages.
use core::ffi::{c_int, c_void};

use ferropy_compiler::opcode::Op;

use crate::errors::exception_types as exc;
use crate::eval::frame_object::fo;
use crate::eval::interp_frame::Frame;
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::runtime::threadstate::{PyTrace_CALL, PyTrace_EXCEPTION, PyTrace_LINE, PyTrace_RETURN};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Object,
    Null,
    Iterator,
    Except,
    Lasti,
}

fn value_error(msg: String) -> c_int {
    let _ = raise_type(&raw mut exc::_PyExc_ValueError, msg);
    -1
}

/// The value stack before each instruction word, `None` where control never arrives.
unsafe fn mark_stacks(f: *mut Frame) -> Vec<Option<Vec<Kind>>> {
    let unit = (*f).rt();
    let decoded = unit.instructions().unwrap_or_default();
    let n = unit.words().len();
    let mut stacks: Vec<Option<Vec<Kind>>> = vec![None; n + 1];
    stacks[0] = Some(Vec::new());
    let mut changed = true;
    while changed {
        changed = false;
        let set = |stacks: &mut Vec<Option<Vec<Kind>>>, at: usize, s: Vec<Kind>| {
            if at < stacks.len() && stacks[at].is_none() {
                stacks[at] = Some(s);
                true
            } else {
                false
            }
        };
        for d in &decoded {
            let Some(mut s) = stacks[d.start as usize].clone() else { continue };
            let next = (d.at + 1 + d.op.cache_words()) as usize;
            let pop = |s: &mut Vec<Kind>, k: usize| {
                let keep = s.len().saturating_sub(k);
                s.truncate(keep);
            };
            match d.op {
                Op::GET_ITER | Op::GET_AITER => {
                    pop(&mut s, 1);
                    s.push(Kind::Iterator);
                    changed |= set(&mut stacks, next, s);
                }
                Op::FOR_ITER => {
                    let mut done = s.clone();
                    pop(&mut done, 1);
                    changed |= set(&mut stacks, d.arg as usize, done);
                    s.push(Kind::Object);
                    changed |= set(&mut stacks, next, s);
                }
                Op::PUSH_EXC_INFO => {
                    s.push(Kind::Except);
                    changed |= set(&mut stacks, next, s);
                }
                Op::PUSH_NULL => {
                    s.push(Kind::Null);
                    changed |= set(&mut stacks, next, s);
                }
                Op::LOAD_GLOBAL => {
                    if d.arg & 1 != 0 {
                        s.push(Kind::Null);
                    }
                    s.push(Kind::Object);
                    changed |= set(&mut stacks, next, s);
                }
                Op::LOAD_METHOD => {
                    pop(&mut s, 1);
                    s.push(Kind::Null);
                    s.push(Kind::Object);
                    changed |= set(&mut stacks, next, s);
                }
                Op::CALL => {
                    pop(&mut s, d.arg as usize + 2);
                    s.push(Kind::Object);
                    changed |= set(&mut stacks, next, s);
                }
                Op::CALL_FUNCTION_EX => {
                    pop(&mut s, 3 + (d.arg & 1) as usize);
                    s.push(Kind::Object);
                    changed |= set(&mut stacks, next, s);
                }
                _ => {
                    let effect = |jump: bool| d.op.stack_effect(d.arg, jump);
                    let apply = |mut s: Vec<Kind>, e: i32| {
                        if e < 0 {
                            pop(&mut s, (-e) as usize);
                        }
                        for _ in 0..e.max(0) {
                            s.push(Kind::Object);
                        }
                        s
                    };
                    if d.op.has_target() {
                        changed |= set(&mut stacks, d.arg as usize, apply(s.clone(), effect(true)));
                    }
                    if !d.op.is_terminator() {
                        changed |= set(&mut stacks, next, apply(s, effect(false)));
                    }
                }
            }
        }
        for h in &unit.exceptions {
            let Some(s) = stacks[h.start as usize].clone() else { continue };
            let mut t = s;
            t.truncate(h.depth as usize);
            if h.lasti {
                t.push(Kind::Lasti);
            }
            t.push(Kind::Except);
            changed |= set(&mut stacks, h.target as usize, t);
        }
    }
    stacks
}

fn compatible(from: &[Kind], to: &[Kind]) -> bool {
    if to.len() > from.len() {
        return false;
    }
    from[..to.len()].iter().zip(to).all(|(&a, &b)| match b {
        Kind::Object => a != Kind::Null,
        Kind::Null => true,
        _ => a == b,
    })
}

fn explain(to: &[Kind]) -> &'static str {
    match to.last() {
        Some(Kind::Except) => "can't jump into an 'except' block as there's no exception",
        Some(Kind::Iterator) => "can't jump into the body of a for loop",
        Some(Kind::Lasti) => "can't jump into a re-raising block as there's no location",
        Some(Kind::Object) | Some(Kind::Null) => "incompatible stacks",
        _ => "can't jump into an exception handler, or code may be unreachable",
    }
}

/// The `f_lineno` setter.
pub(crate) unsafe extern "C" fn set_lineno(op: *mut PyObject, v: *mut PyObject, _: *mut c_void) -> c_int {
    if v.is_null() {
        let _ = raise_type(&raw mut exc::_PyExc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (*v).ob_type != &raw mut crate::objects::int::PyLong_Type {
        return value_error("lineno must be an integer".into());
    }
    let ts = crate::runtime::pystate::current();
    let f = fo(op).frame;
    let suspended = !f.is_null() && (*f).state == crate::eval::interp_frame::SUSPENDED && (*f).owned_by_gen;
    match (*ts).tracing_what {
        PyTrace_EXCEPTION => return value_error("can only jump from a 'line' trace event".into()),
        PyTrace_CALL => return value_error("can't jump from the 'call' trace event of a new frame".into()),
        PyTrace_LINE => {}
        PyTrace_RETURN if suspended => {}
        _ => return value_error("can only jump from a 'line' trace event".into()),
    }
    if fo(op).trace.is_null() || f.is_null() {
        return value_error("f_lineno can only be set by a trace function".into());
    }
    let wanted = match crate::objects::long_convert::as_i64(v) {
        Ok(n) => n,
        Err(_) => {
            crate::errors::pyerr::PyErr_Clear();
            i64::MAX
        }
    };
    let first = (*(*f).code).co_firstlineno as i64;
    if wanted < first {
        return value_error(format!("line {wanted} comes before the current code block"));
    }
    // The instructions that start a line, with their line.
    let unit = (*f).rt();
    let mut starts: Vec<(u32, i64)> = Vec::new();
    let mut last = 0u32;
    for e in unit.lines.iter() {
        if e.pos.line != 0 && e.pos.line != last {
            starts.push((e.start, e.pos.line as i64));
            last = e.pos.line;
        }
    }
    let Some(line) = starts.iter().map(|&(_, l)| l).filter(|&l| l >= wanted).min() else {
        return value_error(format!("line {wanted} comes after the current code block"));
    };
    let stacks = mark_stacks(f);
    let Some(Some(from)) = stacks.get((*f).lasti as usize).cloned() else {
        return value_error("can't jump from unreachable code".into());
    };
    let mut best: Option<(usize, usize)> = None;
    let mut msg = "cannot find bytecode for specified line";
    for &(at, l) in &starts {
        if l != line {
            continue;
        }
        match stacks.get(at as usize).cloned().flatten() {
            Some(to) if compatible(&from, &to) => {
                if best.map_or(true, |(_, depth)| to.len() > depth) {
                    best = Some((at as usize, to.len()));
                }
            }
            Some(to) if best.is_none() => msg = explain(&to),
            None if best.is_none() => msg = explain(&[]),
            _ => {}
        }
    }
    let Some((target, depth)) = best else {
        return value_error(msg.into());
    };
    // Pop down to the target's depth; an exception being handled goes back to the thread.
    let base = (*f).slots().add((*f).rt().nlocalsplus());
    while (*f).stackdepth as usize > depth {
        (*f).stackdepth -= 1;
        let slot = base.add((*f).stackdepth as usize);
        let v = core::mem::replace(&mut *slot, core::ptr::null_mut());
        if from[(*f).stackdepth as usize] == Kind::Except {
            let item = (*ts).exc_info;
            let v = if v == crate::abstract_::none() {
                crate::object::refcount::Py_DecRef(v);
                core::ptr::null_mut()
            } else {
                v
            };
            crate::object::refcount::Py_DecRef(core::mem::replace(&mut (*item).exc_value, v));
        } else {
            crate::object::refcount::Py_DecRef(v);
        }
    }
    (*f).lasti = target as u32;
    0
}
