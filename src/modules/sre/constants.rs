//! The numbers shared with `Lib/re/_constants.py` (3.11, MAGIC 20220615): opcodes, `AT_*`
//! anchors, `CATEGORY_*` classes, INFO flags. The `re` compiler emits these; the engine
//! (engine.rs) and the set tests (charclass.rs) read them.
#![allow(dead_code)]

pub(crate) const MAGIC: i64 = 20220615;
pub(crate) const CODESIZE: i64 = 4;
pub(crate) const MAXREPEAT: u32 = u32::MAX;
pub(crate) const MAXGROUPS: i64 = (u32::MAX / 4) as i64;

pub(crate) const FAILURE: u32 = 0;
pub(crate) const SUCCESS: u32 = 1;
pub(crate) const ANY: u32 = 2;
pub(crate) const ANY_ALL: u32 = 3;
pub(crate) const ASSERT: u32 = 4;
pub(crate) const ASSERT_NOT: u32 = 5;
pub(crate) const AT: u32 = 6;
pub(crate) const BRANCH: u32 = 7;
pub(crate) const CATEGORY: u32 = 8;
pub(crate) const CHARSET: u32 = 9;
pub(crate) const BIGCHARSET: u32 = 10;
pub(crate) const GROUPREF: u32 = 11;
pub(crate) const GROUPREF_EXISTS: u32 = 12;
pub(crate) const IN: u32 = 13;
pub(crate) const INFO: u32 = 14;
pub(crate) const JUMP: u32 = 15;
pub(crate) const LITERAL: u32 = 16;
pub(crate) const MARK: u32 = 17;
pub(crate) const MAX_UNTIL: u32 = 18;
pub(crate) const MIN_UNTIL: u32 = 19;
pub(crate) const NOT_LITERAL: u32 = 20;
pub(crate) const NEGATE: u32 = 21;
pub(crate) const RANGE: u32 = 22;
pub(crate) const REPEAT: u32 = 23;
pub(crate) const REPEAT_ONE: u32 = 24;
pub(crate) const SUBPATTERN: u32 = 25;
pub(crate) const MIN_REPEAT_ONE: u32 = 26;
pub(crate) const ATOMIC_GROUP: u32 = 27;
pub(crate) const POSSESSIVE_REPEAT: u32 = 28;
pub(crate) const POSSESSIVE_REPEAT_ONE: u32 = 29;
pub(crate) const GROUPREF_IGNORE: u32 = 30;
pub(crate) const IN_IGNORE: u32 = 31;
pub(crate) const LITERAL_IGNORE: u32 = 32;
pub(crate) const NOT_LITERAL_IGNORE: u32 = 33;
pub(crate) const GROUPREF_LOC_IGNORE: u32 = 34;
pub(crate) const IN_LOC_IGNORE: u32 = 35;
pub(crate) const LITERAL_LOC_IGNORE: u32 = 36;
pub(crate) const NOT_LITERAL_LOC_IGNORE: u32 = 37;
pub(crate) const GROUPREF_UNI_IGNORE: u32 = 38;
pub(crate) const IN_UNI_IGNORE: u32 = 39;
pub(crate) const LITERAL_UNI_IGNORE: u32 = 40;
pub(crate) const NOT_LITERAL_UNI_IGNORE: u32 = 41;
pub(crate) const RANGE_UNI_IGNORE: u32 = 42;

pub(crate) const AT_BEGINNING: u32 = 0;
pub(crate) const AT_BEGINNING_LINE: u32 = 1;
pub(crate) const AT_BEGINNING_STRING: u32 = 2;
pub(crate) const AT_BOUNDARY: u32 = 3;
pub(crate) const AT_NON_BOUNDARY: u32 = 4;
pub(crate) const AT_END: u32 = 5;
pub(crate) const AT_END_LINE: u32 = 6;
pub(crate) const AT_END_STRING: u32 = 7;
pub(crate) const AT_LOC_BOUNDARY: u32 = 8;
pub(crate) const AT_LOC_NON_BOUNDARY: u32 = 9;
pub(crate) const AT_UNI_BOUNDARY: u32 = 10;
pub(crate) const AT_UNI_NON_BOUNDARY: u32 = 11;

pub(crate) const INFO_PREFIX: u32 = 1;
pub(crate) const INFO_LITERAL: u32 = 2;
pub(crate) const INFO_CHARSET: u32 = 4;

pub(crate) const FLAG_IGNORECASE: i64 = 2;
pub(crate) const FLAG_LOCALE: i64 = 4;
pub(crate) const FLAG_MULTILINE: i64 = 8;
pub(crate) const FLAG_DOTALL: i64 = 16;
pub(crate) const FLAG_UNICODE: i64 = 32;
pub(crate) const FLAG_VERBOSE: i64 = 64;
pub(crate) const FLAG_DEBUG: i64 = 128;
pub(crate) const FLAG_ASCII: i64 = 256;
