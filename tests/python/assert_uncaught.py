x = 3
assert x == 4, "x should have been 4"
