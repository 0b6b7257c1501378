import EInvoiceBasics
import Foundation
import PrintedText
import TextRecognition

/// The stream a decoder child writes and its parent reads: length-prefixed frames, native byte
/// order (both ends are the same binary on the same machine).
///
/// `C` the number of pages the child will try, `P` a page (metadata, text, positioned words, then grey pixels),
/// `W` the words OCR read on a page, `N` a note, `E` an error that ends the file, `D` done.
enum PageFrame {
    /// Pages the child will try, and pages the file has.
    case pageCount(read: Int, total: Int)
    case page(RasterPage)
    case words(PageTextReader.Reading)
    case note(RasterNote)
    case error(RasterError)
    case done

    /// The bytes of one frame, handed to `write` in pieces (a page's pixels are not copied).
    static func write(_ frame: PageFrame, to write: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var head = Data()
        switch frame {
        case .pageCount(let read, let total):
            head.append(kind: "C", payload: 16)
            head.append(raw: Int64(read))
            head.append(raw: Int64(total))
            return head.withUnsafeBytes(write)
        case .page(let page):
            let text = Data((page.text ?? "").utf8)
            let words = Data(wordsBytes: page.words)
            let (kind, number, index, dpi) = page.origin.encoded
            head.append(kind: "P", payload: 1 + 4 + 4 + 8 + 4 + 4 + 1 + 4 + text.count + 4 + words.count + page.image.pixels.count)
            head.append(raw: kind)
            head.append(raw: Int32(number))
            head.append(raw: Int32(index))
            head.append(raw: dpi)
            head.append(raw: UInt32(page.image.width))
            head.append(raw: UInt32(page.image.height))
            head.append(raw: UInt8(page.text == nil ? 0 : 1))
            head.append(raw: UInt32(text.count))
            head.append(text)
            head.append(raw: UInt32(words.count))
            head.append(words)
            return head.withUnsafeBytes(write) && page.image.pixels.withUnsafeBytes(write)
        case .words(let text):
            let words = Data(wordsBytes: text.words)
            head.append(kind: "W", payload: 8 + 4 + 1 + words.count)
            head.append(raw: text.milliseconds)
            head.append(raw: Int32(text.regions))
            head.append(raw: UInt8(text.incomplete ? 1 : 0))
            head.append(words)
            return head.withUnsafeBytes(write)
        case .note(let note):
            let body = (try? JSONEncoder().encode(note)) ?? Data()  // a page range and words: always encodable
            head.append(kind: "N", payload: body.count)
            head.append(body)
            return head.withUnsafeBytes(write)
        case .error(let error):
            let body = Data(error.reason.utf8)
            head.append(kind: "E", payload: 1 + body.count)
            head.append(raw: error.code.wireValue)
            head.append(body)
            return head.withUnsafeBytes(write)
        case .done:
            head.append(kind: "D", payload: 0)
            return head.withUnsafeBytes(write)
        }
    }

    /// Reads one frame; `nil` at the end of the stream.
    static func read(from reader: inout FrameReader) throws(RasterError) -> PageFrame? {
        guard let head = try reader.bytes(5, allowEnd: true) else { return nil }
        let length = head.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: 1, as: UInt32.self)) }
        switch head[0] {
        case UInt8(ascii: "C"):
            let read = Int(try reader.value(Int64.self))
            return .pageCount(read: read, total: Int(try reader.value(Int64.self)))
        case UInt8(ascii: "P"):
            let kind = try reader.value(UInt8.self), number = Int(try reader.value(Int32.self))
            let index = Int(try reader.value(Int32.self)), dpi = try reader.value(Double.self)
            let width = Int(try reader.value(UInt32.self)), height = Int(try reader.value(UInt32.self))
            let hasText = try reader.value(UInt8.self) == 1
            let textCount = Int(try reader.value(UInt32.self))
            guard textCount + 30 <= length else { throw RasterError(.decoderFailed, "the decoder's output is garbled") }
            let text = String(decoding: try reader.bytes(textCount) ?? [], as: UTF8.self)
            let wordsCount = Int(try reader.value(UInt32.self))
            let (area, overflow) = width.multipliedReportingOverflow(by: height)
            guard !overflow, area + textCount + 4 + wordsCount + 30 == length, let origin = RasterPage.Origin(kind, number, index, dpi),
                  let words = [PositionedWord](wordsBytes: try reader.bytes(wordsCount) ?? []) else {
                throw RasterError(.decoderFailed, "the decoder's output is garbled")
            }
            let pixels = try reader.bytes(area) ?? []
            return .page(RasterPage(origin: origin, image: GreyImage(width: width, height: height, pixels: pixels),
                                    text: hasText ? text : nil, words: words))
        case UInt8(ascii: "W"):
            let milliseconds = try reader.value(Double.self), regions = Int(try reader.value(Int32.self))
            let incomplete = try reader.value(UInt8.self) == 1
            guard length >= 13, let words = [PositionedWord](wordsBytes: try reader.bytes(length - 13) ?? []) else {
                throw RasterError(.decoderFailed, "the decoder's output is garbled")
            }
            return .words(PageTextReader.Reading(words: words, regions: regions, milliseconds: milliseconds, incomplete: incomplete))
        case UInt8(ascii: "N"):
            guard let note = try? JSONDecoder().decode(RasterNote.self, from: Data(try reader.bytes(length) ?? [])) else {
                throw RasterError(.decoderFailed, "the decoder's output is garbled")
            }
            return .note(note)
        case UInt8(ascii: "E"):
            let code = RasterError.Code(wireValue: try reader.value(UInt8.self))
            return .error(RasterError(code, String(decoding: try reader.bytes(length - 1) ?? [], as: UTF8.self)))
        case UInt8(ascii: "D"):
            return .done
        default:
            throw RasterError(.decoderFailed, "the decoder's output is garbled")
        }
    }
}

extension RasterPage.Origin {
    fileprivate var encoded: (UInt8, Int, Int, Double) {
        switch self {
        case .image: (0, 0, 0, 0)
        case .tiffPage(let page): (1, page, 0, 0)
        case .pdfPage(let page, let dpi): (2, page, 0, dpi)
        case .pdfImage(let page, let index): (3, page, index, 0)
        }
    }

    fileprivate init?(_ kind: UInt8, _ page: Int, _ index: Int, _ dpi: Double) {
        switch kind {
        case 0: self = .image
        case 1: self = .tiffPage(page)
        case 2: self = .pdfPage(page, dpi: dpi)
        case 3: self = .pdfImage(page: page, index: index)
        default: return nil
        }
    }
}

extension RasterError.Code {
    private static let all: [RasterError.Code] = [.unsupported, .corrupt, .encrypted, .tooLarge, .empty, .timeLimit, .decoderFailed]
    fileprivate var wireValue: UInt8 { UInt8(Self.all.firstIndex(of: self) ?? 1) }
    fileprivate init(wireValue: UInt8) { self = Self.all.indices.contains(Int(wireValue)) ? Self.all[Int(wireValue)] : .corrupt }
}

extension Data {
    /// A page's positioned words: per word its box and confidence (five doubles, NaN for none), page,
    /// and UTF-8 text with its length.
    fileprivate init(wordsBytes words: [PositionedWord]) {
        self.init()
        for word in words {
            let text = Data(word.text.utf8)
            for value in [word.box.minX, word.box.minY, word.box.maxX, word.box.maxY, word.confidence ?? .nan] { append(raw: value) }
            append(raw: Int32(word.page))
            append(raw: UInt32(text.count))
            append(text)
        }
    }

    fileprivate mutating func append(kind: Character, payload: Int) {
        append(kind.asciiValue ?? 0)
        append(raw: UInt32(payload))
    }

    fileprivate mutating func append<T: FixedWidthInteger>(raw value: T) {
        Swift.withUnsafeBytes(of: value) { append(contentsOf: $0) }
    }

    fileprivate mutating func append(raw value: Double) {
        Swift.withUnsafeBytes(of: value) { append(contentsOf: $0) }
    }
}

extension Array where Element == PositionedWord {
    /// The words written by `Data(wordsBytes:)`; `nil` when the bytes do not parse to the end.
    fileprivate init?(wordsBytes bytes: [UInt8]) {
        self.init()
        var offset = 0
        func take<T: BitwiseCopyable>(_ type: T.Type) -> T? {
            guard offset + MemoryLayout<T>.size <= bytes.count else { return nil }
            defer { offset += MemoryLayout<T>.size }
            return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
        }
        while offset < bytes.count {
            guard let minX = take(Double.self), let minY = take(Double.self), let maxX = take(Double.self),
                  let maxY = take(Double.self), let confidence = take(Double.self), let page = take(Int32.self),
                  let count = take(UInt32.self).map(Int.init), offset + count <= bytes.count else { return nil }
            let text = String(decoding: bytes[offset..<(offset + count)], as: UTF8.self)
            offset += count
            append(PositionedWord(text: text, box: WordBox(minX: minX, minY: minY, maxX: maxX, maxY: maxY), page: Int(page),
                                  confidence: confidence.isNaN ? nil : confidence))
        }
    }
}
