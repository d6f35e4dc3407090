/* PyOS_snprintf / PyOS_vsnprintf: the C library's formatting, with CPython's promise that
 * a non-empty buffer always ends in NUL, even when the output was truncated or failed.
 * Written in C because stable Rust cannot define variadic or va_list functions; exported
 * through the trampolines in src/c_entry.rs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

int ferropy_c_PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va)
{
    int written = vsnprintf(str, size, format, va);
    if (size > 0)
        str[size - 1] = '\0';
    return written;
}

int ferropy_c_PyOS_snprintf(char *str, size_t size, const char *format, ...)
{
    va_list va;
    va_start(va, format);
    int written = ferropy_c_PyOS_vsnprintf(str, size, format, va);
    va_end(va);
    return written;
}
