//! Text codecs: the builtin encoders and decoders (UTF-8/16/32, Latin-1, ASCII, the two
//! escape codecs), the error handlers and their registry, the codec registry, and the
//! filesystem/locale conversions, with the C-API names of CPython 3.11 beside each.
//!
//! Every codec is written against two small engines: `decoder::Decoder` (bytes in, code
//! points out) and `encoder::Encoder` (a str in, bytes out). Codecs call their `error`
//! method on bad input; the engine applies the error handler (builtin ones inline, others
//! through the registry with a real exception object) and tells the codec where to resume.
pub(crate) mod ascii;
pub(crate) mod ascii_runs;
pub(crate) mod bytes_escape;
pub(crate) mod charmap;
pub(crate) mod char_names;
pub(crate) mod decoder;
pub(crate) mod encoder;
pub(crate) mod error_handlers;
pub(crate) mod error_mode;
pub(crate) mod exceptions;
pub(crate) mod fs_encoding;
pub(crate) mod generic;
pub(crate) mod latin1;
pub(crate) mod locale_codec;
pub(crate) mod methods;
pub(crate) mod raw_unicode_escape;
pub(crate) mod registry;
pub(crate) mod str_view;
pub(crate) mod unicode_escape;
pub(crate) mod utf16;
pub(crate) mod utf32;
pub(crate) mod utf8;
pub(crate) mod utf8_scan;
pub(crate) mod utf7;
pub(crate) mod utf_wide_encode;
