for s in ("abc", "_x", "2x", "x y", "", "ñandú", "class", "None", "λ", "a-b"):
    print(repr(s), s.isidentifier())
for s in ("hello", "Hello World", "HELLO", "123", "hello123", "   ", "\t\n", "ABC def"):
    print(repr(s), s.isalpha(), s.isupper(), s.islower(), s.istitle(), s.isspace(), s.isalnum(), s.isascii())
