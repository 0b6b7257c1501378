public import EInvoiceVerification
public import Foundation

extension Verifier {
    /// *Verify a document*: read IRP data in any supported shape (NIC envelope or Data, GSP
    /// wrappers, JSON Lines, bare tokens, an archive PDF's embedded tokens) and verify every token
    /// in it. The one composition of this job: `verify`, the desk's `/api/v1/verify` and batch call it.
    public func verify(_ data: Data, source: String, format: ResponseFormat? = nil) -> [VerificationResult] {
        IRPDocumentReader.read(data, source: source, format: format).flatMap { verify($0) }
    }
}
