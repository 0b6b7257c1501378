import EInvoiceModel

enum IRNChecking {
    /// Recomputes the IRN of a token's signed fields and says how it compares.
    static func check(_ fields: SignedFields) -> IRNCheck? {
        guard let irn = fields.irn else { return nil }
        guard let seller = fields.sellerGstin, let docType = fields.docType, let docNo = fields.docNo,
              let docDate = fields.docDate
        else {
            return IRNCheck(matches: false, matchedAs: nil, expected: nil,
                            detail: "cannot recompute the IRN: seller GSTIN, document type, number or date missing")
        }
        guard let date = DocumentDate(docDate) else {
            return IRNCheck(matches: false, matchedAs: nil, expected: nil,
                            detail: "cannot recompute the IRN: document date \(docDate) is not dd/MM/yyyy")
        }
        if let match = IRN.match(irn, sellerGstin: seller, date: date, docType: docType, docNo: docNo) {
            return IRNCheck(matches: true, matchedAs: match, expected: irn.lowercased(),
                            detail: "IRN recomputed from seller GSTIN, FY \(date.financialYear), \(docType) and \(docNo) (\(match.rawValue)) matches")
        }
        let expected = IRN.compute(sellerGstin: seller, financialYear: date.financialYear, docType: docType, docNo: docNo)
        return IRNCheck(matches: false, matchedAs: nil, expected: expected,
                        detail: "IRN does not match SHA-256(\(seller) + \(date.financialYear) + \(docType) + \(docNo)) = \(expected), as submitted or upper-cased")
    }
}
