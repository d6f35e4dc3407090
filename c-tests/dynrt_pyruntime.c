// ferropy-test: ext=core_runtime
// ferropy-test: ext-variants=cpython
/* `_PyRuntime` as a module built with Py_BUILD_CORE_MODULE reads it (c-tests/ext/
 * core_runtime.c): the current thread state (also from other threads and after GIL
 * switches), the small ints (the very objects Python code gets), the global strings (the
 * interned strings of their text), single characters, empty bytes and tuple; and all of
 * it again after Py_FinalizeEx + Py_Initialize. */
#include "import_util.h"

static const char *script =
    "import sys, threading\n"
    "import core_runtime as m\n"
    "print('tstate current:', m.tstate_is_current())\n"
    "out = []\n"
    "def worker():\n"
    "    for _ in range(200):\n"
    "        out.append(m.tstate_is_current())\n"
    "ts = [threading.Thread(target=worker) for _ in range(3)]\n"
    "for t in ts: t.start()\n"
    "for _ in range(200): out.append(m.tstate_is_current())\n"
    "for t in ts: t.join()\n"
    "print('tstate current in threads:', len(out), all(out))\n"
    "def nest(n):\n"
    "    return m.recursion_used() if n == 0 else nest(n - 1)\n"
    "top = m.recursion_used()\n"
    "print('recursion: positive', top > 0, 'deeper', nest(20) > top)\n"
    "print('small ints identical:', all(m.small(i) is i for i in range(-5, 257)))\n"
    "print('small int values:', [m.small(i) for i in (-5, -1, 0, 1, 7, 255, 256)])\n"
    "print('int(\"7\") is small(7):', int('7') is m.small(7), int('3') + 4 is m.small(7))\n"
    "z, o = m.zero_one()\n"
    "print('zero/one:', z, o, z is int('0'), o is int('1'))\n"
    "try:\n"
    "    m.small(257)\n"
    "except ValueError as e:\n"
    "    print('ValueError', e)\n"
    "ids = m.ids()\n"
    "print('ids:', ids, [type(s).__name__ for s in ids])\n"
    "print('interned:', [s is sys.intern(s) for s in ids[:5]])\n"
    "print('hashes:', [hash(s) == hash(s[:0] + s) for s in ids])\n"
    "print('dict key:', {ids[0]: 1}['read'], {'__name__': 2}[ids[1]])\n"
    "class F:\n"
    "    def read(self): return 'called read'\n"
    "print('getattr by _Py_ID:', m.get_read(F())())\n"
    "try:\n"
    "    m.get_read(1)\n"
    "except AttributeError as e:\n"
    "    print('AttributeError', e)\n"
    "cs = [m.chars(c) for c in range(256)]\n"
    "print('chars:', all(s == chr(c) and b == bytes([c]) for c, (s, b) in enumerate(cs)))\n"
    "print('chars sample:', cs[0], cs[65], cs[127], cs[128], cs[233], cs[255])\n"
    "print('latin1 utf8:', cs[233][0].encode(), cs[255][0].upper(), len(cs[200][0]))\n"
    "e = m.empties()\n"
    "print('empties:', e, e[0] == b'', e[1] == (), len(e[1]), hash(e[1]) == hash(()))\n";

static void run_once(int round)
{
    printf("-- round %d\n", round);
    Py_Initialize();
    add_ext_path();
    if (PyRun_SimpleString(script) != 0)
        printf("script failed\n");
    if (Py_FinalizeEx() < 0)
        printf("finalize failed\n");
}

int main(void)
{
    run_once(1);
    run_once(2);
    return 0;
}
