#include <pango/pangocairo.h>

// g_object_unref takes a gpointer; a typed wrapper keeps call sites free of casts.
static inline void CPangoCairo_unref(void *object) { g_object_unref(object); }
