# -X importtime and PYTHONPROFILEIMPORTTIME: one stderr line per module imported (header
# first, once), "import time: SELF | CUMULATIVE | NAME" with the name indented two spaces
# per nesting level, self <= cumulative, a parent's cumulative covering its children; a
# module already in sys.modules prints nothing; a failing import still prints its line.
import os, re, subprocess, sys

root = "/tmp/ferropy_importtime_%d" % os.getpid()
os.mkdir(root)
os.mkdir(root + "/itpkg")
files = {
    "itpkg/__init__.py": "from . import child\nimport itleaf\n",
    "itpkg/child.py": "import itleaf\nimport itleaf2\n",
    "itleaf.py": "x = 1\n",
    "itleaf2.py": "import itleaf\n",
    "itmain.py": "import itpkg\nimport itpkg\ntry:\n    import itmissing\nexcept ImportError:\n    pass\n",
}
for name, text in files.items():
    with open(root + "/" + name, "w") as f:
        f.write(text)

LINE = re.compile(r"import time: +(\d+) \| +(\d+) \| ( *)(\S+)$")

def run(args, env=None):
    r = subprocess.run([sys.executable, "-S", "-B", *args, "-c", "import itmain"], cwd=root,
                       capture_output=True, text=True, env=env)
    lines = r.stderr.splitlines()
    print("exit", r.returncode, "header", lines.count("import time: self [us] | cumulative | imported package"),
          lines[0] if lines else None)
    rows = []
    for line in lines:
        m = LINE.match(line)
        if m:
            rows.append((int(m.group(1)), int(m.group(2)), len(m.group(3)), m.group(4)))
    # Only this test's modules: the interpreter's own start-up imports differ.
    mine = [r for r in rows if r[3].startswith(("it",))]
    for own, cum, indent, name in mine:
        print(" " * indent + name, own <= cum)
    by_name = {r[3]: r for r in mine}
    # Cumulative times: a module's covers its (disjoint) nested imports.
    print("parent covers children", by_name["itpkg"][1] >= by_name["itpkg.child"][1],
          by_name["itpkg.child"][1] >= by_name["itleaf"][1] + by_name["itleaf2"][1],
          by_name["itmain"][1] >= by_name["itpkg"][1] + by_name["itmissing"][1])
    return mine

run(["-X", "importtime"])
env = dict(os.environ, PYTHONPROFILEIMPORTTIME="1")
run([], env)
r = subprocess.run([sys.executable, "-S", "-c", "pass"], capture_output=True, text=True)
print("off:", repr(r.stderr))

for name in files:
    os.unlink(root + "/" + name)
os.rmdir(root + "/itpkg")
os.rmdir(root)
