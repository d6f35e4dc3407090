# __import__ of names made of dots: the empty parent of "." is not imported (importlib's
# rule), so the errors are CPython's ModuleNotFoundError/ValueError/KeyError.
import importlib

for name in [".", "..", ".a", "a.", "", "...x"]:
    try:
        __import__(name)
        print(repr(name), "imported")
    except Exception as e:
        print(repr(name), type(e).__name__, e)

for name, level in [(".", 1), ("", 1), ("a", 1)]:
    try:
        __import__(name, {}, {}, [], level)
    except Exception as e:
        print(repr(name), level, type(e).__name__, e)

for name in [".", ".x"]:
    try:
        importlib.import_module(name)
    except Exception as e:
        print("import_module", repr(name), type(e).__name__, e)
