/* Code-object macros (CPython 3.11's cpython/code.h).
 * Structs and constants come from ferropy_generated.h. */
#ifndef FERROPY_CPYTHON_CODE_H
#define FERROPY_CPYTHON_CODE_H
#ifndef Py_PYTHON_H
#  include "Python.h"
#endif

#ifndef Py_LIMITED_API
/* Instruction words: opcode in the low byte, argument in the high byte (little endian). */
#define _Py_OPCODE(word) ((word) & 255)
#define _Py_OPARG(word) ((word) >> 8)
#define _Py_MAKECODEUNIT(opcode, oparg) ((opcode)|((oparg)<<8))
#define _Py_SET_OPCODE(word, opcode) (((unsigned char *)&(word))[0] = (opcode))

/* The parser accepts __future__ imports as keywords (an empty feature macro). */
#define PY_PARSER_REQUIRES_FUTURE_KEYWORD

#define PyCode_Check(op) Py_IS_TYPE(op, &PyCode_Type)
#define PyCode_GetNumFree(op) ((op)->co_nfreevars)
#define _PyCode_CODE(CO) ((_Py_CODEUNIT *)(CO)->co_code_adaptive)
#define _PyCode_NBYTES(CO) (Py_SIZE(CO) * (Py_ssize_t)sizeof(_Py_CODEUNIT))
#endif

#endif /* FERROPY_CPYTHON_CODE_H */
