x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7; x <<= 4; x >>= 1; x |= 3; x &= 0xF; x ^= 5
print(x)
f = 1.5
f /= 2; f *= 3
print(f)
s = "ab"; s *= 3; s += "!"
print(s)
l = [1]; alias = l; l += [2]; l *= 2
print(l, alias is l)
t = (1,); ta = t; t += (2,)
print(t, ta)
class Acc:
    def __init__(self): self.v = 0
    def __iadd__(self, o):
        self.v += o
        return self
a = Acc(); a += 5; a += 6
print(a.v)
d = {"k": [0]}
d["k"][0] += 1
d["k"] += [2]
print(d)
class O: pass
o = O(); o.n = 1; o.n += 41
print(o.n)
