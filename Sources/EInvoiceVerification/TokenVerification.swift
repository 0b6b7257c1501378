public import EInvoiceModel
public import Foundation

/// Everything verification found out about one token: the verdict, and each check beside it.
///
/// The signed values are kept as decoded so callers can show or compare them; nothing in here
/// is trusted unless ``verdict`` is ``Verdict/valid``.
public struct TokenVerification: Sendable {
    public var verdict: Verdict
    public var kind: TokenKind = .unknown
    public var environment: Environment = .unknown
    public var kid: String?
    public var issuer: String?
    public var algorithm: String?
    /// The trusted key that verified the token, when one did.
    public var keyLabel: String?
    public var keySource: String?
    /// The QR fields, for a `SignedQRCode`.
    public var qr: QRPayload?
    /// The signed invoice, for a `SignedInvoice`.
    public var invoice: Invoice? {
        get { signedInvoice?.invoice }
        set { signedInvoice = newValue.map(SignedInvoiceBox.init) }
    }
    /// Held by reference: an `Invoice` is 1.6 KB inline, and a report is copied on its way to the
    /// output several times per token (a 2 KB copy each time showed in `verify`'s profile).
    private var signedInvoice: SignedInvoiceBox?
    public var irnCheck: IRNCheck?
    public var warnings: [String] = []
    /// Why the token does not hold (empty for a valid one, except a sandbox refusal).
    public var failures: [Failure] = []
    /// The failures in words.
    public var errors: [String] { failures.map(\.message) }
    /// The token exactly as received (empty when the input held none).
    public let token: String

    public init(verdict: Verdict, token: String) {
        self.verdict = verdict
        self.token = token
    }

    /// Records a failure.
    public mutating func fail(_ code: Failure.Code, _ message: String) {
        failures.append(Failure(code, message))
    }

    /// Whether a sandbox key signed it: a test document, never a tax invoice.
    public var isSandbox: Bool { environment == .sandbox }

    /// Signed fields common to both kinds, for summaries and cross-checks.
    public var fields: SignedFields {
        if let qr { return SignedFields(qr) }
        if let invoice = signedInvoice?.invoice { return SignedFields(invoice) }
        return SignedFields()
    }
}

/// An immutable box around a decoded invoice, so that a report stays small to copy.
private final class SignedInvoiceBox: Sendable {
    let invoice: Invoice
    init(_ invoice: Invoice) { self.invoice = invoice }
}

/// The fields a `SignedQRCode` carries, read from either token kind so the two can be compared.
public struct SignedFields: Sendable, Hashable {
    public var irn: String?
    public var irnDate: String?
    public var sellerGstin: String?
    public var buyerGstin: String?
    public var docType: String?
    public var docNo: String?
    public var docDate: String?
    public var totalInvoiceValue: Decimal?
    public var itemCount: Int?
    public var mainHsnCode: String?
    public var ackNo: String?
    public var ackDate: String?

    public init() {}

    public init(_ qr: QRPayload) {
        irn = qr.irn
        irnDate = qr.irnDate
        sellerGstin = qr.sellerGstin
        buyerGstin = qr.buyerGstin
        docType = qr.docType
        docNo = qr.docNo
        docDate = qr.docDate
        totalInvoiceValue = qr.totalInvoiceValue
        itemCount = qr.itemCount
        mainHsnCode = qr.mainHsnCode
    }

    public init(_ invoice: Invoice) {
        irn = invoice.irn
        sellerGstin = invoice.seller.gstin
        buyerGstin = invoice.buyer.gstin
        docType = invoice.document.type
        docNo = invoice.document.number
        docDate = invoice.document.date
        totalInvoiceValue = invoice.totals.totalInvoiceValue
        itemCount = invoice.items.count
        mainHsnCode = invoice.mainHsnCode
        ackNo = invoice.ackNo
        ackDate = invoice.ackDate
    }
}

/// The IRN recomputed from the signed fields (DOMAIN.md §4).
public struct IRNCheck: Sendable, Hashable {
    public var matches: Bool
    /// How it matched: as submitted, or with the document number upper-cased.
    public var matchedAs: IRN.Match?
    public var expected: String?
    /// What was compared, in words; worded when asked for (a match's words are shown to no one
    /// by `verify --json`, and wording them for every token of an archive showed in its profile).
    public var detail: String { reason.words(expected: expected, matchedAs: matchedAs) }
    let reason: Reason

    /// What the check had to work with: the words of ``detail`` are made from it.
    enum Reason: Sendable, Hashable {
        case fieldsMissing
        case unreadableDate(String)
        case compared(seller: String, financialYear: String, docType: String, docNo: String)

        func words(expected: String?, matchedAs: IRN.Match?) -> String {
            switch self {
            case .fieldsMissing:
                "cannot recompute the IRN: seller GSTIN, document type, number or date missing"
            case .unreadableDate(let date):
                "cannot recompute the IRN: document date \(date) is not dd/MM/yyyy"
            case .compared(let seller, let year, let docType, let docNo):
                if let matchedAs {
                    "IRN recomputed from seller GSTIN, FY \(year), \(docType) and \(docNo) (\(matchedAs.rawValue)) matches"
                } else {
                    "IRN does not match SHA-256(\(seller) + \(year) + \(docType) + \(docNo)) = \(expected ?? ""), as submitted or upper-cased"
                }
            }
        }
    }
}
