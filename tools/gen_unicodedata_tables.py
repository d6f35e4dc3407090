#!/usr/bin/env python3
"""Generates src/modules/unicodedata/tables.rs: the data of the `unicodedata` module.

The data is read from CPython 3.11's own `unicodedata` (Unicode 14.0.0, and its
`ucd_3_2_0` view) for every code point: it is data, not code. Character names are not
here: they are the parser crate's table (`unicode_names.txt`), shared with `\\N{...}`.

- `PROPS`: one record per distinct (category, bidirectional, combining, east asian width,
  mirrored, quick-check bits), through a two-level index (`PROP_INDEX1[cp >> SHIFT]` gives a
  block, `PROP_INDEX2[block << SHIFT | cp & mask]` the record).
- `DECOMP_DATA`: the decomposition mappings (`(tag << 8 | len)` then the code points),
  through a second two-level index of offsets (0: none).
- `COMPOSITIONS`: the canonical pairs (first, second) -> primary composite, sorted.
- `NAMED_SEQUENCES` (and the aliases, written to the parser crate's
  `unicode_name_aliases.txt`): read through the `_ucnhash_CAPI` capsule's getname.
- `OLD_*`: Unicode 3.2.0 as deltas: a record of the 3.2.0 values for each code point whose
  properties differ, and the few normalization corrections.

Usage: tools/gen_unicodedata_tables.py            writes the file
       tools/gen_unicodedata_tables.py --check    exits 1 when the committed file is stale
"""
import ctypes
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_unicode_db import best_split, rust_array  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "src", "modules", "unicodedata", "tables.rs")
# The aliases go next to the parser's names table: `\N{...}` accepts them too.
ALIASES_OUT = os.path.join(ROOT, "crates", "ferropy-parser", "src", "unicode_name_aliases.txt")
MAX = 0x110000
FORMS = ["NFD", "NFKD", "NFC", "NFKC"]
# Flag bits of a property record.
MIRRORED = 1
QC_YES = {"NFD": 2, "NFKD": 4, "NFC": 8, "NFKC": 16}


def hangul_second(cp):
    """Jamo vowels and trailing consonants compose with what precedes them."""
    return 0x1161 <= cp <= 0x1175 or 0x11A8 <= cp <= 0x11C2


def alias_and_sequences():
    """(aliases, named sequences) from the capsule's getname over its private ranges."""
    api = ctypes.pythonapi
    api.PyCapsule_GetPointer.restype = ctypes.c_void_p
    api.PyCapsule_GetPointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
    capi = api.PyCapsule_GetPointer(unicodedata._ucnhash_CAPI, b"unicodedata._ucnhash_CAPI")
    proto = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int,
                             ctypes.c_int)
    getname = proto((ctypes.c_void_p * 2).from_address(capi)[0])
    buf = ctypes.create_string_buffer(256)
    aliases, seqs = [], []
    for cp in range(0xF0000, 0xF1000):
        if getname(cp, buf, 256, 1):
            name = buf.value.decode("ascii")
            value = unicodedata.lookup(name)
            if len(value) == 1:
                aliases.append((name, ord(value)))
            else:
                seqs.append((name, [ord(c) for c in value]))
    return aliases, seqs


def interned(values, table):
    if values not in table:
        table[values] = len(table)
    return table[values]


def generate():
    if unicodedata.unidata_version != "14.0.0" or sys.version_info[:2] != (3, 11):
        sys.exit("gen_unicodedata_tables.py needs CPython 3.11 (Unicode 14.0.0)")
    u, old = unicodedata, unicodedata.ucd_3_2_0
    cats, bidis, eaws, tags = {}, {"": 0}, {}, {"": 0}
    chars = [chr(cp) for cp in range(MAX)]

    # Canonical composition pairs: two-character canonical decompositions of characters
    # that NFC leaves alone (so not excluded, not singletons, not non-starter decompositions).
    compositions, seconds = [], set()
    decomps = [u.decomposition(c) for c in chars]
    for cp, d in enumerate(decomps):
        parts = d.split()
        if len(parts) == 2 and not parts[0].startswith("<") and u.normalize("NFC", chars[cp]) == chars[cp]:
            a, b = (int(p, 16) for p in parts)
            compositions.append((a, b, cp))
            seconds.add(b)
    compositions.sort()

    props, prop_ids = {}, []
    decomp_data, decomp_offsets = [0], []
    for cp, c in enumerate(chars):
        flags = MIRRORED if u.mirrored(c) else 0
        for form in FORMS:
            yes = u.normalize(form, c) == c
            if form in ("NFC", "NFKC") and (cp in seconds or hangul_second(cp)):
                yes = False
            if yes:
                flags |= QC_YES[form]
        rec = (interned(u.category(c), cats), interned(u.bidirectional(c), bidis),
               u.combining(c), interned(u.east_asian_width(c), eaws), flags)
        prop_ids.append(interned(rec, props))
        parts = decomps[cp].split()
        if parts:
            tag = interned(parts.pop(0), tags) if parts[0].startswith("<") else 0
            decomp_offsets.append(len(decomp_data))
            decomp_data.append(tag << 8 | len(parts))
            decomp_data.extend(int(p, 16) for p in parts)
        else:
            decomp_offsets.append(0)
    assert len(decomp_data) < 65536

    aliases, seqs = alias_and_sequences()

    # Unicode 3.2.0: what differs, per code point. Names, decompositions and numeric values
    # of characters unassigned in 3.2.0 vanish; the rest of those rules is checked here so
    # that the module can apply them.
    old_records, old_ids, corrections = {(): 0}, [], []
    numeric_old = {}
    for cp, c in enumerate(chars):
        unassigned = old.category(c) == "Cn"
        assert old.name(c, None) == (None if unassigned else u.name(c, None))
        assert old.decomposition(c) == ("" if unassigned else decomps[cp])
        assert old.numeric(c, None) in (None if unassigned else u.numeric(c, None), None)
        if unassigned:
            assert old.numeric(c, None) is None and old.combining(c) == 0
        rec = (old.category(c), old.bidirectional(c), old.combining(c),
               old.east_asian_width(c), old.mirrored(c), old.decimal(c, -1), old.digit(c, -1))
        cur = (u.category(c), u.bidirectional(c), u.combining(c), u.east_asian_width(c),
               u.mirrored(c), u.decimal(c, -1), u.digit(c, -1))
        if rec == cur and not (unassigned and u.numeric(c, None) is not None):
            old_ids.append(0)
        else:
            rec = (interned(rec[0], cats), interned(rec[1], bidis), rec[2],
                   interned(rec[3], eaws)) + rec[4:]
            old_ids.append(interned(rec, old_records))
        if not unassigned:
            nfd = old.normalize("NFD", c)
            if nfd != u.normalize("NFD", c):
                assert len(nfd) == 1 and decomps[cp] and len(decomps[cp].split()) == 1
                corrections.append((cp, ord(nfd)))

    shift, index1, index2 = best_split(prop_ids)
    dshift, dindex1, dindex2 = best_split(decomp_offsets)
    oshift, oindex1, oindex2 = best_split(old_ids)

    def names(table):
        return "[" + ", ".join(f'"{k}"' for k in table) + "]"

    out = [
        "//! Generated by tools/gen_unicodedata_tables.py from CPython 3.11's unicodedata",
        f"//! (Unicode {u.unidata_version} and 3.2.0); do not edit.",
        "use super::data::{OldRecord, Props};",
        "",
        f"pub(crate) static CATEGORIES: [&str; {len(cats)}] = {names(cats)};",
        f"pub(crate) static BIDIRECTIONAL: [&str; {len(bidis)}] = {names(bidis)};",
        f"pub(crate) static EAST_ASIAN_WIDTHS: [&str; {len(eaws)}] = {names(eaws)};",
        f"pub(crate) static DECOMP_TAGS: [&str; {len(tags)}] = {names(tags)};",
        "",
        f"pub(crate) const MIRRORED: u8 = {MIRRORED};",
    ]
    for form in FORMS:
        out.append(f"pub(crate) const QC_{form}: u8 = {QC_YES[form]};")
    out.append("")
    out.append(f"pub(crate) static PROPS: [Props; {len(props)}] = [")
    for (cat, bidi, comb, eaw, flags) in props:
        out.append(f"    Props {{ category: {cat}, bidirectional: {bidi}, combining: {comb}, "
                   f"east_asian_width: {eaw}, flags: {flags} }},")
    out.append("];")
    for prefix, (sh, i1, i2), ty in (("PROP", (shift, index1, index2), "u16"),
                                     ("DECOMP", (dshift, dindex1, dindex2), "u16"),
                                     ("OLD", (oshift, oindex1, oindex2), "u16")):
        out.append("")
        out.append(f"pub(crate) const {prefix}_SHIFT: u32 = {sh};")
        out.append(rust_array(f"{prefix}_INDEX1", "u8" if max(i1) < 256 else "u16", i1))
        out.append(rust_array(f"{prefix}_INDEX2", "u8" if max(i2) < 256 else ty, i2))
    out.append("")
    out.append("/// Decompositions: `tag << 8 | len`, then `len` code points (offset 0 is unused).")
    out.append(rust_array("DECOMP_DATA", "u32", [hex(v) for v in decomp_data], 12))
    out.append("")
    out.append("/// Canonical compositions (first, second, composite), sorted by (first, second).")
    out.append(f"pub(crate) static COMPOSITIONS: [(u32, u32, u32); {len(compositions)}] = [")
    for i in range(0, len(compositions), 6):
        out.append("    " + " ".join(f"({a:#x}, {b:#x}, {c:#x})," for a, b, c in compositions[i:i + 6]))
    out.append("];")
    out.append("")
    out.append("/// Named character sequences (for `lookup` only).")
    out.append(f"pub(crate) static NAMED_SEQUENCES: [(&str, &[u32]); {len(seqs)}] = [")
    out.extend(f'    ("{n}", &[{", ".join(hex(c) for c in s)}]),' for n, s in seqs)
    out.append("];")
    out.append("")
    out.append("/// Unicode 3.2.0 values of the code points that differ (index 0: none differ).")
    out.append(f"pub(crate) static OLD_RECORDS: [OldRecord; {len(old_records)}] = [")
    out.append("    OldRecord { category: 0, bidirectional: 0, combining: 0, east_asian_width: 0, "
               "mirrored: false, decimal: -1, digit: -1 },")
    for rec in list(old_records)[1:]:
        cat, bidi, comb, eaw, mirrored, dec, dig = rec
        out.append(f"    OldRecord {{ category: {cat}, bidirectional: {bidi}, combining: {comb}, "
                   f"east_asian_width: {eaw}, mirrored: {str(bool(mirrored)).lower()}, "
                   f"decimal: {dec}, digit: {dig} }},")
    out.append("];")
    out.append("")
    out.append("/// Unicode 3.2.0 singleton decompositions that later corrigenda changed.")
    out.append(f"pub(crate) static OLD_CORRECTIONS: [(u32, u32); {len(corrections)}] = "
               "[" + ", ".join(f"({a:#x}, {b:#x})" for a, b in corrections) + "];")
    out.append("")
    aliases_text = "".join(f"{n};{cp:X}\n" for n, cp in aliases)
    return "\n".join(out), aliases_text


def main():
    outputs = zip((OUT, ALIASES_OUT), generate())
    if "--check" in sys.argv[1:]:
        for path, text in outputs:
            with open(path) as f:
                if f.read() != text:
                    sys.exit(f"{path} is stale: run tools/gen_unicodedata_tables.py")
        return
    for path, text in outputs:
        with open(path, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
