#include <tiffio.h>

// TIFFGetField is variadic, which Swift cannot call; these fixed-signature wrappers replace it.
static inline int CTIFF_getUInt32(TIFF *tiff, ttag_t tag, uint32_t *value) { return TIFFGetField(tiff, tag, value); }
// libtiff prints errors and warnings to stderr by default; callers read return codes instead.
static inline void CTIFF_silence(void) { TIFFSetErrorHandler(NULL); TIFFSetWarningHandler(NULL); }
