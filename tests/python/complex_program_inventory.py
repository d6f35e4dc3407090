class Item:
    def __init__(self, name, price, qty):
        self.name, self.price, self.qty = name, price, qty
    @property
    def total(self):
        return self.price * self.qty
    def __repr__(self):
        return f"{self.name}x{self.qty}"

class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, name, price, qty=1):
        if name in self.items:
            self.items[name].qty += qty
        else:
            self.items[name] = Item(name, price, qty)
        return self
    def remove(self, name, qty):
        item = self.items[name]
        if qty > item.qty:
            raise ValueError(f"only {item.qty} {name} left")
        item.qty -= qty
        if not item.qty:
            del self.items[name]
    def value(self):
        return sum(i.total for i in self.items.values())
    def report(self):
        return sorted(self.items.values(), key=lambda i: -i.total)

inv = Inventory().add("apple", 0.5, 10).add("pear", 0.75, 4).add("apple", 0.5, 5).add("melon", 3.0)
print(inv.report(), inv.value())
inv.remove("melon", 1)
try:
    inv.remove("pear", 10)
except ValueError as e:
    print("ValueError:", e)
try:
    inv.remove("kiwi", 1)
except KeyError as e:
    print("KeyError:", e)
print(inv.report(), round(inv.value(), 2))
