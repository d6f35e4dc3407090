class Money:
    def __init__(self, c): self.c = c
    def __format__(self, spec):
        if spec == "short":
            return f"${self.c / 100:.0f}"
        return f"${self.c / 100:.2f}"
    def __bytes__(self): return b"money"

m = Money(12345)
print(format(m), format(m, "short"), f"{m} {m:short}", "{:short}".format(m), bytes(m))
class NoFormat: pass
try:
    format(NoFormat(), "x")
except TypeError as e:
    print("TypeError:", e)
print(format(NoFormat(), "").startswith("<__main__"))
