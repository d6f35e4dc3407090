name, value, width = "pi", 3.14159, 10
print(f"{name}={value:.2f}")
print(f"[{name:>{width}}] [{name:<6}] [{name:^7}] [{name:*^9}]")
print(f"{value!r} {name!r} {name!s} {'é'!a}")
print(f"{1 + 2} {[1, 2][1]} {dict(a=1)['a']} {'nested ' + f'{name}'}")
print(f"{{literal braces}} {value:{width}.{3}}")
print(f"{255:x} {255:#o} {255:b} {1234567:,} {0.5:%} {12:05d} {-3:+d}")
x = 10
print(f"{x=} {x * 2 = } {name!r:>6}")
print(f"multi" f"part {x}" "plain")
print(f"""triple
{x}""")
import_free = 1
print(f"{'a' if x > 5 else 'b'} {(lambda: 'lam')()}")
class C:
    def __format__(self, spec): return f"C({spec})"
print(f"{C():abc} {C()}")
try:
    f"{x:q}"
except ValueError as e:
    print("ValueError:", e)
