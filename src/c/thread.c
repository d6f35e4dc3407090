/* The two places where a thread's stack is entered or left outside Rust: the start
 * routine of threads made by PyThread_start_new_thread, and PyThread_exit_thread.
 * pthread_exit ends a thread by a forced unwind of its stack; Rust makes no promise about
 * unwinding through its frames, so a thread that C code ends crosses none: both ends are
 * C. (The one Rust path to pthread_exit, a late thread meeting finalization in take_gil,
 * crosses frames that own nothing; c-tests/gil_finalize.c runs it.)
 * PyThread_exit_thread is exported through the trampolines in src/c_entry.rs. */
#include <pthread.h>
#include <stdlib.h>

/* Allocated by the Rust side with malloc, freed here once read. */
struct ferropy_thread_start {
    void (*func)(void *);
    void *arg;
};

void *ferropy_c_thread_main(void *raw)
{
    struct ferropy_thread_start start = *(struct ferropy_thread_start *)raw;
    free(raw);
    start.func(start.arg);
    return NULL;
}

void ferropy_c_PyThread_exit_thread(void)
{
    pthread_exit(NULL);
}

/* The same, for the Rust side (a late thread meeting finalization in take_gil). */
void ferropy_c_exit_thread(void)
{
    pthread_exit(NULL);
}
