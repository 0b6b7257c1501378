// poppler-glib, opened with dlopen when the first PDF is read (see ../CDynamicLibrary/dynamic_library.h).
// Its headers need glib's and Cairo's include paths, which Package.swift takes from cairo's
// pkg-config; glib and Cairo themselves stay linked (rendering uses them).
#include "../CDynamicLibrary/dynamic_library.h"
#include <poppler/glib/poppler.h>
#include <cairo.h>

// Every poppler function einvoice calls; calling one not listed fails to link.
#define EINV_POPPLER_FUNCTIONS(X) \
    X(poppler_attachment_save_to_callback) X(poppler_document_get_attachments) X(poppler_document_get_n_pages) \
    X(poppler_document_get_page) X(poppler_document_new_from_bytes) X(poppler_error_quark) \
    X(poppler_page_free_image_mapping) X(poppler_page_get_image) X(poppler_page_get_image_mapping) \
    X(poppler_page_get_size) X(poppler_page_get_text) X(poppler_page_get_text_layout) X(poppler_page_render)

EINV_DYNAMIC_LIBRARY(einv_poppler, EINV_POPPLER_FUNCTIONS)

// g_object_unref/g_bytes_* take gpointer; typed wrappers keep Swift call sites free of casts.
static inline void CPoppler_unref(void *object) { g_object_unref(object); }
