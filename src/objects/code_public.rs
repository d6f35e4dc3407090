//! The CPython-format view of a code object, what Python code and `dis` read: `co_code`
//! as CPython 3.11 bytecode (2-byte units, CPython's opcode numbers, `EXTENDED_ARG`
//! prefixes, relative jumps, CPython's count of inline `CACHE` units after each
//! instruction), `co_exceptiontable` in CPython's varint format, and the byte offsets of
//! that bytecode for `co_positions()`, `co_lines()`, `f_lasti`, `tb_lasti` and
//! `PyCode_Addr2Line`. Our loop runs its own 32-bit words (docs/eval.md); this is a
//! translation, one instruction for one, built on first use and kept with the code.
//!
//! What differs from CPython's own bytecode for the same source is what our compiler
//! emits differently: no `PRECALL` before `CALL`, our prologue and jump layout, and
//! `COPY_DICT_WITHOUT_KEYS` (a `match` mapping's `**rest`, which 3.11 spells as several
//! instructions) shown as the unnamed opcode `<7>`. Code objects made by `PyCode_New`
//! keep the bytecode they were given, and offsets into it are left as they are.
use crate::objects::code_rt::CodeRt;
use ferropy_compiler::opcode::Op;

use crate::objects::code::PyCodeObject;
use crate::objects::code_rt;

/// CPython 3.11's opcode numbers and inline cache counts (Lib/opcode.py).
mod cpy {
    pub(crate) const CACHE: u8 = 0;
    pub(crate) const EXTENDED_ARG: u8 = 144;
    pub(crate) const JUMP_FORWARD: u8 = 110;
    pub(crate) const JUMP_BACKWARD: u8 = 140;
    pub(crate) const JUMP_BACKWARD_NO_INTERRUPT: u8 = 134;
    /// An opcode number 3.11 leaves unassigned (below `HAVE_ARGUMENT`): `dis` shows `<7>`.
    pub(crate) const UNNAMED: u8 = 7;
}

/// The CPython opcode of `op` (for a jump, the forward and backward forms) and the
/// number of cache units CPython puts after it.
fn cpython_op(op: Op) -> (u8, u8, u32) {
    let (n, back, caches) = match op {
        Op::NOP => (9, 0, 0),
        Op::POP_TOP => (1, 0, 0),
        Op::PUSH_NULL => (2, 0, 0),
        Op::COPY => (120, 0, 0),
        Op::SWAP => (99, 0, 0),
        Op::LOAD_CONST => (100, 0, 0),
        Op::LOAD_FAST => (124, 0, 0),
        Op::STORE_FAST => (125, 0, 0),
        Op::DELETE_FAST => (126, 0, 0),
        Op::LOAD_DEREF => (137, 0, 0),
        Op::STORE_DEREF => (138, 0, 0),
        Op::DELETE_DEREF => (139, 0, 0),
        Op::LOAD_CLASSDEREF => (148, 0, 0),
        Op::LOAD_CLOSURE => (136, 0, 0),
        Op::MAKE_CELL => (135, 0, 0),
        Op::COPY_FREE_VARS => (149, 0, 0),
        Op::LOAD_NAME => (101, 0, 0),
        Op::STORE_NAME => (90, 0, 0),
        Op::DELETE_NAME => (91, 0, 0),
        Op::LOAD_GLOBAL => (116, 0, 5),
        Op::STORE_GLOBAL => (97, 0, 0),
        Op::DELETE_GLOBAL => (98, 0, 0),
        Op::LOAD_ATTR => (106, 0, 4),
        Op::STORE_ATTR => (95, 0, 4),
        Op::DELETE_ATTR => (96, 0, 0),
        Op::LOAD_METHOD => (160, 0, 10),
        Op::UNARY_POSITIVE => (10, 0, 0),
        Op::UNARY_NEGATIVE => (11, 0, 0),
        Op::UNARY_NOT => (12, 0, 0),
        Op::UNARY_INVERT => (15, 0, 0),
        Op::BINARY_OP => (122, 0, 1),
        Op::COMPARE_OP => (107, 0, 2),
        Op::IS_OP => (117, 0, 0),
        Op::CONTAINS_OP => (118, 0, 0),
        Op::BINARY_SUBSCR => (25, 0, 4),
        Op::STORE_SUBSCR => (60, 0, 1),
        Op::DELETE_SUBSCR => (61, 0, 0),
        Op::BUILD_SLICE => (133, 0, 0),
        Op::BUILD_TUPLE => (102, 0, 0),
        Op::BUILD_LIST => (103, 0, 0),
        Op::BUILD_SET => (104, 0, 0),
        Op::BUILD_MAP => (105, 0, 0),
        Op::BUILD_CONST_KEY_MAP => (156, 0, 0),
        Op::BUILD_STRING => (157, 0, 0),
        Op::LIST_APPEND => (145, 0, 0),
        Op::SET_ADD => (146, 0, 0),
        Op::MAP_ADD => (147, 0, 0),
        Op::LIST_EXTEND => (162, 0, 0),
        Op::SET_UPDATE => (163, 0, 0),
        Op::DICT_UPDATE => (165, 0, 0),
        Op::DICT_MERGE => (164, 0, 0),
        Op::LIST_TO_TUPLE => (82, 0, 0),
        Op::FORMAT_VALUE => (155, 0, 0),
        Op::UNPACK_SEQUENCE => (92, 0, 1),
        Op::UNPACK_EX => (94, 0, 0),
        Op::JUMP => (cpy::JUMP_FORWARD, cpy::JUMP_BACKWARD, 0),
        Op::JUMP_NO_INTERRUPT => (cpy::JUMP_FORWARD, cpy::JUMP_BACKWARD_NO_INTERRUPT, 0),
        Op::POP_JUMP_IF_FALSE => (114, 175, 0),
        Op::POP_JUMP_IF_TRUE => (115, 176, 0),
        Op::POP_JUMP_IF_NONE => (129, 174, 0),
        Op::POP_JUMP_IF_NOT_NONE => (128, 173, 0),
        Op::JUMP_IF_FALSE_OR_POP => (111, 0, 0),
        Op::JUMP_IF_TRUE_OR_POP => (112, 0, 0),
        Op::GET_ITER => (68, 0, 0),
        Op::GET_AITER => (50, 0, 0),
        Op::GET_ANEXT => (51, 0, 0),
        Op::GET_YIELD_FROM_ITER => (69, 0, 0),
        Op::FOR_ITER => (93, 0, 0),
        Op::END_ASYNC_FOR => (54, 0, 0),
        Op::RETURN_VALUE => (83, 0, 0),
        Op::YIELD_VALUE => (86, 0, 0),
        Op::SEND => (123, 0, 0),
        Op::RESUME => (RESUME_OPCODE, 0, 0),
        Op::RETURN_GENERATOR => (75, 0, 0),
        Op::GET_AWAITABLE => (131, 0, 0),
        Op::ASYNC_GEN_WRAP => (87, 0, 0),
        Op::CALL => (171, 0, 4),
        Op::KW_NAMES => (172, 0, 0),
        Op::CALL_FUNCTION_EX => (142, 0, 0),
        Op::MAKE_FUNCTION => (132, 0, 0),
        Op::LOAD_BUILD_CLASS => (71, 0, 0),
        Op::RAISE_VARARGS => (130, 0, 0),
        Op::RERAISE => (119, 0, 0),
        Op::PUSH_EXC_INFO => (35, 0, 0),
        Op::POP_EXCEPT => (89, 0, 0),
        Op::CHECK_EXC_MATCH => (36, 0, 0),
        Op::CHECK_EG_MATCH => (37, 0, 0),
        Op::PREP_RERAISE_STAR => (88, 0, 0),
        Op::WITH_EXCEPT_START => (49, 0, 0),
        Op::BEFORE_WITH => (53, 0, 0),
        Op::BEFORE_ASYNC_WITH => (52, 0, 0),
        Op::LOAD_ASSERTION_ERROR => (74, 0, 0),
        Op::IMPORT_NAME => (108, 0, 0),
        Op::IMPORT_FROM => (109, 0, 0),
        Op::IMPORT_STAR => (84, 0, 0),
        Op::SETUP_ANNOTATIONS => (85, 0, 0),
        Op::PRINT_EXPR => (70, 0, 0),
        Op::MATCH_CLASS => (152, 0, 0),
        Op::MATCH_MAPPING => (31, 0, 0),
        Op::MATCH_SEQUENCE => (32, 0, 0),
        Op::MATCH_KEYS => (33, 0, 0),
        Op::GET_LEN => (30, 0, 0),
        Op::COPY_DICT_WITHOUT_KEYS => (cpy::UNNAMED, 0, 0),
        // Folded into the next instruction / skipped by `instructions()`; never asked.
        Op::EXTENDED_ARG | Op::CACHE | Op::SETUP_FINALLY | Op::SETUP_CLEANUP | Op::SETUP_WITH | Op::POP_BLOCK => (cpy::UNNAMED, 0, 0),
    };
    (n, back, caches)
}

/// Whether the CPython opcode takes an argument (`HAVE_ARGUMENT` is 90).
fn has_arg(op: u8) -> bool {
    op >= 90
}

/// Arguments naming a cell or free variable: ours count from the first cell, CPython's
/// index all local slots.
fn is_deref(op: Op) -> bool {
    matches!(op, Op::LOAD_DEREF | Op::STORE_DEREF | Op::DELETE_DEREF | Op::LOAD_CLASSDEREF | Op::LOAD_CLOSURE | Op::MAKE_CELL)
}

/// CPython 3.11's `RESUME` opcode.
pub(crate) const RESUME_OPCODE: u8 = 151;

/// The translation of one code object.
pub(crate) struct PublicCode {
    /// CPython-format bytecode.
    pub code: Vec<u8>,
    /// Per word of ours: the unit of its instruction's opcode (prefix and cache words
    /// map to the instruction they belong to).
    pub op_unit: Vec<u32>,
    /// Per unit: our word of the instruction it belongs to.
    pub unit_word: Vec<u32>,
    /// `co_exceptiontable`.
    pub exceptions: Vec<u8>,
}

/// `EXTENDED_ARG` prefixes an argument needs.
fn prefixes(arg: u32) -> u32 {
    match arg {
        0..=0xff => 0,
        0x100..=0xffff => 1,
        0x1_0000..=0xff_ffff => 2,
        _ => 3,
    }
}

struct Planned {
    op: u8,
    arg: u32,
    caches: u32,
    /// For a jump: our target word.
    target: Option<u32>,
    forward: u8,
    backward: u8,
}

/// `nvars`: the number of local variables (cell arguments follow them).
pub(crate) fn translate(unit: &CodeRt, nvars: u32) -> PublicCode {
    let nwords = unit.words().len();
    let Ok(ins) = unit.instructions() else {
        // Not decodable (never for compiled code): no instructions to show.
        return PublicCode { code: Vec::new(), op_unit: vec![0; nwords], unit_word: Vec::new(), exceptions: Vec::new() };
    };
    let mut plan: Vec<Planned> = ins
        .iter()
        .map(|d| {
            let (forward, backward, caches) = cpython_op(d.op);
            let target = d.op.has_target().then_some(d.arg);
            let arg = if is_deref(d.op) { d.arg + nvars } else if target.is_some() { 0 } else { d.arg };
            Planned { op: forward, arg, caches, target, forward, backward }
        })
        .collect();
    // Our word index -> instruction index, for jump targets and exception table ends.
    let mut word_ins = vec![0u32; nwords + 1];
    for (i, d) in ins.iter().enumerate() {
        let end = ins.get(i + 1).map_or(nwords as u32, |n| n.start);
        for w in d.start..end {
            word_ins[w as usize] = i as u32;
        }
    }
    word_ins[nwords] = ins.len() as u32;
    // Lay out until jump arguments (and so prefix counts) stop changing.
    let mut starts = vec![0u32; ins.len() + 1];
    for _round in 0..8 {
        let mut at = 0u32;
        for (i, p) in plan.iter().enumerate() {
            starts[i] = at;
            at += if has_arg(p.op) { prefixes(p.arg) } else { 0 } + 1 + p.caches;
        }
        starts[ins.len()] = at;
        let mut changed = false;
        for (i, p) in plan.iter_mut().enumerate() {
            let Some(t) = p.target else { continue };
            let target_unit = starts[word_ins[(t as usize).min(nwords)] as usize];
            let next = starts[i + 1];
            let (op, arg) = if target_unit >= next || p.backward == 0 {
                (p.forward, target_unit.saturating_sub(next))
            } else {
                (p.backward, next - target_unit)
            };
            if (op, arg) != (p.op, p.arg) {
                (p.op, p.arg) = (op, arg);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let total = starts[ins.len()] as usize;
    let mut code = Vec::with_capacity(total * 2);
    let mut unit_word = Vec::with_capacity(total);
    let mut op_unit = vec![0u32; nwords];
    for (i, (p, d)) in plan.iter().zip(&ins).enumerate() {
        let n = if has_arg(p.op) { prefixes(p.arg) } else { 0 };
        for k in (1..=n).rev() {
            code.extend_from_slice(&[cpy::EXTENDED_ARG, (p.arg >> (8 * k)) as u8]);
        }
        let op_at = starts[i] + n;
        code.extend_from_slice(&[p.op, if has_arg(p.op) { p.arg as u8 } else { 0 }]);
        for _ in 0..p.caches {
            code.extend_from_slice(&[cpy::CACHE, 0]);
        }
        unit_word.extend(core::iter::repeat(d.at).take((n + 1 + p.caches) as usize));
        let end = ins.get(i + 1).map_or(nwords as u32, |x| x.start);
        for w in d.start..end {
            op_unit[w as usize] = op_at;
        }
    }
    let unit_of = |w: u32| starts[word_ins[(w as usize).min(nwords)] as usize];
    let mut exceptions = Vec::new();
    for e in &unit.exceptions {
        let (s, end, t) = (unit_of(e.start), unit_of(e.end), unit_of(e.target));
        if end <= s {
            continue;
        }
        put_varint(&mut exceptions, s, true);
        put_varint(&mut exceptions, end - s, false);
        put_varint(&mut exceptions, t, false);
        put_varint(&mut exceptions, (e.depth << 1) | e.lasti as u32, false);
    }
    PublicCode { code, op_unit, unit_word, exceptions }
}

/// CPython's exception-table varint: 6-bit groups, most significant first, 0x40 on all
/// but the last; 0x80 marks the first byte of an entry.
fn put_varint(out: &mut Vec<u8>, v: u32, entry_start: bool) {
    let mut groups = vec![(v & 63) as u8];
    let mut rest = v >> 6;
    while rest != 0 {
        groups.push((rest & 63) as u8 | 0x40);
        rest >>= 6;
    }
    groups.reverse();
    if entry_start {
        groups[0] |= 0x80;
    }
    out.extend_from_slice(&groups);
}

/// Whether `co` keeps the CPython bytecode it was made from (`PyCode_New`).
///
/// # Safety
/// `co` is a live code object.
pub(crate) unsafe fn is_given(co: *mut PyCodeObject) -> bool {
    !(*co)._co_code.is_null()
}

/// The translation of a code object made by our compiler (built once).
///
/// # Safety
/// `co` is a live code object, not `is_given`.
pub(crate) unsafe fn of<'a>(co: *mut PyCodeObject) -> &'a PublicCode {
    let rt = code_rt::rt(co);
    rt.public.get_or_init(|| Box::new(translate(rt, crate::objects::tuple::len(rt.varnames.as_ptr()) as u32)))
}

/// The public byte offset (`f_lasti`, `tb_lasti`) of the instruction at our byte offset
/// `internal` (4 bytes a word); negative offsets (not started) are kept.
///
/// # Safety
/// `co` is a live code object.
pub(crate) unsafe fn public_offset(co: *mut PyCodeObject, internal: i32) -> i32 {
    if internal < 0 || is_given(co) {
        return internal;
    }
    let p = of(co);
    p.op_unit.get((internal / 4) as usize).map_or(internal, |&u| (u * 2) as i32)
}

/// Our word index of the instruction at public byte offset `offset` (the inverse of
/// `public_offset`, for any unit of an instruction).
///
/// # Safety
/// `co` is a live code object; `offset` >= 0.
pub(crate) unsafe fn word_at(co: *mut PyCodeObject, offset: i32) -> u32 {
    if is_given(co) {
        return (offset / 4) as u32;
    }
    let p = of(co);
    p.unit_word.get((offset / 2) as usize).or(p.unit_word.last()).copied().unwrap_or(0)
}
