//! The str methods of the `unicode` area (case mapping, classification, padding,
//! translation, formatting) as method-table entries; `str_methods.rs` joins them with the
//! rest of str's methods into the type's one `tp_methods` table.
use crate::object::methods::{PyMethodDef, METH_FASTCALL, METH_KEYWORDS, METH_NOARGS, METH_O, METH_STATIC, METH_VARARGS};
use crate::object::method_table::{fast, fast_kw, plain, with_kw};
use crate::objects::{str_case, str_format_method, str_pad, str_predicates, str_translate};

/// The entries, without a terminator.
pub(crate) const UNICODE_METHODS: [PyMethodDef; 28] = [
    plain(c"upper", str_case::str_upper, METH_NOARGS)
        .doc(c"upper($self, /)\n--\n\nReturn a copy of the string converted to uppercase."),
    plain(c"lower", str_case::str_lower, METH_NOARGS)
        .doc(c"lower($self, /)\n--\n\nReturn a copy of the string converted to lowercase."),
    plain(c"casefold", str_case::str_casefold, METH_NOARGS)
        .doc(c"casefold($self, /)\n--\n\nReturn a version of the string suitable for caseless comparisons."),
    plain(c"title", str_case::str_title, METH_NOARGS)
        .doc(c"title($self, /)\n--\n\nReturn a version of the string where each word is titlecased.\n\nMore specifically, words start with uppercased characters and all remaining\ncased characters have lower case."),
    plain(c"capitalize", str_case::str_capitalize, METH_NOARGS)
        .doc(c"capitalize($self, /)\n--\n\nReturn a capitalized version of the string.\n\nMore specifically, make the first character have upper case and the rest lower\ncase."),
    plain(c"swapcase", str_case::str_swapcase, METH_NOARGS)
        .doc(c"swapcase($self, /)\n--\n\nConvert uppercase characters to lowercase and lowercase characters to uppercase."),
    plain(c"isalpha", str_predicates::str_isalpha, METH_NOARGS)
        .doc(c"isalpha($self, /)\n--\n\nReturn True if the string is an alphabetic string, False otherwise.\n\nA string is alphabetic if all characters in the string are alphabetic and there\nis at least one character in the string."),
    plain(c"isalnum", str_predicates::str_isalnum, METH_NOARGS)
        .doc(c"isalnum($self, /)\n--\n\nReturn True if the string is an alpha-numeric string, False otherwise.\n\nA string is alpha-numeric if all characters in the string are alpha-numeric and\nthere is at least one character in the string."),
    plain(c"isdecimal", str_predicates::str_isdecimal, METH_NOARGS)
        .doc(c"isdecimal($self, /)\n--\n\nReturn True if the string is a decimal string, False otherwise.\n\nA string is a decimal string if all characters in the string are decimal and\nthere is at least one character in the string."),
    plain(c"isdigit", str_predicates::str_isdigit, METH_NOARGS)
        .doc(c"isdigit($self, /)\n--\n\nReturn True if the string is a digit string, False otherwise.\n\nA string is a digit string if all characters in the string are digits and there\nis at least one character in the string."),
    plain(c"isnumeric", str_predicates::str_isnumeric, METH_NOARGS)
        .doc(c"isnumeric($self, /)\n--\n\nReturn True if the string is a numeric string, False otherwise.\n\nA string is numeric if all characters in the string are numeric and there is at\nleast one character in the string."),
    plain(c"isspace", str_predicates::str_isspace, METH_NOARGS)
        .doc(c"isspace($self, /)\n--\n\nReturn True if the string is a whitespace string, False otherwise.\n\nA string is whitespace if all characters in the string are whitespace and there\nis at least one character in the string."),
    plain(c"islower", str_predicates::str_islower, METH_NOARGS)
        .doc(c"islower($self, /)\n--\n\nReturn True if the string is a lowercase string, False otherwise.\n\nA string is lowercase if all cased characters in the string are lowercase and\nthere is at least one cased character in the string."),
    plain(c"isupper", str_predicates::str_isupper, METH_NOARGS)
        .doc(c"isupper($self, /)\n--\n\nReturn True if the string is an uppercase string, False otherwise.\n\nA string is uppercase if all cased characters in the string are uppercase and\nthere is at least one cased character in the string."),
    plain(c"istitle", str_predicates::str_istitle, METH_NOARGS)
        .doc(c"istitle($self, /)\n--\n\nReturn True if the string is a title-cased string, False otherwise.\n\nIn a title-cased string, upper- and title-case characters may only\nfollow uncased characters and lowercase characters only cased ones."),
    plain(c"isidentifier", str_predicates::str_isidentifier, METH_NOARGS)
        .doc(c"isidentifier($self, /)\n--\n\nReturn True if the string is a valid Python identifier, False otherwise.\n\nCall keyword.iskeyword(s) to test whether string s is a reserved identifier,\nsuch as \"def\" or \"class\"."),
    plain(c"isprintable", str_predicates::str_isprintable, METH_NOARGS)
        .doc(c"isprintable($self, /)\n--\n\nReturn True if the string is printable, False otherwise.\n\nA string is printable if all of its characters are considered printable in\nrepr() or if it is empty."),
    plain(c"isascii", str_predicates::str_isascii, METH_NOARGS)
        .doc(c"isascii($self, /)\n--\n\nReturn True if all characters in the string are ASCII, False otherwise.\n\nASCII characters have code points in the range U+0000-U+007F.\nEmpty string is ASCII too."),
    fast(c"center", str_pad::str_center, METH_FASTCALL)
        .doc(c"center($self, width, fillchar=' ', /)\n--\n\nReturn a centered string of length width.\n\nPadding is done using the specified fill character (default is a space)."),
    fast(c"ljust", str_pad::str_ljust, METH_FASTCALL)
        .doc(c"ljust($self, width, fillchar=' ', /)\n--\n\nReturn a left-justified string of length width.\n\nPadding is done using the specified fill character (default is a space)."),
    fast(c"rjust", str_pad::str_rjust, METH_FASTCALL)
        .doc(c"rjust($self, width, fillchar=' ', /)\n--\n\nReturn a right-justified string of length width.\n\nPadding is done using the specified fill character (default is a space)."),
    plain(c"zfill", str_pad::str_zfill, METH_O)
        .doc(c"zfill($self, width, /)\n--\n\nPad a numeric string with zeros on the left, to fill a field of the given width.\n\nThe string is never truncated."),
    fast_kw(c"expandtabs", str_pad::str_expandtabs, METH_FASTCALL | METH_KEYWORDS)
        .doc(c"expandtabs($self, /, tabsize=8)\n--\n\nReturn a copy where all tab characters are expanded using spaces.\n\nIf tabsize is not given, a tab size of 8 characters is assumed."),
    plain(c"translate", str_translate::str_translate, METH_O)
        .doc(c"translate($self, table, /)\n--\n\nReplace each character in the string using the given translation table.\n\n  table\n    Translation table, which must be a mapping of Unicode ordinals to\n    Unicode ordinals, strings, or None.\n\nThe table must implement lookup/indexing via __getitem__, for instance a\ndictionary or list.  If this operation raises LookupError, the character is\nleft untouched.  Characters mapped to None are deleted."),
    fast(c"maketrans", str_translate::str_maketrans, METH_FASTCALL | METH_STATIC)
        .doc(c"maketrans(x, y=<unrepresentable>, z=<unrepresentable>, /)\n--\n\nReturn a translation table usable for str.translate().\n\nIf there is only one argument, it must be a dictionary mapping Unicode\nordinals (integers) or characters to Unicode ordinals, strings or None.\nCharacter keys will be then converted to ordinals.\nIf there are two arguments, they must be strings of equal length, and\nin the resulting dictionary, each character in x will be mapped to the\ncharacter at the same position in y. If there is a third argument, it\nmust be a string, whose characters will be mapped to None in the result."),
    with_kw(c"format", str_format_method::str_format, METH_VARARGS | METH_KEYWORDS)
        .doc(c"S.format(*args, **kwargs) -> str\n\nReturn a formatted version of S, using substitutions from args and kwargs.\nThe substitutions are identified by braces ('{' and '}')."),
    plain(c"format_map", str_format_method::str_format_map, METH_O)
        .doc(c"S.format_map(mapping) -> str\n\nReturn a formatted version of S, using substitutions from mapping.\nThe substitutions are identified by braces ('{' and '}')."),
    plain(c"__format__", str_format_method::str_dunder_format, METH_O)
        .doc(c"__format__($self, format_spec, /)\n--\n\nReturn a formatted version of the string as described by format_spec."),
];
