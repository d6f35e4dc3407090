# importlib.resources over ferropy's file loaders: the loader's get_resource_reader(name)
# is importlib.readers.FileReader (what certifi.where() in site-packages' .pth files needs),
# files()/read_bytes()/as_file()/is_resource(), and the loader's name check.
import os, sys, importlib, importlib.resources as resources

root = "/tmp/ferropy_resources_%d" % os.getpid()

def write(path, data):
    with open(path, "wb") as f:
        f.write(data)

os.mkdir(root)
os.mkdir(root + "/respkg")
os.mkdir(root + "/respkg/sub")
write(root + "/respkg/__init__.py", b"")
write(root + "/respkg/data.txt", b"hello resources\n")
write(root + "/respkg/sub/__init__.py", b"")
write(root + "/respkg/sub/inner.bin", bytes(range(5)))
sys.path.insert(0, root)
try:
    import respkg, respkg.sub
    loader = respkg.__spec__.loader
    reader = loader.get_resource_reader("respkg")
    print(type(reader).__module__, type(reader).__name__)
    print(str(reader.files()) == root + "/respkg")
    print(type(loader.get_resource_reader()).__name__)
    try:
        loader.get_resource_reader("other")
    except ImportError as e:
        print("ImportError", e, e.name)
    files = resources.files(respkg)
    print(type(files).__name__, files.name)
    print((files / "data.txt").read_bytes())
    print((files / "data.txt").read_text())
    print(sorted(p.name for p in files.iterdir() if p.name != "__pycache__"))
    print(list((resources.files("respkg.sub") / "inner.bin").read_bytes()))
    with resources.as_file(files / "data.txt") as path:
        print(str(path) == root + "/respkg/data.txt", path.exists())
    print((files / "data.txt").is_file(), (files / "sub").is_dir(), (files / "sub").is_file())
    try:
        (files / "missing.txt").read_bytes()
    except FileNotFoundError as e:
        print("FileNotFoundError", e.strerror, os.path.basename(e.filename))
    # A module (not a package) has no resources of its own.
    write(root + "/plainmod.py", b"x = 1\n")
    import plainmod
    try:
        resources.files(plainmod)
    except TypeError as e:
        print("TypeError", str(e).endswith("plainmod.py'> is not a package"))
    # The installed certifi package (site-packages), as the start-up .pth file uses it.
    try:
        import certifi
    except ImportError:
        print("no certifi")
    else:
        where = certifi.where()
        print(os.path.basename(where), os.path.isfile(where), where.startswith(os.path.dirname(certifi.__file__)))
finally:
    for d, dirs, files_ in os.walk(root, topdown=False):
        for f in files_:
            os.unlink(os.path.join(d, f))
        for x in dirs:
            os.rmdir(os.path.join(d, x))
    os.rmdir(root)
