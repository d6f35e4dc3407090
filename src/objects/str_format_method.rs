//! `str.format(*args, **kwargs)`, `str.format_map(mapping)` and `str.__format__(spec)`, on
//! one parser of replacement fields that `string.Formatter` also needs (`FieldParser` and
//! `split_field_name` are what `_string.formatter_parser` and
//! `_string.formatter_field_name_split` expose).
//!
//! A format string is literal text with `{{`/`}}` escapes and fields
//! `{name[.attr|[key]]...[!conversion][:spec]}`. Parsing is incremental, as CPython's: a
//! field is rendered before the text after it is parsed, so which error is raised first
//! matches. The spec may itself hold fields (`{0:{1}}`), expanded to a depth of two.
use crate::abstract_::{from_slot, ret_obj};
use crate::errors::exception_types as exc;
use crate::errors::raised::{PyResult, Raised};
use crate::object::object::PyObject;
use crate::object::pending_error::raise_type;
use crate::object::ptr::PyRef;
use crate::objects::str::Py_UCS4;
use crate::objects::unicode_db;
use crate::objects::unicode_text::{from_code_points, Out, Text};
use crate::objects::{int, tuple};

const LBRACE: Py_UCS4 = '{' as Py_UCS4;
const RBRACE: Py_UCS4 = '}' as Py_UCS4;
const LBRACKET: Py_UCS4 = '[' as Py_UCS4;
const RBRACKET: Py_UCS4 = ']' as Py_UCS4;
const COLON: Py_UCS4 = ':' as Py_UCS4;
const BANG: Py_UCS4 = '!' as Py_UCS4;
const DOT: Py_UCS4 = '.' as Py_UCS4;

fn value_error(message: impl Into<String>) -> Raised {
    raise_type(&raw mut exc::_PyExc_ValueError, message)
}

/// One replacement field: ranges into the format string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Field {
    pub name: (usize, usize),
    /// The character after `!`, if any (checked when the field is rendered).
    pub conversion: Option<Py_UCS4>,
    pub spec: (usize, usize),
    /// The spec holds `{`: it is itself a format string.
    pub spec_has_fields: bool,
}

/// A step of the parser: literal text (a range) and the field after it, if any.
pub(crate) type Piece = ((usize, usize), Option<Field>);

/// The pieces of a format string, one at a time (`_string.formatter_parser`).
pub(crate) struct FieldParser<'a> {
    s: &'a [Py_UCS4],
    pos: usize,
}

impl<'a> FieldParser<'a> {
    pub(crate) fn new(s: &'a [Py_UCS4]) -> FieldParser<'a> {
        FieldParser { s, pos: 0 }
    }

    /// The next piece, None at the end, or the ValueError of a malformed string.
    pub(crate) fn next_piece(&mut self) -> PyResult<Option<Piece>> {
        let s = self.s;
        let n = s.len();
        if self.pos >= n {
            return Ok(None);
        }
        let start = self.pos;
        let mut i = start;
        // Literal text up to a brace; a doubled brace ends the piece with one of the two.
        while i < n && s[i] != LBRACE && s[i] != RBRACE {
            i += 1;
        }
        if i == n {
            self.pos = n;
            return Ok(Some(((start, n), None)));
        }
        let brace = s[i];
        if i + 1 < n && s[i + 1] == brace {
            self.pos = i + 2;
            return Ok(Some(((start, i + 1), None)));
        }
        if brace == RBRACE {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if i + 1 == n {
            return Err(value_error("Single '{' encountered in format string"));
        }
        let literal = (start, i);
        let field = self.parse_field(i + 1)?;
        Ok(Some((literal, Some(field))))
    }

    /// Parses the field starting at `i` (after its `{`) and moves past its `}`.
    fn parse_field(&mut self, mut i: usize) -> PyResult<Field> {
        let s = self.s;
        let n = s.len();
        let name_start = i;
        // The name runs to `!`, `:` or `}`; inside `[...]` those are part of a key.
        let mut in_bracket = false;
        loop {
            if i == n {
                return Err(value_error("expected '}' before end of string"));
            }
            let c = s[i];
            if in_bracket {
                in_bracket = c != RBRACKET;
            } else if c == LBRACKET {
                in_bracket = true;
            } else if c == LBRACE {
                return Err(value_error("unexpected '{' in field name"));
            } else if c == BANG || c == COLON || c == RBRACE {
                break;
            }
            i += 1;
        }
        let mut field = Field { name: (name_start, i), conversion: None, spec: (i, i), spec_has_fields: false };
        if s[i] == BANG {
            if i + 1 == n {
                return Err(value_error("end of string while looking for conversion specifier"));
            }
            field.conversion = Some(s[i + 1]);
            i += 2;
            if i == n {
                return Err(value_error("unmatched '{' in format spec"));
            }
            if s[i] != COLON && s[i] != RBRACE {
                return Err(value_error("expected ':' after conversion specifier"));
            }
        }
        if s[i] == COLON {
            i += 1;
            let spec_start = i;
            let mut depth = 1;
            loop {
                if i == n {
                    return Err(value_error("unmatched '{' in format spec"));
                }
                match s[i] {
                    LBRACE => {
                        field.spec_has_fields = true;
                        depth += 1;
                    }
                    RBRACE => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            field.spec = (spec_start, i);
        } else {
            field.spec = (i, i);
        }
        // `s[i]` is the closing brace.
        self.pos = i + 1;
        Ok(field)
    }
}

/// The first part of a field name: an index (all decimal digits) or a key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum FirstPart {
    /// Empty: the next automatic index.
    Auto,
    Index(usize),
    Key((usize, usize)),
}

/// One `.attr` or `[key]` step after the first part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    Attr((usize, usize)),
    Index(usize),
    Key((usize, usize)),
}

/// An all-digits text as an index: None when it is not one, the ValueError when it is too
/// large.
fn parse_index(s: &[Py_UCS4]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut v: usize = 0;
    for &c in s {
        let d = unicode_db::decimal(c);
        if d < 0 {
            return Ok(None);
        }
        v = match v.checked_mul(10).and_then(|v| v.checked_add(d as usize)).filter(|&v| v <= isize::MAX as usize) {
            Some(v) => v,
            None => return Err(value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(v))
}

/// Splits a field name (`s[range]`) into its first part and an iterator over the rest,
/// whose malformed steps raise only when reached (`_string.formatter_field_name_split`).
pub(crate) fn split_field_name(s: &[Py_UCS4], range: (usize, usize)) -> PyResult<(FirstPart, NameSteps<'_>)> {
    let (start, end) = range;
    let mut i = start;
    while i < end && s[i] != DOT && s[i] != LBRACKET {
        i += 1;
    }
    let first = if i == start {
        FirstPart::Auto
    } else {
        match parse_index(&s[start..i])? {
            Some(v) => FirstPart::Index(v),
            None => FirstPart::Key((start, i)),
        }
    };
    Ok((first, NameSteps { s, pos: i, end }))
}

/// The `.attr`/`[key]` steps of a field name.
pub(crate) struct NameSteps<'a> {
    s: &'a [Py_UCS4],
    pos: usize,
    end: usize,
}

impl NameSteps<'_> {
    pub(crate) fn next_step(&mut self) -> PyResult<Option<Step>> {
        let (s, end) = (self.s, self.end);
        if self.pos >= end {
            return Ok(None);
        }
        let c = s[self.pos];
        let start = self.pos + 1;
        let mut i = start;
        let step = if c == DOT {
            while i < end && s[i] != DOT && s[i] != LBRACKET {
                i += 1;
            }
            self.pos = i;
            Step::Attr((start, i))
        } else if c == LBRACKET {
            while i < end && s[i] != RBRACKET {
                i += 1;
            }
            if i == end {
                return Err(value_error("Missing ']' in format string"));
            }
            self.pos = i + 1;
            match parse_index(&s[start..i])? {
                Some(v) => Step::Index(v),
                None => Step::Key((start, i)),
            }
        } else {
            return Err(value_error("Only '.' or '[' may follow ']' in format field specifier"));
        };
        let (Step::Attr((a, b)) | Step::Key((a, b))) = step else { return Ok(Some(step)) };
        if a == b {
            return Err(value_error("Empty attribute in format string"));
        }
        Ok(Some(step))
    }
}

/// Where the values of fields come from.
enum Source {
    /// `str.format(*args, **kwargs)`; kwargs may be NULL.
    Args { args: *mut PyObject, kwargs: *mut PyObject },
    /// `str.format_map(mapping)`.
    Mapping(*mut PyObject),
}

/// Automatic (`{}`) versus manual (`{0}`) numbering: a string uses one or the other.
#[derive(PartialEq)]
enum Numbering {
    Unset,
    Auto(usize),
    Manual,
}

struct Formatter<'a> {
    s: &'a [Py_UCS4],
    source: Source,
    numbering: Numbering,
}

impl Formatter<'_> {
    /// Renders `s[range]` into `out`, `depth` levels of nested specs allowed.
    unsafe fn render(&mut self, range: (usize, usize), depth: i32, out: &mut Out) -> PyResult<()> {
        if depth <= 0 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let text: &[Py_UCS4] = self.s;
        let mut parser = FieldParser::new(&text[..range.1]);
        parser.pos = range.0;
        while let Some(((a, b), field)) = parser.next_piece()? {
            for &c in &text[a..b] {
                out.push(c);
            }
            if let Some(f) = field {
                self.render_field(&f, depth, out)?;
            }
        }
        Ok(())
    }

    unsafe fn render_field(&mut self, f: &Field, depth: i32, out: &mut Out) -> PyResult<()> {
        let obj = self.field_value(f.name)?;
        let obj = match f.conversion {
            None => obj,
            Some(c) => convert(obj.as_ptr(), c)?,
        };
        if !f.spec_has_fields {
            // Exact str, int and float format from the spec's code points in place: no spec
            // str to make and read back (their __format__ cannot be replaced).
            let spec = &self.s[f.spec.0..f.spec.1];
            let tp = (*obj.as_ptr()).ob_type;
            use crate::abstract_::format as fmt;
            let done = if tp == &raw mut crate::objects::str::PyUnicode_Type {
                if spec.is_empty() {
                    out.extend_text(Text::of(obj.as_ptr()));
                    return Ok(());
                }
                Some(fmt::format_str_object(obj.as_ptr(), spec)?)
            } else if tp == &raw mut crate::objects::int::PyLong_Type {
                Some(fmt::format_int_object(obj.as_ptr(), spec)?)
            } else if tp == crate::objects::float::float_type() {
                Some(fmt::format_float_object(obj.as_ptr(), spec)?)
            } else {
                None
            };
            if let Some(text) = done {
                out.extend_text(Text::of(text.as_ptr()));
                return Ok(());
            }
        }
        let spec = if f.spec_has_fields {
            let mut nested = Out::with_capacity(f.spec.1 - f.spec.0);
            self.render(f.spec, depth - 1, &mut nested)?;
            Some(nested.finish()?)
        } else if f.spec.0 == f.spec.1 {
            None
        } else {
            Some(self.text(f.spec)?)
        };
        let text = from_slot(crate::abstract_::format::PyObject_Format(
            obj.as_ptr(),
            spec.as_ref().map_or(core::ptr::null_mut(), PyRef::as_ptr),
        ))?;
        out.extend_text(Text::of(text.as_ptr()));
        Ok(())
    }

    /// The object a field name designates.
    unsafe fn field_value(&mut self, name: (usize, usize)) -> PyResult<PyRef> {
        let (first, mut steps) = split_field_name(self.s, name)?;
        let mut obj = match first {
            FirstPart::Auto => {
                let i = match self.numbering {
                    Numbering::Manual => {
                        return Err(value_error(
                            "cannot switch from manual field specification to automatic field numbering",
                        ))
                    }
                    Numbering::Unset => 0,
                    Numbering::Auto(i) => i,
                };
                self.numbering = Numbering::Auto(i + 1);
                self.positional(i)?
            }
            FirstPart::Index(i) => {
                if let Numbering::Auto(_) = self.numbering {
                    return Err(value_error(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                self.numbering = Numbering::Manual;
                self.positional(i)?
            }
            FirstPart::Key(r) => self.keyword(r)?,
        };
        while let Some(step) = steps.next_step()? {
            obj = match step {
                Step::Attr(r) => {
                    let name = self.text(r)?;
                    crate::object::object_attr::get_attr(obj.as_ptr(), name.as_ptr())?
                }
                Step::Index(i) => {
                    let key = int::from_i64(i as i64)?;
                    from_slot(crate::abstract_::item::PyObject_GetItem(obj.as_ptr(), key.as_ptr()))?
                }
                Step::Key(r) => {
                    let key = self.text(r)?;
                    from_slot(crate::abstract_::item::PyObject_GetItem(obj.as_ptr(), key.as_ptr()))?
                }
            };
        }
        Ok(obj)
    }

    fn text(&self, r: (usize, usize)) -> PyResult<PyRef> {
        from_code_points(&self.s[r.0..r.1], self.s[r.0..r.1].iter().copied().max().unwrap_or(0))
    }

    unsafe fn positional(&self, i: usize) -> PyResult<PyRef> {
        match self.source {
            Source::Args { args, .. } => {
                let items = tuple::items(args);
                match items.get(i) {
                    Some(&o) => Ok(crate::abstract_::new_ref(o)),
                    None => Err(raise_type(
                        &raw mut exc::_PyExc_IndexError,
                        format!("Replacement index {i} out of range for positional args tuple"),
                    )),
                }
            }
            Source::Mapping(_) => Err(value_error("Format string contains positional fields")),
        }
    }

    unsafe fn keyword(&self, r: (usize, usize)) -> PyResult<PyRef> {
        let key = self.text(r)?;
        match self.source {
            Source::Args { kwargs, .. } => {
                if !kwargs.is_null() {
                    if let Some(v) = crate::objects::dict::get_item(kwargs, key.as_ptr())? {
                        return Ok(crate::abstract_::new_ref(v));
                    }
                }
                Err(crate::objects::dict::set_key_error(key.as_ptr()))
            }
            Source::Mapping(m) => from_slot(crate::abstract_::item::PyObject_GetItem(m, key.as_ptr())),
        }
    }
}

/// Applies a `!r`, `!s` or `!a` conversion.
unsafe fn convert(obj: *mut PyObject, c: Py_UCS4) -> PyResult<PyRef> {
    use crate::abstract_::object::{PyObject_ASCII, PyObject_Repr, PyObject_Str};
    match char::from_u32(c) {
        Some('r') => from_slot(PyObject_Repr(obj)),
        Some('s') => from_slot(PyObject_Str(obj)),
        Some('a') => from_slot(PyObject_ASCII(obj)),
        _ if c > 32 && c < 127 => Err(value_error(format!("Unknown conversion specifier {}", c as u8 as char))),
        _ => Err(value_error(format!("Unknown conversion specifier \\x{c:x}"))),
    }
}

/// Formats the str `s` with values from `source`.
unsafe fn format(s: *mut PyObject, source: Source) -> PyResult<PyRef> {
    // The format's code points, in a buffer of the builder pool (a short format allocates
    // nothing here).
    let mut fmt = Out::with_capacity(0);
    fmt.extend_text(Text::of(s));
    let cps = fmt.code_points();
    let mut f = Formatter { s: cps, source, numbering: Numbering::Unset };
    let mut out = Out::with_capacity(cps.len() + 16);
    f.render((0, cps.len()), 2, &mut out)?;
    out.finish()
}

/// `str.format(*args, **kwargs)` (METH_VARARGS | METH_KEYWORDS).
pub(crate) unsafe extern "C" fn str_format(s: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject {
    let args = if args.is_null() {
        match tuple::new(0) {
            Ok(t) => t,
            Err(_) => return core::ptr::null_mut(),
        }
    } else {
        crate::abstract_::new_ref(args)
    };
    ret_obj(format(s, Source::Args { args: args.as_ptr(), kwargs }))
}

/// `str.format_map(mapping)`.
pub(crate) unsafe extern "C" fn str_format_map(s: *mut PyObject, mapping: *mut PyObject) -> *mut PyObject {
    ret_obj(format(s, Source::Mapping(mapping)))
}

/// `str.__format__(format_spec)`.
/// An empty spec gives `str(s)`, which a subclass may override (CPython's `format_obj`).
pub(crate) unsafe extern "C" fn str_dunder_format(s: *mut PyObject, spec: *mut PyObject) -> *mut PyObject {
    ret_obj(crate::abstract_::format::check_spec(spec).and_then(|spec| {
        if spec.is_empty() && (*s).ob_type != &raw mut crate::objects::str::PyUnicode_Type {
            return crate::abstract_::object::str(s);
        }
        crate::abstract_::format::format_str_object(s, &spec)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn pieces() {
        let s = cps("a{{b{0!r:>{1}}c}}d");
        let mut p = FieldParser::new(&s);
        let mut got = Vec::new();
        while let Some(piece) = p.next_piece().unwrap() {
            got.push(piece);
        }
        assert_eq!(got.len(), 4);
        assert_eq!(got[0], ((0, 2), None));
        let f = got[1].1.unwrap();
        assert_eq!((got[1].0, f.name, f.conversion, f.spec, f.spec_has_fields), ((3, 4), (5, 6), Some('r' as u32), (9, 13), true));
        assert_eq!(got[2], ((14, 16), None));
        assert_eq!(got[3], ((17, 18), None));
    }

    #[test]
    fn field_names() {
        let s = cps("a.b[0][c]");
        let (first, mut steps) = split_field_name(&s, (0, s.len())).unwrap();
        assert_eq!(first, FirstPart::Key((0, 1)));
        assert_eq!(steps.next_step().unwrap(), Some(Step::Attr((2, 3))));
        assert_eq!(steps.next_step().unwrap(), Some(Step::Index(0)));
        assert_eq!(steps.next_step().unwrap(), Some(Step::Key((7, 8))));
        assert_eq!(steps.next_step().unwrap(), None);
        let s = cps("12");
        assert_eq!(split_field_name(&s, (0, 2)).unwrap().0, FirstPart::Index(12));
    }
}
