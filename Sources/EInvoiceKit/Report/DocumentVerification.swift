public import EInvoiceVerification
public import Foundation

extension Verifier {
    /// *Verify a document*: read IRP data in any supported shape (NIC envelope or Data, GSP
    /// wrappers, JSON Lines, bare tokens, an archive PDF's embedded tokens) and verify every token
    /// in it. The one composition of this job: `verify`, the desk's `/api/v1/verify` and batch call it.
    public func verify(_ data: Data, source: String, format: ResponseFormat? = nil) -> [VerificationResult] {
        var results: [VerificationResult] = []
        verify(data, source: source, format: format) { results.append($0) }
        return results
    }

    /// The same, handing each result to `each` as soon as it is made, so that a file of tens of
    /// thousands of tokens is never held as results (each holds its token and what it decoded).
    public func verify(_ data: Data, source: String, format: ResponseFormat? = nil, each: (VerificationResult) -> Void) {
        IRPDocumentReader.read(data, source: source, format: format) { document in
            verify(document, each: each)
        }
    }
}
