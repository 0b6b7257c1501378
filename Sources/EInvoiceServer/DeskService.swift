public import EInvoiceKit
import EInvoiceVerification
public import Foundation
import InvoiceScanning
public import RasterIO

/// What the desk does with a request, apart from HTTP: the same engine and the same JSON as
/// `einvoice verify --json` and `einvoice scan --json`.
public struct DeskService: Sendable {
    public let configuration: ServerConfiguration
    /// Printers kept between render requests (`nil` when rendering is not set up).
    let printers: PrinterPool?

    public init(configuration: ServerConfiguration) {
        self.configuration = configuration
        self.printers = configuration.resources.map {
            PrinterPool(templatesDirectory: $0.templatesDirectory, fontsDirectory: $0.fontsDirectory, verifier: configuration.verifier)
        }
    }

    /// *Check a received file*, the same composition `einvoice scan` runs, under the upload's
    /// limits (page cap, time share of `--timeout`, child-process decoding) and its cancellation.
    func check(cancellation: DecodeCancellation?) -> ReceivedFileCheck {
        ReceivedFileCheck(verifier: configuration.verifier, limits: configuration.uploadLimits(cancellation: cancellation))
    }

    public struct Failure: Error, Sendable {
        public var status: Int
        public var message: String
    }

    /// `POST /api/v1/verify`: a pasted token, IRP JSON, or JSON Lines.
    public func verify(_ body: Data, name: String = "pasted") -> [VerificationResult.JSON] {
        configuration.verifier.verify(body, source: name).map(\.json)
    }

    /// `POST /api/v1/scan`: one PDF, PNG, JPEG or TIFF; its QR codes verified, printed values compared.
    ///
    /// The file is rendered once: thumbnails (when `thumbnailWidth` is given) are reduced from the
    /// same page images the QRs were read from.
    public func scan(_ body: Data, name: String, contentType: String?, thumbnailWidth: Int? = nil,
                     cancellation: DecodeCancellation? = nil) throws(Failure) -> (results: [VerificationResult.JSON], thumbnails: [String]) {
        guard let format = ImageFormat.detect(body) else {
            let looksLikeText = String(validating: body.prefix(4096), as: UTF8.self) != nil
            throw Failure(status: 415, message: looksLikeText
                ? "this is text, not an image or PDF: paste tokens and IRP JSON into /api/v1/verify"
                : "not a PDF, PNG, JPEG or TIFF file")
        }
        if let contentType, !Self.accepted(contentType, for: format) {
            throw Failure(status: 415, message: "Content-Type \(contentType) does not match the uploaded \(format.rawValue.uppercased())")
        }
        let report = check(cancellation: cancellation).check(body, name: name, thumbnailWidth: thumbnailWidth)
        if report.findings.count == 1, let only = report.findings.first, only.kind == .unreadable {
            throw Failure(status: 422, message: only.errors.first ?? "the file cannot be read")
        }
        return (report.findings.map(\.json), report.thumbnails.map { "data:image/png;base64," + $0.base64EncodedString() })
    }

    static func accepted(_ contentType: String, for format: ImageFormat) -> Bool {
        let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        if type.isEmpty || type == "application/octet-stream" { return true }
        switch format {
        case .pdf: return type == "application/pdf"
        case .png: return type == "image/png"
        case .jpeg: return type == "image/jpeg" || type == "image/jpg"
        case .tiff: return type == "image/tiff"
        }
    }

}
