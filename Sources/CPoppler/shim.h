#include <poppler.h>
#include <cairo.h>

// g_object_unref/g_bytes_* take gpointer; typed wrappers keep Swift call sites free of casts.
static inline void CPoppler_unref(void *object) { g_object_unref(object); }
