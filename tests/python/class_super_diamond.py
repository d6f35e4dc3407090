class Root:
    def ping(self, trail):
        trail.append("Root")
        return trail

class L(Root):
    def ping(self, trail):
        trail.append("L")
        return super().ping(trail)

class R(Root):
    def ping(self, trail):
        trail.append("R")
        return super().ping(trail)

class Bottom(L, R):
    def ping(self, trail):
        trail.append("Bottom")
        return super().ping(trail)

print(Bottom().ping([]))
print([c.__name__ for c in Bottom.mro()])

class WithClassCell:
    def get(self):
        return __class__
print(WithClassCell().get() is WithClassCell)
