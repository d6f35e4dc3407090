#!/usr/bin/env python3
"""Generates src/objects/unicode_db_tables.rs: ferropy's Unicode character database.

The data is read from CPython 3.11 itself (Unicode 14.0.0): each code point's properties are
asked of the character functions that CPython's shared library exports
(`_PyUnicode_IsAlpha`, `_PyUnicode_ToLowerFull`, ...) through ctypes, so the tables hold
exactly the answers CPython gives, including its full/special case mappings and case folding.

Layout: every code point maps to a record (flags, simple case-mapping deltas, decimal/digit
values, an index into the numeric values and into the full case mappings). Distinct records
are stored once; a two-level index (`INDEX1[cp >> SHIFT]` gives a block, `INDEX2[block <<
SHIFT | cp & mask]` the record) maps code points to them. The shift is the one that gives the
smallest tables.

Usage: tools/gen_unicode_db.py            writes the file
       tools/gen_unicode_db.py --check    exits 1 when the committed file is stale
"""
import ctypes
import os
import sys
import unicodedata

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "objects",
                   "unicode_db_tables.rs")
MAX = 0x110000

# Flag bits of a record, in the order of the predicate functions that give them.
PREDICATES = [
    ("ALPHA", "_PyUnicode_IsAlpha"),
    ("DECIMAL", "_PyUnicode_IsDecimalDigit"),
    ("DIGIT", "_PyUnicode_IsDigit"),
    ("NUMERIC", "_PyUnicode_IsNumeric"),
    ("LOWER", "_PyUnicode_IsLowercase"),
    ("UPPER", "_PyUnicode_IsUppercase"),
    ("TITLE", "_PyUnicode_IsTitlecase"),
    ("SPACE", "_PyUnicode_IsWhitespace"),
    ("LINEBREAK", "_PyUnicode_IsLinebreak"),
    ("PRINTABLE", "_PyUnicode_IsPrintable"),
    ("XID_START", "_PyUnicode_IsXidStart"),
    ("XID_CONTINUE", "_PyUnicode_IsXidContinue"),
    ("CASED", "_PyUnicode_IsCased"),
    ("CASE_IGNORABLE", "_PyUnicode_IsCaseIgnorable"),
]


def cfunc(name, restype, *argtypes):
    f = getattr(ctypes.pythonapi, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


def probe():
    """Per code point: (flags, upper, lower, title, decimal, digit, numeric, full mappings)."""
    u32 = ctypes.c_uint32
    preds = [cfunc(f, ctypes.c_int, u32) for _, f in PREDICATES]
    simple = [cfunc(f, u32, u32) for f in
              ("_PyUnicode_ToUppercase", "_PyUnicode_ToLowercase", "_PyUnicode_ToTitlecase")]
    buf = (u32 * 3)()
    full = [cfunc(f, ctypes.c_int, u32, ctypes.POINTER(u32 * 3)) for f in
            ("_PyUnicode_ToLowerFull", "_PyUnicode_ToUpperFull", "_PyUnicode_ToTitleFull",
             "_PyUnicode_ToFoldedFull")]
    to_decimal = cfunc("_PyUnicode_ToDecimalDigit", ctypes.c_int, u32)
    to_digit = cfunc("_PyUnicode_ToDigit", ctypes.c_int, u32)
    to_numeric = cfunc("_PyUnicode_ToNumeric", ctypes.c_double, u32)

    flags = [0] * MAX
    for bit, f in enumerate(preds):
        m = 1 << bit
        for c in range(MAX):
            if f(c):
                flags[c] |= m
    cols = [[f(c) for c in range(MAX)] for f in simple]
    dec = [to_decimal(c) for c in range(MAX)]
    dig = [to_digit(c) for c in range(MAX)]
    num = [to_numeric(c) for c in range(MAX)]
    rows = []
    for c in range(MAX):
        seqs = []
        for f in full:
            n = f(c, buf)
            seqs.append(tuple(buf[:n]))
        lower, upper, title, fold = seqs
        simple_ok = (lower == (cols[1][c],) and upper == (cols[0][c],)
                     and title == (cols[2][c],) and fold == lower)
        rows.append((flags[c], cols[0][c] - c, cols[1][c] - c, cols[2][c] - c, dec[c], dig[c],
                     num[c], None if simple_ok else seqs))
    return rows


def best_split(ids):
    """(shift, index1, index2) of the smallest two-level table for the record ids."""
    best = None
    for shift in range(4, 11):
        size = 1 << shift
        blocks, index1, index2 = {}, [], []
        for start in range(0, MAX, size):
            block = tuple(ids[start:start + size])
            if block not in blocks:
                blocks[block] = len(blocks)
                index2.extend(block)
            index1.append(blocks[block])
        cost = len(index1) * (1 if len(blocks) < 256 else 2) + len(index2) * 2
        if best is None or cost < best[0]:
            best = (cost, shift, index1, index2)
    return best[1:]


def rust_array(name, ty, values, per_line=20):
    lines = [f"pub(crate) static {name}: [{ty}; {len(values)}] = ["]
    for i in range(0, len(values), per_line):
        lines.append("    " + ", ".join(str(v) for v in values[i:i + per_line]) + ",")
    lines.append("];")
    return "\n".join(lines)


def seq_text(seq):
    padded = list(seq) + [0] * (3 - len(seq))
    return f"({len(seq)}, [{', '.join(hex(c) for c in padded)}])"


def generate():
    if unicodedata.unidata_version != "14.0.0" or sys.version_info[:2] != (3, 11):
        sys.exit("gen_unicode_db.py needs CPython 3.11 (Unicode 14.0.0)")
    rows = probe()
    numeric_values = sorted({r[6] for r in rows if r[6] != -1.0})
    numeric_index = {v: i + 1 for i, v in enumerate(numeric_values)}
    ext_entries, records, record_ids, ids = [], [], {}, []
    for c, (flags, du, dl, dt, dec, dig, num, seqs) in enumerate(rows):
        ext = 0
        if seqs is not None:
            ext_entries.append(seqs)
            ext = len(ext_entries)
        rec = (flags, du, dl, dt, dec, dig, numeric_index.get(num, 0), ext)
        if rec not in record_ids:
            record_ids[rec] = len(records)
            records.append(rec)
        ids.append(record_ids[rec])
    shift, index1, index2 = best_split(ids)
    idx1_ty = "u8" if max(index1) < 256 else "u16"

    out = [
        "//! Generated by tools/gen_unicode_db.py from CPython 3.11's character functions",
        f"//! (Unicode {unicodedata.unidata_version}); do not edit.",
        "use super::unicode_db::{ExtCase, Record};",
        "",
        f"pub(crate) const SHIFT: u32 = {shift};",
        "",
    ]
    for i, (name, _) in enumerate(PREDICATES):
        out.append(f"pub(crate) const {name}: u16 = 1 << {i};")
    out.append("")
    out.append(f"pub(crate) static RECORDS: [Record; {len(records)}] = [")
    for (flags, du, dl, dt, dec, dig, num, ext) in records:
        out.append(f"    Record {{ flags: {flags:#06x}, upper: {du}, lower: {dl}, title: {dt}, "
                   f"decimal: {dec}, digit: {dig}, numeric: {num}, ext: {ext} }},")
    out.append("];")
    out.append("")
    out.append("/// Values indexed by `Record::numeric` (index 0 means not numeric).")
    out.append(f"pub(crate) static NUMERIC_VALUES: [f64; {len(numeric_values) + 1}] = [")
    out.append("    -1.0,")
    for v in numeric_values:
        out.append(f"    {v!r},")
    out.append("];")
    out.append("")
    out.append("/// Full case mappings (lower, upper, title, folded) of the records with `EXT`.")
    out.append(f"pub(crate) static EXT_CASE: [ExtCase; {len(ext_entries)}] = [")
    for lower, upper, title, fold in ext_entries:
        out.append(f"    ExtCase {{ lower: {seq_text(lower)}, upper: {seq_text(upper)}, "
                   f"title: {seq_text(title)}, fold: {seq_text(fold)} }},")
    out.append("];")
    out.append("")
    out.append(rust_array("INDEX1", idx1_ty, index1))
    out.append("")
    out.append(rust_array("INDEX2", "u16", index2))
    out.append("")
    return "\n".join(out)


def main():
    text = generate()
    if "--check" in sys.argv[1:]:
        with open(OUT) as f:
            if f.read() != text:
                sys.exit(f"{OUT} is stale: run tools/gen_unicode_db.py")
        return
    with open(OUT, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
