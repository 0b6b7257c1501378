#include <zbar.h>

// zbar_fourcc is a function-like macro; formats are passed as this value.
static inline unsigned long CZBar_fourccY800(void) { return zbar_fourcc('Y', '8', '0', '0'); }
