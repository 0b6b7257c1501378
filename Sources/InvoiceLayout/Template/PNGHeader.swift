import Foundation

/// The pixel size of a PNG from its IHDR chunk: enough for layout to keep an image's aspect
/// without decoding it (decoding is the renderer's job).
enum PNGHeader {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Width and height, or `nil` when the file is missing or not a PNG.
    static func size(atPath path: String) -> (width: Int, height: Int)? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 24) else { return nil }
        return size(of: [UInt8](data))
    }

    static func size(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        // Signature (8), chunk length (4), "IHDR" (4), width (4), height (4), big-endian.
        guard bytes.count >= 24, Array(bytes[0..<8]) == signature, bytes[12..<16].elementsEqual("IHDR".utf8) else { return nil }
        func word(_ offset: Int) -> Int { bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        let width = word(16), height = word(20)
        guard width > 0, height > 0 else { return nil }
        return (width, height)
    }
}
