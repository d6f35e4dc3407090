# String building: concatenation, join, formatting, slicing and methods.
def build(n):
    parts = []
    s = ""
    for i in range(n):
        s += str(i % 10)
        if len(s) > 64:
            parts.append(s.upper())
            s = ""
        parts.append(f"{i}:{i % 7}")
    text = ",".join(parts)
    pieces = text.split(",")
    n_digits = sum(1 for p in pieces if p.isdigit())
    return len(text), n_digits, text[1000:1010].replace(":", "-")

print(build(300_000), build(100_000))
