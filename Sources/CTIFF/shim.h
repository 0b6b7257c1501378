// libtiff, opened with dlopen when the first TIFF is read (see ../CDynamicLibrary/dynamic_library.h).
#include "../CDynamicLibrary/dynamic_library.h"
#include <stdarg.h>
#include <tiffio.h>

// Every libtiff function einvoice calls; calling one not listed fails to link. TIFFGetField is
// variadic, which Swift cannot call, so it is reached through TIFFVGetField below.
#define EINV_TIFF_FUNCTIONS(X) \
    X(TIFFClientOpen) X(TIFFClose) X(TIFFReadRGBAImageOriented) X(TIFFSetDirectory) \
    X(TIFFSetErrorHandler) X(TIFFSetWarningHandler) X(TIFFVGetField)

EINV_DYNAMIC_LIBRARY(einv_tiff, EINV_TIFF_FUNCTIONS)

static inline int CTIFF_getField(const struct einv_tiff *_Nonnull tiff_api, TIFF *_Nonnull tiff, ttag_t tag, ...) {
    va_list arguments;
    va_start(arguments, tag);
    int found = tiff_api->TIFFVGetField(tiff, tag, arguments);
    va_end(arguments);
    return found;
}

// A fixed-signature TIFFGetField for one 32-bit value.
static inline int CTIFF_getUInt32(const struct einv_tiff *_Nonnull tiff_api, TIFF *_Nonnull tiff, ttag_t tag, uint32_t *_Nonnull value) {
    return CTIFF_getField(tiff_api, tiff, tag, value);
}

// libtiff prints errors and warnings to stderr by default; callers read return codes instead.
static inline void CTIFF_silence(const struct einv_tiff *_Nonnull tiff_api) {
    tiff_api->TIFFSetErrorHandler(NULL);
    tiff_api->TIFFSetWarningHandler(NULL);
}
