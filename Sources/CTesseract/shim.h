// Tesseract's C API (capi.h); pkg-config `tesseract` supplies the include path and libraries.
#include <tesseract/capi.h>
