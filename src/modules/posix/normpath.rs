//! `_path_normpath(path)`: `posixpath.normpath` without the Python loop. Collapses
//! repeated separators and `.` components and resolves `..` against the component before
//! it; exactly two leading slashes are kept (POSIX leaves their meaning open). Where the
//! result is the current directory it is `""` (posixpath turns that into `"."`), except
//! for the path `"."` itself.
use crate::abstract_::unpack_keywords::{bind, Params};
use crate::abstract_::{tp_name, type_error};
use crate::modules::{fast_kw, ret};
use crate::object::methods::PyMethodDef;
use crate::object::object::PyObject;
use crate::objects::str as pystr;

/// The normalized form of `path`, over code units (`u8` for 1-byte strings, else code
/// points, so lone surrogates pass through).
pub(crate) fn normalize<T: Copy + PartialEq + From<u8>>(path: &[T]) -> Vec<T> {
    let (sep, dot) = (T::from(b'/'), T::from(b'.'));
    if path.len() == 1 && path[0] == dot {
        return path.to_vec();
    }
    let leading = path.iter().take_while(|&&c| c == sep).count();
    let kept_slashes = if leading == 2 { 2 } else { leading.min(1) };
    let is_dot = |c: &[T]| c.len() == 1 && c[0] == dot;
    let is_dotdot = |c: &[T]| c.len() == 2 && c[0] == dot && c[1] == dot;
    let mut parts: Vec<&[T]> = Vec::new();
    for comp in path.split(|&c| c == sep) {
        if comp.is_empty() || is_dot(comp) {
            continue;
        }
        if is_dotdot(comp) {
            if parts.last().is_some_and(|p| !is_dotdot(p)) {
                parts.pop();
            } else if kept_slashes == 0 {
                // Leading `..` of a relative path stays; at the root it is dropped.
                parts.push(comp);
            }
            continue;
        }
        parts.push(comp);
    }
    let mut out = Vec::with_capacity(path.len());
    out.resize(kept_slashes, sep);
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.extend_from_slice(part);
    }
    out
}

unsafe extern "C" fn path_normpath(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "_path_normpath", names: &["path"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        // posixpath passes the path positionally: no keyword binding then.
        let path = if nargs == 1 && kwnames.is_null() { *args } else { bind(&P, args, nargs as usize, kwnames)?[0].unwrap() };
        if !pystr::is_str(path) {
            return Err(type_error(format!("expected 'str', not '{}'", tp_name(path))));
        }
        if pystr::kind(path) == 1 {
            return crate::objects::str_access::from_ucs1(&normalize(pystr::data_bytes(path)));
        }
        let chars: Vec<u32> = (0..pystr::len(path)).map(|i| pystr::read_char(path, i)).collect();
        pystr::from_code_points(&normalize(&chars))
    })())
}

pub(crate) const FUNCTIONS: [PyMethodDef; 1] =
    [fast_kw(c"_path_normpath", path_normpath, c"_path_normpath($module, /, path)\n--\n\nBasic path normalization.")];

#[cfg(test)]
mod tests {
    use super::normalize;

    fn n(s: &str) -> String {
        let chars: Vec<u32> = s.chars().map(|c| c as u32).collect();
        let wide: String = normalize(&chars).into_iter().map(|c| char::from_u32(c).unwrap()).collect();
        // The 1-byte form agrees with the code point form.
        assert_eq!(String::from_utf8(normalize(s.as_bytes())).unwrap(), wide);
        wide
    }

    #[test]
    fn separators_dots_and_parents() {
        assert_eq!(n(""), "");
        assert_eq!(n("."), ".");
        assert_eq!(n("./"), "");
        assert_eq!(n("a/.."), "");
        assert_eq!(n("a//b/./c/"), "a/b/c");
        assert_eq!(n("../a/../../b"), "../../b");
        assert_eq!(n("/../a"), "/a");
        assert_eq!(n("//a/../b"), "//b");
        assert_eq!(n("///a"), "/a");
    }
}
