//! The instruction set.  A stack machine with 32-bit instruction words (8-bit opcode,
//! 24-bit argument; `EXTENDED_ARG` supplies the high bits of larger arguments), absolute
//! jump targets (word indices), and inline cache words after the specialisable
//! instructions (PEP 659: the eval loop rewrites the opcode in place and keeps its
//! per-site state in the words that follow).  See docs/compiler.md for each opcode's stack
//! contract.

macro_rules! opcodes {
    ($($name:ident = $num:expr, $cache:expr;)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        pub enum Op { $($name = $num),* }

        /// Each opcode's byte, for matching on the raw instruction byte (the eval loop's
        /// dispatch covers all 256 values, so no range check precedes its jump table).
        #[allow(non_upper_case_globals)]
        pub mod byte { $(pub const $name: u8 = $num;)* }

        impl Op {
            pub fn from_u8(b: u8) -> Option<Op> {
                match b { $($num => Some(Op::$name),)* _ => None }
            }
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name)),* }
            }
            /// Inline cache words that follow this instruction.
            pub fn cache_words(self) -> u32 {
                match self { $(Op::$name => $cache),* }
            }
        }
    };
}

opcodes! {
    NOP = 0, 0;
    POP_TOP = 1, 0;
    PUSH_NULL = 2, 0;
    COPY = 3, 0;
    SWAP = 4, 0;
    LOAD_CONST = 5, 0;
    LOAD_FAST = 6, 0;
    STORE_FAST = 7, 0;
    DELETE_FAST = 8, 0;
    LOAD_DEREF = 9, 0;
    STORE_DEREF = 10, 0;
    DELETE_DEREF = 11, 0;
    LOAD_CLASSDEREF = 12, 0;
    LOAD_CLOSURE = 13, 0;
    MAKE_CELL = 14, 0;
    COPY_FREE_VARS = 15, 0;
    LOAD_NAME = 16, 0;
    STORE_NAME = 17, 0;
    DELETE_NAME = 18, 0;
    LOAD_GLOBAL = 19, 2;
    STORE_GLOBAL = 20, 0;
    DELETE_GLOBAL = 21, 0;
    LOAD_ATTR = 22, 2;
    STORE_ATTR = 23, 2;
    DELETE_ATTR = 24, 0;
    LOAD_METHOD = 25, 2;
    UNARY_POSITIVE = 26, 0;
    UNARY_NEGATIVE = 27, 0;
    UNARY_NOT = 28, 0;
    UNARY_INVERT = 29, 0;
    BINARY_OP = 30, 1;
    COMPARE_OP = 31, 1;
    IS_OP = 32, 0;
    CONTAINS_OP = 33, 0;
    BINARY_SUBSCR = 34, 1;
    STORE_SUBSCR = 35, 1;
    DELETE_SUBSCR = 36, 0;
    BUILD_SLICE = 37, 0;
    BUILD_TUPLE = 38, 0;
    BUILD_LIST = 39, 0;
    BUILD_SET = 40, 0;
    BUILD_MAP = 41, 0;
    BUILD_CONST_KEY_MAP = 42, 0;
    BUILD_STRING = 43, 0;
    LIST_APPEND = 44, 0;
    SET_ADD = 45, 0;
    MAP_ADD = 46, 0;
    LIST_EXTEND = 47, 0;
    SET_UPDATE = 48, 0;
    DICT_UPDATE = 49, 0;
    DICT_MERGE = 50, 0;
    LIST_TO_TUPLE = 51, 0;
    FORMAT_VALUE = 52, 0;
    UNPACK_SEQUENCE = 53, 1;
    UNPACK_EX = 54, 0;
    JUMP = 55, 0;
    POP_JUMP_IF_FALSE = 56, 0;
    POP_JUMP_IF_TRUE = 57, 0;
    POP_JUMP_IF_NONE = 58, 0;
    POP_JUMP_IF_NOT_NONE = 59, 0;
    JUMP_IF_FALSE_OR_POP = 60, 0;
    JUMP_IF_TRUE_OR_POP = 61, 0;
    GET_ITER = 62, 0;
    GET_AITER = 63, 0;
    GET_ANEXT = 64, 0;
    GET_YIELD_FROM_ITER = 65, 0;
    FOR_ITER = 66, 1;
    END_ASYNC_FOR = 67, 0;
    RETURN_VALUE = 68, 0;
    YIELD_VALUE = 69, 0;
    SEND = 70, 0;
    RESUME = 71, 0;
    RETURN_GENERATOR = 72, 0;
    GET_AWAITABLE = 73, 0;
    ASYNC_GEN_WRAP = 74, 0;
    CALL = 75, 2;
    KW_NAMES = 76, 0;
    CALL_FUNCTION_EX = 77, 0;
    MAKE_FUNCTION = 78, 0;
    LOAD_BUILD_CLASS = 79, 0;
    RAISE_VARARGS = 80, 0;
    RERAISE = 81, 0;
    PUSH_EXC_INFO = 82, 0;
    POP_EXCEPT = 83, 0;
    CHECK_EXC_MATCH = 84, 0;
    CHECK_EG_MATCH = 85, 0;
    PREP_RERAISE_STAR = 86, 0;
    WITH_EXCEPT_START = 87, 0;
    BEFORE_WITH = 88, 0;
    BEFORE_ASYNC_WITH = 89, 0;
    LOAD_ASSERTION_ERROR = 90, 0;
    IMPORT_NAME = 91, 0;
    IMPORT_FROM = 92, 0;
    IMPORT_STAR = 93, 0;
    SETUP_ANNOTATIONS = 94, 0;
    PRINT_EXPR = 95, 0;
    MATCH_CLASS = 96, 0;
    MATCH_MAPPING = 97, 0;
    MATCH_SEQUENCE = 98, 0;
    MATCH_KEYS = 99, 0;
    GET_LEN = 100, 0;
    COPY_DICT_WITHOUT_KEYS = 101, 0;
    JUMP_NO_INTERRUPT = 102, 0;
    EXTENDED_ARG = 103, 0;
    CACHE = 104, 0;
    // Pseudo-instructions: exist only inside the compiler, never in a CodeUnit.
    SETUP_FINALLY = 250, 0;
    SETUP_CLEANUP = 251, 0;
    SETUP_WITH = 252, 0;
    POP_BLOCK = 253, 0;
}

/// `BINARY_OP` arguments (CPython's NB_* numbering; in-place forms are +13).
pub mod binop {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MATRIX_MULTIPLY: u32 = 4;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    pub const INPLACE: u32 = 13;
    pub const SYMBOLS: [&str; 13] = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"];
}

/// `COMPARE_OP` arguments (Py_LT..Py_GE).
pub const CMP_SYMBOLS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `MAKE_FUNCTION` flag bits: what sits on the stack under the code unit.
pub mod make_fn {
    pub const DEFAULTS: u32 = 1;
    pub const KWDEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;
}

impl Op {
    pub fn is_pseudo(self) -> bool {
        (self as u8) >= 250
    }

    /// Jumps whose argument is an instruction index.
    pub fn has_target(self) -> bool {
        matches!(
            self,
            Op::JUMP
                | Op::JUMP_NO_INTERRUPT
                | Op::POP_JUMP_IF_FALSE
                | Op::POP_JUMP_IF_TRUE
                | Op::POP_JUMP_IF_NONE
                | Op::POP_JUMP_IF_NOT_NONE
                | Op::JUMP_IF_FALSE_OR_POP
                | Op::JUMP_IF_TRUE_OR_POP
                | Op::FOR_ITER
                | Op::SEND
                | Op::SETUP_FINALLY
                | Op::SETUP_CLEANUP
                | Op::SETUP_WITH
        )
    }

    pub fn is_unconditional_jump(self) -> bool {
        matches!(self, Op::JUMP | Op::JUMP_NO_INTERRUPT)
    }

    /// Control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(self, Op::JUMP | Op::JUMP_NO_INTERRUPT | Op::RETURN_VALUE | Op::RAISE_VARARGS | Op::RERAISE)
    }

    /// Stack effect; `jump` selects the branch-taken effect of conditional jumps.
    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        let n = arg as i32;
        match self {
            Op::NOP | Op::SWAP | Op::DELETE_FAST | Op::DELETE_DEREF | Op::MAKE_CELL | Op::COPY_FREE_VARS => 0,
            Op::DELETE_NAME | Op::DELETE_GLOBAL | Op::LOAD_ATTR | Op::RESUME | Op::EXTENDED_ARG | Op::CACHE => 0,
            Op::UNARY_POSITIVE | Op::UNARY_NEGATIVE | Op::UNARY_NOT | Op::UNARY_INVERT => 0,
            Op::LIST_TO_TUPLE | Op::GET_ITER | Op::GET_AITER | Op::GET_YIELD_FROM_ITER | Op::YIELD_VALUE => 0,
            Op::GET_AWAITABLE | Op::ASYNC_GEN_WRAP | Op::KW_NAMES | Op::CHECK_EXC_MATCH | Op::CHECK_EG_MATCH => 0,
            Op::SETUP_ANNOTATIONS | Op::COPY_DICT_WITHOUT_KEYS | Op::JUMP | Op::JUMP_NO_INTERRUPT => 0,
            Op::POP_TOP | Op::STORE_FAST | Op::STORE_DEREF | Op::STORE_NAME | Op::STORE_GLOBAL | Op::DELETE_ATTR => -1,
            Op::PUSH_NULL | Op::COPY | Op::LOAD_CONST | Op::LOAD_FAST | Op::LOAD_DEREF | Op::LOAD_CLASSDEREF => 1,
            Op::LOAD_CLOSURE | Op::LOAD_NAME | Op::LOAD_METHOD | Op::GET_ANEXT | Op::RETURN_GENERATOR => 1,
            Op::LOAD_BUILD_CLASS | Op::PUSH_EXC_INFO | Op::WITH_EXCEPT_START | Op::BEFORE_WITH => 1,
            Op::BEFORE_ASYNC_WITH | Op::LOAD_ASSERTION_ERROR | Op::IMPORT_FROM | Op::MATCH_MAPPING => 1,
            Op::MATCH_SEQUENCE | Op::MATCH_KEYS | Op::GET_LEN => 1,
            Op::LOAD_GLOBAL => 1 + (n & 1),
            Op::STORE_ATTR => -2,
            Op::BINARY_OP | Op::COMPARE_OP | Op::IS_OP | Op::CONTAINS_OP | Op::BINARY_SUBSCR => -1,
            Op::STORE_SUBSCR => -3,
            Op::DELETE_SUBSCR => -2,
            Op::BUILD_SLICE | Op::BUILD_TUPLE | Op::BUILD_LIST | Op::BUILD_SET | Op::BUILD_STRING => 1 - n,
            Op::BUILD_MAP => 1 - 2 * n,
            Op::BUILD_CONST_KEY_MAP => -n,
            Op::LIST_APPEND | Op::SET_ADD | Op::LIST_EXTEND | Op::SET_UPDATE | Op::DICT_UPDATE | Op::DICT_MERGE => -1,
            Op::MAP_ADD => -2,
            Op::FORMAT_VALUE => if n & 4 != 0 { -1 } else { 0 },
            Op::UNPACK_SEQUENCE => n - 1,
            Op::UNPACK_EX => (n & 0xff) + (n >> 8),
            Op::POP_JUMP_IF_FALSE | Op::POP_JUMP_IF_TRUE | Op::POP_JUMP_IF_NONE | Op::POP_JUMP_IF_NOT_NONE => -1,
            Op::JUMP_IF_FALSE_OR_POP | Op::JUMP_IF_TRUE_OR_POP => if jump { 0 } else { -1 },
            // Exhausted: the iterator is popped and control goes to the target.
            Op::FOR_ITER => if jump { -1 } else { 1 },
            Op::END_ASYNC_FOR => -2,
            Op::RETURN_VALUE => -1,
            // [receiver, value] -> [receiver, yielded] or, when done, -> [result].
            Op::SEND => if jump { -1 } else { 0 },
            Op::CALL => -(n + 1),
            Op::CALL_FUNCTION_EX => -2 - (n & 1),
            Op::MAKE_FUNCTION => -((n as u32).count_ones() as i32),
            Op::RAISE_VARARGS => -n,
            Op::RERAISE => -1,
            Op::POP_EXCEPT => -1,
            Op::PREP_RERAISE_STAR => -1,
            Op::IMPORT_NAME => -1,
            Op::IMPORT_STAR => -1,
            Op::PRINT_EXPR => -1,
            Op::MATCH_CLASS => -2,
            Op::SETUP_FINALLY | Op::SETUP_CLEANUP | Op::SETUP_WITH | Op::POP_BLOCK => 0,
        }
    }
}
