import EInvoiceVerification
import Foundation

let verifier = Verifier()

/// Compact JWS parsing and RS256 verification: any text gives a verdict, never a crash, never `valid`
/// unless the signature is a real IRP one (the seeds are real tokens; mutations must not stay valid).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJWS(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = verifier.verify(token: text)
    return 0
}
