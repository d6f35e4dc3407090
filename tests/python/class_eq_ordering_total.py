class Card:
    ORDER = "23456789TJQKA"
    def __init__(self, s): self.rank, self.suit = s[0], s[1]
    def key(self): return Card.ORDER.index(self.rank)
    def __eq__(self, o): return self.key() == o.key()
    def __lt__(self, o): return self.key() < o.key()
    def __le__(self, o): return self.key() <= o.key()
    def __gt__(self, o): return self.key() > o.key()
    def __ge__(self, o): return self.key() >= o.key()
    __hash__ = None
    def __repr__(self): return self.rank + self.suit

hand = [Card(s) for s in ("Kh", "2c", "As", "Td", "5h")]
print(sorted(hand), max(hand), min(hand), sorted(hand, reverse=True)[:2])
print(Card("Ah") == Card("As"), Card("2h") < Card("3h"), Card("Kd") >= Card("Kc"))
try:
    {Card("Ah")}
except TypeError as e:
    print("TypeError:", e)
