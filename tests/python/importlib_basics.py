# importlib over ferropy's import system: import_module, util.find_spec, reload, machinery
# loaders, a user sys.meta_path finder/loader and a sys.path_hooks finder (issue 10).
import os, sys

import importlib
import importlib.util
import importlib.machinery

root = "/tmp/ferropy_importlib_%d" % os.getpid()

def write(path, text):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.write(fd, text.encode())
    os.close(fd)

def clean(path):
    for name in os.listdir(path):
        full = path + "/" + name
        if os.path.isdir(full):
            clean(full)
        else:
            os.unlink(full)
    os.rmdir(path)

os.mkdir(root)
os.mkdir(root + "/pkg")
os.mkdir(root + "/nspkg")
write(root + "/pkg/__init__.py", "flag = 'pkg'\n")
write(root + "/pkg/mod.py", "value = 41 + 1\nfrom . import sibling\n")
write(root + "/pkg/sibling.py", "name = __name__\n")
write(root + "/plainmod.py", "counter = 1\n")
write(root + "/nspkg/part.py", "x = 'part'\n")
sys.path.insert(0, root)
try:
    print(importlib.import_module("json") is sys.modules["json"])
    m = importlib.import_module("pkg.mod")
    print(m.value, m.sibling.name, m.__name__, m.__package__)
    print(importlib.import_module(".sibling", "pkg") is m.sibling)
    for bad in [lambda: importlib.import_module(".x"), lambda: importlib.import_module("no_such_mod_xyz"),
                lambda: importlib.import_module("pkg.nope")]:
        try:
            bad()
        except Exception as e:
            print(type(e).__name__, e)

    spec = importlib.util.find_spec("plainmod")
    print(spec.name, spec.origin == root + "/plainmod.py", type(spec.loader).__name__, spec.submodule_search_locations,
          spec.has_location, spec.parent == "")
    spec = importlib.util.find_spec("pkg")
    print(spec.name, spec.submodule_search_locations == [root + "/pkg"], spec.parent)
    print(importlib.util.find_spec("no_such_mod_xyz"), importlib.util.find_spec(".mod", "pkg").name)
    print(importlib.util.find_spec("sys").origin, importlib.util.find_spec("pkg.mod") is sys.modules["pkg.mod"].__spec__)
    ns = importlib.util.find_spec("nspkg")
    print(ns.origin, ns.loader is None or type(ns.loader).__name__, list(ns.submodule_search_locations) == [root + "/nspkg"])
    print(importlib.import_module("nspkg.part").x)

    # loader methods the stdlib uses on __loader__
    loader = sys.modules["pkg.mod"].__loader__
    print(loader.get_filename() == root + "/pkg/mod.py", loader.is_package("pkg.mod"),
          sys.modules["pkg"].__loader__.is_package("pkg"))
    print(repr(loader.get_source("pkg.mod")), loader.get_data(root + "/plainmod.py"))

    # reload runs the new source
    import plainmod
    write(root + "/plainmod.py", "counter = 2 + 100\n")
    print(importlib.reload(plainmod) is plainmod, plainmod.counter)

    print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.EXTENSION_SUFFIXES)
    print(importlib.machinery.BuiltinImporter.find_spec("_thread").name)

    # a user meta_path finder and loader
    class Loader:
        def create_module(self, spec):
            return None
        def exec_module(self, module):
            module.made_by = "Loader"
            module.spec_name = module.__spec__.name

    class Finder:
        def find_spec(self, name, path, target=None):
            if name.startswith("virtual_"):
                return importlib.util.spec_from_loader(name, Loader())
            return None

    sys.meta_path.insert(0, Finder())
    import virtual_one
    print(virtual_one.made_by, virtual_one.spec_name, virtual_one.__loader__.__class__.__name__)
    print(importlib.import_module("virtual_two").spec_name, importlib.util.find_spec("virtual_three").name)
    del sys.meta_path[0]

    # a path hook for a made-up path entry
    class EntryFinder:
        def __init__(self, entry):
            if not entry.startswith("hooked:"):
                raise ImportError("not mine")
            self.entry = entry
        def find_spec(self, name, target=None):
            if name == "from_hook":
                return importlib.util.spec_from_loader(name, Loader())
            return None

    sys.path_hooks.insert(0, EntryFinder)
    sys.path.insert(0, "hooked:here")
    import from_hook
    print(from_hook.made_by, type(sys.path_importer_cache["hooked:here"]).__name__)
    sys.path.remove("hooked:here")
    sys.path_hooks.remove(EntryFinder)
finally:
    clean(root)
