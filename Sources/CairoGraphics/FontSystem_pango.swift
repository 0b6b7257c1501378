internal import CCairo
internal import CPangoCairo
internal import CPangoFT2
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
        guard let config = FcConfigCreate() else { throw CairoError("FcConfigCreate failed") }
        // Files one by one: adding a directory makes fontconfig look for a writable cache folder,
        // which an empty configuration has none of (and it would print an error about it).
        let listing: [String]
        do {
            listing = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            FcConfigDestroy(config)
            throw CairoError("\(directory): the fonts folder cannot be read (\(error.localizedDescription))")
        }
        let files = listing.filter { [".ttf", ".otf", ".ttc"].contains(where: $0.lowercased().hasSuffix) }.sorted()
        for file in files {
            _ = FcConfigAppFontAddFile(config, directory + "/" + file)
        }
        guard let fonts = FcConfigGetFonts(config, FcSetApplication), fonts.pointee.nfont > 0 else {
            FcConfigDestroy(config)
            throw CairoError("no fonts found in \(directory)")
        }
        Self.processClaim.withLock { claim in
            // The current configuration holds its own reference: it outlives this FontSystem.
            if claim == .requested, FcConfigSetCurrent(config) == FcTrue { claim = .done }
        }
        guard let map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT) else {
            FcConfigDestroy(config)
            throw CairoError("pango_cairo_font_map_new_for_font_type returned NULL")
        }
        pango_fc_font_map_set_config(CPangoFT2_asFcFontMap(map), config)
        // The font map's resolution too, not only the context's: Pango builds some fontconfig patterns
        // from the map's (96 dpi by default), and a pattern that differs only in its dpi is matched
        // and sorted again, each time on two new threads (Pango 1.50). One invoice made 13 patterns
        // twice and started 26 threads more than it needed; the glyphs are the same either way.
        pango_cairo_font_map_set_resolution(OpaquePointer(map), 72)
        guard let context = pango_font_map_create_context(map) else {
            CPangoCairo_unref(map)
            FcConfigDestroy(config)
            throw CairoError("pango_font_map_create_context returned NULL")
        }
        // 1 pt = 1 unit, unhinted metrics: measuring and drawing give the same widths at any resolution.
        pango_cairo_context_set_resolution(context, 72)
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            pango_cairo_context_set_font_options(context, options)
            cairo_font_options_destroy(options)
        }
        pango_context_set_round_glyph_positions(context, 0)
        self.config = config
        self.fontMap = map
        self.context = context
    }

    deinit {
        for layout in prototypes.values { CPangoCairo_unref(UnsafeMutableRawPointer(layout)) }
        for layout in shapedLayouts.values { CPangoCairo_unref(UnsafeMutableRawPointer(layout)) }
        CPangoCairo_unref(UnsafeMutableRawPointer(context))
        CPangoCairo_unref(fontMap)
        FcConfigDestroy(config)
    }

    /// The family names of the loaded fonts.
    public var families: [String] {
        guard let fonts = FcConfigGetFonts(config, FcSetApplication) else { return [] }
        var names = Set<String>()
        for index in 0..<Int(fonts.pointee.nfont) {
            var family: UnsafeMutablePointer<FcChar8>?
            if let pattern = fonts.pointee.fonts[index], FcPatternGetString(pattern, FC_FAMILY, 0, &family) == FcResultMatch,
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
        guard keep, let layout = pango_layout_copy(prototype) else {
            set(text, width: width, alignment: alignment, in: prototype)
            return prototype
        }
        set(text, width: width, alignment: alignment, in: layout)
        if shapedLayouts.count >= Self.shapedLayoutLimit {
            for old in shapedLayouts.values { CPangoCairo_unref(UnsafeMutableRawPointer(old)) }
            shapedLayouts.removeAll(keepingCapacity: true)
        }
        shapedLayouts[key] = layout
        return layout
    }

    private func set(_ text: String, width: Int32, alignment: PangoAlignment, in layout: OpaquePointer) {
        text.withCString { pango_layout_set_text(layout, $0, -1) }
        pango_layout_set_width(layout, width)
        pango_layout_set_alignment(layout, alignment)
    }

    /// The shared layout of one text style (font, tabular digits, no inserted hyphens, wrapping),
    /// also the prototype cached layouts are copied from.
    private func prototype(font: String, tabularFigures: Bool) -> OpaquePointer? {
        let key = font + (tabularFigures ? "#tnum" : "")
        if let cached = prototypes[key] { return cached }
        guard let layout = pango_layout_new(context) else { return nil }
        if let description = pango_font_description_from_string(font) {
            pango_layout_set_font_description(layout, description)
            pango_font_description_free(description)
        }
        if let attributes = pango_attr_list_new() {
            if tabularFigures, let feature = pango_attr_font_features_new("tnum") { pango_attr_list_insert(attributes, feature) }
            // A word broken across lines gets no inserted hyphen: on a tax invoice the long words
            // are codes (GSTIN, IRN, invoice numbers), and a hyphen that is not in the code misleads.
            if let noHyphens = pango_attr_insert_hyphens_new(0) { pango_attr_list_insert(attributes, noHyphens) }
            pango_layout_set_attributes(layout, attributes)
            pango_attr_list_unref(attributes)
        }
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        prototypes[key] = layout
        return layout
    }
}

@available(*, unavailable)
extension FontSystem: Sendable {}
