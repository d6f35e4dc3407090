import sys
w = sys.stdout.write("abc\n")
print(w)
sys.stdout.write("no newline")
sys.stdout.flush()
print()
print(sys.stdout.isatty() in (True, False), sys.stdout.encoding.lower().replace("-", ""))
