/* fork() while Python runs: PyOS_BeforeFork / PyOS_AfterFork_Parent / PyOS_AfterFork_Child.
 * The parent has a second thread with its own thread state; in the child that thread is
 * gone: its thread state is deleted, the GIL works (PyGILState_Ensure, a new thread that
 * takes it), pending calls run in the child's main thread, and finalization succeeds. */
#include <Python.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int stop;
static volatile int started;

static void *busy_thread(void *arg)
{
    (void)arg;
    PyGILState_STATE g = PyGILState_Ensure();
    started = 1;
    while (!stop) {
        Py_BEGIN_ALLOW_THREADS
        usleep(1000);
        Py_END_ALLOW_THREADS
    }
    PyGILState_Release(g);
    return NULL;
}

static int count_thread_states(void)
{
    int n = 0;
    for (PyThreadState *t = PyInterpreterState_ThreadHead(PyInterpreterState_Main()); t; t = PyThreadState_Next(t)) n++;
    return n;
}

static int child_thread_ok;
static void *child_thread(void *arg)
{
    (void)arg;
    PyGILState_STATE g = PyGILState_Ensure();
    child_thread_ok = PyGILState_Check();
    PyGILState_Release(g);
    return NULL;
}

static int pending_ran;
static int pending(void *arg) { (void)arg; pending_ran++; return 0; }

int main(void)
{
    Py_Initialize();
    pthread_t th;
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&th, NULL, busy_thread, NULL);
    while (!started) usleep(1000);
    Py_END_ALLOW_THREADS
    printf("parent: thread states before fork: %d\n", count_thread_states());
    fflush(stdout);

    PyOS_BeforeFork();
    pid_t pid = fork();
    if (pid == 0) {
        PyOS_AfterFork_Child();
        printf("child: thread states: %d\n", count_thread_states());
        PyGILState_STATE g = PyGILState_Ensure();
        printf("child: PyGILState_Ensure holds the GIL: %d, same thread state: %d\n",
               PyGILState_Check(), PyGILState_GetThisThreadState() == PyThreadState_Get());
        PyGILState_Release(g);
        pthread_t t2;
        Py_BEGIN_ALLOW_THREADS
        pthread_create(&t2, NULL, child_thread, NULL);
        pthread_join(t2, NULL);
        Py_END_ALLOW_THREADS
        printf("child: a new thread took the GIL: %d\n", child_thread_ok);
        Py_AddPendingCall(pending, NULL);
        int r = Py_MakePendingCalls();
        printf("child: Py_MakePendingCalls: %d, ran %d\n", r, pending_ran);
        printf("child: finalize: %d\n", Py_FinalizeEx());
        fflush(stdout);
        _exit(0);
    }
    PyOS_AfterFork_Parent();
    int status = 0;
    Py_BEGIN_ALLOW_THREADS
    waitpid(pid, &status, 0);
    Py_END_ALLOW_THREADS
    printf("parent: child exited normally: %d, status %d\n", WIFEXITED(status), WEXITSTATUS(status));
    printf("parent: thread states after fork: %d\n", count_thread_states());
    stop = 1;
    Py_BEGIN_ALLOW_THREADS
    pthread_join(th, NULL);
    Py_END_ALLOW_THREADS
    printf("parent: finalize: %d\n", Py_FinalizeEx());
    return 0;
}
