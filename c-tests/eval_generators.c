/* Generators run by the eval loop: yield, send, throw, close, return values through
 * StopIteration, yield from (delegation of send/throw/close and the result), generator
 * expressions, PEP 479 (StopIteration inside becomes RuntimeError), finally blocks on
 * close, gi_* attributes, and the errors CPython raises. */
#include <Python.h>
#include <unistd.h>
#include "testutil.h"

static void flush_sys(void)
{
    PyObject *r = PyObject_CallMethod(PySys_GetObject("stdout"), "flush", NULL);
    Py_XDECREF(r);
    r = PyObject_CallMethod(PySys_GetObject("stderr"), "flush", NULL);
    Py_XDECREF(r);
}

static void simple(const char *src)
{
    int r = PyRun_SimpleString(src);
    flush_sys();
    printf("[rc %d]\n", r);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    Py_Initialize();

    simple("def count(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\n    return 'done'\n"
           "print(list(count(4)), sum(x * x for x in range(5)), [*count(2)])");
    simple("def echo():\n    got = yield 'first'\n    while True:\n        got = yield 'got %r' % (got,)\n"
           "g = echo()\nprint(next(g), g.send(1), g.send('two'), g.send(None))");
    simple("def count(n):\n    yield from range(n)\n    return n\n"
           "def outer():\n    r = yield from count(3)\n    yield 'result %s' % r\nprint(list(outer()))");
    simple("def g():\n    try:\n        yield 1\n    except ValueError as e:\n        yield 'caught %s' % e\n    yield 3\n"
           "it = g()\nprint(next(it), it.throw(ValueError('boom')), next(it))\ntry:\n    next(it)\nexcept StopIteration as e:\n    print('stop', e.value)");
    simple("def g():\n    try:\n        yield 1\n        yield 2\n    finally:\n        print('finally ran')\n"
           "it = g()\nprint(next(it))\nit.close()\nprint(it.gi_frame, it.gi_running)\nit.close()");
    simple("def g():\n    try:\n        yield 1\n    except GeneratorExit:\n        yield 'refuse'\nit = g()\nnext(it)\ntry:\n    it.close()\nexcept RuntimeError as e:\n    print(e)");
    simple("def g():\n    yield 1\n    raise StopIteration('inner')\nit = g()\nnext(it)\ntry:\n    next(it)\nexcept RuntimeError as e:\n    print(repr(e), repr(e.__cause__))");
    simple("def g():\n    return 42\n    yield\nit = g()\ntry:\n    it.send(None)\nexcept StopIteration as e:\n    print('returned', e.value)\ntry:\n    next(it)\nexcept StopIteration as e:\n    print('again', e.value)");
    simple("def g():\n    yield\nit = g()\ntry:\n    it.send(5)\nexcept TypeError as e:\n    print(e)");
    simple("def inner():\n    try:\n        yield 'a'\n        yield 'b'\n    except KeyError:\n        yield 'inner caught'\n    return 'r'\n"
           "def outer():\n    v = yield from inner()\n    yield v\nit = outer()\nprint(next(it), it.throw(KeyError), next(it))");
    simple("def inner():\n    try:\n        yield 1\n    finally:\n        print('inner closed')\n"
           "def outer():\n    yield from inner()\nit = outer()\nnext(it)\nit.close()\nprint('closed')");
    simple("def g():\n    yield 1\nit = g()\nprint(type(it).__name__, it.__name__, it.__qualname__, it.gi_code.co_name, it.gi_suspended)\nnext(it)\nprint(it.gi_suspended, it.gi_frame.f_code.co_name)");
    simple("def g():\n    me = yield\n    next(me)\nit = g()\nnext(it)\ntry:\n    it.send(it)\nexcept ValueError as e:\n    print(e)");
    simple("def g():\n    yield 1\ntry:\n    g().throw(1)\nexcept TypeError as e:\n    print(e)");
    simple("def fib():\n    a, b = 0, 1\n    while True:\n        yield a\n        a, b = b, a + b\nf = fib()\nprint([next(f) for _ in range(10)])");
    simple("print(any(x > 3 for x in [1, 5]), all(x for x in [1, 0]), max(len(w) for w in ['a', 'abc']))");
    simple("def gen():\n    x = yield\n    print('never', x)\ng = gen()\ndel g\nprint('deleted unstarted')");
    simple("def gen():\n    try:\n        yield 1\n    finally:\n        print('cleanup on del')\ng = gen()\nnext(g)\ndel g\nprint('after del')");

    Py_Finalize();
    return 0;
}
