# traceback finds the failing expression through co_positions()[tb_lasti // 2]; co_lines() covers the lines.
import traceback, sys
def f(x):
    return x.foo + 1
try:
    f(3)
except Exception as e:
    traceback.print_exc(file=sys.stdout)
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno, len(list(f.__code__.co_positions())) == len(f.__code__.co_code) // 2)
    print(all(isinstance(l, tuple) and len(l) == 3 for l in f.__code__.co_lines()))
    print(sorted({l for _, _, l in f.__code__.co_lines()}))
