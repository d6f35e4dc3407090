//! `PyCompile_OpcodeStackEffect(WithJump)`: how many stack slots one instruction of
//! **CPython 3.11's** bytecode adds (negative: removes), for the opcode numbers of CPython's
//! `opcode` module (`dis.stack_effect` through lib-dynload's `_opcode`). ferropy runs its own
//! bytecode; this describes CPython's, as the `dis` documentation defines each instruction,
//! so tools that reason about CPython bytecode (`dis`, bytecode assemblers) get CPython's
//! answers. The compiler's virtual instructions (negative numbers in 3.11: `SETUP_FINALLY`
//! ... `POP_JUMP_IF_NOT_NONE`) are included, as CPython's function accepts them.
//!
//! `jump`: > 0 the effect when the instruction jumps, 0 when it does not, < 0 the larger.
use crate::compiler::flags::PY_INVALID_STACK_EFFECT;
use core::ffi::c_int;

/// The effect on each path, `(not jumping, jumping)`; None for an unknown opcode.
fn effects(opcode: c_int, oparg: c_int) -> Option<(c_int, c_int)> {
    let same = |e: c_int| Some((e, e));
    match opcode {
        // CACHE, NOP, unary operators, GET_ITER/GET_YIELD_FROM_ITER, CHECK_EXC_MATCH,
        // CHECK_EG_MATCH, GET_AITER, RETURN_GENERATOR, LIST_TO_TUPLE, SETUP_ANNOTATIONS,
        // YIELD_VALUE, ASYNC_GEN_WRAP: the top is replaced or nothing moves.
        0 | 9 | 10 | 11 | 12 | 15 | 36 | 37 | 50 | 68 | 69 | 75 | 82 | 85 | 86 | 87 => same(0),
        // POP_TOP, BINARY_SUBSCR, PRINT_EXPR, RETURN_VALUE, IMPORT_STAR, PREP_RERAISE_STAR,
        // POP_EXCEPT.
        1 | 25 | 70 | 83 | 84 | 88 | 89 => same(-1),
        // PUSH_NULL, GET_LEN, MATCH_MAPPING/SEQUENCE/KEYS, PUSH_EXC_INFO, WITH_EXCEPT_START,
        // GET_ANEXT, BEFORE_ASYNC_WITH, BEFORE_WITH, LOAD_BUILD_CLASS, LOAD_ASSERTION_ERROR.
        2 | 30 | 31 | 32 | 33 | 35 | 49 | 51 | 52 | 53 | 71 | 74 => same(1),
        54 => same(-2),  // END_ASYNC_FOR: the exception and the iterator
        60 => same(-3),  // STORE_SUBSCR
        61 => same(-2),  // DELETE_SUBSCR
        // STORE_NAME, DELETE_ATTR, STORE_GLOBAL, COMPARE_OP, IMPORT_NAME, IS_OP, CONTAINS_OP,
        // RERAISE, BINARY_OP, STORE_FAST, STORE_DEREF, LIST_APPEND, SET_ADD, LIST_EXTEND,
        // SET_UPDATE, DICT_MERGE, DICT_UPDATE, CALL.
        90 | 96 | 97 | 107 | 108 | 117 | 118 | 119 | 122 | 125 | 138 | 145 | 146 | 162 | 163 | 164 | 165
        | 171 => same(-1),
        // The conditional jumps that pop their condition, both directions.
        114 | 115 | 128 | 129 | 173 | 174 | 175 | 176 => same(-1),
        // DELETE_NAME, DELETE_GLOBAL, SWAP, LOAD_ATTR, the unconditional jumps, DELETE_FAST,
        // GET_AWAITABLE, MAKE_CELL, DELETE_DEREF, EXTENDED_ARG, COPY_FREE_VARS, RESUME,
        // KW_NAMES.
        91 | 98 | 99 | 106 | 110 | 126 | 131 | 134 | 135 | 139 | 140 | 144 | 149 | 151 | 172 => same(0),
        // LOAD_CONST, LOAD_NAME, IMPORT_FROM, COPY, LOAD_FAST, LOAD_CLOSURE, LOAD_DEREF,
        // LOAD_CLASSDEREF, LOAD_METHOD.
        100 | 101 | 109 | 120 | 124 | 136 | 137 | 148 | 160 => same(1),
        92 => same(oparg.wrapping_sub(1)), // UNPACK_SEQUENCE: one sequence to oparg items
        // FOR_ITER: the next value is pushed; when exhausted the iterator is popped.
        93 => Some((1, -1)),
        // UNPACK_EX: oparg's low byte before the starred target, the next byte after it.
        94 => same((oparg & 0xFF).wrapping_add(oparg >> 8)),
        95 => same(-2), // STORE_ATTR
        // BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING: oparg items to one.
        102 | 103 | 104 | 157 => same(1i32.wrapping_sub(oparg)),
        105 => same(1i32.wrapping_sub(oparg.wrapping_mul(2))), // BUILD_MAP: oparg pairs
        156 => same(oparg.wrapping_neg()),                      // BUILD_CONST_KEY_MAP
        // JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP: the value stays when jumping.
        111 | 112 => Some((-1, 0)),
        116 => same((oparg & 1) + 1), // LOAD_GLOBAL: a NULL too when the low bit is set
        123 => Some((0, -1)),         // SEND: the sub-iterator goes when it is done
        130 => same(oparg.wrapping_neg()), // RAISE_VARARGS
        // MAKE_FUNCTION: the code object becomes the function; each flag (defaults,
        // keyword defaults, annotations, closure) consumes one more item.
        132 => same(-((oparg & 0xF).count_ones() as c_int)),
        133 => same(if oparg == 3 { -2 } else { -1 }), // BUILD_SLICE
        142 => same(-2 - (oparg & 1)),                  // CALL_FUNCTION_EX: kwargs when bit 0
        147 => same(-2),                                // MAP_ADD
        152 => same(-2),                                // MATCH_CLASS
        155 => same(if oparg & 0x04 == 0x04 { -1 } else { 0 }), // FORMAT_VALUE with a spec
        166 => same(oparg.wrapping_neg()),              // PRECALL
        // The compiler's virtual instructions (3.11 numbers them below zero).
        -1 | -3 => Some((0, 1)), // SETUP_FINALLY, SETUP_WITH: the handler gets one value
        -2 => Some((0, 2)),      // SETUP_CLEANUP: the handler gets two
        -4 | -5 | -6 => same(0), // POP_BLOCK, JUMP, JUMP_NO_INTERRUPT
        -7 | -8 | -9 | -10 => same(-1), // POP_JUMP_IF_FALSE/TRUE/NONE/NOT_NONE
        _ => None,
    }
}

/// `int PyCompile_OpcodeStackEffectWithJump(int opcode, int oparg, int jump)`;
/// `PY_INVALID_STACK_EFFECT` for an opcode CPython 3.11 does not have.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyCompile_OpcodeStackEffectWithJump(opcode: c_int, oparg: c_int, jump: c_int) -> c_int {
    match effects(opcode, oparg) {
        None => PY_INVALID_STACK_EFFECT,
        Some((_, taken)) if jump > 0 => taken,
        Some((fall, _)) if jump == 0 => fall,
        Some((fall, taken)) => fall.max(taken),
    }
}

/// `int PyCompile_OpcodeStackEffect(int opcode, int oparg)`: the larger of the two paths.
#[cfg(not(Py_LIMITED_API))]
#[no_mangle]
pub extern "C" fn PyCompile_OpcodeStackEffect(opcode: c_int, oparg: c_int) -> c_int {
    PyCompile_OpcodeStackEffectWithJump(opcode, oparg, -1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(PyCompile_OpcodeStackEffectWithJump(93, 0, 1), -1);
        assert_eq!(PyCompile_OpcodeStackEffectWithJump(93, 0, 0), 1);
        assert_eq!(PyCompile_OpcodeStackEffect(93, 0), 1);
        assert_eq!(PyCompile_OpcodeStackEffect(-2, 0), 2);
        assert_eq!(PyCompile_OpcodeStackEffect(105, 3), -5);
        assert_eq!(PyCompile_OpcodeStackEffect(3, 0), PY_INVALID_STACK_EFFECT);
        assert_eq!(PyCompile_OpcodeStackEffect(-11, 0), PY_INVALID_STACK_EFFECT);
    }
}
