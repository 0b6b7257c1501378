public import Foundation

/// Small hand-made files for the limit tests: headers that claim more than they hold, PDFs whose
/// structure is built to stall a reader. The full-size hostile files are made by
/// `bench/reliability/hostile.py`; these are the few-hundred-byte versions of the same tricks.
public enum CraftedFiles {
    /// A PNG signature and IHDR claiming `width`×`height` grey pixels, and nothing else.
    public static func pngHeader(width: UInt32, height: UInt32) -> Data {
        var data = Data([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
        data += Data("IHDR".utf8) + bigEndian(width) + bigEndian(height) + Data([8, 0, 0, 0, 0, 0, 0, 0, 0])
        return data
    }

    /// SOI, a progressive frame header of `width`×`height`, then `scans` scans whose entropy-coded
    /// data holds a stuffed 0xFF00 and a restart marker (neither may count as a scan), then EOI.
    public static func progressiveJPEG(width: UInt16, height: UInt16, scans: Int) -> Data {
        var data = Data([0xff, 0xd8, 0xff, 0xc2, 0, 11, 8]) + bigEndian16(height) + bigEndian16(width) + Data([1, 1, 0x11, 0])
        for _ in 0..<scans {
            data += Data([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0, 0]) + Data([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56])
        }
        return data + Data([0xff, 0xd9])
    }

    /// A little-endian TIFF of `sizes.count` directories (no image data), optionally looping back.
    public static func tiffDirectories(_ sizes: [(UInt32, UInt32)], loop: Bool = false) -> Data {
        var data = Data([0x49, 0x49, 0x2a, 0x00]) + littleEndian(8)
        for (index, (width, height)) in sizes.enumerated() {
            data += Data([2, 0])
            data += Data([0, 1, 4, 0]) + littleEndian(1) + littleEndian(width)
            data += Data([1, 1, 4, 0]) + littleEndian(1) + littleEndian(height)
            let next = index + 1 < sizes.count ? UInt32(data.count + 4) : (loop ? 8 : 0)
            data += littleEndian(next)
        }
        return data
    }

    // MARK: PDF

    /// A PDF from object bodies (numbered from 1), with a correct cross-reference table.
    public static func pdf(_ objects: [String]) -> Data {
        var out = "%PDF-1.7\n"
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(format: "%010d 00000 n \n", offset) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }

    public static func stream(_ dictionary: String, _ content: String) -> String {
        "<< \(dictionary) /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"
    }

    /// `count` pages of `width`×`height` points sharing one content stream and resources (object 4);
    /// `extra` objects are numbered from 5.
    public static func pages(_ count: Int, width: Int = 72, height: Int = 72, resources: String = "<< >>",
                      content: String = "0 0 1 1 re f", extra: [String] = []) -> Data {
        let first = 5 + extra.count
        let kids = (0..<count).map { "\(first + $0) 0 R" }.joined(separator: " ")
        let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)] /Contents 3 0 R /Resources 4 0 R >>"
        return pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [\(kids)] /Count \(count) >>",
                    stream("", content), resources] + extra + Array(repeating: page, count: count))
    }

    /// Forms that each draw the one below `calls` times, `levels` deep: calls^levels fills.
    public static func fanOut(levels: Int, calls: Int = 4) -> Data {
        var extra = [stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]", "0 0 1 1 re f")]
        for level in 1...levels {
            extra.append(stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X \(4 + level) 0 R >> >>",
                                Array(repeating: "/X Do", count: calls).joined(separator: " ")))
        }
        return pages(1, resources: "<< /XObject << /X \(5 + levels) 0 R >> >>", content: "/X Do", extra: extra)
    }

    /// One page showing an image whose dictionary claims `side`×`side` pixels (its data is a few bytes).
    public static func claimedImage(side: Int) -> Data {
        let image = stream("/Type /XObject /Subtype /Image /Width \(side) /Height \(side) /BitsPerComponent 8 /ColorSpace /DeviceGray",
                           "\u{0}\u{0}\u{0}\u{0}")
        return pages(1, resources: "<< /XObject << /I 5 0 R >> >>", content: "q 50 0 0 50 10 10 cm /I Do Q", extra: [image])
    }

    private static func bigEndian(_ value: UInt32) -> Data { withUnsafeBytes(of: value.bigEndian) { Data($0) } }
    private static func bigEndian16(_ value: UInt16) -> Data { withUnsafeBytes(of: value.bigEndian) { Data($0) } }
    private static func littleEndian(_ value: UInt32) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
}
