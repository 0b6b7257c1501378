internal import CCairo

/// What went wrong in Cairo, Pango or fontconfig, translated from their status codes in one place.
public struct CairoError: Error, Hashable, CustomStringConvertible, Sendable {
    public let description: String

    init(_ description: String) { self.description = description }

    /// The same failure, saying what was being drawn: "the signed QR: creating a recording surface: …".
    public func drawing(_ what: String) -> CairoError { CairoError("\(what): \(description)") }

    /// A layout placed an image the renderer was not given.
    public static func missingImage(_ path: String) -> CairoError { CairoError("image \(path) was not loaded before drawing") }

    /// Cairo's error convention: a status on the object, never NULL. Checked after every creation.
    static func check(_ status: cairo_status_t, _ what: String) throws(CairoError) {
        guard status == CAIRO_STATUS_SUCCESS else {
            let message = graphics.cairo_status_to_string(status).map { String(cString: $0) } ?? "status \(status.rawValue)"
            throw CairoError("\(what): \(message)")
        }
    }
}
