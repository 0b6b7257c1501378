import CairoGraphics
import EInvoiceBasics
public import EInvoiceVerification
public import Foundation
public import InvoiceScanning
public import RasterIO

/// *Check a received file*: read it, render its pages once, read and verify every QR, compare
/// each signed QR with the printed text of its own document, and verify any tokens an archive
/// PDF carries. The one composition of this job: `scan`, `verify FILE.pdf` and the desk call it
/// unchanged.
public struct ReceivedFileCheck: Sendable {
    public var scanner: InvoiceScanner

    /// - Parameter ocr: when printed values are read by OCR (`auto`: pages without a text layer).
    public init(verifier: Verifier, dpi: Double = 300, limits: RasterLimits = RasterLimits(), ocr: OCRMode = .auto) {
        scanner = InvoiceScanner(verifier: verifier, dpi: dpi, limits: limits, ocr: ocr)
    }

    /// What the check found in one file.
    public struct Report: Sendable {
        public var input: String
        public var findings: [ScanFinding]
        /// PNG previews of the pages, when asked for.
        public var thumbnails: [Data] = []

        /// The shared exit status: the worst finding; a file without an e-invoice QR is malformed input.
        public var status: ExitStatus { ExitStatus.ofScan(findings, unreadableInput: false) }
        /// Whether any signed QR or token was found and verified (the cancellation note applies).
        public var hasVerifiedTokens: Bool { findings.contains { $0.result != nil } }
    }

    /// Checks one file (PDF, PNG, JPEG or TIFF). Never throws: an unreadable file is a finding.
    /// - Parameter thumbnailWidth: also return PNG previews of the pages at this width.
    public func check(_ data: Data, name: String, thumbnailWidth: Int? = nil) -> Report {
        let pages: [InvoiceScanner.PageResult]
        do {
            pages = try scanner.scan(data, thumbnailWidth: thumbnailWidth)
        } catch {
            return Report(input: name, findings: [ScanFinding.unreadable(input: name, reason: error.reason)])
        }
        let findings = ScanFinding.findings(input: name, pages: pages)
            + ScanFinding.embedded(input: name, data: data, pages: pages, verifier: scanner.verifier)
        let thumbnails = pages.compactMap(\.thumbnail).compactMap(Self.png)
        return Report(input: name, findings: findings, thumbnails: thumbnails)
    }

    /// A grey image as PNG, through Cairo; `nil` if Cairo cannot encode it (a preview only).
    static func png(_ image: GreyImage) -> Data? {
        do {
            return try Surface(grey: image).pngData()
        } catch {
            return nil
        }
    }
}
