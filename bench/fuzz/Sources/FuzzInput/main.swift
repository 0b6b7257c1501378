import EInvoiceKit
import EInvoiceVerification
import Foundation

let verifier = Verifier()

/// Input detection: any bytes become documents with ids and reasons, and each verifies to a verdict.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let documents = IRPDocumentReader.read(Data(bytes: start, count: count), source: "fuzz")
    precondition(!documents.isEmpty, "every input yields at least one document")
    for document in documents {
        precondition(document.id.hasPrefix("fuzz"), "ids start with the source")
        precondition(!verifier.verify(document).isEmpty, "every document gets a result")
    }
    return 0
}
