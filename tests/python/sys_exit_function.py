import sys
print("before sys.exit")
try:
    sys.exit(4)
except SystemExit as e:
    print("caught", e.code)
sys.stdout.write("written via sys.stdout\n")
sys.stderr.write("to stderr\n")
sys.exit(5)
