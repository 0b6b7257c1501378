public import EInvoiceModel
public import EInvoiceVerification
import Foundation

extension VerificationResult {
    /// The `--json` object: verdict, environment, key, the signed fields, each check, warnings and errors.
    ///
    /// Amounts are strings holding the exact decimal from the token; absent values are `null`.
    public struct JSON: Encodable, Sendable {
        public var input: String
        public var format: String?
        public var kind: String?
        public var verdict: String
        public var environment: String
        public var kid: String?
        public var issuer: String?
        public var algorithm: String?
        public var key: String?
        public var irn: String?
        public var irnMatches: Bool?
        public var irnMatchedAs: String?
        public var irnDate: String?
        public var docType: String?
        public var docNo: String?
        public var docDate: String?
        public var sellerGstin: String?
        public var buyerGstin: String?
        public var totalInvoiceValue: String?
        public var itemCount: Int?
        public var mainHsnCode: String?
        public var ackNo: String?
        public var ackDate: String?
        public var status: String?
        public var cancelled: Bool
        public var irpErrors: [[String: String]]?
        public var warnings: [String]
        public var errors: [String]
        /// The errors with their codes (``Failure/Code``): what programs and tests compare.
        public var failures: [Failure]
        public var notes: [String]
        // Set by `scan` only (absent from `verify`'s output).
        public var page: Int?
        public var qrKind: String?
        public var position: Position?
        public var printedMatches: [String]?
        public var printedMismatches: [String]?
        /// Each printed field compared with the signed one: matches, differs or not-found.
        public var printedChecks: [PrintedCheck]?
        /// The pages of the file that form this QR's document.
        public var documentPages: [Int]?
        /// How the printed values were read: `text-layer` or `ocr` (scan only; absent when none were compared).
        public var printedReadBy: String?
        public var upi: UPIPayment?

        public struct PrintedCheck: Encodable, Sendable {
            public var field: String
            public var outcome: String
            public var printed: String?
            public var signed: String
            public var page: Int?
        }

        public struct Position: Encodable, Sendable {
            public var x: Int
            public var y: Int
            public var width: Int
            public var height: Int
            /// Size of the page image the position is in (pixels at the scan's DPI).
            public var pageWidth: Int
            public var pageHeight: Int
        }

    }

    public var json: JSON {
        let fields = token?.fields ?? SignedFields()
        // `qr?.totalInvoiceValueText`, not `qr.map(\.totalInvoiceValueText)`: the map copied the whole
        // payload for one member. Its text is nil exactly when its value is, so the fallback agrees.
        return JSON(
            input: input, format: format?.rawValue, kind: token?.kind.rawValue, verdict: outcome.rawValue,
            environment: (token?.environment ?? .unknown).rawValue, kid: token?.kid, issuer: token?.issuer,
            algorithm: token?.algorithm, key: token?.keyLabel, irn: fields.irn ?? response?.irn,
            irnMatches: token?.irnCheck?.matches, irnMatchedAs: token?.irnCheck?.matchedAs?.rawValue,
            irnDate: fields.irnDate, docType: fields.docType, docNo: fields.docNo, docDate: fields.docDate,
            sellerGstin: fields.sellerGstin, buyerGstin: fields.buyerGstin,
            totalInvoiceValue: token?.qr?.totalInvoiceValueText ?? fields.totalInvoiceValue.map { "\($0)" },
            itemCount: fields.itemCount,
            mainHsnCode: fields.mainHsnCode, ackNo: fields.ackNo ?? response?.ackNo,
            ackDate: fields.ackDate ?? response?.ackDate, status: response?.status, cancelled: isCancelled,
            irpErrors: failure?.errors.map { ["code": $0.code, "message": $0.message] },
            warnings: token?.warnings ?? [], errors: errors, failures: failures,
            notes: token == nil ? [] : Self.tokenNotes,
            page: nil, qrKind: nil, position: nil, printedMatches: nil, printedMismatches: nil,
            printedChecks: nil, documentPages: nil, printedReadBy: nil, upi: nil)
    }

    /// The notes of every token's report: one array, not one made per token.
    private static let tokenNotes = [VerificationPolicy.cancellationNote]

    /// One line of JSON (sorted keys, so output is stable).
    public var jsonLine: String { json.line }

    /// The same line as UTF-8 bytes, for writers that do not need a `String` (one line per token).
    public var jsonLineBytes: [UInt8] { json.lineBytes }
}

extension VerificationResult.JSON {
    /// One line of JSON (sorted keys, so output is stable).
    public var line: String {
        // JSONLineEncoder writes JSONEncoder's bytes at a fraction of its cost (one line per token).
        // Strings, integers, booleans and Decimals (never NaN): the encoding cannot fail.
        if let bytes = verifyLineBytes { return String(decoding: bytes, as: UTF8.self) }
        guard let line = try? JSONLineEncoder.line(self) else { return "{}" }
        return line
    }

    /// ``line`` as UTF-8 bytes; `verify`'s lines are never made a `String`.
    public var lineBytes: [UInt8] {
        verifyLineBytes ?? Array(line.utf8)
    }
}
