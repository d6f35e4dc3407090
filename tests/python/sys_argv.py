import sys
print(len(sys.argv), sys.argv[0].endswith("sys_argv.py"), sys.argv[1:])
print(__name__, __file__.endswith("sys_argv.py") if "__file__" in globals() else "no __file__")
