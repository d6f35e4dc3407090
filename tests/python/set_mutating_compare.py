# Set operations whose element comparisons (__eq__) clear or change the sets being walked
# (bpo-46615): no crash, and the same results or RuntimeError as CPython.

class Bad:
    """Equal hashes; comparing may clear a set (after `countdown` comparisons)."""
    victims = []
    countdown = -1

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return self.n % 2

    def __eq__(self, other):
        if Bad.countdown > 0:
            Bad.countdown -= 1
            if Bad.countdown == 0:
                for v in Bad.victims:
                    v.clear()
        return self is other

    def __repr__(self):
        return f"Bad({self.n})"


def make(n1, n2):
    Bad.countdown = -1
    s1 = {Bad(i) for i in range(n1)}
    s2 = {Bad(i) for i in range(n2)}
    return s1, s2


def iand(a, b):
    a &= b
    return a


def isub(a, b):
    a -= b
    return a


def ixor(a, b):
    a ^= b
    return a


def ior(a, b):
    a |= b
    return a


OPS = [
    ("==", lambda a, b: a == b),
    ("!=", lambda a, b: a != b),
    ("<=", lambda a, b: a <= b),
    ("<", lambda a, b: a < b),
    (">=", lambda a, b: a >= b),
    ("&", lambda a, b: a & b),
    ("|", lambda a, b: a | b),
    ("-", lambda a, b: a - b),
    ("^", lambda a, b: a ^ b),
    ("&=", iand),
    ("-=", isub),
    ("^=", ixor),
    ("|=", ior),
    ("isdisjoint", lambda a, b: a.isdisjoint(b)),
    ("issubset", lambda a, b: a.issubset(b)),
    ("issuperset", lambda a, b: a.issuperset(b)),
    ("difference_update", lambda a, b: a.difference_update(b)),
    ("intersection_update", lambda a, b: a.intersection_update(b)),
    ("symmetric_difference_update", lambda a, b: a.symmetric_difference_update(b)),
    ("in", lambda a, b: Bad(3) in a),
    ("discard", lambda a, b: a.discard(Bad(5))),
    ("add", lambda a, b: a.add(Bad(7))),
]

for name, op in OPS:
    for which in ("left", "right", "both"):
        for after in (1, 2, 5):
            s1, s2 = make(12, 10)
            Bad.victims = {"left": [s1], "right": [s2], "both": [s1, s2]}[which]
            Bad.countdown = after
            try:
                r = op(s1, s2)
                outcome = type(r).__name__
            except RuntimeError as e:
                outcome = "RuntimeError: " + str(e)
            # Sizes only: which elements survive depends on when the clear happened.
            print(name, which, after, outcome, len(s1) <= 12, len(s2) <= 10)

# A set whose comparisons clear it while it is being built from another set's elements.
Bad.countdown = -1
src = {Bad(i) for i in range(20)}
dst = {Bad(i) for i in range(20)}
Bad.victims = [src]
Bad.countdown = 3
dst.update(src)
print("update survived", len(dst) >= 20)
