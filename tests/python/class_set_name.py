class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, "unset")

    def __set__(self, obj, value):
        setattr(obj, self.private, value * 2)

class Model:
    width = Field()
    height = Field()

m = Model()
print(m.width, Model.width.name, Model.height.owner)
m.width = 21
print(m.width, m._width)

class Later: pass
f = Field()
Later.attr = f
print(hasattr(f, "name"))
