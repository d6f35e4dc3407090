# "Did you mean: 'x'?" in reports of AttributeError and NameError, captured from
# sys.excepthook; the last one is uncaught (the runner compares the last stderr line).
import sys

class Capture:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
    def flush(self): pass

def last_line(e):
    cap = Capture()
    old, sys.stderr = sys.stderr, cap
    try:
        sys.excepthook(type(e), e, e.__traceback__)
    finally:
        sys.stderr = old
    print(''.join(cap.parts).splitlines()[-1])

class Point:
    def __init__(self):
        self.x_coord = 1
        self.y_coord = 2
    def distance(self): return 0

for expr in ["Point().x_cord", "Point().distanse", "Point().Distance", "Point().zzzzzz", "(1).bit_lenght",
             "'abc'.uper", "[].apend", "Point().x", "sys.getrefcont", "Point().__inti__"]:
    try:
        eval(expr)
    except AttributeError as e:
        last_line(e)

def f():
    counter = 1
    return countr
try:
    f()
except NameError as e:
    last_line(e)
try:
    pritn("x")
except NameError as e:
    last_line(e)
try:
    Pont
except NameError as e:
    last_line(e)
try:
    qqqqqqqq
except NameError as e:
    last_line(e)
try:
    raise AttributeError("no name")
except AttributeError as e:
    last_line(e)
class Custom(AttributeError): pass
class CustomName(NameError): pass
try:
    raise CustomName("custom name", name="pritn")
except NameError as e:
    last_line(e)
try:
    raise Custom("custom", name="x_cord", obj=Point())
except AttributeError as e:
    last_line(e)
long_name = "a" * 50
try:
    getattr(Point(), long_name)
except AttributeError as e:
    last_line(e)

Point().y_cord
