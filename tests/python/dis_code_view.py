# dis over the CPython-format view of our code objects (objects/code_public.rs): co_code
# in CPython 3.11's numbering decodes into instructions with resolved names, constants,
# locals/cells, jump targets, line starts and the exception table; f_lasti/tb_lasti are
# offsets into it (traceback carets, dis.distb's marker); inspect reads code objects.
# Prints what is the same in CPython's bytecode for these functions (names, argreprs,
# structure), not raw offsets, which depend on each compiler's layout.
import dis
import inspect
import io
import sys
import traceback


def simple(a, b=2):
    c = a + b
    return c * 2


def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
    return total


def closure(x):
    def inner(y):
        return x + y
    return inner


def handler(seq):
    try:
        return seq[10]
    except (IndexError, KeyError) as e:
        return type(e).__name__
    finally:
        seq = None


def ops(instrs):
    # Jumps by kind only (the two compilers thread jumps differently); code objects by name.
    out = []
    for i in instrs:
        if i.opname in ("EXTENDED_ARG", "PRECALL", "NOP", "CACHE"):
            continue
        if i.opcode in dis.hasjrel:
            out.append(("jump", "JUMP" in i.opname))
        elif hasattr(i.argval, "co_name"):
            out.append((i.opname, i.argval.co_name))
        else:
            out.append((i.opname, i.argrepr))
    return out


for f in (simple, loop, closure, handler):
    instrs = list(dis.get_instructions(f))
    print(f.__name__, ops(instrs))
    starts = [i.starts_line for i in instrs if i.starts_line is not None]
    print("  lines", sorted(set(starts)))
    targets = {i.offset for i in instrs if i.is_jump_target}
    jumps = [i for i in instrs if i.opcode in dis.hasjrel]
    print("  jumps land on instructions:", all(j.argval in {i.offset for i in instrs} for j in jumps), bool(targets) == bool(jumps))
    print("  positions", all(i.positions.lineno is None or i.positions.lineno >= f.__code__.co_firstlineno for i in instrs))
    print("  code units", len(f.__code__.co_code) % 2 == 0, len(list(f.__code__.co_positions())) == len(f.__code__.co_code) // 2)

bc = dis.Bytecode(handler)
print(sorted({(e.depth, e.lasti) for e in bc.exception_entries}))
print("exception targets are instructions:", all(e.target in {i.offset for i in bc} for e in bc.exception_entries))
out = io.StringIO()
dis.dis(closure, file=out)
text = out.getvalue()
print("Disassembly of <code object inner" in text, "LOAD_DEREF" in text, "(x)" in text, "ExceptionTable" in text)
out = io.StringIO()
dis.dis(handler, file=out)
print("ExceptionTable:" in out.getvalue(), "PUSH_EXC_INFO" in out.getvalue(), "CHECK_EXC_MATCH" in out.getvalue())
print(dis.code_info(simple).splitlines()[:6])
print([name for name in ("a", "b", "c") if name in simple.__code__.co_varnames])
print(simple.__code__._varname_from_oparg(0), closure.__code__._varname_from_oparg(1))
print(list(dis.findlinestarts(simple.__code__))[-1][1] == simple.__code__.co_firstlineno + 2)
print(inspect.getsource(simple).splitlines()[0], inspect.signature(simple), inspect.getclosurevars(closure(1)).nonlocals)

# tb_lasti points into co_code: the instruction there is the one that failed.

def fails():
    x = {"k": [1, 2]}
    return x["k"][5] + 1


try:
    fails()
except IndexError:
    tb = sys.exc_info()[2].tb_next
    ins = [i for i in dis.get_instructions(tb.tb_frame.f_code) if i.offset == tb.tb_lasti]
    print(ins[0].opname, ins[0].positions.lineno == tb.tb_lineno)
    print(traceback.format_exc().splitlines()[-3:])
    out = io.StringIO()
    dis.distb(tb, file=out)
    print([line.split()[1:3] for line in out.getvalue().splitlines() if "-->" in line])
