class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"{key} out of range")
        return self.cells.get(key, ".")
    def __setitem__(self, key, v): self.cells[key] = v
    def __delitem__(self, key): del self.cells[key]
    def __contains__(self, v): return v in self.cells.values()
    def __len__(self): return self.w * self.h
    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))
    def __reversed__(self):
        return iter(list(self)[::-1])

g = Grid(3, 2)
g[0, 0] = "#"; g[2, 1] = "@"
print(list(g), list(reversed(g)), len(g), "#" in g, "x" in g)
del g[0, 0]
print(list(g))
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
class Sliceable:
    def __getitem__(self, k): return k
s = Sliceable()
print(s[1], s[1:2], s[::3], s[1, 2:3], s[...])
