import EInvoiceModel

enum IRNChecking {
    /// Recomputes the IRN of a token's signed fields and says how it compares.
    static func check(_ fields: SignedFields) -> IRNCheck? {
        guard let irn = fields.irn else { return nil }
        guard let seller = fields.sellerGstin, let docType = fields.docType, let docNo = fields.docNo,
              let docDate = fields.docDate
        else {
            return IRNCheck(matches: false, matchedAs: nil, expected: nil, reason: .fieldsMissing)
        }
        guard let date = DocumentDate(docDate) else {
            return IRNCheck(matches: false, matchedAs: nil, expected: nil, reason: .unreadableDate(docDate))
        }
        let financialYear = date.financialYear
        let reason = IRNCheck.Reason.compared(seller: seller, financialYear: financialYear, docType: docType, docNo: docNo)
        if let match = IRN.match(irn, sellerGstin: seller, financialYear: financialYear, docType: docType, docNo: docNo) {
            return IRNCheck(matches: true, matchedAs: match, expected: IRN.lowercased(irn), reason: reason)
        }
        let expected = IRN.compute(sellerGstin: seller, financialYear: financialYear, docType: docType, docNo: docNo)
        return IRNCheck(matches: false, matchedAs: nil, expected: expected, reason: reason)
    }
}
