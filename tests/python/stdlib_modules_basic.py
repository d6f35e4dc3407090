# Standard-library modules that import on ferropy today, each used a little (issue 10).
import collections, functools, hashlib, itertools, json, operator, os, random, re, string
import textwrap, typing, enum, copy, weakref, heapq, bisect, keyword, math, time

print(hashlib.sha256(b"abc").hexdigest(), hashlib.md5(b"x").hexdigest())
print(os.path.join("a", "b", "c.txt"), os.path.splitext("x/y.tar.gz"), os.sep, os.path.basename("/p/q"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home and ann@work"), re.findall(r"\d+", "a1b22c333"))
print(json.dumps({"a": [1, 2.5, None, True], "b": "é"}, sort_keys=True), json.loads('{"x": [1, {"y": null}]}'))
print(random.Random(42).random(), random.Random(7).randint(1, 100), random.Random(1).choice("abcdef"))
print(typing.List[int], typing.Optional[str], typing.Union[int, str])


class Color(enum.Enum):
    RED = 1
    GREEN = 2


print(Color.GREEN, Color(1), list(Color), Color.RED.name)
print(collections.Counter("mississippi").most_common(2), collections.OrderedDict(a=1, b=2))
Point = collections.namedtuple("Point", "x y")
print(Point(1, 2), Point(1, 2)._replace(y=5), collections.deque([1, 2, 3], maxlen=2))
print(functools.reduce(operator.mul, range(1, 6)), functools.partial(int, base=2)("101"))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info().hits > 0)
print(list(itertools.islice(itertools.count(3, 2), 4)), list(itertools.permutations("ab")))
print(string.Template("$who likes $what").substitute(who="tim", what="pie"), string.ascii_lowercase[:5])
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 3, width=30))
print(copy.deepcopy({"a": [1, {2, 3}]}), math.isqrt(10**20), math.comb(10, 3), keyword.iskeyword("yield"))
print(heapq.nsmallest(3, [5, 1, 4, 2, 3]), bisect.bisect_left([1, 2, 4, 8], 5))
r = weakref.WeakValueDictionary()


class Obj:
    pass


o = Obj()
r["k"] = o
print(len(r), "k" in r)
del o
print(len(r))
print(time.gmtime(0).tm_year, time.strftime("%Y-%m-%d", time.gmtime(86400 * 365)))
