# CPython's lib-dynload _testcapi loaded into ferropy: its self-checking test_* functions
# (each raises on a failure), the marshal file functions, the HAMT behind
# _testcapi.hamt() (persistent set/delete, collisions, equality, iteration), the C
# OrderedDict's qualname and BytesIO's buffer exporter.
# test_widechar is left out: it builds a legacy (not "ready") str with
# PyUnicode_FromUnicode(NULL, 1), a representation ferropy does not have.
import gc, io, marshal, os, tempfile, warnings, weakref
import _testcapi

warnings.simplefilter("ignore", DeprecationWarning)

SELF_CHECKS = [
    "test_L_code", "test_Z_code", "test_buildvalue_N", "test_buildvalue_issue38913",
    "test_capsule", "test_dict_iteration", "test_empty_argparse", "test_from_contiguous",
    "test_get_type_name", "test_get_type_qualname", "test_incref_decref_API",
    "test_k_code", "test_lazy_hash_inheritance", "test_list_api", "test_long_and_overflow",
    "test_long_api", "test_long_as_double", "test_long_as_size_t",
    "test_long_as_unsigned_long_long_mask", "test_long_long_and_overflow",
    "test_long_numbits", "test_longlong_api", "test_mapping_has_key_string",
    "test_pep3118_obsolete_write_locks", "test_py_is_funcs", "test_py_is_macros",
    "test_pymem_alloc0", "test_refcount_funcs", "test_refcount_macros", "test_s_code",
    "test_sizeof_c_types", "test_string_from_format", "test_string_to_double",
    "test_structseq_newtype_doesnt_leak", "test_structseq_newtype_null_descr_doc",
    "test_type_from_ephemeral_spec", "test_u_code", "test_unicode_compare_with_ascii",
    "test_with_docstring",
]
for name in SELF_CHECKS:
    try:
        getattr(_testcapi, name)()
        print(name, "ok")
    except Exception as e:
        print(name, type(e).__name__, e)

fd, path = tempfile.mkstemp()
os.close(fd)
value = ("\u20ac", b"abc", 123, 45.6, 7 + 8j, "long line " * 100)
for v in range(marshal.version + 1):
    _testcapi.pymarshal_write_object_to_file(value, path, v)
    with open(path, "rb") as f:
        data = f.read()
    print(v, marshal.loads(data) == value, _testcapi.pymarshal_read_object_from_file(path)[1] == len(data))
_testcapi.pymarshal_write_long_to_file(0x12345678, path, 2)
print(_testcapi.pymarshal_read_long_from_file(path), _testcapi.pymarshal_read_short_from_file(path))
with open(path, "wb") as f:
    f.write(marshal.dumps(value)[:7])
for fn in (_testcapi.pymarshal_read_object_from_file, _testcapi.pymarshal_read_last_object_from_file):
    try:
        fn(path)
    except EOFError as e:
        print("EOFError", e)
os.unlink(path)


class Key:
    def __init__(self, h, name):
        self.h, self.name = h, name

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return f"K({self.name})"


h0 = _testcapi.hamt()
print(type(h0).__name__, len(h0), h0.get("a"), h0.get("a", 42))
h1 = h0.set("a", 1)
h2 = h1.set("b", 2)
print(len(h0), len(h1), len(h2), h2["a"], "b" in h2, "b" in h1, h1.set("a", h1["a"]) is h1)
try:
    h1["zz"]
except KeyError as e:
    print("KeyError", e)
try:
    h1.delete("zz")
except KeyError as e:
    print("KeyError", e)
keys = [Key(i % 7 if i % 3 else 2**40 + i % 5, str(i)) for i in range(300)]
h = h0
for i, k in enumerate(keys):
    h = h.set(k, i)
print(len(h), all(h[k] == i for i, k in enumerate(keys)), sorted(v for v in h.values()) == list(range(300)))
print(len(h.items()), sorted(k.name for k in h) == sorted(k.name for k in keys))
h_same = h0
for i, k in reversed(list(enumerate(keys))):
    h_same = h_same.set(k, i)
print(h == h_same, h != h_same, h == h.set(keys[0], -1), h == h1)
for k in keys[::2]:
    h = h.delete(k)
print(len(h), [h.get(k) for k in keys[:6]], all(k not in h for k in keys[::2]))
for k in keys[1::2]:
    h = h.delete(k)
print(len(h), list(h.items()), h == h0)
big = _testcapi.hamt()
for i in range(5000):
    big = big.set(i, str(i))
print(len(big), big[4321], sum(1 for _ in big.keys()))
ref = weakref.ref(big)
cyc = []
big = big.set("cycle", cyc)
cyc.append(big)
r2 = weakref.ref(big)
del big, cyc
gc.collect()
print(ref() is None, r2() is None)

buf = io.BytesIO(b"abc").getbuffer()
print(type(buf.obj).__name__, bytes(buf))
try:
    memoryview(io.BytesIO(b"x"))
except TypeError as e:
    print("TypeError", e)
