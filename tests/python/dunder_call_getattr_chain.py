class Chain:
    def __init__(self, path=()):
        self.path = path
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return Chain(self.path + (name,))
    def __call__(self, *args):
        return "/".join(self.path) + str(args)

api = Chain()
print(api.users.list(), api.repos.get("x", 1), api.a.b.c.d())
print(hasattr(api, "__nothing__"), hasattr(api, "anything"))
