//! Private name mangling: inside `class C`, `__x` means `_C__x` (dunder names, dotted
//! names and classes named only with underscores are left alone).

use std::borrow::Cow;

pub fn mangle<'a>(class_name: Option<&str>, name: &'a str) -> Cow<'a, str> {
    let Some(cls) = class_name else { return Cow::Borrowed(name) };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = cls.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    let mut s = String::with_capacity(1 + stripped.len() + name.len());
    s.push('_');
    s.push_str(stripped);
    s.push_str(name);
    Cow::Owned(s)
}

#[cfg(test)]
mod tests {
    use super::mangle;
    #[test]
    fn rules() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("__"), "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("C"), "_x"), "_x");
        assert_eq!(mangle(None, "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__a.b"), "__a.b");
    }
}
