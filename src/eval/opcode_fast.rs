//! Decoding an instruction word's opcode without the compiler's `Op::from_u8` match (a
//! call per instruction): opcodes `0..=CACHE` are all defined, so one range check and a
//! transmute give the `Op`.
use ferropy_compiler::opcode::Op;

/// The opcode of the low byte `b`, or `None` past the last real opcode.
#[inline(always)]
pub(crate) fn decode(b: u8) -> Option<Op> {
    if b <= Op::CACHE as u8 {
        // SAFETY: `Op` is `repr(u8)` and every value up to CACHE is a variant (checked by
        // the test below).
        Some(unsafe { core::mem::transmute::<u8, Op>(b) })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_up_to_cache_is_an_opcode() {
        for b in 0..=255u8 {
            let expected = Op::from_u8(b).filter(|op| (*op as u8) <= Op::CACHE as u8);
            assert_eq!(decode(b), expected, "byte {b}");
        }
    }
}
