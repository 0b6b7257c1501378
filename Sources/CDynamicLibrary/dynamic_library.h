// Tables of C functions resolved with dlsym in a library opened with dlopen on first use.
//
// Each library that most einvoice commands never call (poppler for PDF input, zbar for QR reading, qpdf for PDF/A and
// PDF structure checks, libtiff and TurboJPEG for scans, Tesseract for OCR; Cairo, Pango and
// fontconfig, with GLib, for drawing and measuring text) is opened when first needed instead of
// linked: a linked library is loaded, relocated and initialised — with all it pulls in — by every
// process before `main`. The PDF, image and OCR libraries cost `einvoice --version` about two thirds
// of its start (37 of 78 million instructions, measured with callgrind); Cairo and Pango, with the
// 30-odd libraries they pull in, 12.5 -> 7.6 ms of what remained.
//
// A shim lists the functions it calls in an X-macro and declares the table with
// EINV_DYNAMIC_LIBRARY(table, FUNCTIONS): `struct table` has one field per function, typed after the
// library's own declaration (`__typeof__(&name)`), so every call through the table is checked by
// the compiler; `table_resolve(handle, &table)` fills it and returns the name of the first missing
// function, or NULL. The header's declarations are used for their types only: nothing is linked.
#ifndef EINV_DYNAMIC_LIBRARY_H
#define EINV_DYNAMIC_LIBRARY_H
#include <dlfcn.h>
#include <stddef.h>

#define EINV_DYNAMIC_FIELD(name) __typeof__(&name) _Nonnull name;
#define EINV_DYNAMIC_RESOLVE(name) \
    if (!(table->name = (__typeof__(&name))dlsym(library, #name))) return #name;

#define EINV_DYNAMIC_LIBRARY(table_name, FUNCTIONS) \
    struct table_name { FUNCTIONS(EINV_DYNAMIC_FIELD) }; \
    static inline const char *_Nullable table_name##_resolve(void *_Nonnull library, struct table_name *_Nonnull table) { \
        FUNCTIONS(EINV_DYNAMIC_RESOLVE) \
        return NULL; \
    }

#endif
