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

const SEP: u32 = b'/' as u32;
const DOT: u32 = b'.' as u32;

/// The normalized form of `path` (code points, so lone surrogates pass through).
pub(crate) fn normalize(path: &[u32]) -> Vec<u32> {
    if path == [DOT] {
        return path.to_vec();
    }
    let leading = path.iter().take_while(|&&c| c == SEP).count();
    let kept_slashes = if leading == 2 { 2 } else { leading.min(1) };
    let mut parts: Vec<&[u32]> = Vec::new();
    for comp in path.split(|&c| c == SEP) {
        match comp {
            [] | [DOT] => {}
            [DOT, DOT] => {
                let back_possible = parts.last().is_some_and(|p| *p != [DOT, DOT]);
                if back_possible {
                    parts.pop();
                } else if kept_slashes == 0 {
                    // Leading `..` of a relative path stays; at the root it is dropped.
                    parts.push(comp);
                }
            }
            _ => parts.push(comp),
        }
    }
    let mut out = vec![SEP; kept_slashes];
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push(SEP);
        }
        out.extend_from_slice(part);
    }
    out
}

unsafe extern "C" fn path_normpath(_m: *mut PyObject, args: *const *mut PyObject, nargs: isize, kwnames: *mut PyObject) -> *mut PyObject {
    static P: Params = Params { function: "_path_normpath", names: &["path"], positional_only: 0, max_positional: 1, required: 1 };
    ret((|| {
        let b = bind(&P, args, nargs as usize, kwnames)?;
        let path = b[0].unwrap();
        if !pystr::is_str(path) {
            return Err(type_error(format!("expected 'str', not '{}'", tp_name(path))));
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
        normalize(&chars).into_iter().map(|c| char::from_u32(c).unwrap()).collect()
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
