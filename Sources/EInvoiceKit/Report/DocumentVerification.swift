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
    /// result's report line made by `line` on the thread that verified it, and the result with its
    /// line handed to `each` in input order on the calling thread, so the output is the same for
    /// any `jobs`. Memory stays bounded by one block of documents and results. With one job nothing
    /// is held or copied.
    public func verify(
        _ data: Data, source: String, format: ResponseFormat? = nil, jobs: Int,
        line: @Sendable (VerificationResult) -> [UInt8], each: (VerificationResult, [UInt8]) -> Void
    ) {
        verifyInBlocks(jobs: jobs, line: line, each: each, continueAfterBlock: { true }) { handOn in
            IRPDocumentReader.read(data, source: source, format: format) { _ = handOn($0) }
        }
    }

    /// The same for an input read line by line (``IRPDocumentReader/lineShape(of:format:)``), of
    /// any length: nothing is capped but what cannot be tokens or responses. Once
    /// ``maximumUnreadableDocuments`` documents are malformed or unreadable, reading stops at the
    /// next block's end, and a last result says where: a large file of garbage lines (or an endless
    /// pipe of them) ends in a second, not in an hour of malformed verdicts. Stopping is decided at
    /// block ends for any `jobs`, so the output stays the same for any number.
    public func verify(
        lines: LineReader, shape: IRPDocumentReader.LineShape, source: String, format: ResponseFormat? = nil, jobs: Int,
        line: @Sendable (VerificationResult) -> [UInt8], each: (VerificationResult, [UInt8]) -> Void
    ) {
        var unreadable = 0
        var documents = 0
        var stopped = false
        var lastLine = 0
        verifyInBlocks(jobs: jobs, line: line, each: { result, text in
            if result.outcome == .malformed { unreadable += 1 }
            each(result, text)
        }, continueAfterBlock: {
            stopped = unreadable >= Self.maximumUnreadableDocuments
            return !stopped
        }) { handOn in
            lastLine = IRPDocumentReader.read(lines: lines, shape: shape, source: source, format: format) { document in
                documents += 1
                return handOn(document)
            }
        }
        // Stopped at the very end is not stopped.
        guard stopped, lines.next() != nil else { return }
        let note = InputDocument(id: source, format: format, content: .unreadable(
            "reading stopped after line \(lastLine): \(unreadable) of its first \(documents) documents are malformed "
                + "or unreadable, and the rest of the input was not read (is it a file of tokens or IRP responses?)"))
        verify(note) { each($0, line($0)) }
    }

    /// Malformed or unreadable documents after which an input read line by line is read no further.
    public static let maximumUnreadableDocuments = 100_000

    /// Verifies the documents `read` hands on, `jobs` at a time in blocks of ``documentsPerBlock``.
    /// After each full block (counted the same way with one job, which holds nothing), reading goes
    /// on only while `continueAfterBlock` says so: `read`'s hand-on then returns `false`.
    private func verifyInBlocks(
        jobs: Int, line: @Sendable (VerificationResult) -> [UInt8], each: (VerificationResult, [UInt8]) -> Void,
        continueAfterBlock: @escaping () -> Bool, read: @escaping ((InputDocument) -> Bool) -> Void
    ) {
        guard jobs > 1 else {
            var count = 0
            return read { document in
                verify(document) { each($0, line($0)) }
                count += 1
                return count % Self.documentsPerBlock != 0 || continueAfterBlock()
            }
        }
        var block: [InputDocument] = []
        block.reserveCapacity(Self.documentsPerBlock)
        func verifyBlock() {
            VerifiedBlock(block, jobs: jobs) { document, found in
                verify(document) { found($0, line($0)) }
            }.forEach(each)
            block.removeAll(keepingCapacity: true)
        }
        read { document in
            block.append(document)
            guard block.count == Self.documentsPerBlock else { return true }
            verifyBlock()
            return continueAfterBlock()
        }
        verifyBlock()
    }

    /// Enough documents per block that handing them out costs nothing beside their RSA checks
    /// (a token's is about 20 µs), few enough that a block's results stay a few MB.
    static let documentsPerBlock = 1024
}

/// One block of documents verified on `jobs` threads: worker `w` takes documents `w`, `w + jobs`,
/// … (so the workers' shares cost about the same) and lists what it found in its own array, in
/// its documents' order; reading the documents in order then takes from the workers in turn.
/// No array per document, and the lists are only read once every worker has finished.
private struct VerifiedBlock {
    /// A struct, not a tuple: arrays of a tuple holding a report went through the runtime's generic
    /// tuple copies, whole-report copies the struct's specialised code does not make.
    struct Found {
        let document: Int
        let result: VerificationResult
        let line: [UInt8]
    }

    private let count: Int
    private let jobs: Int
    private var found: [[Found]]

    /// Below this many documents, one thread: a thread start costs about as much as ten RSA checks
    /// on the machines measured.
    static let documentsForThreads = 32

    init(_ documents: [InputDocument], jobs: Int,
         verify: @Sendable (InputDocument, (VerificationResult, [UInt8]) -> Void) -> Void) {
        count = documents.count
        self.jobs = documents.count >= Self.documentsForThreads ? jobs : 1
        found = Array(repeating: [], count: self.jobs)
        let jobs = self.jobs
        found.withUnsafeMutableBufferPointer { lists in
            // Each worker writes only its own list, and all have finished when `concurrentPerform` returns.
            nonisolated(unsafe) let lists = lists
            // Documents are lent to the workers from the array's buffer, not copied out of it: a copy
            // retains a document's strings from the worker's core, where they were made on this one.
            documents.withUnsafeBufferPointer { documents in
                nonisolated(unsafe) let documents = documents
                withoutActuallyEscaping(verify) { verify in
                    let work: @Sendable (Int) -> Void = { worker in
                        var list: [Found] = []
                        list.reserveCapacity(documents.count / jobs + 1)
                        for index in stride(from: worker, to: documents.count, by: jobs) {
                            verify(documents[index]) { list.append(Found(document: index, result: $0, line: $1)) }
                        }
                        lists[worker] = list
                    }
                    if jobs == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: jobs, execute: work) }
                }
            }
        }
    }

    /// Every result with its line, in the documents' order, lent from the workers' lists: copying a
    /// result out retained each of its strings on this thread, made on another core (the copies were
    /// a sixth of `--jobs 2`'s retains).
    func forEach(_ body: (VerificationResult, [UInt8]) -> Void) {
        var next = [Int](repeating: 0, count: jobs)
        for document in 0..<count {
            let worker = document % jobs
            found[worker].withUnsafeBufferPointer { list in
                while next[worker] < list.count, list[next[worker]].document == document {
                    body(list[next[worker]].result, list[next[worker]].line)
                    next[worker] += 1
                }
            }
        }
    }
}
