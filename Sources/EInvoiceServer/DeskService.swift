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

    public struct Failure: Error, Sendable {
        public var status: Int
        public var message: String
    }

    /// `POST /api/v1/verify`: a pasted token, IRP JSON, or JSON Lines.
    public func verify(_ body: Data, name: String = "pasted") -> [VerificationResult.JSON] {
        IRPDocumentReader.read(body, source: name).flatMap { configuration.verifier.verify($0) }.map(\.json)
    }

    /// `POST /api/v1/scan`: one PDF, PNG, JPEG or TIFF; its QR codes verified, printed values compared.
    public func scan(_ body: Data, name: String, contentType: String?,
                     cancellation: DecodeCancellation? = nil) throws(Failure) -> [VerificationResult.JSON] {
        guard let format = ImageFormat.detect(body) else {
            let looksLikeText = String(validating: body.prefix(4096), as: UTF8.self) != nil
            throw Failure(status: 415, message: looksLikeText
                ? "this is text, not an image or PDF: paste tokens and IRP JSON into /api/v1/verify"
                : "not a PDF, PNG, JPEG or TIFF file")
        }
        if let contentType, !Self.accepted(contentType, for: format) {
            throw Failure(status: 415, message: "Content-Type \(contentType) does not match the uploaded \(format.rawValue.uppercased())")
        }
        let scanner = InvoiceScanner(verifier: configuration.verifier, limits: configuration.uploadLimits(cancellation: cancellation))
        do {
            let pages = try scanner.scan(body)
            let findings = ScanFinding.findings(input: name, pages: pages)
                + ScanFinding.embedded(input: name, data: body, pages: pages, verifier: configuration.verifier)
            return findings.map(\.json)
        } catch {
            throw Failure(status: 422, message: error.reason)
        }
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

    /// A small PNG of each page of an upload, for the page's thumbnail with the QR outlined.
    public func thumbnails(_ body: Data, width: Int = 420, cancellation: DecodeCancellation? = nil) -> [String] {
        let limits = configuration.uploadLimits(cancellation: cancellation, maxPages: 4)
        guard let pages = try? RasterLoader.load(body, dpi: 72, limits: limits) else { return [] }
        return pages.filter { if case .pdfImage = $0.origin { false } else { true } }.compactMap { page in
            Thumbnail.png(page.image, width: width).map { "data:image/png;base64," + $0.base64EncodedString() }
        }
    }
}
