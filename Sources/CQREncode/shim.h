#include <errno.h>
#include <qrencode.h>

// errno is a macro (a thread-local lvalue); libqrencode reports its failures through it.
static inline int CQREncode_errno(void) { return errno; }
static inline void CQREncode_clearErrno(void) { errno = 0; }
