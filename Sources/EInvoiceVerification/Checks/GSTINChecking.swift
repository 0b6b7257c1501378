import EInvoiceModel

enum GSTINChecking {
    /// Warnings for the seller and buyer GSTINs: a bad check digit is a warning, never a failure,
    /// because NIC sandbox test GSTINs fail it (DOMAIN.md §6).
    static func addWarnings(_ fields: SignedFields, to warnings: inout [String]) {
        if let seller = fields.sellerGstin, let problem = GSTIN(seller).problem(prefix: "seller ") { warnings.append(problem) }
        if let buyer = fields.buyerGstin, let problem = GSTIN(buyer).problem(prefix: "buyer ") { warnings.append(problem) }
    }
}
