internal import CCairo
import Foundation
import Synchronization

/// Pango text set only in the fonts of one folder, through an explicit fontconfig configuration.
///
/// Never the process-wide default font map (per-thread, and it sees the machine's fonts): each
/// `FontSystem` owns its `FcConfig`, font map and context, so output is the same on every machine.
/// Not `Sendable`: make one per thread or task.
public final class FontSystem {
    private let config: OpaquePointer
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer
    /// One unshaped layout per style (font, attributes, wrapping), copied for each new text.
    private var prototypes: [String: OpaquePointer] = [:]
    /// Shaped layouts by everything that decides their glyphs and lines (see ``shapedLayout``).
    private var shapedLayouts: [ShapedLayoutKey: OpaquePointer] = [:]

    private struct ShapedLayoutKey: Hashable {
        var text: String
        var font: String
        var tabularFigures: Bool
        var width: Int32
        var alignment: UInt32
    }

    /// Shaped layouts kept at most; then all are dropped (a few kilobytes each, so memory stays flat
    /// over a batch while the labels every invoice repeats are shaped once per few thousand texts).
    static let shapedLayoutLimit = 4096

    private enum ProcessClaim { case none, requested, done }
    private static let processClaim = Mutex(ProcessClaim.none)

    /// Makes the next `FontSystem` created the process's current fontconfig configuration, for a
    /// process that draws only with einvoice's fonts (`render`, `batch`).
    ///
    /// Pango's font map starts a thread that loads the machine's configuration (`FcInit`: every
    /// file in /etc/fonts parsed, the font caches read) although a `FontSystem` never uses it —
    /// 24 million instructions, 12 % of rendering one invoice in its own process. With a current
    /// configuration already set, `FcInit` has nothing to do. Call it before anything else in the
    /// process uses fontconfig (poppler, for one, finds substitutes for a PDF's missing fonts
    /// through the current configuration, and a configuration replaced under it is freed), so
    /// never from a long-running process that also reads PDFs.
    public static func claimProcessConfiguration() {
        processClaim.withLock { if $0 == .none { $0 = .requested } }
    }

    /// Loads every font file in `directory`; throws if there is none.
    public init(fontsDirectory directory: String) throws(CairoError) {
        try GraphicsLibrary.require()
        guard let config = graphics.FcConfigCreate() else { throw CairoError("FcConfigCreate failed") }
        // Files one by one: adding a directory makes fontconfig look for a writable cache folder,
        // which an empty configuration has none of (and it would print an error about it).
        let listing: [String]
        do {
            listing = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            graphics.FcConfigDestroy(config)
            throw CairoError("\(directory): the fonts folder cannot be read (\(error.localizedDescription))")
        }
        let files = listing.filter { [".ttf", ".otf", ".ttc"].contains(where: $0.lowercased().hasSuffix) }.sorted()
        for file in files {
            _ = graphics.FcConfigAppFontAddFile(config, directory + "/" + file)
        }
        guard let fonts = graphics.FcConfigGetFonts(config, FcSetApplication), fonts.pointee.nfont > 0 else {
            graphics.FcConfigDestroy(config)
            throw CairoError("no fonts found in \(directory)")
        }
        Self.processClaim.withLock { claim in
            // The current configuration holds its own reference: it outlives this FontSystem.
            if claim == .requested, graphics.FcConfigSetCurrent(config) == FcTrue { claim = .done }
        }
        guard let map = graphics.pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            graphics.FcConfigDestroy(config)
            throw CairoError("pango_cairo_font_map_new_for_font_type returned NULL")
        }
        graphics.pango_fc_font_map_set_config(CCairo_asFcFontMap(map), config)
        // The font map's resolution too, not only the context's: Pango builds some fontconfig patterns
        // from the map's (96 dpi by default), and a pattern that differs only in its dpi is matched
        // and sorted again, each time on two new threads (Pango 1.50). One invoice made 13 patterns
        // twice and started 26 threads more than it needed; the glyphs are the same either way.
        graphics.pango_cairo_font_map_set_resolution(OpaquePointer(map), 72)
        guard let context = graphics.pango_font_map_create_context(map) else {
            graphics.g_object_unref(map)
            graphics.FcConfigDestroy(config)
            throw CairoError("pango_font_map_create_context returned NULL")
        }
        // 1 pt = 1 unit, unhinted metrics: measuring and drawing give the same widths at any resolution.
        graphics.pango_cairo_context_set_resolution(context, 72)
        if let options = graphics.cairo_font_options_create() {
            graphics.cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            graphics.cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            graphics.pango_cairo_context_set_font_options(context, options)
            graphics.cairo_font_options_destroy(options)
        }
        graphics.pango_context_set_round_glyph_positions(context, 0)
        self.config = config
        self.fontMap = map
        self.context = context
    }

    deinit {
        for layout in prototypes.values { graphics.g_object_unref(UnsafeMutableRawPointer(layout)) }
        for layout in shapedLayouts.values { graphics.g_object_unref(UnsafeMutableRawPointer(layout)) }
        graphics.g_object_unref(UnsafeMutableRawPointer(context))
        graphics.g_object_unref(fontMap)
        graphics.FcConfigDestroy(config)
    }

    /// The family names of the loaded fonts.
    public var families: [String] {
        guard let fonts = graphics.FcConfigGetFonts(config, FcSetApplication) else { return [] }
        var names = Set<String>()
        for index in 0..<Int(fonts.pointee.nfont) {
            var family: UnsafeMutablePointer<FcChar8>?
            if let pattern = fonts.pointee.fonts[index], graphics.FcPatternGetString(pattern, FC_FAMILY, 0, &family) == FcResultMatch,
               let family {
                names.insert(String(cString: family))
            }
        }
        return names.sorted()
    }

    /// A layout holding `text` in `font`, wrapped at `width` Pango units (-1: not wrapped) and aligned.
    ///
    /// Pango itemizes and shapes a layout again after any change to it, so one layout per style
    /// reused for every text shaped a text twice when layout measured it and the page drew it.
    /// Layouts made to `keep` (measured text) are cached by all that decides their glyphs and
    /// lines, so drawing the measured text reuses its shaping, and labels every invoice of a batch
    /// repeats are shaped once. Other text (table cells drawn without being measured) is set in
    /// the style's one shared layout: a layout object per cell costs more than it would save.
    /// The pointer is valid until the next call; callers do not change it.
    func shapedLayout(text: String, font: String, tabularFigures: Bool, width: Int32, alignment: PangoAlignment,
                      keep: Bool) -> OpaquePointer? {
        let key = ShapedLayoutKey(text: text, font: font, tabularFigures: tabularFigures, width: width, alignment: alignment.rawValue)
        if let cached = shapedLayouts[key] { return cached }
        guard let prototype = prototype(font: font, tabularFigures: tabularFigures) else { return nil }
        guard keep, let layout = graphics.pango_layout_copy(prototype) else {
            set(text, width: width, alignment: alignment, in: prototype)
            return prototype
        }
        set(text, width: width, alignment: alignment, in: layout)
        if shapedLayouts.count >= Self.shapedLayoutLimit {
            for old in shapedLayouts.values { graphics.g_object_unref(UnsafeMutableRawPointer(old)) }
            shapedLayouts.removeAll(keepingCapacity: true)
        }
        shapedLayouts[key] = layout
        return layout
    }

    private func set(_ text: String, width: Int32, alignment: PangoAlignment, in layout: OpaquePointer) {
        text.withCString { graphics.pango_layout_set_text(layout, $0, -1) }
        graphics.pango_layout_set_width(layout, width)
        graphics.pango_layout_set_alignment(layout, alignment)
    }

    /// The shared layout of one text style (font, tabular digits, no inserted hyphens, wrapping),
    /// also the prototype cached layouts are copied from.
    private func prototype(font: String, tabularFigures: Bool) -> OpaquePointer? {
        let key = font + (tabularFigures ? "#tnum" : "")
        if let cached = prototypes[key] { return cached }
        guard let layout = graphics.pango_layout_new(context) else { return nil }
        if let description = graphics.pango_font_description_from_string(font) {
            graphics.pango_layout_set_font_description(layout, description)
            graphics.pango_font_description_free(description)
        }
        if let attributes = graphics.pango_attr_list_new() {
            if tabularFigures, let feature = graphics.pango_attr_font_features_new("tnum") { graphics.pango_attr_list_insert(attributes, feature) }
            // A word broken across lines gets no inserted hyphen: on a tax invoice the long words
            // are codes (GSTIN, IRN, invoice numbers), and a hyphen that is not in the code misleads.
            if let noHyphens = graphics.pango_attr_insert_hyphens_new(0) { graphics.pango_attr_list_insert(attributes, noHyphens) }
            graphics.pango_layout_set_attributes(layout, attributes)
            graphics.pango_attr_list_unref(attributes)
        }
        graphics.pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        prototypes[key] = layout
        return layout
    }
}

@available(*, unavailable)
extension FontSystem: Sendable {}
