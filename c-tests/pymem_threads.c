/* The raw domain is callable without the GIL, from any thread at once (CPython's contract
 * for PyMem_Raw*): threads allocate, fill, check, reallocate and free blocks concurrently,
 * and hand blocks over to be freed by another thread. */
#include <Python.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define THREADS 4
#define ROUNDS 20000
#define HANDOVER 64

static void *handed[THREADS][HANDOVER];

static void *
work(void *arg)
{
    long id = (long)arg;
    long bad = 0;
    for (int i = 0; i < ROUNDS; i++) {
        size_t n = (size_t)(i * 7 + id) % 300;
        unsigned char *p = PyMem_RawMalloc(n);
        if (p == NULL)
            return (void *)-1L;
        memset(p, (int)id, n);
        unsigned char *q = PyMem_RawRealloc(p, n + 100);
        for (size_t k = 0; k < n; k++)
            bad += q[k] != (unsigned char)id;
        if (i % 5 == 0) {
            unsigned char *z = PyMem_RawCalloc(n, 3);
            for (size_t k = 0; k < n * 3; k++)
                bad += z[k] != 0;
            PyMem_RawFree(z);
        }
        if (i < HANDOVER)
            handed[id][i] = q;   /* freed later by the next thread */
        else
            PyMem_RawFree(q);
    }
    return (void *)bad;
}

static void *
free_neighbour(void *arg)
{
    long id = (long)arg;
    for (int i = 0; i < HANDOVER; i++)
        PyMem_RawFree(handed[(id + 1) % THREADS][i]);
    return NULL;
}

int main(void)
{
    pthread_t t[THREADS];
    for (long i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, work, (void *)i);
    long bad = 0;
    for (int i = 0; i < THREADS; i++) {
        void *r;
        pthread_join(t[i], &r);
        bad += (long)r;
    }
    printf("%d threads x %d rounds: bad bytes or failures %ld\n", THREADS, ROUNDS, bad);
    for (long i = 0; i < THREADS; i++)
        pthread_create(&t[i], NULL, free_neighbour, (void *)i);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    printf("blocks freed by other threads: ok\n");
    return 0;
}
