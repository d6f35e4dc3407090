class Plugin:
    registry = []

    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry.append(cls.plugin_name)

class Alpha(Plugin): pass
class Beta(Plugin, name="custom"): pass
class Gamma(Beta): pass

print(Plugin.registry)
print(Alpha.plugin_name, Beta.plugin_name, Gamma.plugin_name)
try:
    class Delta(Plugin, unknown=1): pass
except TypeError as e:
    print("TypeError:", e)
