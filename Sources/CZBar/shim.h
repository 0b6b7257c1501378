// zbar, opened with dlopen when the first image is scanned (see ../CDynamicLibrary/dynamic_library.h).
#include "../CDynamicLibrary/dynamic_library.h"
#include <zbar.h>

// Every zbar function einvoice calls; calling one not listed fails to link.
#define EINV_ZBAR_FUNCTIONS(X) \
    X(zbar_image_create) X(zbar_image_destroy) X(zbar_image_first_symbol) X(zbar_image_scanner_create) \
    X(zbar_image_scanner_destroy) X(zbar_image_scanner_set_config) X(zbar_image_set_data) \
    X(zbar_image_set_format) X(zbar_image_set_size) X(zbar_scan_image) X(zbar_symbol_get_data) \
    X(zbar_symbol_get_data_length) X(zbar_symbol_get_loc_size) X(zbar_symbol_get_loc_x) \
    X(zbar_symbol_get_loc_y) X(zbar_symbol_next)

EINV_DYNAMIC_LIBRARY(einv_zbar, EINV_ZBAR_FUNCTIONS)

// zbar_fourcc is a function-like macro; formats are passed as this value.
static inline unsigned long CZBar_fourccY800(void) { return zbar_fourcc('Y', '8', '0', '0'); }
