public import EInvoiceKit
import EInvoiceVerification
public import Foundation
public import InvoiceLedger
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
            PrinterPool(templatesDirectory: $0.templatesDirectory, fontsDirectory: $0.fontsDirectory, colorProfile: $0.colorProfile,
                        verifier: configuration.verifier)
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

    /// A report as the desk answers it: the verification, with what the ledger knew about the invoice.
    public typealias Result = LedgerReport.Annotated<VerificationResult.JSON>

    /// `POST /api/v1/verify`: a pasted token, IRP JSON, or JSON Lines; recorded in the ledger.
    public func verify(_ body: Data, name: String = "pasted") -> [Result] {
        recorded(configuration.verifier.verify(body, source: name).map(\.json), name: name, body: body)
    }

    /// `POST /api/v1/scan`: one PDF, PNG, JPEG or TIFF; its QR codes verified, printed values compared,
    /// the check recorded in the ledger.
    ///
    /// The file is rendered once: thumbnails (when `thumbnailWidth` is given) are reduced from the
    /// same page images the QRs were read from.
    public func scan(_ body: Data, name: String, contentType: String?, thumbnailWidth: Int? = nil,
                     cancellation: DecodeCancellation? = nil) throws(Failure) -> (results: [Result], thumbnails: [String]) {
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
        let thumbnails = report.thumbnails.map { "data:image/png;base64," + $0.base64EncodedString() }
        return (recorded(report.findings.map(\.json), name: name, body: body), thumbnails)
    }

    /// Records one file's checks in the ledger, if the desk keeps one. A ledger that cannot be
    /// written does not cost the clerk the verdict: the report says the check was not recorded.
    func recorded(_ results: [VerificationResult.JSON], name: String, body: Data) -> [Result] {
        RecordedCheck(results, name: name, data: body, in: configuration.ledger).results
    }

    /// `GET /api/v1/ledger` and `/api/v1/ledger.csv`: recorded checks matching the query's filters
    /// (`from`, `to`, `supplier`, `verdict`, `limit`), newest first.
    public func history(_ query: [String: String]) throws(Failure) -> [LedgerRecord] {
        guard let ledger = configuration.ledger else {
            throw Failure(status: 404, message: "this desk keeps no ledger (started with --no-ledger)")
        }
        func value(_ name: String) -> String? { query[name].flatMap { $0.isEmpty ? nil : $0 } }
        var limit: Int?
        if let text = value("limit") {
            guard let number = Int(text), number >= 0 else { throw Failure(status: 400, message: "limit must be a whole number") }
            limit = number == 0 ? nil : number
        }
        do {
            let filter = try LedgerFilter(from: value("from"), to: value("to"), supplier: value("supplier"),
                                          verdict: value("verdict"), limit: limit).validated()
            return try ledger.checks(filter)
        } catch let error where error.code == .badFilter {
            throw Failure(status: 400, message: error.reason.replacingOccurrences(of: "--", with: ""))
        } catch {
            throw Failure(status: 500, message: error.reason)
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

}
