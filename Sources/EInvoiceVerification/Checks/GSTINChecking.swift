import EInvoiceModel

enum GSTINChecking {
    /// Warnings for the seller and buyer GSTINs: a bad check digit is a warning, never a failure,
    /// because NIC sandbox test GSTINs fail it (DOMAIN.md §6).
    static func warnings(_ fields: SignedFields) -> [String] {
        [("seller", fields.sellerGstin), ("buyer", fields.buyerGstin)].compactMap { role, value in
            guard let value else { return nil }
            return GSTIN(value).problem.map { "\(role) \($0)" }
        }
    }
}
