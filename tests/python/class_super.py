class Base:
    def __init__(self, v):
        self.v = v
        self.log = ["Base"]

    def describe(self):
        return f"Base({self.v})"

    @classmethod
    def make(cls):
        return cls(0)

class Mid(Base):
    def __init__(self, v):
        super().__init__(v * 2)
        self.log.append("Mid")

    def describe(self):
        return "Mid/" + super().describe()

class Leaf(Mid):
    def __init__(self, v):
        super(Leaf, self).__init__(v + 1)
        self.log.append("Leaf")

    def describe(self):
        return "Leaf/" + super().describe()

    @classmethod
    def make(cls):
        obj = super().make()
        obj.log.append("made")
        return obj

x = Leaf(1)
print(x.v, x.log, x.describe())
y = Leaf.make()
print(y.v, y.log, type(y).__name__)
print(super(Mid, x).describe())
s = super(Leaf, x)
print(type(s).__name__)

def outside():
    try:
        super()
    except RuntimeError as e:
        print("RuntimeError:", e)
outside()
