import EInvoiceModel

enum GSTINChecking {
    /// Warnings for the seller and buyer GSTINs: a bad check digit is a warning, never a failure,
    /// because NIC sandbox test GSTINs fail it (DOMAIN.md §6).
    static func warnings(_ fields: SignedFields) -> [String] {
        var warnings: [String] = []
        if let seller = fields.sellerGstin, let problem = GSTIN(seller).problem { warnings.append("seller " + problem) }
        if let buyer = fields.buyerGstin, let problem = GSTIN(buyer).problem { warnings.append("buyer " + problem) }
        return warnings
    }
}
