//! A constant right operand fused with the operation that follows it: `n - 1`, `i * 7 + 3`
//! (LOAD_CONST BINARY_OP), `if n < 2:` (LOAD_CONST COMPARE_OP POP_JUMP_IF_*), on ints and
//! floats only, whose operations run no Python code and cannot fail half-way. The constant
//! is never pushed and the operation takes no dispatch of its own. Out of line so that the
//! eval loop's `LOAD_CONST`/`LOAD_FAST` arms stay small (their inline form cost every
//! instruction a spilled register).
use crate::object::object::PyObject;
use ferropy_compiler::opcode::byte as B;

/// What the fused step did: `next_ip == NOT_FUSED` when the operands or the following
/// instructions are not the simple case (the loop then pushes the constant as usual);
/// otherwise where to continue and what to push (NULL: nothing, a comparison that jumped
/// or fell through).
#[repr(C)]
pub(crate) struct Fused {
    pub pushed: *mut PyObject,
    pub next_ip: usize,
}

pub(crate) const NOT_FUSED: usize = usize::MAX;

/// `a <op> k` where `words[at]` is the BINARY_OP or COMPARE_OP after the constant `k`.
/// Takes no reference; the result (a new reference) is for the caller to push in place of
/// `a`, whose reference the caller then drops.
///
/// # Safety
/// `a` and `k` are live objects; `words[at..]` holds the operation, its cache word and, for
/// a comparison, the instruction after it.
#[inline(never)]
pub(crate) unsafe fn fused(a: *mut PyObject, k: *mut PyObject, words: *const u32, at: usize) -> Fused {
    let not = Fused { pushed: core::ptr::null_mut(), next_ip: NOT_FUSED };
    let w = *words.add(at);
    if w as u8 == B::BINARY_OP {
        // `k` is counted while it takes part: an operand held once only may take the
        // result, and the constant must not.
        (*k).ob_refcnt += 1;
        let r = crate::eval::binary_fast::binary_op(a, k, w >> 8);
        (*k).ob_refcnt -= 1;
        return match r {
            // The operation word and its cache word.
            Some(r) if !r.is_null() => Fused { pushed: r, next_ip: at + 2 },
            Some(_) => {
                // Out of memory: the generic path tries again and raises from the
                // operation's own position.
                crate::errors::pyerr::PyErr_Clear();
                not
            }
            None => not,
        };
    }
    // COMPARE_OP, its cache word, then the conditional jump.
    let jump = *words.add(at + 2);
    let jump_if_true = jump as u8 == B::POP_JUMP_IF_TRUE;
    if !jump_if_true && jump as u8 != B::POP_JUMP_IF_FALSE {
        return not;
    }
    match crate::eval::binary_fast::compare(a, k, w >> 8) {
        Some(t) => Fused {
            pushed: core::ptr::null_mut(),
            next_ip: if t == jump_if_true { (jump >> 8) as usize } else { at + 3 },
        },
        None => not,
    }
}
