# json.dumps through the C encoder (_json.make_encoder): nested dicts/lists of str, int,
# float, bool, None; ASCII and non-ASCII text; sort_keys and a default callback.
import json

record = {
    "id": 12345, "name": "ferropy \u00e9t\u00e9", "tags": ["a", "bb", "ccc"], "ok": True,
    "score": 3.14159, "none": None, "nested": {"x": [1, 2, 3], "y": {"z": "quote\"d\n"}},
}
data = [dict(record, id=i) for i in range(200)]
total = 0
for i in range(1500):
    total += len(json.dumps(data))
    total += len(json.dumps(data, ensure_ascii=False, sort_keys=True))
    total += len(json.dumps({"when": object()}, default=lambda o: "obj"))
print(total)
