import EInvoiceModel

/// Model helpers the signer needs, kept apart so `TestSigner` reads as token plumbing only.
enum EInvoiceModelBridge {
    static func financialYear(_ docDate: String) -> String { DocumentDate(docDate)?.financialYear ?? "2019-20" }

    static func irn(seller: String, fy: String, docType: String, docNo: String) -> String {
        IRN.compute(sellerGstin: seller, financialYear: fy, docType: docType, docNo: docNo)
    }
}
