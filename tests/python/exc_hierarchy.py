names = [ZeroDivisionError, OverflowError, KeyError, IndexError, FileNotFoundError,
         PermissionError, UnicodeDecodeError, RecursionError, NotImplementedError,
         StopIteration, StopAsyncIteration, GeneratorExit, KeyboardInterrupt, SystemExit,
         ModuleNotFoundError, TabError, IndentationError, UnboundLocalError, BrokenPipeError]
for t in names:
    print(t.__name__, "->", " ".join(c.__name__ for c in t.__mro__[1:]))
print(OSError is EnvironmentError, IOError is OSError)
print(OSError(2, "No such file").errno, repr(OSError(2, "x")))
print(type(OSError(2, "x")).__name__)
