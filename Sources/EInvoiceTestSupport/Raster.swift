public import Foundation

/// Rasterises PDFs with poppler's `pdftoppm` (an independent reader of what we wrote) and reads
/// the greyscale result, for round-trip tests.
public enum Raster {
    public struct Image: Sendable {
        public let width: Int
        public let height: Int
        public let pixels: [UInt8]
    }

    /// Page `page` (1-based) of `pdf` at `dpi`, in 8-bit grey.
    public static func pdfPage(_ pdf: Data, page: Int = 1, dpi: Int) throws -> Image {
        try pgm(withTool("/usr/bin/pdftoppm", pdf, output: "out.pgm") { input, output in
            ["-gray", "-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile", input, String(output.dropLast(4))]
        })
    }

    /// Page `page` (1-based) of `pdf` at `dpi` as a grey PNG file, as a scanner driver would save it.
    public static func pdfPagePNG(_ pdf: Data, page: Int = 1, dpi: Int) throws -> Data {
        try withTool("/usr/bin/pdftoppm", pdf, output: "out.png") { input, output in
            ["-png", "-gray", "-r", "\(dpi)", "-f", "\(page)", "-l", "\(page)", "-singlefile", input, String(output.dropLast(4))]
        }
    }

    /// The text layer, as `pdftotext -layout` reads it (`raw`: in drawing order, as `-raw` does).
    public static func pdfText(_ pdf: Data, raw: Bool = false) throws -> String {
        let text = try withTool("/usr/bin/pdftotext", pdf, output: "out.txt") { input, output in
            [raw ? "-raw" : "-layout", input, output]
        }
        guard let string = String(data: text, encoding: .utf8) else { throw CocoaError(.fileReadInapplicableStringEncoding) }
        return string
    }

    /// Writes `pdf` into a fresh temporary folder, runs `tool` with the arguments made from the input
    /// and output paths, and returns the output file (removing the folder either way).
    static func withTool(_ tool: String, _ pdf: Data, output name: String,
                         arguments: (_ input: String, _ output: String) -> [String]) throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("raster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.pdf")
        try pdf.write(to: input)
        let output = directory.appendingPathComponent(name)
        guard try run(tool, arguments(input.path, output.path)) == 0 else { throw CocoaError(.fileReadCorruptFile) }
        return try Data(contentsOf: output)
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Binary PGM (P5, maxval 255), as pdftoppm writes it.
    static func pgm(_ data: Data) throws -> Image {
        let bytes = [UInt8](data)
        var fields: [String] = []
        var index = 0
        while fields.count < 4, index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0a || bytes[index] == 0x0d { index += 1 }
            var field = ""
            while index < bytes.count, !(bytes[index] == 0x20 || bytes[index] == 0x0a || bytes[index] == 0x0d) {
                field.append(Character(Unicode.Scalar(bytes[index])))
                index += 1
            }
            fields.append(field)
        }
        index += 1
        guard fields.count == 4, fields[0] == "P5", let width = Int(fields[1]), let height = Int(fields[2]),
              bytes.count - index >= width * height
        else { throw CocoaError(.fileReadCorruptFile) }
        return Image(width: width, height: height, pixels: Array(bytes[index..<(index + width * height)]))
    }
}
