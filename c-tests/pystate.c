/* The thread-state API: creating, listing, swapping, clearing and deleting thread states,
 * their ids and gilstate counters, the interpreter list, PyEval_AcquireThread/ReleaseThread,
 * the deprecated PyEval_AcquireLock/ReleaseLock/InitThreads/ThreadsInitialized, the switch
 * interval, and which thread state is "this thread's" for PyGILState_*. */
#include <Python.h>
#include <pthread.h>

static int on_delete_calls;
static void note_delete(void *data) { on_delete_calls += *(int *)data; }

static int position(PyThreadState *ts)
{
    int i = 0;
    for (PyThreadState *t = PyInterpreterState_ThreadHead(PyInterpreterState_Main()); t; t = PyThreadState_Next(t), i++)
        if (t == ts)
            return i;
    return -1;
}

static int count(void)
{
    int n = 0;
    for (PyThreadState *t = PyInterpreterState_ThreadHead(PyInterpreterState_Main()); t; t = PyThreadState_Next(t))
        n++;
    return n;
}

/* A thread that never had a thread state: none is "its own" until one is made there. */
static PyThreadState *made_elsewhere;
static void *other_thread(void *arg)
{
    (void)arg;
    printf("other thread: own state before: %s\n", PyGILState_GetThisThreadState() ? "set" : "NULL");
    printf("other thread: check without the GIL: %d\n", PyGILState_Check());
    /* A state made in the main thread is not this thread's, even once acquired here. */
    PyEval_AcquireThread(made_elsewhere);
    printf("other thread: acquired, current is it: %d, own state still: %s, check %d\n",
           PyThreadState_Get() == made_elsewhere,
           PyGILState_GetThisThreadState() ? "set" : "NULL", PyGILState_Check());
    PyEval_ReleaseThread(made_elsewhere);
    /* Ensure makes one in the main interpreter, counted at 1. */
    PyGILState_STATE s = PyGILState_Ensure();
    PyThreadState *own = PyGILState_GetThisThreadState();
    printf("other thread: ensured %s, own state is current %d, interpreter is main %d, counter %d\n",
           s == PyGILState_UNLOCKED ? "UNLOCKED" : "LOCKED", own == PyThreadState_Get(),
           own->interp == PyInterpreterState_Main(), own->gilstate_counter);
    printf("other thread: it heads the list: %d, states: %d\n", position(own) == 0, count());
    printf("other thread: id is the next one: %d\n", own->id == made_elsewhere->id + 1);
    PyGILState_Release(s);
    printf("other thread: after release own state: %s\n", PyGILState_GetThisThreadState() ? "set" : "NULL");
    return NULL;
}

int main(void)
{
    printf("threads initialized before Py_Initialize: %d\n", PyEval_ThreadsInitialized());
    printf("check before Py_Initialize: %d\n", PyGILState_Check());
    printf("own state before Py_Initialize: %s\n", PyGILState_GetThisThreadState() ? "set" : "NULL");
    printf("interpreter head before: %s\n", PyInterpreterState_Head() ? "set" : "NULL");
    Py_Initialize();
    PyEval_InitThreads();
    printf("threads initialized: %d\n", PyEval_ThreadsInitialized());
    PyInterpreterState *interp = PyInterpreterState_Main();
    PyThreadState *main_ts = PyThreadState_Get();
    printf("head is main: %d, next: %s\n", PyInterpreterState_Head() == interp,
           PyInterpreterState_Next(interp) ? "set" : "NULL");
    printf("main state: id %llu, counter %d, own %d, check %d\n", (unsigned long long)main_ts->id,
           main_ts->gilstate_counter, PyGILState_GetThisThreadState() == main_ts, PyGILState_Check());
    printf("list: head is main %d, count %d\n", PyInterpreterState_ThreadHead(interp) == main_ts, count());

    /* New states go to the head of the list; ids count up per interpreter. */
    PyThreadState *a = PyThreadState_New(interp);
    PyThreadState *b = PyThreadState_New(interp);
    printf("new: ids %llu %llu, counters %d %d, interp is main %d %d\n",
           (unsigned long long)a->id, (unsigned long long)b->id, a->gilstate_counter,
           b->gilstate_counter, a->interp == interp, b->interp == interp);
    printf("positions: b %d, a %d, main %d, count %d\n", position(b), position(a), position(main_ts), count());
    printf("prev/next links: %d %d %d\n", b->prev == NULL, b->next == a && a->prev == b,
           a->next == main_ts && main_ts->prev == a);
    printf("own state still main: %d\n", PyGILState_GetThisThreadState() == main_ts);
    printf("fresh fields: recursion %d/%d, exc_info own %d, dict %s, thread ids %d %d\n",
           a->recursion_limit, a->recursion_remaining, a->exc_info == &a->exc_state,
           a->dict ? "set" : "NULL", a->thread_id == PyThread_get_thread_ident(),
           a->native_thread_id == PyThread_get_thread_native_id());

    /* Swap changes the current state without the GIL changing hands. */
    PyThreadState *old = PyThreadState_Swap(a);
    printf("swap: old is main %d, current is a %d, check %d\n", old == main_ts, PyThreadState_Get() == a,
           PyGILState_Check());
    old = PyThreadState_Swap(main_ts);
    printf("swap back: old is a %d, check %d\n", old == a, PyGILState_Check());

    /* Clear calls on_delete; Delete unlinks. */
    static int one = 1;
    a->on_delete = note_delete;
    a->on_delete_data = &one;
    PyThreadState_Clear(a);
    printf("on_delete after clear: %d\n", on_delete_calls);
    PyThreadState_Delete(a);
    printf("after delete: count %d, b next is main %d, main prev is b %d, on_delete %d\n", count(),
           b->next == main_ts, main_ts->prev == b, on_delete_calls);
    PyThreadState_Clear(b);
    PyThreadState_Delete(b);
    printf("after delete: count %d, head is main %d\n", count(), PyInterpreterState_ThreadHead(interp) == main_ts);
    PyThreadState *c = PyThreadState_New(interp);
    printf("ids keep counting: %llu\n", (unsigned long long)c->id);

    /* A state used by another thread; that thread's own state comes from Ensure. */
    made_elsewhere = c;
    PyThreadState *saved = PyEval_SaveThread();
    printf("saved is main: %d, current: %s, check %d\n", saved == main_ts,
           _PyThreadState_UncheckedGet() ? "set" : "NULL", PyGILState_Check());
    pthread_t t;
    pthread_create(&t, NULL, other_thread, NULL);
    pthread_join(t, NULL);
    PyEval_RestoreThread(saved);
    printf("restored: current is main %d, count %d\n", PyThreadState_Get() == main_ts, count());

    /* AcquireThread/ReleaseThread with the main state. */
    PyEval_ReleaseThread(main_ts);
    printf("released: current %s\n", _PyThreadState_UncheckedGet() ? "set" : "NULL");
    PyEval_AcquireThread(main_ts);
    printf("acquired: current is main %d\n", PyThreadState_Get() == main_ts);

    /* The deprecated lock pair leaves the current state alone. */
    PyEval_ReleaseLock();
    printf("release lock: current is main %d\n", _PyThreadState_UncheckedGet() == main_ts);
    PyEval_AcquireLock();
    printf("acquire lock: current is main %d\n", _PyThreadState_UncheckedGet() == main_ts);

    /* DeleteCurrent releases the GIL; another state can take it after. */
    PyThreadState *d = PyThreadState_New(interp);
    PyEval_SaveThread();
    PyEval_AcquireThread(d);
    PyThreadState_Clear(d);
    PyThreadState_DeleteCurrent();
    printf("delete current: current %s, count %d\n", _PyThreadState_UncheckedGet() ? "set" : "NULL", count());
    PyEval_RestoreThread(main_ts);

    /* The switch interval. */
    printf("switch interval: %lu\n", _PyEval_GetSwitchInterval());
    _PyEval_SetSwitchInterval(0);
    printf("switch interval: %lu\n", _PyEval_GetSwitchInterval());
    _PyEval_SetSwitchInterval(123456);
    printf("switch interval: %lu\n", _PyEval_GetSwitchInterval());

    PyThreadState_Clear(c);
    PyThreadState_Delete(c);
    printf("finalize: %d\n", Py_FinalizeEx());
    printf("after finalize: head %s, own %s, check %d, threads initialized %d\n",
           PyInterpreterState_Head() ? "set" : "NULL", PyGILState_GetThisThreadState() ? "set" : "NULL",
           PyGILState_Check(), PyEval_ThreadsInitialized());

    /* A fresh runtime: fresh ids, default interval, the main thread's own state again. */
    Py_Initialize();
    PyThreadState *again = PyThreadState_Get();
    printf("again: id %llu, interval %lu, own %d, check %d, count %d\n", (unsigned long long)again->id,
           _PyEval_GetSwitchInterval(), PyGILState_GetThisThreadState() == again, PyGILState_Check(), count());
    PyThreadState *left = PyThreadState_New(PyInterpreterState_Main());
    (void)left;  /* deleted by finalization */
    printf("finalize with a state left: %d\n", Py_FinalizeEx());
    return 0;
}
