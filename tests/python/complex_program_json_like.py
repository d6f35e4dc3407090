def dumps(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        inner = ",\n".join(f'{pad}  "{k}": {dumps(val, indent + 1)}' for k, val in v.items())
        return "{\n" + inner + "\n" + pad + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(dumps(x, indent) for x in v) + "]"
    if isinstance(v, bool):
        return "true" if v else "false"
    if v is None:
        return "null"
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(v)

doc = {"name": "ferropy", "version": [3, 11], "fast": True, "bugs": None, "meta": {"q": 'say "hi"', "empty": {}}}
print(dumps(doc))
