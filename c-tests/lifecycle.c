/* The runtime's life: Py_Initialize/Py_FinalizeEx repeated, Py_AtExit order and limit,
 * the main interpreter and thread state, and the thread-state fields C code reads. */
#include <Python.h>
#include <pthread.h>
#include <sys/syscall.h>

static int counted;
static void first(void) { printf("exit function: first\n"); }
static void second(void) { printf("exit function: second\n"); }
static void third(void) { printf("exit function: third\n"); }
static void count(void) { counted++; }

int main(void)
{
    printf("initialized at start: %d\n", Py_IsInitialized());
    printf("finalize before initialize: %d\n", Py_FinalizeEx());
    int r1 = Py_AtExit(first);
    int r2 = Py_AtExit(second);
    printf("register before initialize: %d %d\n", r1, r2);

    Py_Initialize();
    printf("initialized: %d\n", Py_IsInitialized());
    Py_Initialize();  /* a second call does nothing */
    PyThreadState *ts = PyThreadState_Get();
    PyInterpreterState *main_interp = PyInterpreterState_Main();
    printf("unchecked get is current: %d\n", ts == _PyThreadState_UncheckedGet());
    printf("thread state's interpreter is main: %d\n", PyThreadState_GetInterpreter(ts) == main_interp);
    printf("current interpreter is main: %d\n", PyInterpreterState_Get() == main_interp);
    printf("field interp: %d\n", ts->interp == main_interp);
    printf("recursion limit %d, remaining %d\n", ts->recursion_limit, ts->recursion_remaining);
    printf("gilstate counter: %d\n", ts->gilstate_counter);
    printf("thread ids: %d %d\n", ts->thread_id == (unsigned long)pthread_self(),
           ts->native_thread_id == (unsigned long)syscall(SYS_gettid));
    printf("exc_info is the thread's own: %d\n", ts->exc_info == &ts->exc_state);
    printf("no exception: %d %d %d\n", ts->curexc_type == NULL, ts->curexc_value == NULL,
           ts->curexc_traceback == NULL);
    printf("no previous thread state: %d\n", ts->prev == NULL);
    printf("register while initialized: %d\n", Py_AtExit(third));
    printf("finalize: %d\n", Py_FinalizeEx());
    printf("initialized after finalize: %d\n", Py_IsInitialized());
    printf("main interpreter after finalize: %s\n", PyInterpreterState_Main() ? "set" : "NULL");
    printf("unchecked get after finalize: %s\n", _PyThreadState_UncheckedGet() ? "set" : "NULL");
    printf("finalize again: %d\n", Py_FinalizeEx());

    for (int i = 0; i < 20; i++) {
        Py_Initialize();
        if (!Py_IsInitialized() || PyThreadState_Get() == NULL)
            printf("cycle %d: not initialized\n", i);
        if (Py_FinalizeEx() != 0)
            printf("cycle %d: finalize failed\n", i);
    }
    printf("20 cycles done\n");

    /* Registered between a finalization and the next initialization: CPython resets its
     * runtime state when initializing again, so these never run. */
    int accepted = 0;
    for (int i = 0; i < 40; i++)
        accepted += Py_AtExit(count) == 0;
    printf("Py_AtExit accepted %d of 40\n", accepted);
    Py_Initialize();
    Py_FinalizeEx();
    printf("exit functions run: %d\n", counted);
    Py_Initialize();
    Py_FinalizeEx();
    printf("exit functions run after a second finalize: %d\n", counted);

    /* Registered while initialized: they run at the next finalization, last first. */
    Py_Initialize();
    Py_AtExit(count);
    Py_AtExit(first);
    Py_FinalizeEx();
    printf("exit functions run: %d\n", counted);
    return 0;
}
