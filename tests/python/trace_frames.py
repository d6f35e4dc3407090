# sys.settrace details: the local trace function (f_trace) and what its return value does,
# f_trace_lines/f_trace_opcodes, a trace function that raises, sys.call_tracing, the
# trace function of other threads (threading.settrace), frame.clear(), gettrace.
import sys
import threading

log = []


def rel(frame):
    return frame.f_lineno - frame.f_code.co_firstlineno


def target():
    a = 1
    b = 2
    return a + b


# The global function returns None for the call event: no line events for that frame.
def only_calls(frame, event, arg):
    log.append((event, frame.f_code.co_name))
    return None


sys.settrace(only_calls)
target()
sys.settrace(None)
print("only calls:", log)

# A local function that returns None keeps itself (CPython 3.11 keeps f_trace).
log.clear()


def local(frame, event, arg):
    log.append(("local", event, rel(frame)))
    return None


def global_tr(frame, event, arg):
    if frame.f_code is target.__code__:
        log.append(("global", event, rel(frame)))
        return local
    return None


sys.settrace(global_tr)
target()
sys.settrace(None)
print("local None:", log)

# f_trace_lines = False stops line events; f_trace_opcodes = True adds opcode events.
log.clear()


def no_lines(frame, event, arg):
    if frame.f_code is target.__code__:
        if event == "call":
            frame.f_trace_lines = False
        log.append(event)
        return no_lines
    return None


sys.settrace(no_lines)
target()
sys.settrace(None)
print("no lines:", log)

log.clear()


def opcodes(frame, event, arg):
    if frame.f_code is target.__code__:
        if event == "call":
            frame.f_trace_opcodes = True
        log.append(event)
        return opcodes
    return None


sys.settrace(opcodes)
target()
sys.settrace(None)
print("opcodes seen:", "opcode" in log, "lines seen:", log.count("line"), "first/last:", log[0], log[-1])
print("every line event is followed by an opcode event:",
      all(log[i + 1] == "opcode" for i, e in enumerate(log) if e == "line"))

# A raising trace function: the exception propagates and tracing is off.
calls = []


def raising(frame, event, arg):
    calls.append(event)
    if event == "line":
        raise KeyError("from tracer")
    return raising


def victim():
    x = 1
    return x


sys.settrace(raising)
try:
    victim()
except KeyError as e:
    print("tracer raised:", repr(e), calls)
print("trace after failure:", sys.gettrace())

# sys.call_tracing traces inside a trace function.
seen = []


def inner_traced():
    return 5


def outer_tracer(frame, event, arg):
    if event == "call" and frame.f_code is victim.__code__:
        seen.append(sys.call_tracing(inner_traced, ()))
    if event == "call":
        seen.append(frame.f_code.co_name)
    return None


sys.settrace(outer_tracer)
victim()
sys.settrace(None)
print("call_tracing:", seen)

# threading.settrace: the thread's function runs under the tracer; the main thread is not
# traced by it.
thread_events = []


def thread_tracer(frame, event, arg):
    if frame.f_code is target.__code__:
        thread_events.append((event, threading.current_thread() is threading.main_thread()))
        return thread_tracer
    return None


threading.settrace(thread_tracer)
t = threading.Thread(target=target)
t.start()
t.join()
threading.settrace(None)
target()
print("thread events:", thread_events)
print("main thread trace:", sys.gettrace())

# frame.f_trace is the local function; settable; clear() of a finished frame drops it.
def get_frame():
    return sys._getframe()


fr = get_frame()
print(fr.f_trace, fr.f_trace_lines, fr.f_trace_opcodes)
fr.f_trace = print
print(fr.f_trace is print)
fr.clear()
print(fr.f_trace)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in [("f_trace_lines", 1), ("f_trace_opcodes", None)]:
    try:
        setattr(fr, *bad)
    except TypeError as e:
        print("TypeError:", e)


def g():
    yield sys._getframe()
    print("never")


gen = g()
gfr = next(gen)
gfr.clear()
print("generator after frame.clear():", gen.gi_frame, list(gen))

# gettrace/getprofile give back what was set.
def tr(*a):
    return None


sys.settrace(tr)
print(sys.gettrace() is tr)
sys.settrace(None)
print(sys.gettrace())
