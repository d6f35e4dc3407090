import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11), sys.hexversion >> 16)
print(sys.maxsize == 2 ** 63 - 1, sys.byteorder, type(sys.path).__name__, sys.float_info.mant_dig)
print(sys.int_info.bits_per_digit in (15, 30), sys.flags.optimize, sys.platform.startswith("linux"))
