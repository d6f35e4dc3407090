text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
letters = {}
for ch in text.replace(" ", ""):
    letters.setdefault(ch, 0)
    letters[ch] += 1
print(len(letters), letters["o"], max(letters, key=lambda k: (letters[k], k)))
index = {}
for i, w in enumerate(text.split()):
    index.setdefault(w, []).append(i)
print(index["the"], sorted(w for w, p in index.items() if len(p) == 1)[:4])
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested.get("x", {}).get("y"))
