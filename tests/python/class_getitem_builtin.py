# __class_getitem__ of the C types that define it in CPython 3.11 (PEP 585 generic aliases).
import collections
import itertools
import os

async def agen():
    yield 1

for cls in [type(agen()), collections.deque, collections.defaultdict, itertools.chain, os.DirEntry]:
    alias = cls[int]
    print(cls.__name__, "__class_getitem__" in cls.__dict__, repr(alias), alias.__origin__ is cls, alias.__args__)
