print("%d %i %5d %-5d| %05d %+d" % (1, 2, 3, 4, 5, 6))
print("%s %r %a" % ("s", "r", "ä"))
print("%f %.2f %10.3f %e %.1E %g %G" % (1.5, 2.345, 3.14159, 12345.678, 0.000123, 1e-10, 1e20))
print("%x %X %#x %o %#o %c %c" % (255, 255, 255, 8, 8, 65, "z"))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%%" % (), "%s" % [1, 2], "%s" % (1,), "%5.1s|" % "abc", "%*d" % (5, 42))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    "%z" % 1
except ValueError as e:
    print("ValueError:", e)
