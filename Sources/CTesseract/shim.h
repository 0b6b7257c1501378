// Tesseract's C API (capi.h), opened with dlopen on first use instead of linked.
//
// Linking libtesseract makes every einvoice process load it and the ~45 libraries it pulls in
// (libcurl, NSS, Kerberos, LDAP, leptonica's image formats): about 12 ms of start-up on every
// command, although only `scan --ocr` reads a page. So the package links nothing here (no
// pkg-config in Package.swift): see CDynamicLibrary/dynamic_library.h.
#include "../CDynamicLibrary/dynamic_library.h"
#include <tesseract/capi.h>

// Every Tesseract function einvoice calls; calling one not listed fails to link.
#define EINV_TESSERACT_FUNCTIONS(X) \
    X(TessBaseAPIClear) X(TessBaseAPICreate) X(TessBaseAPIDelete) X(TessBaseAPIEnd) \
    X(TessBaseAPIGetIterator) X(TessBaseAPIInit3) X(TessBaseAPIRecognize) X(TessBaseAPISetImage) \
    X(TessBaseAPISetPageSegMode) X(TessBaseAPISetSourceResolution) X(TessBaseAPISetVariable) \
    X(TessDeleteText) X(TessMonitorCreate) X(TessMonitorDelete) X(TessMonitorSetDeadlineMSecs) \
    X(TessPageIteratorBoundingBox) X(TessPageIteratorIsAtBeginningOf) X(TessPageIteratorOrientation) \
    X(TessResultIteratorConfidence) X(TessResultIteratorDelete) X(TessResultIteratorGetPageIterator) \
    X(TessResultIteratorGetUTF8Text) X(TessResultIteratorNext)

/// Tesseract's functions, resolved in an opened libtesseract.
EINV_DYNAMIC_LIBRARY(einv_tesseract, EINV_TESSERACT_FUNCTIONS)
