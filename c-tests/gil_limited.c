// ferropy-test: limited=0x03090000
/* What the limited API (abi3, 3.9) offers for threads: Py_BEGIN/END_ALLOW_THREADS,
 * PyGILState_Ensure/Release from a pthread, PyThreadState_New/Clear/Delete through an
 * opaque PyThreadState, locks and heap-allocated TSS keys. */
#include <Python.h>
#include <pythread.h>
#include <pthread.h>

static Py_tss_t *key;
static PyThread_type_lock lock;
static int entries;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100; i++) {
        PyGILState_STATE s = PyGILState_Ensure();
        entries++;
        PyGILState_Release(s);
    }
    PyThread_tss_set(key, "worker");
    PyThread_release_lock(lock);
    return NULL;
}

int main(void)
{
    Py_Initialize();
    key = PyThread_tss_alloc();
    int created = PyThread_tss_create(key);
    printf("tss: created %d %d\n", created, PyThread_tss_is_created(key));
    PyThread_tss_set(key, "main");
    lock = PyThread_allocate_lock();
    PyThread_acquire_lock(lock, WAIT_LOCK);
    pthread_t t;
    Py_BEGIN_ALLOW_THREADS
    pthread_create(&t, NULL, worker, NULL);
    PyThread_acquire_lock(lock, WAIT_LOCK);
    pthread_join(t, NULL);
    Py_END_ALLOW_THREADS
    printf("entries: %d, main's tss value: %s\n", entries, (char *)PyThread_tss_get(key));
    PyThreadState *mine = PyThreadState_Get();
    PyThreadState *other = PyThreadState_New(PyThreadState_GetInterpreter(mine));
    printf("new state: %d, same interpreter %d, own state is still main %d\n", other != NULL,
           PyThreadState_GetInterpreter(other) == PyInterpreterState_Get(),
           PyGILState_GetThisThreadState() == mine);
    PyThreadState *prev = PyThreadState_Swap(other);
    printf("swapped: %d\n", prev == mine && PyThreadState_Get() == other);
    PyThreadState_Swap(mine);
    PyThreadState_Clear(other);
    PyThreadState_Delete(other);
    PyThread_release_lock(lock);
    PyThread_free_lock(lock);
    PyThread_tss_free(key);
    printf("finalize: %d\n", Py_FinalizeEx());
    return 0;
}
