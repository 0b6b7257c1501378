// Tesseract's C API (capi.h), opened with dlopen on first use instead of linked.
//
// Linking libtesseract makes every einvoice process load it and the ~45 libraries it pulls in
// (libcurl, NSS, Kerberos, LDAP, leptonica's image formats): about 12 ms of start-up on every
// command, although only `scan --ocr` reads a page. So the package links nothing here (no
// pkg-config in Package.swift); the declarations come from capi.h, which is only used for its
// types: each function einvoice calls is a field of `einv_tesseract`, typed after its own
// declaration so the compiler checks every call, and filled by dlsym.
#include <dlfcn.h>
#include <stddef.h>
#include <tesseract/capi.h>

// Every Tesseract function einvoice calls. A call to one not listed here fails to link.
#define EINV_TESSERACT_FUNCTIONS(X) \
    X(TessBaseAPIClear) X(TessBaseAPICreate) X(TessBaseAPIDelete) X(TessBaseAPIEnd) \
    X(TessBaseAPIGetIterator) X(TessBaseAPIInit3) X(TessBaseAPIRecognize) X(TessBaseAPISetImage) \
    X(TessBaseAPISetPageSegMode) X(TessBaseAPISetSourceResolution) X(TessBaseAPISetVariable) \
    X(TessDeleteText) X(TessMonitorCreate) X(TessMonitorDelete) X(TessMonitorSetDeadlineMSecs) \
    X(TessPageIteratorBoundingBox) X(TessPageIteratorIsAtBeginningOf) X(TessPageIteratorOrientation) \
    X(TessResultIteratorConfidence) X(TessResultIteratorDelete) X(TessResultIteratorGetPageIterator) \
    X(TessResultIteratorGetUTF8Text) X(TessResultIteratorNext)

#define EINV_TESSERACT_FIELD(name) __typeof__(&name) _Nonnull name;
/// Tesseract's functions, resolved in an opened libtesseract.
struct einv_tesseract {
    EINV_TESSERACT_FUNCTIONS(EINV_TESSERACT_FIELD)
};
#undef EINV_TESSERACT_FIELD

/// Resolves every function of `einv_tesseract` in `library` (a dlopen handle). Returns the name
/// of the first one missing, or NULL when all were found (only then is `*api` usable).
static inline const char *_Nullable einv_tesseract_resolve(void *_Nonnull library, struct einv_tesseract *_Nonnull api) {
#define EINV_TESSERACT_RESOLVE(name) \
    if (!(api->name = (__typeof__(&name))dlsym(library, #name))) return #name;
    EINV_TESSERACT_FUNCTIONS(EINV_TESSERACT_RESOLVE)
#undef EINV_TESSERACT_RESOLVE
    return NULL;
}
