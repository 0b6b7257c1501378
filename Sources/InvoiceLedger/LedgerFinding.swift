import Foundation

/// What the ledger knew about an invoice before this check recorded it.
public struct LedgerFinding: Sendable, Hashable {
    public enum Kind: String, Sendable, Codable {
        /// The same IRN was checked before: the same invoice submitted again.
        case alreadyReceived = "already-received"
        /// The supplier's document number was checked before with another IRN.
        case sameDocumentOtherIRN = "same-document-other-irn"
        /// The supplier's document number and IRN were checked before with another total.
        case sameDocumentOtherTotal = "same-document-other-total"
    }

    public var kind: Kind
    /// The earliest earlier check this finding is about.
    public var earlier: LedgerRecord
    /// How many earlier checks match (the first is ``earlier``).
    public var count: Int

    /// One sentence for a clerk, naming the earlier check by date and file.
    public var message: String {
        let when = earlier.checkedAtForDisplay
        let file = earlier.entry.fileName ?? "no file name"
        let verdict = earlier.entry.verdict == "valid" ? "" : ", verdict \(earlier.entry.verdict)"
        let more = count > 1 ? "; \(count - 1) more time\(count == 2 ? "" : "s") since" : ""
        let document = [earlier.entry.documentType, earlier.entry.documentNumber].compactMap { $0 }.joined(separator: " ")
        switch kind {
        case .alreadyReceived:
            return "already received on \(when) (\(file)\(verdict))\(more)"
        case .sameDocumentOtherIRN:
            return "document \(document) of \(earlier.entry.supplierGstin ?? "?") was received on \(when) (\(file)) "
                + "with another IRN \(earlier.entry.irn)\(more)"
        case .sameDocumentOtherTotal:
            return "document \(document) of \(earlier.entry.supplierGstin ?? "?") was received on \(when) (\(file)) "
                + "with another total \(earlier.entry.total ?? "?")\(more)"
        }
    }
}
