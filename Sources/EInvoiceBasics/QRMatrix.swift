/// A QR symbol as a square grid of dark/light modules, without quiet zone.
///
/// Produced by the QR encoder and drawn by the renderer as vector squares; a plain value so
/// layout can place it without knowing how it was made.
public struct QRMatrix: Sendable, Hashable {
    /// Modules per side (21 for version 1 … 177 for version 40).
    public let size: Int
    /// Row-major, `true` for a dark module.
    public let modules: [Bool]
    /// QR version (1–40) and error-correction level letter (L, M, Q, H).
    public let version: Int
    public let errorCorrection: String

    public init(size: Int, modules: [Bool], version: Int, errorCorrection: String) {
        precondition(modules.count == size * size, "a QR matrix has size × size modules")
        self.size = size
        self.modules = modules
        self.version = version
        self.errorCorrection = errorCorrection
    }

    public subscript(row: Int, column: Int) -> Bool { modules[row * size + column] }
}
