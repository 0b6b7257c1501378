// Cairo, Pango (with its Cairo and fontconfig back ends) and fontconfig, opened with dlopen when the
// first surface, image or font system is made (see ../CDynamicLibrary/dynamic_library.h): only
// drawing needs them, and linked they were most of every other command's start (about 30 of the
// 45 libraries a process loaded before `main`, 4 ms of `einvoice --version`'s 12).
//
// One table, resolved through libpangocairo: dlsym searches a handle's dependencies too, and
// libpangocairo depends on Pango, Cairo, fontconfig and GLib. The headers are used for their types
// only; Package.swift gives their include folders (a pkg-config module would link the libraries).
#include "../CDynamicLibrary/dynamic_library.h"
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>

// Every Cairo, Pango, fontconfig and GObject function einvoice calls; calling one not listed fails to link.
#define EINV_GRAPHICS_FUNCTIONS(X) \
    X(FcConfigAppFontAddFile) X(FcConfigCreate) X(FcConfigDestroy) X(FcConfigGetFonts) X(FcConfigSetCurrent) \
    X(FcPatternGetString) \
    X(cairo_create) X(cairo_destroy) X(cairo_fill) X(cairo_font_options_create) X(cairo_font_options_destroy) \
    X(cairo_font_options_set_hint_metrics) X(cairo_font_options_set_hint_style) X(cairo_image_surface_create) \
    X(cairo_image_surface_create_from_png) X(cairo_image_surface_create_from_png_stream) \
    X(cairo_image_surface_get_data) X(cairo_image_surface_get_format) X(cairo_image_surface_get_height) \
    X(cairo_image_surface_get_stride) X(cairo_image_surface_get_width) X(cairo_line_to) X(cairo_mask) \
    X(cairo_move_to) X(cairo_paint) X(cairo_pattern_create_for_surface) X(cairo_pattern_destroy) \
    X(cairo_pattern_set_filter) X(cairo_pdf_surface_create_for_stream) X(cairo_pdf_surface_restrict_to_version) \
    X(cairo_pdf_surface_set_metadata) X(cairo_pdf_surface_set_size) X(cairo_rectangle) X(cairo_restore) \
    X(cairo_rotate) X(cairo_save) X(cairo_scale) X(cairo_set_line_width) X(cairo_set_source_rgb) \
    X(cairo_set_source_surface) X(cairo_show_page) X(cairo_status) X(cairo_status_to_string) X(cairo_stroke) \
    X(cairo_surface_destroy) X(cairo_surface_finish) X(cairo_surface_flush) X(cairo_surface_mark_dirty) \
    X(cairo_surface_status) X(cairo_surface_write_to_png_stream) X(cairo_translate) \
    X(g_object_unref) \
    X(pango_attr_font_features_new) X(pango_attr_insert_hyphens_new) X(pango_attr_list_insert) \
    X(pango_attr_list_new) X(pango_attr_list_unref) X(pango_cairo_context_set_font_options) \
    X(pango_cairo_context_set_resolution) X(pango_cairo_font_map_new_for_font_type) \
    X(pango_cairo_font_map_set_resolution) X(pango_cairo_show_layout) X(pango_context_set_round_glyph_positions) \
    X(pango_fc_font_map_set_config) X(pango_font_description_free) X(pango_font_description_from_string) \
    X(pango_font_map_create_context) X(pango_layout_copy) X(pango_layout_get_extents) \
    X(pango_layout_get_line_count) X(pango_layout_new) X(pango_layout_set_alignment) \
    X(pango_layout_set_attributes) X(pango_layout_set_font_description) X(pango_layout_set_text) \
    X(pango_layout_set_width) X(pango_layout_set_wrap)

EINV_DYNAMIC_LIBRARY(einv_graphics, EINV_GRAPHICS_FUNCTIONS)

// PANGO_FC_FONT_MAP is a function-like cast macro Swift cannot call.
static inline PangoFcFontMap *CCairo_asFcFontMap(PangoFontMap *map) { return (PangoFcFontMap *)map; }
