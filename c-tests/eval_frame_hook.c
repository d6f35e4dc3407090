/* PEP 523: an eval-frame hook installed with _PyInterpreterState_SetEvalFrameFunc sees
 * every Python frame (function calls, recursion, each generator resume, class bodies,
 * frames of code run by PyRun) and runs them through _PyEval_EvalFrameDefault; results and
 * exceptions pass through it; a trace function still sees the frames; removing the hook
 * restores the default. */
#include <Python.h>
#include <unistd.h>
#include "testutil.h"

static long frames = 0;
static long throws = 0;

static PyObject *counting_eval(PyThreadState *ts, struct _PyInterpreterFrame *f, int throwflag)
{
    frames++;
    if (throwflag)
        throws++;
    return _PyEval_EvalFrameDefault(ts, f, throwflag);
}

static int traced = 0;

static int tracer(PyObject *obj, PyFrameObject *frame, int what, PyObject *arg)
{
    (void)obj; (void)frame; (void)arg;
    if (what == PyTrace_CALL)
        traced++;
    return 0;
}

static void run(const char *label, const char *src)
{
    frames = 0;
    throws = 0;
    int r = PyRun_SimpleString(src);
    fflush(stdout);
    printf("%s: rc=%d frames=%ld throws=%ld\n", label, r, frames, throws);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(1, 2);
    Py_Initialize();
    PyRun_SimpleString("def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\n"
                       "def gen(n):\n    for i in range(n):\n        yield i\n"
                       "def boom():\n    raise ValueError('through the hook')\n"
                       "def g2():\n    try:\n        yield 1\n    except KeyError:\n        yield 'caught'\n");
    PyInterpreterState *interp = PyInterpreterState_Get();
    _PyFrameEvalFunction previous = _PyInterpreterState_GetEvalFrameFunc(interp);
    _PyInterpreterState_SetEvalFrameFunc(interp, counting_eval);

    run("module code only", "x = 1");
    run("recursion", "print(fact(5))");
    run("generator", "print(list(gen(3)))");
    run("exception", "try:\n    boom()\nexcept ValueError as e:\n    print('caught', e)");
    run("uncaught", "boom()");
    run("class body", "class K:\n    def m(self):\n        return 2\nprint(K().m())");
    run("throw", "it = g2()\nnext(it)\nprint(it.throw(KeyError))");

    PyEval_SetTrace(tracer, NULL);
    run("traced", "fact(3)");
    PyEval_SetTrace(NULL, NULL);
    printf("call events under the hook: %d\n", traced);

    _PyInterpreterState_SetEvalFrameFunc(interp, previous);
    run("hook removed", "print(fact(4))");

    Py_Finalize();
    return 0;
}
