/* PyFile_FromFd (stable ABI): io.open over a descriptor, with its `name` set, in text and
 * binary modes, closefd, and the errors of a bad mode; the file is read back with
 * PyFile_GetLine and written with PyFile_WriteString/WriteObject. */
#include "testutil.h"
#include <fcntl.h>
#include <unistd.h>

static void show_type_and_name(PyObject *f)
{
    PyObject *name = PyObject_GetAttrString(f, "name");
    printf("type %s, name ", Py_TYPE(f)->tp_name);
    put(name);
    Py_XDECREF(name);
    printf("\n");
}

static void close_file(PyObject *f)
{
    PyObject *r = PyObject_CallMethod(f, "close", NULL);
    if (r == NULL)
        print_error("close");
    Py_XDECREF(r);
}

int main(void)
{
    Py_Initialize();
    char path[64];
    snprintf(path, sizeof path, "/tmp/ferropy_fromfd_%d.txt", (int)getpid());

    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    PyObject *w = PyFile_FromFd(fd, path, "w", -1, "utf-8", NULL, "\n", 1);
    if (w == NULL) { print_error("FromFd w"); return 1; }
    show_type_and_name(w);
    if (PyFile_WriteString("first line\n", w) < 0) print_error("WriteString");
    PyObject *s = PyUnicode_FromString("caf\xc3\xa9 second");
    if (PyFile_WriteObject(s, w, Py_PRINT_RAW) < 0) print_error("WriteObject raw");
    if (PyFile_WriteString("\n", w) < 0) print_error("WriteString");
    if (PyFile_WriteObject(s, w, 0) < 0) print_error("WriteObject repr");
    Py_DECREF(s);
    close_file(w);
    Py_DECREF(w);
    printf("fd closed by close(): %s\n", fcntl(fd, F_GETFD) == -1 ? "yes" : "no");

    fd = open(path, O_RDONLY);
    PyObject *r = PyFile_FromFd(fd, NULL, "r", -1, NULL, NULL, NULL, 0);
    if (r == NULL) { print_error("FromFd r"); return 1; }
    show_type_and_name(r);
    for (int n = 0; n < 4; n++) {
        PyObject *line = PyFile_GetLine(r, 0);
        printf("line %d: ", n);
        put(line);
        printf("\n");
        Py_XDECREF(line);
    }
    PyObject *line = PyFile_GetLine(r, 1);
    printf("after the end, GetLine(1): ");
    put(line);
    printf("\n");
    Py_XDECREF(line);
    PyErr_Clear();
    close_file(r);
    Py_DECREF(r);
    printf("fd kept with closefd=0: %s\n", fcntl(fd, F_GETFD) == -1 ? "no" : "yes");

    lseek(fd, 0, SEEK_SET);
    PyObject *b = PyFile_FromFd(fd, path, "rb", 0, NULL, NULL, NULL, 1);
    if (b == NULL) { print_error("FromFd rb"); return 1; }
    printf("type %s\n", Py_TYPE(b)->tp_name);
    PyObject *data = PyObject_CallMethod(b, "read", NULL);
    printf("read: ");
    put(data);
    printf("\n");
    Py_XDECREF(data);
    close_file(b);
    Py_DECREF(b);

    PyObject *bad = PyFile_FromFd(0, NULL, "rw", -1, NULL, NULL, NULL, 0);
    if (bad == NULL) print_error("mode rw"); else Py_DECREF(bad);
    bad = PyFile_FromFd(0, NULL, "rb", -1, "utf-8", NULL, NULL, 0);
    if (bad == NULL) print_error("binary with encoding"); else Py_DECREF(bad);
    bad = PyFile_FromFd(-5, NULL, "r", -1, NULL, NULL, NULL, 0);
    if (bad == NULL) print_error("negative fd"); else Py_DECREF(bad);

    unlink(path);
    if (Py_FinalizeEx() < 0) return 1;
    return 0;
}
