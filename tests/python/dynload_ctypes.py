# CPython's lib-dynload _ctypes loaded into ferropy: foreign calls into libc, structures,
# unions, arrays, pointers, callbacks, and ctypes.pythonapi calling back into the C-API of
# the running interpreter (ferropy's own exports).
import ctypes, _ctypes, sys, gc
from ctypes import (CDLL, CFUNCTYPE, POINTER, Structure, Union, byref, c_char, c_char_p, c_double,
                    c_int, c_long, c_size_t, c_uint8, c_void_p, cast, pointer, py_object, sizeof)

libc = CDLL(None)
print(libc.strlen(b"abc"), libc.abs(-5), libc.atoi(b"1234"))
libc.strtod.restype = c_double
libc.strtod.argtypes = [c_char_p, POINTER(c_char_p)]
end = c_char_p()
print(libc.strtod(b"2.5rest", byref(end)), end.value)
buf = ctypes.create_string_buffer(16)
libc.snprintf(buf, 16, b"%d-%s", 42, b"x")
print(buf.value, sizeof(buf), buf.raw[:6])
print(libc.memcmp(b"ab", b"ac", 2) < 0)

class POINT(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]

class RECT(Structure):
    _fields_ = [("a", POINT), ("b", POINT), ("tag", c_char * 4)]

class Bits(Structure):
    _fields_ = [("lo", c_uint8, 3), ("hi", c_uint8, 5)]

class Num(Union):
    _fields_ = [("i", ctypes.c_uint32), ("f", ctypes.c_float)]

p = POINT(1, 2)
r = RECT(p, POINT(y=7), b"ok")
print(p.x, p.y, r.b.y, r.tag, sizeof(POINT), sizeof(RECT), POINT.y.offset, POINT.y.size, repr(POINT.x))
r.a.x = 10
print(r.a.x, bytes(r)[:4])
b = Bits(5, 17)
print(b.lo, b.hi, bytes(b))
n = Num(f=1.0)
print(hex(n.i))
arr = (c_int * 5)(5, 1, 4, 2, 3)
print(list(arr), len(arr), arr[1:3], sizeof(arr))

# A callback: qsort calling back into Python.
CMP = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
calls = []
def cmp(a, b):
    calls.append(1)
    return a[0] - b[0]
libc.qsort(arr, len(arr), sizeof(c_int), CMP(cmp))
print(list(arr), len(calls) > 0)
# An exception in a callback is reported, not propagated through C.
def bad(a, b):
    raise ZeroDivisionError("in callback")
sys.unraisablehook = lambda u: print("unraisable", u.exc_type.__name__)
libc.qsort((c_int * 2)(2, 1), 2, sizeof(c_int), CMP(bad))
sys.unraisablehook = sys.__unraisablehook__

# Pointers and casts.
i = c_int(41)
ip = pointer(i)
ip.contents.value += 1
print(i.value, ip[0], cast(ip, c_void_p).value == ctypes.addressof(i))
s = c_char_p(b"hello")
print(s.value, cast(s, POINTER(c_char))[1])
print(ctypes.string_at(ctypes.addressof(buf), 4), ctypes.sizeof(c_size_t) == ctypes.sizeof(c_void_p))
m = (c_char * 6)()
ctypes.memmove(m, b"abcdef", 6)
ctypes.memset(m, ord("z"), 2)
print(m.raw)
print(ctypes.c_int.from_buffer(bytearray(b"\x01\x00\x00\x00")).value)

# errno through use_errno.
lc = CDLL(None, use_errno=True)
ctypes.set_errno(0)
lc.close(-1)
print(ctypes.get_errno() == 9)

# ctypes.pythonapi: the running interpreter's C-API.
api = ctypes.pythonapi
api.PyLong_FromLong.restype = py_object
api.PyLong_FromLong.argtypes = [c_long]
five = 5
print(api.PyLong_FromLong(123456), api.PyLong_FromLong(5) is five)
api.PyUnicode_FromString.restype = py_object
api.PyUnicode_FromString.argtypes = [c_char_p]
print(api.PyUnicode_FromString("héllo".encode()))
api.PyObject_Repr.restype = py_object
api.PyObject_Repr.argtypes = [py_object]
print(api.PyObject_Repr([1, "two"]))
api.PyList_Append.argtypes = [py_object, py_object]
lst = []
print(api.PyList_Append(lst, 9), lst)
api.PyDict_SetItemString.argtypes = [py_object, c_char_p, py_object]
d = {}
api.PyDict_SetItemString(d, b"key", 1)
print(d)
api.Py_GetVersion.restype = c_char_p
print(api.Py_GetVersion().startswith(b"3.11"))
print(c_int.in_dll(api, "Py_OptimizeFlag").value == sys.flags.optimize)
# An error set by a C-API call made through PyDLL is raised.
api.PyLong_AsLong.argtypes = [py_object]
try:
    api.PyLong_AsLong("x")
except TypeError as e:
    print("TypeError", e)
obj = object()
print(py_object(obj).value is obj, sys.getrefcount(obj) >= 2)

# The types' StgDict sizes itself with _PyDict_SizeOf.
stg = [o for o in gc.get_referents(POINT.__dict__) if isinstance(o, dict)]
print(len(stg), type(stg[0]).__name__, stg[0].__sizeof__() > {}.__sizeof__())
print(_ctypes.__name__, type(POINT).__name__, type(arr).__mro__[1].__name__)
