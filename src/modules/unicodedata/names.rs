//! Character names both ways. The names and aliases are the parser crate's tables (shared
//! with `\N{...}` and the `namereplace` handler); the named sequences are this module's.
use super::data::{named_sequence, Version};

/// The longest name `lookup` accepts (longer ones raise "name too long").
const NAME_MAX: usize = 256;

/// `name(chr)`: the character's name, if it has one in this version.
pub(crate) fn name(version: Version, cp: u32) -> Option<String> {
    if version.unassigned(cp) {
        return None;
    }
    crate::codecs::char_names::name_of(cp)
}

/// Why `lookup` failed.
pub(crate) enum LookupError {
    TooLong,
    Undefined,
}

/// `lookup(name)`: the character (or, in the current version, named sequence) `name` names.
/// 3.2.0 knows neither aliases nor named sequences, nor characters added since.
pub(crate) fn lookup(version: Version, name: &[u8]) -> Result<Vec<u32>, LookupError> {
    if name.len() > NAME_MAX {
        return Err(LookupError::TooLong);
    }
    let name = core::str::from_utf8(name).map_err(|_| LookupError::Undefined)?;
    if let Some(cp) = ferropy_parser::string_literal::lookup_name(name) {
        if version == Version::Current {
            return Ok(vec![cp]);
        }
        // The ideograph names are accepted whatever the version (as CPython); otherwise
        // only a character's own name (not an alias) of a character 3.2.0 had.
        if name.starts_with("CJK UNIFIED IDEOGRAPH-") {
            return Ok(vec![cp]);
        }
        let own = crate::codecs::char_names::name_of(cp).is_some_and(|n| n.eq_ignore_ascii_case(name));
        return if own && !version.unassigned(cp) { Ok(vec![cp]) } else { Err(LookupError::Undefined) };
    }
    match named_sequence(name) {
        Some(seq) if version == Version::Current => Ok(seq.to_vec()),
        _ => Err(LookupError::Undefined),
    }
}
