# The lib-dynload termios extension (built for CPython) loads: it parses its fd argument
# with _PyLong_FileDescriptor_Converter (ints, objects with fileno(), errors as CPython's).
import termios


class FakeFile:
    def fileno(self):
        return 0


print(termios.TCSANOW, termios.TCSADRAIN, termios.B9600 > 0)
for fd in (0, FakeFile()):
    try:
        termios.tcgetattr(fd)
        print("a terminal")
    except termios.error as e:
        print("termios.error", e.args[0] in (25, 22))
for bad in ("x", -1, 2**40):
    try:
        termios.tcgetattr(bad)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
