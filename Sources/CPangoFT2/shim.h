#include <pango/pangofc-fontmap.h>
#include <fontconfig/fontconfig.h>

// PANGO_FC_FONT_MAP is a function-like cast macro Swift cannot call.
static inline PangoFcFontMap *CPangoFT2_asFcFontMap(PangoFontMap *map) { return (PangoFcFontMap *)map; }
