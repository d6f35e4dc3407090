print("".split(), "".split(","), " ".split(" "), "a,".split(","), ",a".split(","))
print("a b c".split(None, 1), "a b c".rsplit(None, 1), "a--b--c".split("--", 1), "abc".split("abc"))
print("1\n2\r\n3\r4".splitlines(), "1\n2\n".splitlines(True), "".splitlines())
print(",".join([]), ",".join(["one"]), "".join(["a", "b"]), " ".join("abc"))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
print("aaa".replace("a", "b", 0), "aaa".replace("", "-"), "abc".replace("", "|", 2))
print("abcabc".count(""), "abc".startswith(""), "ab".find("", 5), "ab".find("", 2))
