// TurboJPEG, opened with dlopen when the first JPEG is read (see ../CDynamicLibrary/dynamic_library.h).
#include "../CDynamicLibrary/dynamic_library.h"
#include <turbojpeg.h>

// Every TurboJPEG function einvoice calls; calling one not listed fails to link.
#define EINV_TURBOJPEG_FUNCTIONS(X) \
    X(tjDecompress2) X(tjDecompressHeader3) X(tjDestroy) X(tjGetErrorCode) X(tjGetErrorStr2) X(tjInitDecompress)

EINV_DYNAMIC_LIBRARY(einv_turbojpeg, EINV_TURBOJPEG_FUNCTIONS)
