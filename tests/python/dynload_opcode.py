# CPython's lib-dynload _opcode loaded into ferropy: dis.stack_effect (CPython 3.11's
# bytecode, through PyCompile_OpcodeStackEffectWithJump) for every opcode number, virtual
# instruction and a spread of opargs, on each path; and _opcode's own argument checks.
import dis, opcode, _opcode

print(dis.stack_effect is _opcode.stack_effect, opcode.stack_effect is _opcode.stack_effect)
OPARGS = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 255, 256, 257, 258, 511, 513, 65535, 2**20, 2**30 + 3, -1, -2]
for op in range(-14, 260):
    cells = []
    for arg in [None] + OPARGS:
        for jump in (None, True, False):
            try:
                if arg is None:
                    cells.append(str(dis.stack_effect(op, jump=jump)))
                else:
                    cells.append(str(dis.stack_effect(op, arg, jump=jump)))
            except ValueError as e:
                cells.append("V" if "invalid" in str(e) else "A")
    line = " ".join(cells)
    if set(cells) != {"V", "A"}:
        print(op, opcode.opname[op] if 0 <= op < 256 else "", line)
    else:
        print(op, "invalid")

def err(*a, **k):
    try:
        print(dis.stack_effect(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
err(100)
err(1, 0)
err(93, 0, jump=2)
err(1.5)
err("x")
err(2**40)
err(100, 2**40)
err(100, "x")
err(opcode.opmap["BUILD_MAP"], 2**31 - 1)
print([dis.stack_effect(opcode.opmap[n], 1) for n in ("LOAD_CONST", "BUILD_TUPLE", "CALL", "FOR_ITER")])
