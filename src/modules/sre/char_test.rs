//! A single-character op of the pattern code (LITERAL, ANY, CATEGORY, IN, ...) decoded once
//! into a test that the loops over the text apply per character: REPEAT_ONE's run and the
//! search's scan for possible start positions. Decoding the op (and walking an IN set's
//! subprogram, then the category's `match`) for every character was most of the time of
//! `\w+`, `\d{4}` or `\s+` over long texts.
use super::charclass::*;
use super::constants::*;
use super::engine::{accepts, unit_len, Unit};

#[derive(Clone, Copy)]
pub(crate) enum CharTest {
    Literal(u32),
    NotLiteral(u32),
    Any,
    AnyAll,
    /// A `CATEGORY_*` class (a CATEGORY op, or an IN set holding only it).
    Category(u32),
    /// An IN set holding only a CHARSET: the index of its 8 bitmap words.
    Charset(usize),
    /// An IN set holding only a RANGE.
    Range(u32, u32),
    /// Any other set: `in_set` on the subprogram at this index.
    Set(usize),
    /// Any other single-character op: `accepts` on the op at this index.
    Op(usize),
}

impl CharTest {
    /// The test of the single-character op at `code[pc]` (`engine::unit_len` knows it).
    pub(crate) fn of_op(code: &[u32], pc: usize) -> CharTest {
        match code[pc] {
            LITERAL => CharTest::Literal(code[pc + 1]),
            NOT_LITERAL => CharTest::NotLiteral(code[pc + 1]),
            ANY => CharTest::Any,
            ANY_ALL => CharTest::AnyAll,
            CATEGORY => CharTest::Category(code[pc + 1]),
            IN => CharTest::of_set(code, pc + 2),
            _ => CharTest::Op(pc),
        }
    }

    /// The test of the set subprogram at `code[s]` (ended by FAILURE).
    pub(crate) fn of_set(code: &[u32], s: usize) -> CharTest {
        let ends_at = |k: usize| code.get(s + k) == Some(&FAILURE);
        match code.get(s) {
            Some(&CATEGORY) if ends_at(2) => CharTest::Category(code[s + 1]),
            Some(&CHARSET) if ends_at(9) => CharTest::Charset(s + 1),
            Some(&RANGE) if ends_at(3) => CharTest::Range(code[s + 1], code[s + 2]),
            _ => CharTest::Set(s),
        }
    }

    /// Whether `c` passes.
    #[inline]
    pub(crate) fn test(self, code: &[u32], c: u32) -> bool {
        match self {
            CharTest::Literal(l) => c == l,
            CharTest::NotLiteral(l) => c != l,
            CharTest::Any => c != '\n' as u32,
            CharTest::AnyAll => true,
            CharTest::Category(cat) => category(cat, c),
            CharTest::Charset(b) => c < 256 && code[b + (c as usize >> 5)] & (1u32 << (c & 31)) != 0,
            CharTest::Range(lo, hi) => lo <= c && c <= hi,
            CharTest::Set(s) => in_set(code, s, c),
            CharTest::Op(pc) => accepts(code, pc, c),
        }
    }

    /// How many characters at the start of `run` pass (`PASS`) or fail (`!PASS`): the
    /// length of a REPEAT_ONE run, or the distance to the next possible start.
    #[inline]
    pub(crate) fn span<const PASS: bool, T: Unit>(self, code: &[u32], run: &[T]) -> usize {
        // Each arm is its own loop, the test chosen outside it.
        match self {
            CharTest::Literal(l) => scan::<PASS, T>(run, |c| c == l),
            CharTest::NotLiteral(l) => scan::<PASS, T>(run, |c| c != l),
            CharTest::Any => scan::<PASS, T>(run, |c| c != '\n' as u32),
            CharTest::AnyAll => scan::<PASS, T>(run, |_| true),
            CharTest::Category(cat) => match cat {
                0 => scan::<PASS, T>(run, |c| (b'0' as u32..=b'9' as u32).contains(&c)),
                1 => scan::<PASS, T>(run, |c| !(b'0' as u32..=b'9' as u32).contains(&c)),
                2 => scan::<PASS, T>(run, |c| matches!(c, 9..=13 | 32)),
                3 => scan::<PASS, T>(run, |c| !matches!(c, 9..=13 | 32)),
                4 => scan::<PASS, T>(run, ascii_is_word),
                5 => scan::<PASS, T>(run, |c| !ascii_is_word(c)),
                14 => scan::<PASS, T>(run, uni_is_word),
                15 => scan::<PASS, T>(run, |c| !uni_is_word(c)),
                _ => scan::<PASS, T>(run, |c| category(cat, c)),
            },
            CharTest::Charset(b) => {
                let bits: &[u32] = &code[b..b + 8];
                scan::<PASS, T>(run, |c| c < 256 && bits[c as usize >> 5] & (1u32 << (c & 31)) != 0)
            }
            CharTest::Range(lo, hi) => scan::<PASS, T>(run, |c| lo <= c && c <= hi),
            CharTest::Set(s) => scan::<PASS, T>(run, |c| in_set(code, s, c)),
            CharTest::Op(pc) => scan::<PASS, T>(run, |c| accepts(code, pc, c)),
        }
    }
}

#[inline(always)]
fn scan<const PASS: bool, T: Unit>(run: &[T], test: impl Fn(u32) -> bool) -> usize {
    run.iter().position(|c| test(c.get()) != PASS).unwrap_or(run.len())
}

/// The tests one of which the first character of any match starting at `code[pc]` passes
/// (up to four: BRANCH alternatives), when the code says so: MARK and AT consume nothing,
/// a single-character op or a REPEAT_ONE of at least one iteration consumes the first
/// character. None when a match may be empty or start otherwise (look-around, groups
/// references, REPEAT, ...).
pub(crate) struct FirstChar {
    pub tests: [CharTest; 4],
    pub n: usize,
}

impl FirstChar {
    pub(crate) fn of(code: &[u32], pc: usize) -> Option<FirstChar> {
        let mut first = FirstChar { tests: [CharTest::AnyAll; 4], n: 0 };
        first.collect(code, pc).then_some(first)
    }

    fn add(&mut self, t: CharTest) -> bool {
        if self.n == self.tests.len() {
            return false;
        }
        self.tests[self.n] = t;
        self.n += 1;
        true
    }

    fn collect(&mut self, code: &[u32], mut pc: usize) -> bool {
        // A single-character op lying wholly inside the code.
        let single = |pc: usize| unit_len(code, pc).is_some_and(|n| pc + n <= code.len());
        loop {
            match code.get(pc) {
                Some(&(MARK | AT)) if pc + 2 <= code.len() => pc += 2,
                Some(&(REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE)) => {
                    let body = pc + 4;
                    let min = code.get(pc + 2).copied().unwrap_or(0);
                    return min >= 1 && single(body) && self.add(CharTest::of_op(code, body));
                }
                Some(&BRANCH) => {
                    let mut alt = pc + 1;
                    while let Some(&skip) = code.get(alt) {
                        if skip == 0 {
                            return true;
                        }
                        if !self.collect(code, alt + 1) {
                            return false;
                        }
                        alt += skip as usize;
                    }
                    return false;
                }
                Some(_) if single(pc) => return self.add(CharTest::of_op(code, pc)),
                _ => return false,
            }
        }
    }

}
