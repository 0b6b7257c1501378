import Dispatch
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

    /// The same on `jobs` threads: documents are verified side by side, a block at a time, each
    /// result handed to `prepare` on the thread that verified it (for work such as its report line),
    /// and the result with what `prepare` made of it reaches `each` in input order on the calling
    /// thread, so the output is the same for any `jobs`. Memory stays bounded by one block of
    /// documents and results. With one job nothing is held or copied.
    public func verify<Prepared: Sendable>(
        _ data: Data, source: String, format: ResponseFormat? = nil, jobs: Int,
        prepare: @Sendable (VerificationResult) -> Prepared, each: (VerificationResult, Prepared) -> Void
    ) {
        guard jobs > 1 else {
            return verify(data, source: source, format: format) { each($0, prepare($0)) }
        }
        var block: [InputDocument] = []
        block.reserveCapacity(Self.documentsPerBlock)
        func verifyBlock() {
            for prepared in verifyConcurrently(block, jobs: jobs, prepare: prepare) {
                for item in prepared { each(item.result, item.prepared) }
            }
            block.removeAll(keepingCapacity: true)
        }
        IRPDocumentReader.read(data, source: source, format: format) { document in
            block.append(document)
            if block.count == Self.documentsPerBlock { verifyBlock() }
        }
        verifyBlock()
    }

    /// Enough documents per block that handing them out costs nothing beside their RSA checks
    /// (a token's is about 20 µs), few enough that a block's results stay a few MB.
    static let documentsPerBlock = 1024

    /// Below this many documents in a block, one thread: a thread start costs about as much as
    /// ten RSA checks on the machines measured.
    static let documentsForThreads = 32

    /// Each document's results with what `prepare` made of them, in the documents' order; worker `w` of `jobs` takes
    /// documents `w`, `w + jobs`, … so that the workers' shares of a block cost about the same.
    private func verifyConcurrently<Prepared: Sendable>(
        _ documents: [InputDocument], jobs: Int, prepare: @Sendable (VerificationResult) -> Prepared
    ) -> [[(result: VerificationResult, prepared: Prepared)]] {
        // A few documents are verified here: starting the threads would cost more than they save.
        guard documents.count >= Self.documentsForThreads else {
            return documents.map { document in
                var found: [(result: VerificationResult, prepared: Prepared)] = []
                verify(document) { found.append(($0, prepare($0))) }
                return found
            }
        }
        var results = [[(result: VerificationResult, prepared: Prepared)]](repeating: [], count: documents.count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes only its own slots, and all have finished when `concurrentPerform` returns.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: jobs) { worker in
                for index in stride(from: worker, to: documents.count, by: jobs) {
                    var found: [(result: VerificationResult, prepared: Prepared)] = []
                    verify(documents[index]) { found.append(($0, prepare($0))) }
                    slots[index] = found
                }
            }
        }
        return results
    }
}
