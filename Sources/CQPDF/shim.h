// libqpdf's C API, opened with dlopen when a PDF is measured or archived (see
// ../CDynamicLibrary/dynamic_library.h).
#include "../CDynamicLibrary/dynamic_library.h"
#include <qpdf/qpdf-c.h>

// Every qpdf function einvoice calls; calling one not listed fails to link.
#define EINV_QPDF_FUNCTIONS(X) \
    X(qpdf_cleanup) X(qpdf_get_buffer) X(qpdf_get_buffer_length) X(qpdf_get_error) X(qpdf_get_error_full_text) \
    X(qpdf_get_num_pages) X(qpdf_get_page_n) X(qpdf_get_root) X(qpdf_get_trailer) X(qpdf_has_error) X(qpdf_init) \
    X(qpdf_init_write_memory) X(qpdf_make_indirect_object) X(qpdf_oh_append_item) X(qpdf_oh_begin_dict_key_iter) \
    X(qpdf_oh_dict_more_keys) X(qpdf_oh_dict_next_key) X(qpdf_oh_get_dict) X(qpdf_oh_get_int_value) X(qpdf_oh_get_key) \
    X(qpdf_oh_get_object_id) X(qpdf_oh_is_dictionary) X(qpdf_oh_is_integer) X(qpdf_oh_is_name_and_equals) \
    X(qpdf_oh_is_stream) X(qpdf_oh_new_array) X(qpdf_oh_new_dictionary) X(qpdf_oh_new_integer) X(qpdf_oh_new_name) \
    X(qpdf_oh_new_null) X(qpdf_oh_new_stream) X(qpdf_oh_new_string) X(qpdf_oh_new_unicode_string) \
    X(qpdf_oh_replace_key) X(qpdf_oh_replace_stream_data) X(qpdf_push_inherited_attributes_to_page) \
    X(qpdf_read_memory) X(qpdf_set_compress_streams) X(qpdf_set_deterministic_ID) X(qpdf_set_minimum_pdf_version) \
    X(qpdf_set_object_stream_mode) X(qpdf_set_suppress_warnings) X(qpdf_silence_errors) X(qpdf_write)

EINV_DYNAMIC_LIBRARY(einv_qpdf, EINV_QPDF_FUNCTIONS)
