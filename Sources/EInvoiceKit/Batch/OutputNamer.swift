import Crypto
public import EInvoiceModel
import Foundation

/// Turns `--name` patterns into safe, unique relative paths.
///
/// Placeholders: `{SellerGstin}`, `{BuyerGstin}`, `{FY}`, `{DocType}`, `{DocNo}`, `{DocDate}`
/// (yyyy-MM-dd), `{IRN}`, `{AckNo}`. Each path component is made safe for every file system. When
/// two items want one path, the later claimant gets `~` and 8 hex digits of its id's hash: stable
/// whatever the order the workers finish in.
public final class OutputNamer: @unchecked Sendable {
    public static let defaultPattern = "{SellerGstin}/{FY}/{DocType}-{DocNo}.pdf"
    public let pattern: String
    /// Hash of a lower-cased path → hash of the id holding it (small per item, see ``ManifestIndex``).
    private var claimed: [Int: Int]
    private let lock = NSLock()

    public init(pattern: String, existing: ManifestIndex = ManifestIndex()) {
        self.pattern = pattern
        self.claimed = existing.claims()
    }

    /// Checks a pattern before a run: known placeholders only, ending in `.pdf`.
    public static func validate(_ pattern: String) -> String? {
        let known = ["SellerGstin", "BuyerGstin", "FY", "DocType", "DocNo", "DocDate", "IRN", "AckNo"]
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { return "unclosed { in --name" }
            let name = String(rest[rest.index(after: open)..<close])
            if !known.contains(name) { return "unknown placeholder {\(name)} in --name (known: \(known.joined(separator: ", ")))" }
            rest = rest[rest.index(after: close)...]
        }
        return pattern.lowercased().hasSuffix(".pdf") ? nil : "--name must end in .pdf"
    }

    /// The path for `invoice` (claimed for `id`; the same id always gets the same path back).
    public func path(for invoice: Invoice, irn: String, id: String) -> String {
        let date = invoice.document.date.flatMap(DocumentDate.init)
        let values: [String: String] = [
            "SellerGstin": invoice.seller.gstin ?? "unknown-seller", "BuyerGstin": invoice.buyer.gstin ?? "unknown-buyer",
            "FY": date?.financialYear ?? "unknown-FY", "DocType": invoice.document.type ?? "DOC",
            "DocNo": invoice.document.number ?? "unnumbered", "DocDate": date?.iso8601 ?? "undated", "IRN": irn,
            "AckNo": invoice.ackNo ?? "",
        ]
        var filled = pattern
        for (key, value) in values {
            // `/` inside a value must not make folders: replace before splitting the pattern.
            filled = filled.replacingOccurrences(of: "{\(key)}", with: value.replacingOccurrences(of: "/", with: "_"))
        }
        let path = SafeFileName.path(filled)
        lock.lock()
        defer { lock.unlock() }
        let key = ManifestIndex.key(path.lowercased()), owner = ManifestIndex.key(id)
        if claimed[key] == nil || claimed[key] == owner {
            claimed[key] = owner
            return path
        }
        let suffix = SHA256.hash(data: Data(id.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
        let unique = (path as NSString).deletingPathExtension + "~\(suffix)." + (path as NSString).pathExtension
        claimed[ManifestIndex.key(unique.lowercased())] = owner
        return unique
    }
}
