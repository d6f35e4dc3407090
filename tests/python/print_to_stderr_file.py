import sys
print("to stdout")
print("to stderr", file=sys.stderr)
print("final stdout line", file=sys.stdout)
print("last stderr line", file=sys.stderr, end="!\n")
