# A filter nested a million deep is freed without recursing a million C frames deep (the
# trashcan; test_builtin's test_filter_dealloc). Before the fix this was a segfault.
import gc
i = filter(bool, range(1000000))
for _ in range(1000000):
    i = filter(bool, i)
del i
gc.collect()
e = enumerate(range(3))
for _ in range(100000):
    e = enumerate(e)
del e
print("freed")
