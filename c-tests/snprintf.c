/* PyOS_snprintf: truncation, NUL termination, zero-size buffers, return values. */
#include <Python.h>
int main(void){
  char buf[8]; int r;
  memset(buf, 'x', 8); r = PyOS_snprintf(buf, 8, "%s-%d", "abc", 12345); printf("%d [%s]\n", r, buf);
  memset(buf, 'x', 8); r = PyOS_snprintf(buf, 8, "%d", 42); printf("%d [%s]\n", r, buf);
  memset(buf, 'x', 8); r = PyOS_snprintf(buf, 1, "%d", 42); printf("%d [%s]\n", r, buf);
  memset(buf, 'x', 8); r = PyOS_snprintf(buf, 0, "%d", 42); printf("%d [%c]\n", r, buf[0]);
  memset(buf, 'x', 8); r = PyOS_snprintf(buf, 8, "%.3f|%c", 3.14159, 'z'); printf("%d [%s]\n", r, buf);
  return 0;
}
