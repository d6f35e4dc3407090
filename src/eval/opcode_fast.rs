//! Which instruction bytes the eval loop may meet. Its dispatch is a `match` over all 256
//! byte values whose impossible ones are unreachable (so the jump table has no range
//! check): code objects are checked with `is_runnable` when they are built.
use ferropy_compiler::opcode::Op;

/// The byte `PyCode_New` code carries after its `RESUME` (the loop refuses to run it), and
/// the dispatch value of an instruction while tracing (`use_tracing` is 255 then and is
/// or-ed into the byte).
pub(crate) const TRACE_OR_FOREIGN: u8 = 0xff;

/// Whether the loop can dispatch the instruction byte `b`: an opcode or the foreign mark.
#[inline]
pub(crate) fn is_runnable(b: u8) -> bool {
    b <= Op::CACHE as u8 || b == TRACE_OR_FOREIGN
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runnable_bytes_are_the_opcodes_and_the_mark() {
        for b in 0..=255u8 {
            let op = Op::from_u8(b).filter(|op| (*op as u8) <= Op::CACHE as u8);
            assert_eq!(is_runnable(b), op.is_some() || b == 0xff, "byte {b}");
        }
        assert_eq!(ferropy_compiler::opcode::byte::CACHE, Op::CACHE as u8);
    }
}
