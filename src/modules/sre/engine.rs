//! The matcher: runs the pattern code `re._compiler` emits over a text of 1-, 2- or 4-byte
//! code units (str kinds and bytes-like data, read in place; generic over the unit type).
//!
//! A backtracking VM with explicit stacks, so neither long texts nor deep nesting recurse on
//! the C stack:
//! - `choices`: the points to resume from when something fails (the next BRANCH
//!   alternative, one less/more REPEAT_ONE iteration, the tail of a REPEAT, ...), each with
//!   the lengths of the other stacks to return to;
//! - `trail`: an undo log of every change to group marks and repeat counters, unwound to a
//!   choice's length when it resumes;
//! - `repeats`: the REPEAT contexts (count, where the last iteration began, enclosing one);
//! - `frames`: the sub-matches that end at a SUCCESS op (look-around, atomic groups,
//!   possessive repeats): on their SUCCESS the choices made inside are cut.
use super::char_test::{CharTest, FirstChar};
use super::charclass::*;
use super::constants::*;

/// A code unit of the text.
pub(crate) trait Unit: Copy {
    fn get(self) -> u32;
}
impl Unit for u8 {
    #[inline(always)]
    fn get(self) -> u32 {
        self as u32
    }
}
impl Unit for u16 {
    #[inline(always)]
    fn get(self) -> u32 {
        self as u32
    }
}
impl Unit for u32 {
    #[inline(always)]
    fn get(self) -> u32 {
        self
    }
}

const NONE: usize = usize::MAX;

/// Why a match stopped without an answer.
#[derive(Debug)]
pub(crate) enum Stop {
    /// A signal handler raised (the error is set).
    Interrupted,
    /// The code is not what the compiler emits.
    BadCode,
}

#[derive(Clone, Copy)]
enum Resume {
    /// The next BRANCH alternative (its skip word).
    Branch { alt: usize },
    /// REPEAT_ONE: retry the tail after one iteration fewer.
    Fewer { tail: usize, start: usize, count: usize, min: usize },
    /// MIN_REPEAT_ONE: retry the tail after one iteration more.
    More { tail: usize, body: usize, start: usize, count: usize, max: usize },
    /// MAX_UNTIL: the body failed, take the tail.
    RepeatTail { r: usize },
    /// MIN_UNTIL: the tail failed, try another iteration.
    RepeatMore { r: usize },
    /// ASSERT_NOT: the body failed, so the assertion holds.
    AssertNotHolds { cont: usize },
    /// POSSESSIVE_REPEAT: an iteration past the minimum failed; leave with what matched.
    PossessiveDone { frame: usize },
}

#[derive(Clone, Copy)]
struct Choice {
    resume: Resume,
    pos: usize,
    trail: usize,
    repeats: usize,
    frames: usize,
    repeat: usize,
}

#[derive(Clone, Copy)]
enum Undo {
    Mark { index: usize, old: isize, lastindex: isize },
    Repeat { r: usize, count: usize, last_pos: usize },
    Possessive { f: usize, count: usize, iter_start: usize, iter_choice: usize },
}

#[derive(Clone, Copy)]
struct Repeat {
    pc: usize,
    count: usize,
    last_pos: usize,
    parent: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum FrameKind {
    Assert,
    AssertNot,
    Atomic,
    Possessive,
}

#[derive(Clone, Copy)]
struct Frame {
    kind: FrameKind,
    /// The choices stack length when the frame began: what a SUCCESS cuts back to.
    barrier: usize,
    /// ASSERT: the position to come back to; POSSESSIVE_REPEAT: where the iteration began.
    pos: usize,
    /// Where the code continues after the frame's SUCCESS (or the POSSESSIVE_REPEAT op).
    pc: usize,
    count: usize,
    /// POSSESSIVE_REPEAT: the choice that ends the current optional iteration (NONE below
    /// the minimum).
    iter_choice: usize,
}

/// The reusable state of one matcher: results (marks, lastindex, span) and scratch stacks,
/// kept between attempts so a search allocates once.
pub(crate) struct State {
    pub marks: Vec<isize>,
    pub lastindex: isize,
    pub start: usize,
    pub end: usize,
    choices: Vec<Choice>,
    trail: Vec<Undo>,
    repeats: Vec<Repeat>,
    frames: Vec<Frame>,
    steps: u32,
}

impl State {
    pub(crate) fn new(groups: usize) -> State {
        State {
            marks: vec![-1; groups * 2],
            lastindex: -1,
            start: 0,
            end: 0,
            choices: Vec::new(),
            trail: Vec::new(),
            repeats: Vec::new(),
            frames: Vec::new(),
            steps: 0,
        }
    }

    fn reset(&mut self) {
        self.marks.iter_mut().for_each(|m| *m = -1);
        self.lastindex = -1;
        self.choices.clear();
        self.trail.clear();
        self.repeats.clear();
        self.frames.clear();
    }

    /// The span of group `g` (1-based), if it matched.
    pub(crate) fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        if g == 0 {
            return Some((self.start, self.end));
        }
        let (a, b) = (*self.marks.get(2 * g - 2)?, *self.marks.get(2 * g - 1)?);
        (a >= 0 && b >= 0 && a <= b).then_some((a as usize, b as usize))
    }
}

/// Whether the single-character op at `code[pc]` accepts `c`.
#[inline]
pub(crate) fn accepts(code: &[u32], pc: usize, c: u32) -> bool {
    match code[pc] {
        LITERAL => c == code[pc + 1],
        NOT_LITERAL => c != code[pc + 1],
        ANY => c != '\n' as u32,
        ANY_ALL => true,
        IN => in_set(code, pc + 2, c),
        CATEGORY => category(code[pc + 1], c),
        LITERAL_IGNORE => ascii_lower(c) == code[pc + 1],
        NOT_LITERAL_IGNORE => ascii_lower(c) != code[pc + 1],
        LITERAL_UNI_IGNORE => uni_lower(c) == code[pc + 1],
        NOT_LITERAL_UNI_IGNORE => uni_lower(c) != code[pc + 1],
        LITERAL_LOC_IGNORE => literal_loc_ignore(code[pc + 1], c),
        NOT_LITERAL_LOC_IGNORE => !literal_loc_ignore(code[pc + 1], c),
        IN_IGNORE => in_set(code, pc + 2, ascii_lower(c)),
        IN_UNI_IGNORE => in_set(code, pc + 2, uni_lower(c)),
        IN_LOC_IGNORE => in_set_loc_ignore(code, pc + 2, c),
        _ => false,
    }
}

/// Whether `op` is a single-character op (`accepts` knows it), and its length.
#[inline]
pub(crate) fn unit_len(code: &[u32], pc: usize) -> Option<usize> {
    match code[pc] {
        ANY | ANY_ALL => Some(1),
        LITERAL | NOT_LITERAL | CATEGORY | LITERAL_IGNORE | NOT_LITERAL_IGNORE | LITERAL_UNI_IGNORE
        | NOT_LITERAL_UNI_IGNORE | LITERAL_LOC_IGNORE | NOT_LITERAL_LOC_IGNORE => Some(2),
        IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => Some(1 + code[pc + 1] as usize),
        _ => None,
    }
}

/// How many characters from `pos` (at most `max`) the single-character op at `body` accepts.
#[inline]
fn count_run<T: Unit>(code: &[u32], body: usize, text: &[T], pos: usize, max: usize) -> usize {
    let end = pos + max.min(text.len() - pos);
    let run = &text[pos..end];
    match code[body] {
        ANY_ALL => run.len(),
        ANY => run.iter().position(|c| c.get() == '\n' as u32).unwrap_or(run.len()),
        LITERAL => {
            let l = code[body + 1];
            run.iter().position(|c| c.get() != l).unwrap_or(run.len())
        }
        NOT_LITERAL => {
            let l = code[body + 1];
            run.iter().position(|c| c.get() == l).unwrap_or(run.len())
        }
        _ => CharTest::of_op(code, body).span::<true, T>(code, run),
    }
}

fn at<T: Unit>(text: &[T], pos: usize, kind: u32) -> bool {
    let len = text.len();
    let word = |test: fn(u32) -> bool| {
        if len == 0 {
            return None;
        }
        let before = pos > 0 && test(text[pos - 1].get());
        let here = pos < len && test(text[pos].get());
        Some(before != here)
    };
    match kind {
        AT_BEGINNING | AT_BEGINNING_STRING => pos == 0,
        AT_BEGINNING_LINE => pos == 0 || text[pos - 1].get() == '\n' as u32,
        AT_END => pos == len || (pos + 1 == len && text[pos].get() == '\n' as u32),
        AT_END_LINE => pos == len || text[pos].get() == '\n' as u32,
        AT_END_STRING => pos == len,
        AT_BOUNDARY => word(ascii_is_word) == Some(true),
        AT_NON_BOUNDARY => word(ascii_is_word) == Some(false),
        AT_LOC_BOUNDARY => word(loc_is_word) == Some(true),
        AT_LOC_NON_BOUNDARY => word(loc_is_word) == Some(false),
        AT_UNI_BOUNDARY => word(uni_is_word) == Some(true),
        AT_UNI_NON_BOUNDARY => word(uni_is_word) == Some(false),
        _ => false,
    }
}

/// Compares `text[pos..]` with the earlier match `text[a..b]` through `fold`.
fn groupref<T: Unit>(text: &[T], pos: usize, a: usize, b: usize, fold: fn(u32) -> u32) -> Option<usize> {
    let n = b - a;
    if pos + n > text.len() {
        return None;
    }
    (0..n).all(|i| fold(text[a + i].get()) == fold(text[pos + i].get())).then_some(pos + n)
}

fn identity(c: u32) -> u32 {
    c
}

struct Vm<'a, T: Unit> {
    code: &'a [u32],
    text: &'a [T],
    match_all: bool,
    /// A match starting here must not be empty (the previous match of a findall/sub/split
    /// loop was empty here); NONE when any match will do.
    must_advance: usize,
}

impl<'a, T: Unit> Vm<'a, T> {
    /// Whether a match of `start..end` ends the search.
    #[inline]
    fn acceptable(&self, start: usize, end: usize) -> bool {
        !(self.match_all && end != self.text.len()) && !(end == start && start == self.must_advance)
    }

    fn set_mark(&self, st: &mut State, index: usize, pos: usize) {
        if index >= st.marks.len() {
            return;
        }
        st.trail.push(Undo::Mark { index, old: st.marks[index], lastindex: st.lastindex });
        st.marks[index] = pos as isize;
        if index & 1 == 1 {
            st.lastindex = (index / 2 + 1) as isize;
        }
    }

    fn push(&self, st: &mut State, resume: Resume, pos: usize, repeat: usize) {
        st.choices.push(Choice {
            resume,
            pos,
            trail: st.trail.len(),
            repeats: st.repeats.len(),
            frames: st.frames.len(),
            repeat,
        });
    }

    fn save_repeat(&self, st: &mut State, r: usize) {
        let rep = st.repeats[r];
        st.trail.push(Undo::Repeat { r, count: rep.count, last_pos: rep.last_pos });
    }

    fn save_possessive(&self, st: &mut State, f: usize) {
        let fr = st.frames[f];
        st.trail.push(Undo::Possessive { f, count: fr.count, iter_start: fr.pos, iter_choice: fr.iter_choice });
    }

    /// What MAX_UNTIL/MIN_UNTIL decide for repeat `r` at `pos`: the pc to go on at (and the
    /// current repeat, through `repeat`).
    fn until(&self, st: &mut State, r: usize, pos: usize, repeat: &mut usize) -> usize {
        let rep = st.repeats[r];
        let code = self.code;
        let (min, max) = (code[rep.pc + 2] as usize, code[rep.pc + 3]);
        let body = rep.pc + 4;
        let until = rep.pc + 1 + code[rep.pc + 1] as usize;
        let below_max = max == MAXREPEAT || rep.count < max as usize;
        if rep.count < min {
            self.save_repeat(st, r);
            st.repeats[r].last_pos = pos;
            return body;
        }
        if code[until] == MIN_UNTIL {
            self.push(st, Resume::RepeatMore { r }, pos, r);
            *repeat = rep.parent;
            return until + 1;
        }
        if below_max && pos != rep.last_pos {
            self.push(st, Resume::RepeatTail { r }, pos, r);
            self.save_repeat(st, r);
            st.repeats[r].last_pos = pos;
            return body;
        }
        *repeat = rep.parent;
        until + 1
    }

    /// POSSESSIVE_REPEAT frame `f`: the next iteration or the way out.
    fn possessive_next(&self, st: &mut State, f: usize, pos: usize, repeat: usize) -> usize {
        let fr = st.frames[f];
        let code = self.code;
        let (min, max) = (code[fr.pc + 2] as usize, code[fr.pc + 3]);
        let body = fr.pc + 4;
        if fr.count < min {
            self.save_possessive(st, f);
            st.frames[f].pos = pos;
            st.frames[f].iter_choice = NONE;
            return body;
        }
        if max == MAXREPEAT || fr.count < max as usize {
            let choice = st.choices.len();
            self.push(st, Resume::PossessiveDone { frame: f }, pos, repeat);
            self.save_possessive(st, f);
            st.frames[f].pos = pos;
            st.frames[f].iter_choice = choice;
            return body;
        }
        self.leave_possessive(st, f)
    }

    fn leave_possessive(&self, st: &mut State, f: usize) -> usize {
        let fr = st.frames[f];
        st.choices.truncate(fr.barrier);
        st.frames.truncate(f);
        fr.pc + 1 + self.code[fr.pc + 1] as usize + 1
    }

    /// Resumes from the newest choice: Some((pc, pos)) to go on, None when none is left.
    fn backtrack(&self, st: &mut State, repeat: &mut usize) -> Result<Option<(usize, usize)>, Stop> {
        let text = self.text;
        let code = self.code;
        loop {
            st.steps = st.steps.wrapping_add(1);
            if st.steps & 0xfffff == 0 && crate::runtime::signals::PyErr_CheckSignals() < 0 {
                return Err(Stop::Interrupted);
            }
            let Some(c) = st.choices.pop() else { return Ok(None) };
            while st.trail.len() > c.trail {
                match st.trail.pop().unwrap() {
                    Undo::Mark { index, old, lastindex } => {
                        st.marks[index] = old;
                        st.lastindex = lastindex;
                    }
                    Undo::Repeat { r, count, last_pos } => {
                        if r < st.repeats.len() {
                            st.repeats[r].count = count;
                            st.repeats[r].last_pos = last_pos;
                        }
                    }
                    Undo::Possessive { f, count, iter_start, iter_choice } => {
                        if f < st.frames.len() {
                            st.frames[f].count = count;
                            st.frames[f].pos = iter_start;
                            st.frames[f].iter_choice = iter_choice;
                        }
                    }
                }
            }
            st.repeats.truncate(c.repeats);
            st.frames.truncate(c.frames);
            *repeat = c.repeat;
            let pos = c.pos;
            match c.resume {
                Resume::Branch { alt } => {
                    if let Some(pc) = self.branch(st, alt, pos, *repeat) {
                        return Ok(Some((pc, pos)));
                    }
                }
                Resume::Fewer { tail, start, count, min } => {
                    if let Some(k) = self.fewer(tail, start, count, min) {
                        if k > min {
                            self.push(st, Resume::Fewer { tail, start, count: k, min }, pos, *repeat);
                        }
                        return Ok(Some((tail, start + k)));
                    }
                }
                Resume::More { tail, body, start, mut count, max } => {
                    let next = (code[tail] == LITERAL).then(|| code[tail + 1]);
                    loop {
                        let p = start + count;
                        if count >= max || p >= text.len() || !accepts(code, body, text[p].get()) {
                            break;
                        }
                        count += 1;
                        if let Some(l) = next {
                            if start + count >= text.len() || text[start + count].get() != l {
                                continue;
                            }
                        }
                        self.push(st, Resume::More { tail, body, start, count, max }, pos, *repeat);
                        return Ok(Some((tail, start + count)));
                    }
                }
                Resume::RepeatTail { r } => {
                    let rep = st.repeats[r];
                    *repeat = rep.parent;
                    return Ok(Some((rep.pc + 1 + code[rep.pc + 1] as usize + 1, pos)));
                }
                Resume::RepeatMore { r } => {
                    let rep = st.repeats[r];
                    let max = code[rep.pc + 3];
                    if (max == MAXREPEAT || rep.count < max as usize) && pos != rep.last_pos {
                        self.save_repeat(st, r);
                        st.repeats[r].last_pos = pos;
                        return Ok(Some((rep.pc + 4, pos)));
                    }
                }
                Resume::AssertNotHolds { cont } => return Ok(Some((cont, pos))),
                Resume::PossessiveDone { frame } => {
                    let pc = self.leave_possessive(st, frame);
                    return Ok(Some((pc, pos)));
                }
            }
        }
    }

    /// REPEAT_ONE backtracking: the largest count below `count` (and at least `min`) after
    /// which the tail can start (a literal tail must see its character).
    fn fewer(&self, tail: usize, start: usize, count: usize, min: usize) -> Option<usize> {
        if count <= min {
            return None;
        }
        self.fit_tail(tail, start, count - 1, min)
    }

    fn fit_tail(&self, tail: usize, start: usize, mut count: usize, min: usize) -> Option<usize> {
        if self.code[tail] == LITERAL {
            let l = self.code[tail + 1];
            loop {
                let p = start + count;
                if p < self.text.len() && self.text[p].get() == l {
                    return Some(count);
                }
                if count == min {
                    return None;
                }
                count -= 1;
            }
        }
        Some(count)
    }

    /// Enters the first BRANCH alternative from the skip word at `alt` that can start at
    /// `pos`, leaving a choice for the next; None when none is left.
    fn branch(&self, st: &mut State, mut alt: usize, pos: usize, repeat: usize) -> Option<usize> {
        let code = self.code;
        while code[alt] != 0 {
            let body = alt + 1;
            let next = alt + code[alt] as usize;
            if code[body] == LITERAL && (pos >= self.text.len() || self.text[pos].get() != code[body + 1]) {
                alt = next;
                continue;
            }
            if code[next] != 0 {
                self.push(st, Resume::Branch { alt: next }, pos, repeat);
            }
            return Some(body);
        }
        None
    }

    /// Runs the code from `pc`/`pos`; true on a match (span in `st.start..st.end`).
    fn run(&self, st: &mut State, start: usize) -> Result<bool, Stop> {
        let code = self.code;
        let text = self.text;
        let len = text.len();
        let mut pc = 0usize;
        let mut pos = start;
        let mut repeat = NONE;
        macro_rules! fail {
            () => {{
                // Most failures of a search's attempts happen with nothing to resume.
                if st.choices.is_empty() {
                    return Ok(false);
                }
                match self.backtrack(st, &mut repeat)? {
                    Some((p, q)) => {
                        pc = p;
                        pos = q;
                        continue;
                    }
                    None => return Ok(false),
                }
            }};
        }
        loop {
            let Some(&op) = code.get(pc) else { return Err(Stop::BadCode) };
            if let Some(n) = unit_len(code, pc) {
                if pos < len && accepts(code, pc, text[pos].get()) {
                    pos += 1;
                    pc += n;
                    continue;
                }
                fail!();
            }
            match op {
                FAILURE => fail!(),
                SUCCESS => {
                    let Some(&fr) = st.frames.last() else {
                        if !self.acceptable(start, pos) {
                            fail!();
                        }
                        st.start = start;
                        st.end = pos;
                        return Ok(true);
                    };
                    let f = st.frames.len() - 1;
                    match fr.kind {
                        FrameKind::Atomic => {
                            st.choices.truncate(fr.barrier);
                            st.frames.pop();
                            pc = fr.pc;
                        }
                        FrameKind::Assert => {
                            st.choices.truncate(fr.barrier);
                            st.frames.pop();
                            pc = fr.pc;
                            pos = fr.pos;
                        }
                        FrameKind::AssertNot => {
                            st.choices.truncate(fr.barrier);
                            st.frames.pop();
                            fail!();
                        }
                        FrameKind::Possessive => {
                            if fr.iter_choice != NONE {
                                st.choices.truncate(fr.iter_choice);
                            }
                            self.save_possessive(st, f);
                            st.frames[f].count += 1;
                            if fr.iter_choice != NONE && pos == fr.pos {
                                // An empty iteration: more would match nothing new.
                                pc = self.leave_possessive(st, f);
                            } else {
                                pc = self.possessive_next(st, f, pos, repeat);
                            }
                        }
                    }
                }
                AT => {
                    if !at(text, pos, code[pc + 1]) {
                        fail!();
                    }
                    pc += 2;
                }
                MARK => {
                    self.set_mark(st, code[pc + 1] as usize, pos);
                    pc += 2;
                }
                JUMP => pc += 1 + code[pc + 1] as usize,
                INFO => {
                    if len - pos < code[pc + 3] as usize {
                        fail!();
                    }
                    pc += 1 + code[pc + 1] as usize;
                }
                BRANCH => match self.branch(st, pc + 1, pos, repeat) {
                    Some(p) => pc = p,
                    None => fail!(),
                },
                REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                    let tail = pc + 1 + code[pc + 1] as usize;
                    let min = code[pc + 2] as usize;
                    let max = if code[pc + 3] == MAXREPEAT { usize::MAX } else { code[pc + 3] as usize };
                    let body = pc + 4;
                    if len - pos < min {
                        fail!();
                    }
                    let greedy = op != MIN_REPEAT_ONE;
                    let count = count_run(code, body, text, pos, if greedy { max } else { min });
                    if count < min {
                        fail!();
                    }
                    if code[tail] == SUCCESS && st.frames.is_empty() && greedy && self.acceptable(start, pos + count) {
                        st.start = start;
                        st.end = pos + count;
                        return Ok(true);
                    }
                    if op == POSSESSIVE_REPEAT_ONE {
                        pos += count;
                        pc = tail;
                    } else if greedy {
                        let Some(k) = self.fit_tail(tail, pos, count, min) else { fail!() };
                        if k > min {
                            self.push(st, Resume::Fewer { tail, start: pos, count: k, min }, pos, repeat);
                        }
                        pos += k;
                        pc = tail;
                    } else {
                        self.push(st, Resume::More { tail, body, start: pos, count: min, max }, pos, repeat);
                        pos += min;
                        pc = tail;
                        if code[tail] == LITERAL && (pos >= len || text[pos].get() != code[tail + 1]) {
                            fail!();
                        }
                    }
                }
                REPEAT => {
                    let r = st.repeats.len();
                    st.repeats.push(Repeat { pc, count: 0, last_pos: NONE, parent: repeat });
                    repeat = r;
                    pc = self.until(st, r, pos, &mut repeat);
                }
                MAX_UNTIL | MIN_UNTIL => {
                    let r = repeat;
                    if r == NONE || r >= st.repeats.len() {
                        return Err(Stop::BadCode);
                    }
                    self.save_repeat(st, r);
                    st.repeats[r].count += 1;
                    pc = self.until(st, r, pos, &mut repeat);
                }
                POSSESSIVE_REPEAT => {
                    let f = st.frames.len();
                    st.frames.push(Frame {
                        kind: FrameKind::Possessive,
                        barrier: st.choices.len(),
                        pos,
                        pc,
                        count: 0,
                        iter_choice: NONE,
                    });
                    pc = self.possessive_next(st, f, pos, repeat);
                }
                ATOMIC_GROUP => {
                    st.frames.push(Frame {
                        kind: FrameKind::Atomic,
                        barrier: st.choices.len(),
                        pos,
                        pc: pc + 1 + code[pc + 1] as usize,
                        count: 0,
                        iter_choice: NONE,
                    });
                    pc += 2;
                }
                ASSERT | ASSERT_NOT => {
                    let cont = pc + 1 + code[pc + 1] as usize;
                    let back = code[pc + 2] as usize;
                    if back > pos {
                        if op == ASSERT {
                            fail!();
                        }
                        pc = cont;
                        continue;
                    }
                    let kind = if op == ASSERT {
                        FrameKind::Assert
                    } else {
                        self.push(st, Resume::AssertNotHolds { cont }, pos, repeat);
                        FrameKind::AssertNot
                    };
                    let barrier = if op == ASSERT { st.choices.len() } else { st.choices.len() - 1 };
                    st.frames.push(Frame { kind, barrier, pos, pc: cont, count: 0, iter_choice: NONE });
                    pos -= back;
                    pc += 3;
                }
                GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                    let g = code[pc + 1] as usize + 1;
                    let Some((a, b)) = st.group_span(g) else { fail!() };
                    let fold = match op {
                        GROUPREF => identity,
                        GROUPREF_IGNORE => ascii_lower,
                        GROUPREF_UNI_IGNORE => uni_lower,
                        _ => loc_lower,
                    };
                    match groupref(text, pos, a, b, fold) {
                        Some(p) => pos = p,
                        None => fail!(),
                    }
                    pc += 2;
                }
                GROUPREF_EXISTS => {
                    let g = code[pc + 1] as usize + 1;
                    if st.group_span(g).is_some() {
                        pc += 3;
                    } else {
                        pc += 1 + code[pc + 2] as usize;
                    }
                }
                _ => return Err(Stop::BadCode),
            }
        }
    }
}

/// Tries a match starting exactly at `pos` in `text` (already cut at `endpos`).
pub(crate) fn match_at<T: Unit>(st: &mut State, code: &[u32], text: &[T], pos: usize, match_all: bool, must_advance: bool) -> Result<bool, Stop> {
    if pos > text.len() {
        return Ok(false);
    }
    st.reset();
    Vm { code, text, match_all, must_advance: if must_advance { pos } else { NONE } }.run(st, pos)
}

/// Finds the first match at or after `pos`, skipping start positions the INFO block's
/// literal prefix or first-character set rules out.
pub(crate) fn search<T: Unit>(st: &mut State, code: &[u32], text: &[T], pos: usize, must_advance: bool) -> Result<bool, Stop> {
    let len = text.len();
    if pos > len {
        return Ok(false);
    }
    let vm = Vm { code, text, match_all: false, must_advance: if must_advance { pos } else { NONE } };
    let mut prefix: &[u32] = &[];
    let mut charset = NONE;
    let mut body = 0;
    if code.first() == Some(&INFO) {
        let flags = code[2];
        let min = code[3] as usize;
        if len - pos < min {
            return Ok(false);
        }
        if flags & INFO_PREFIX != 0 {
            let n = code[5] as usize;
            prefix = &code[7..7 + n];
        } else if flags & INFO_CHARSET != 0 {
            charset = 5;
        }
        body = 1 + code[1] as usize;
    }
    let attempt = |st: &mut State, at: usize| -> Result<bool, Stop> {
        st.reset();
        vm.run(st, at)
    };
    if let Some((&first, rest)) = prefix.split_first() {
        let mut i = pos;
        while i < len {
            match text[i..].iter().position(|c| c.get() == first) {
                None => return Ok(false),
                Some(k) => i += k,
            }
            if i + prefix.len() > len {
                return Ok(false);
            }
            if rest.iter().enumerate().all(|(j, &c)| text[i + 1 + j].get() == c) && attempt(st, i)? {
                return Ok(true);
            }
            i += 1;
        }
        return Ok(false);
    }
    if charset != NONE {
        return scan_starts(st, code, text, pos, &[CharTest::of_set(code, charset)], attempt);
    }
    // A pattern anchored at the beginning can only match there.
    if code.get(body) == Some(&AT) && matches!(code[body + 1], AT_BEGINNING | AT_BEGINNING_STRING) {
        return if pos == 0 { attempt(st, 0) } else { Ok(false) };
    }
    // The first character of any match must pass one of a few tests: skip the others.
    if let Some(first) = FirstChar::of(code, body) {
        return scan_starts(st, code, text, pos, &first.tests[..first.n], attempt);
    }
    // `(?m)^...` can only match at the start of a line.
    if code.get(body) == Some(&AT) && code.get(body + 1) == Some(&AT_BEGINNING_LINE) {
        let mut i = pos;
        loop {
            if (i == 0 || text[i - 1].get() == '\n' as u32) && attempt(st, i)? {
                return Ok(true);
            }
            match text[i..].iter().position(|c| c.get() == '\n' as u32) {
                None => return Ok(false),
                Some(k) => i += k + 1,
            }
        }
    }
    for i in pos..=len {
        if attempt(st, i)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Tries `attempt` at each position from `pos` whose character passes one of `tests`.
fn scan_starts<T: Unit>(
    st: &mut State,
    code: &[u32],
    text: &[T],
    pos: usize,
    tests: &[CharTest],
    attempt: impl Fn(&mut State, usize) -> Result<bool, Stop>,
) -> Result<bool, Stop> {
    let mut i = pos;
    loop {
        let rest = &text[i..];
        i += match tests {
            [t] => t.span::<false, T>(code, rest),
            _ => rest.iter().position(|c| tests.iter().any(|t| t.test(code, c.get()))).unwrap_or(rest.len()),
        };
        if i >= text.len() {
            return Ok(false);
        }
        if attempt(st, i)? {
            return Ok(true);
        }
        i += 1;
    }
}
