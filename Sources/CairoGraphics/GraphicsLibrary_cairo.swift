internal import CCairo
import EInvoiceBasics

/// Cairo, Pango and fontconfig, opened with dlopen the first time something is drawn, measured or
/// decoded (`CCairo/shim.h` says why).
///
/// Every way into drawing — ``Surface``, ``FontSystem``, ``PNGImage`` — calls ``require()`` before
/// anything else, so a missing library is an error there and never later; everything past those
/// entry points calls through ``graphics``.
enum GraphicsLibrary {
    static let loaded = DynamicLibrary.load("libpangocairo-1.0.so.0", package: "libpangocairo-1.0-0", resolve: einv_graphics_resolve)

    /// Throws the reason the libraries cannot be used, if they cannot.
    static func require() throws(CairoError) {
        if case .failure(let failure) = loaded { throw CairoError("drawing is unavailable: \(failure)") }
    }
}

/// Cairo's, Pango's and fontconfig's functions, for code reached only after ``GraphicsLibrary/require()``
/// succeeded (the entry points call it first).
let graphics: einv_graphics = {
    switch GraphicsLibrary.loaded {
    case .success(let table): return table
    case .failure(let failure): fatalError("CairoGraphics used before GraphicsLibrary.require(): \(failure)")
    }
}()
