import json, json.encoder, math, collections
print(json.encoder.c_make_encoder)
print(json.dumps([1, 2.5, "x\u00e9\u2603\U0001f600\n\"\\", None, True, False, {"a": [1, {}], "b": ()}, []]))
print(json.dumps({"k\u00e9": "v\u2603"}, ensure_ascii=False))
print(json.dumps({3: 1, 1.5: 2, True: 3, None: 4, "s": 5}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps([float("inf"), float("-inf"), float("nan"), 1e300, -0.0, 1/3]))
try: json.dumps([float("nan")], allow_nan=False)
except ValueError as e: print("ValueError", e)
try: json.dumps({1.5: 1, float("inf"): 2}, allow_nan=False)
except ValueError as e: print("ValueError", e)
try: json.dumps({(1, 2): 3})
except TypeError as e: print("TypeError", e)
print(json.dumps({(1, 2): 3, "a": 1, (3,): 4, "b": 2}, skipkeys=True))
print(json.dumps({(1, 2): 3}, skipkeys=True))
try: json.dumps({"a": 1, 1: "a"}, sort_keys=True)
except TypeError as e: print("TypeError", e)
class C: pass
try: json.dumps([C()])
except TypeError as e: print("TypeError", e)
print(json.dumps([C(), {"x": C()}], default=lambda o: {"C": [1, 2]}))
l = []; l.append(l)
try: json.dumps(l)
except ValueError as e: print("ValueError", e)
d = {}; d["d"] = d
try: json.dumps(d)
except ValueError as e: print("ValueError", e)
try: json.dumps([C()], default=lambda o: o)
except ValueError as e: print("ValueError", e)
try: json.dumps([C()], default=lambda o: [o])
except ValueError as e: print("ValueError", e)
print(json.dumps(l, check_circular=False, default=str) if False else "skip")
class I(int):
    def __repr__(self): return "I!"
class F(float):
    def __repr__(self): return "F!"
class S(str): pass
print(json.dumps([I(5), F(2.5), S("s"), {I(3): F(1.0), S("k"): 1}]))
print(json.dumps(collections.OrderedDict([("z", 1), ("a", 2)])))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=("\u2603", "\u00e9")))
print(json.dumps(10**30), json.dumps(-(2**63)), json.dumps(2**62))
print(json.dumps("\x00\x1f\x7f\x80\xff"), json.dumps("\x00\x1f\x7f\x80\xff", ensure_ascii=False))
print(json.dumps("\ud800x\udfff"), repr(json.dumps("\ud800x", ensure_ascii=False)))
print(json.dumps([[[[]]]], indent=2))
print(json.dumps({"a": {"b": [1, 2]}}, indent=1, sort_keys=True))
enc = json.encoder.c_make_encoder(None, str, json.encoder.encode_basestring_ascii, None, ":", ",", False, False, True)
print(enc([1, "a", {"b": 2}], 0), enc.sort_keys, enc.skipkeys, enc.key_separator, enc.markers)
try: json.encoder.c_make_encoder(1, None, None, None, ': ', ', ', False, False, False)
except TypeError as e: print("TypeError", e)
try: json.encoder.c_make_encoder((True, False), b"x", None)
except TypeError as e: print("TypeError", e)
try: json.encoder.c_make_encoder(None, None, None, None, b': ', ', ', False, False, False)
except TypeError as e: print("TypeError", e)
enc = json.encoder.c_make_encoder(None, str, lambda s: None, None, ": ", ", ", False, False, False)
try: enc("spam", 4)
except TypeError as e: print("TypeError", e)
enc = json.encoder.c_make_encoder(None, str, lambda s: 1/0, None, ": ", ", ", False, False, False)
try: enc({"spam": 1}, 4)
except ZeroDivisionError as e: print("ZeroDivisionError", e)
enc = json.encoder.c_make_encoder(None, str, lambda s: "<" + s + ">", None, ": ", ", ", False, False, False)
print(enc({"spam": ["x"]}, 0))
class BadBool:
    def __bool__(self): 1/0
try: json.encoder.JSONEncoder(sort_keys=BadBool()).encode({'a': 1})
except ZeroDivisionError as e: print("ZeroDivisionError", e)
deep = []
for i in range(100000): deep = [deep]
try: json.dumps(deep)
except RecursionError as e: print("RecursionError", e)
class M(dict):
    def items(self): return [("x", 1), ("y",)]
try: json.dumps(M(a=1))
except ValueError as e: print("ValueError", e)
try: enc(1, "x")
except TypeError as e: print("TypeError", e)
print(json.encoder.c_make_encoder.__module__, type(enc).__name__)
print(json.dumps({"a": 1, "b": 2, "c": 3}, skipkeys=True, sort_keys=True))
def d(o):
    lst.clear(); return 0
lst = [C(), 1, 2, 3]
print(json.dumps(lst, default=d))
