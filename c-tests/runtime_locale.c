/* Py_DecodeLocale / Py_EncodeLocale with surrogateescape: in the C locale (ASCII, every
 * other byte escaped), in the environment's locale, and after Py_Initialize; lengths,
 * escapes, error positions of unencodable characters. */
#include <stdlib.h>
#include <Python.h>
#include <locale.h>
static void dec(const char *s){ size_t n=0; wchar_t *w=Py_DecodeLocale(s,&n); printf("decode: n=%zd [", (Py_ssize_t)n); if(w){for(size_t i=0;w[i];i++)printf(" %x",(unsigned)w[i]); PyMem_RawFree(w);} printf(" ]\n");}
static void enc(const wchar_t *w){ size_t pos=99; char *s=Py_EncodeLocale(w,&pos); if(!s){printf("encode: NULL pos=%zd\n",(Py_ssize_t)pos);return;} printf("encode: pos=%zd [",(Py_ssize_t)pos); for(char*p=s;*p;p++)printf(" %02x",(unsigned char)*p); printf(" ]\n"); PyMem_Free(s);}
static void all(void){ dec("abc"); dec("\xe9t\xc3\xa9"); dec("\xed\xa0\x80x"); dec("\xf0\x9f\x98\x80"); dec(""); 
 enc(L"abc"); enc(L"\xe9t\xdce9"); enc(L"ab\xd800"); enc(L"\x1f600"); enc(L"\xdc7f"); printf("null pos: %p\n", (void*)Py_EncodeLocale(L"a\xd800", NULL)); }
int main(void){ printf("C locale\n"); all(); setenv("LC_ALL","C.UTF-8",1); setlocale(LC_CTYPE,""); printf("user locale %s\n", setlocale(LC_CTYPE,NULL)); all(); Py_Initialize(); printf("after init %s\n", setlocale(LC_CTYPE,NULL)); all(); Py_FinalizeEx(); return 0;}
