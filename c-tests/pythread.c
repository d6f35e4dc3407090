/* pythread.h: thread idents, PyThread_start_new_thread / PyThread_exit_thread, the stack
 * size of new threads, PyThread_type_lock (non-blocking, timed, released by another
 * thread, interrupted by a signal or not according to intr_flag), the TSS API and the
 * deprecated int-keyed TLS API. */
#define _GNU_SOURCE
#include <Python.h>
#include <pythread.h>
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

struct started {
    PyThread_type_lock done;   /* acquired by main, released by the thread */
    unsigned long ident;
    unsigned long native;
    size_t stacksize;
    int after_exit;            /* must stay 0: code after PyThread_exit_thread */
};

static void thread_body(void *arg)
{
    struct started *s = arg;
    s->ident = PyThread_get_thread_ident();
    s->native = PyThread_get_thread_native_id();
    pthread_attr_t attrs;
    if (pthread_getattr_np(pthread_self(), &attrs) == 0) {
        pthread_attr_getstacksize(&attrs, &s->stacksize);
        pthread_attr_destroy(&attrs);
    }
    PyThread_release_lock(s->done);
    PyThread_exit_thread();
    s->after_exit = 1;
}

static void run_thread(const char *label, size_t expect_stack)
{
    struct started s = {0};
    s.done = PyThread_allocate_lock();
    PyThread_acquire_lock(s.done, WAIT_LOCK);
    unsigned long ident = PyThread_start_new_thread(thread_body, &s);
    Py_BEGIN_ALLOW_THREADS
    PyThread_acquire_lock(s.done, WAIT_LOCK);   /* the thread releases it */
    Py_END_ALLOW_THREADS
    usleep(20000);   /* let it reach PyThread_exit_thread */
    printf("%s: ident valid %d, same as seen inside %d, native id other than main %d, after exit %d",
           label, ident != PYTHREAD_INVALID_THREAD_ID, ident == s.ident,
           s.native != PyThread_get_thread_native_id(), s.after_exit);
    if (expect_stack)
        printf(", stack size as set %d", s.stacksize == expect_stack);
    printf("\n");
    PyThread_release_lock(s.done);
    PyThread_free_lock(s.done);
}

/* Signals and intr_flag. */
static void on_signal(int sig) { (void)sig; }
struct waiter {
    PyThread_type_lock lock;
    long long timeout;
    int intr_flag;
    volatile int done;
    PyLockStatus result;
};
static void *lock_waiter(void *arg)
{
    struct waiter *w = arg;
    w->result = PyThread_acquire_lock_timed(w->lock, w->timeout, w->intr_flag);
    __atomic_store_n(&w->done, 1, __ATOMIC_SEQ_CST);
    return NULL;
}
static const char *status_name(PyLockStatus s)
{
    return s == PY_LOCK_ACQUIRED ? "ACQUIRED" : s == PY_LOCK_FAILURE ? "FAILURE" : s == PY_LOCK_INTR ? "INTR" : "?";
}
static void signal_test(long long timeout, int intr_flag, int signals_before_release)
{
    struct waiter w = {PyThread_allocate_lock(), timeout, intr_flag, 0, PY_LOCK_FAILURE};
    PyThread_acquire_lock(w.lock, WAIT_LOCK);
    pthread_t t;
    pthread_create(&t, NULL, lock_waiter, &w);
    int sent = 0;
    while (!__atomic_load_n(&w.done, __ATOMIC_SEQ_CST)) {
        if (signals_before_release < 0 || sent < signals_before_release) {
            pthread_kill(t, SIGUSR1);
            sent++;
        } else if (sent == signals_before_release) {
            PyThread_release_lock(w.lock);
            sent++;
        }
        usleep(1000);
    }
    pthread_join(t, NULL);
    printf("timeout %lld intr_flag %d: %s\n", timeout, intr_flag, status_name(w.result));
    PyThread_free_lock(w.lock);
}

static void *release_from_other(void *lock)
{
    PyThread_release_lock(lock);
    return NULL;
}

static Py_tss_t tss_key = Py_tss_NEEDS_INIT;
static int old_key;
static void *tss_other(void *arg)
{
    (void)arg;
    printf("other thread: tss value %s, tls value %s\n", PyThread_tss_get(&tss_key) ? "set" : "NULL",
           PyThread_get_key_value(old_key) ? "set" : "NULL");
    int tss_set = PyThread_tss_set(&tss_key, "theirs");
    int tls_set = PyThread_set_key_value(old_key, "theirs");
    printf("other thread: tss set %d, tls set %d\n", tss_set, tls_set);
    printf("other thread: tss %s, tls %s\n", (char *)PyThread_tss_get(&tss_key),
           (char *)PyThread_get_key_value(old_key));
    return NULL;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    PyThread_init_thread();
    PyThread_init_thread();
    printf("ident is pthread_self: %d\n", PyThread_get_thread_ident() == (unsigned long)pthread_self());
    printf("native id is gettid: %d\n", PyThread_get_thread_native_id() == (unsigned long)syscall(SYS_gettid));
    printf("PY_TIMEOUT_MAX: %lld\n", (long long)PY_TIMEOUT_MAX);

    Py_Initialize();
    run_thread("default stack", 0);
    printf("stack size: %zu\n", PyThread_get_stacksize());
    size_t sizes[] = {1, 16384, 0x7fff, 0x8000, 0x100000};
    for (int i = 0; i < 5; i++) {
        int r = PyThread_set_stacksize(sizes[i]);
        printf("set stack size %zu: %d, now %zu\n", sizes[i], r, PyThread_get_stacksize());
    }
    run_thread("1 MiB stack", 0x100000);
    int reset = PyThread_set_stacksize(0);
    printf("reset stack size: %d, now %zu\n", reset, PyThread_get_stacksize());

    /* Locks. */
    PyThread_type_lock lock = PyThread_allocate_lock();
    printf("allocated: %d\n", lock != NULL);
    int r1 = PyThread_acquire_lock(lock, WAIT_LOCK);
    int r2 = PyThread_acquire_lock(lock, NOWAIT_LOCK);
    printf("acquire: %d, again without waiting: %d\n", r1, r2);
    printf("timed 0: %s\n", status_name(PyThread_acquire_lock_timed(lock, 0, 0)));
    printf("timed 10ms: %s\n", status_name(PyThread_acquire_lock_timed(lock, 10000, 0)));
    pthread_t t;
    pthread_create(&t, NULL, release_from_other, lock);
    pthread_join(t, NULL);
    printf("after release by another thread: %s\n", status_name(PyThread_acquire_lock_timed(lock, 0, 1)));
    PyThread_release_lock(lock);
    PyThread_release_lock(lock);  /* not checked: two acquisitions now succeed */
    int d1 = PyThread_acquire_lock(lock, NOWAIT_LOCK);
    int d2 = PyThread_acquire_lock(lock, NOWAIT_LOCK);
    int d3 = PyThread_acquire_lock(lock, NOWAIT_LOCK);
    printf("after a double release: %d %d %d\n", d1, d2, d3);
    printf("huge timeout on a free lock: ");
    PyThread_release_lock(lock);
    printf("%s\n", status_name(PyThread_acquire_lock_timed(lock, PY_TIMEOUT_MAX, 0)));
    PyThread_release_lock(lock);
    PyThread_free_lock(lock);

    struct sigaction sa = {0};
    sa.sa_handler = on_signal;   /* no SA_RESTART: waits see EINTR */
    sigaction(SIGUSR1, &sa, NULL);
    signal_test(-1, 1, -1);       /* interrupted: INTR */
    signal_test(-1, 0, 20);       /* signals ignored, then released: ACQUIRED */
    signal_test(30000, 0, -1);    /* signals ignored until the timeout: FAILURE */
    signal_test(10000000, 1, -1); /* timed and interruptible: INTR */

    /* TSS. */
    printf("tss static key created: %d\n", PyThread_tss_is_created(&tss_key));
    int c1 = PyThread_tss_create(&tss_key);
    int c2 = PyThread_tss_create(&tss_key);
    printf("tss create: %d, again: %d, created: %d\n", c1, c2, PyThread_tss_is_created(&tss_key));
    printf("tss value: %s\n", PyThread_tss_get(&tss_key) ? "set" : "NULL");
    int s1 = PyThread_tss_set(&tss_key, "mine");
    printf("tss set: %d, value: %s\n", s1, (char *)PyThread_tss_get(&tss_key));
    old_key = PyThread_create_key();
    printf("tls key valid: %d\n", old_key >= 0);
    int set_ok = PyThread_set_key_value(old_key, "mine");
    printf("tls set: %d, value: %s\n", set_ok, (char *)PyThread_get_key_value(old_key));
    pthread_create(&t, NULL, tss_other, NULL);
    pthread_join(t, NULL);
    printf("main: tss %s, tls %s\n", (char *)PyThread_tss_get(&tss_key), (char *)PyThread_get_key_value(old_key));
    PyThread_delete_key_value(old_key);
    printf("tls after delete_key_value: %s\n", PyThread_get_key_value(old_key) ? "set" : "NULL");
    PyThread_delete_key(old_key);
    PyThread_ReInitTLS();
    PyThread_tss_delete(&tss_key);
    printf("tss deleted: created %d\n", PyThread_tss_is_created(&tss_key));
    PyThread_tss_delete(&tss_key);
    Py_tss_t *dyn = PyThread_tss_alloc();
    printf("tss alloc: %d, created %d\n", dyn != NULL, PyThread_tss_is_created(dyn));
    int dc = PyThread_tss_create(dyn);
    int ds = PyThread_tss_set(dyn, "dyn");
    printf("tss create: %d, set %d, get %s\n", dc, ds, (char *)PyThread_tss_get(dyn));
    PyThread_tss_free(dyn);
    PyThread_tss_free(NULL);
    printf("finalize: %d\n", Py_FinalizeEx());
    return 0;
}
