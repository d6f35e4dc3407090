# The implicit `return None` of a module runs on its last statement's line: a tracer sees
# no extra 'line' event for line 1 and a 'return' on the last line (pdb's --Return--).
import sys
for src in ["x = 5\nif x:\n    y = 1\nprint('after', x)\n", "a = 1\nb = 2\n", "'''doc'''\nz = 3\n"]:
    code = compile(src, "<s>", "exec")
    events = []
    def tr(frame, event, arg):
        if frame.f_code is code:
            events.append((event, frame.f_lineno))
        return tr
    sys.settrace(tr)
    exec(code, {})
    sys.settrace(None)
    print(events)
