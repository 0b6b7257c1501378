// poppler-glib, opened with dlopen when the first PDF is read (see ../CDynamicLibrary/dynamic_library.h).
// Its headers need GLib's and Cairo's include folders, which Package.swift gives RasterIO; GLib and
// Cairo are not linked either: the GLib functions below are found through poppler's own
// dependencies (dlsym searches a handle's dependency tree).
#include "../CDynamicLibrary/dynamic_library.h"
#include <poppler/glib/poppler.h>
#include <cairo.h>

// Every poppler function einvoice calls; calling one not listed fails to link.
#define EINV_POPPLER_FUNCTIONS(X) \
    X(poppler_attachment_save_to_callback) X(poppler_document_get_attachments) X(poppler_document_get_n_pages) \
    X(poppler_document_get_page) X(poppler_document_new_from_bytes) X(poppler_error_quark) \
    X(poppler_page_free_image_mapping) X(poppler_page_get_image) X(poppler_page_get_image_mapping) \
    X(poppler_page_get_size) X(poppler_page_get_text) X(poppler_page_get_text_layout) X(poppler_page_render) \
    X(g_bytes_new) X(g_bytes_unref) X(g_error_free) X(g_free) X(g_list_free_full) X(g_object_unref)

EINV_DYNAMIC_LIBRARY(einv_poppler, EINV_POPPLER_FUNCTIONS)

