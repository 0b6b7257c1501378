import Foundation
public import PrintedText
public import EInvoiceBasics
public import TextRecognition

/// A page image to read by OCR in a child process, as the decoders are read (``DecoderIsolation``):
/// Tesseract is C reading pixels from outside, so a crash, a hang or an allocation without end
/// ends that page's reading with an error and nothing else; the child also runs Tesseract's
/// OpenMP on one thread (`OMP_THREAD_LIMIT=1`), which only an environment set before the
/// process starts can do, so that OCR never spins a second core on a shared machine.
struct OCRRequest: Codable {
    var width: Int
    var height: Int
    var page: Int
    var dpi: Double?
    /// Areas not to read (the QR codes): minX, minY, maxX, maxY each.
    var blank: [[Double]]
    var options: PageTextReader.Options
    /// Milliseconds the reading may take.
    var milliseconds: Int
}

extension DecoderIsolation {
    /// Reads the printed words of `image` in a child process before `deadline` (then the child is stopped).
    public func recognize(_ image: GreyImage, page: Int, dpi: Double?, blank: [WordBox], options: PageTextReader.Options,
                          deadline: ContinuousClock.Instant) throws(RasterError) -> PageTextReader.Reading {
        let left = ContinuousClock.now.duration(to: deadline).components
        let milliseconds = Int(left.seconds) * 1000 + Int(left.attoseconds / 1_000_000_000_000_000)
        guard milliseconds > 0 else { throw RasterError(.timeLimit, "no time was left to read the page by OCR") }
        var limits = RasterLimits()
        limits.maxSeconds = Double(milliseconds) / 1000
        var request = DecodeRequest(dpi: dpi ?? 0, limits: limits, memoryBytes: memoryBytes)
        request.ocr = OCRRequest(width: image.width, height: image.height, page: page, dpi: dpi,
                                 blank: blank.map { [$0.minX, $0.minY, $0.maxX, $0.maxY] }, options: options, milliseconds: milliseconds)
        let child = try ChildProcess(executable: executable, arguments: [Self.subcommand, request.argument],
                                     input: Data(image.pixels), environment: ["OMP_THREAD_LIMIT": "1"])
        // A little grace past the reading's own deadline, for the child to say it ran out of time.
        var reader = FrameReader(output: child.output, errors: child.errors, deadline: deadline.advanced(by: .milliseconds(500)),
                                 cancellation: cancellation)
        var reading: PageTextReader.Reading?
        do throws(RasterError) {
            while let frame = try PageFrame.read(from: &reader) {
                switch frame {
                case .words(let words): reading = words
                case .error(let error):
                    child.kill()
                    throw error
                case .done:
                    child.wait()
                    guard let reading else { throw RasterError(.decoderFailed, "the OCR process ended without its words") }
                    return reading
                case .pageCount, .page, .note:
                    throw RasterError(.decoderFailed, "the OCR process's output is garbled")
                }
            }
        } catch {
            child.kill()
            reader.drainErrors()
            throw error.code == .timeLimit && cancellation?.isCancelled != true
                ? RasterError(.timeLimit, "the time for reading the page by OCR was spent; the OCR process was stopped") : error
        }
        child.end()
        reader.drainErrors()
        throw RasterError(.decoderFailed, child.ending(stderr: String(decoding: reader.stderr, as: UTF8.self), limits: limits,
                                                      memoryBytes: memoryBytes) ?? "the OCR process ended without finishing")
    }
}

/// The child side: reads the raw grey page from stdin and writes its words.
enum OCRChild {
    static func run(_ request: OCRRequest, input: Data, emit: (PageFrame) -> Bool) -> Int32 {
        guard request.width > 0, request.height > 0, request.width.multipliedReportingOverflow(by: request.height).partialValue == input.count
        else { return emit(.error(RasterError(.corrupt, "the page for OCR is not \(request.width)×\(request.height) grey pixels"))) ? 0 : 74 }
        let image = GreyImage(width: request.width, height: request.height, pixels: [UInt8](input))
        let blank = request.blank.filter { $0.count == 4 }.map { WordBox(minX: $0[0], minY: $0[1], maxX: $0[2], maxY: $0[3]) }
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(request.milliseconds))
        do throws(OCRError) {
            let reading = try PageTextReader(options: request.options).read(image, page: request.page, dpi: request.dpi, blank: blank,
                                                                             deadline: deadline)
            return emit(.words(reading)) && emit(.done) ? 0 : 74
        } catch {
            let code: RasterError.Code = error.code == .timeLimit ? .timeLimit : .decoderFailed
            return emit(.error(RasterError(code, error.reason))) ? 0 : 74
        }
    }
}
