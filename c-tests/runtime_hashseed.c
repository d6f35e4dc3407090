/* PyConfig.use_hash_seed/hash_seed reach the hash secret: with a fixed seed, hashes are
 * CPython's for that seed (and survive re-initialization, as the secret is made once per
 * process); PYTHONHASHSEED is ignored when the configuration sets the seed. */
#include <Python.h>
#include <stdlib.h>

int main(void)
{
    setenv("PYTHONHASHSEED", "7", 1);
    PyConfig c;
    PyConfig_InitPythonConfig(&c);
    c.use_hash_seed = 1;
    c.hash_seed = 42;
    c.parse_argv = 0;
    PyStatus s = Py_InitializeFromConfig(&c);
    PyConfig_Clear(&c);
    printf("initialized: %d (error %d)\n", Py_IsInitialized(), PyStatus_Exception(s));
    printf("hash(b'hello') with seed 42: %zd\n", (Py_ssize_t)_Py_HashBytes("hello", 5));
    printf("hash(b'ferropy') with seed 42: %zd\n", (Py_ssize_t)_Py_HashBytes("ferropy", 7));
    Py_FinalizeEx();
    Py_Initialize();
    printf("after re-initialization: %zd\n", (Py_ssize_t)_Py_HashBytes("hello", 5));
    Py_FinalizeEx();
    return 0;
}
