public import EInvoiceModel
public import EInvoiceVerification
import Foundation

/// The outcome for one item of input: a token's verification, or why there was none to verify.
public struct VerificationResult: Sendable {
    /// The overall answer, as `--json` prints it in `verdict`: the one value that exit status,
    /// text headline and desk banner are all derived from (``ExitStatus/init(_:)``).
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case valid, invalid, untrusted, malformed
        /// A genuine signature by a NIC sandbox key: a test document, not a tax invoice.
        case sandbox
        /// The input is an IRP/GSP error response: the IRP issued no token.
        case irpError = "irp-error"

        /// The clerk's answer for a token's verification: a valid sandbox signature is never a pass.
        public init(_ token: TokenVerification) {
            switch token.verdict {
            case .valid: self = token.isSandbox ? .sandbox : .valid
            case .invalid: self = .invalid
            case .untrusted: self = .untrusted
            case .malformed: self = .malformed
            }
        }

        /// Whether the signature holds (genuine production or sandbox signature).
        public var isGenuine: Bool { self == .valid || self == .sandbox }
    }

    public var input: String
    public var format: ResponseFormat?
    public var outcome: Outcome
    /// The token's verification; `nil` for IRP errors and unreadable input.
    public var token: TokenVerification?
    /// The response around the token, when the input was a response.
    public var response: IRPResponse?
    public var failure: IRPFailure?
    /// Why it does not hold, each with a code.
    public var failures: [Failure]
    /// The failures in words.
    public var errors: [String] { failures.map(\.message) }

    /// `Status CNL` in the response.
    public var isCancelled: Bool { response?.isCancelled ?? false }

    init(input: String, format: ResponseFormat?, token: TokenVerification, response: IRPResponse?) {
        self.input = input
        self.format = format
        self.token = token
        self.response = response
        self.failures = token.failures
        self.outcome = Outcome(token)
    }

    init(input: String, format: ResponseFormat?, outcome: Outcome, failures: [Failure], failure: IRPFailure? = nil) {
        self.input = input
        self.format = format
        self.outcome = outcome
        self.failures = failures
        self.failure = failure
    }
}

extension Verifier {
    /// Verifies everything in one input document.
    public func verify(_ document: InputDocument) -> [VerificationResult] {
        var results: [VerificationResult] = []
        verify(document) { results.append($0) }
        return results
    }

    /// The same, each result handed to `each` as it is made: a file of bare tokens is one document
    /// per token, and an array per token (made, copied into, freed) showed in `verify`'s profile.
    public func verify(_ document: InputDocument, each: (VerificationResult) -> Void) {
        switch document.content {
        case .token(let token):
            each(VerificationResult(input: document.id, format: document.format, token: verify(token: token), response: nil))
        case .response(let response):
            for token in verify(response: response) {
                var result = VerificationResult(input: document.id, format: document.format, token: token, response: response)
                if !document.problems.isEmpty {
                    result.failures += document.problems.map { Failure(.printedDiffers, $0) }
                    if result.outcome.isGenuine { result.outcome = .invalid }
                }
                each(result)
            }
        case .failure(let failure):
            var errors = failure.errors.map { "IRP error \($0.code): \($0.message)" }
            if let duplicate = failure.duplicate {
                errors.append("the IRN already exists: \(duplicate.irn ?? "?") (Ack No \(duplicate.ackNo ?? "?"), \(duplicate.ackDate ?? "?"))")
            }
            each(VerificationResult(input: document.id, format: document.format, outcome: .irpError,
                                    failures: errors.map { Failure(.irpError, $0) }, failure: failure))
        case .unreadable(let reason):
            each(VerificationResult(input: document.id, format: document.format, outcome: .malformed,
                                    failures: [Failure(.unreadableInput, reason)]))
        }
    }
}
