public import EInvoiceModel
public import EInvoiceVerification
import Foundation

/// The outcome for one item of input: a token's verification, or why there was none to verify.
public struct VerificationResult: Sendable {
    /// The overall answer, as `--json` prints it in `verdict`.
    public enum Outcome: String, Sendable, Codable {
        case valid, invalid, untrusted, malformed
        /// The input is an IRP/GSP error response: the IRP issued no token.
        case irpError = "irp-error"
    }

    public var input: String
    public var format: ResponseFormat?
    public var outcome: Outcome
    /// The token's verification; `nil` for IRP errors and unreadable input.
    public var token: TokenVerification?
    /// The response around the token, when the input was a response.
    public var response: IRPResponse?
    public var failure: IRPFailure?
    public var errors: [String]

    /// `Status CNL` in the response.
    public var isCancelled: Bool { response?.isCancelled ?? false }

    init(input: String, format: ResponseFormat?, token: TokenVerification, response: IRPResponse?) {
        self.input = input
        self.format = format
        self.token = token
        self.response = response
        self.errors = token.errors
        self.outcome = Outcome(rawValue: token.verdict.rawValue) ?? .malformed
    }

    init(input: String, format: ResponseFormat?, outcome: Outcome, errors: [String], failure: IRPFailure? = nil) {
        self.input = input
        self.format = format
        self.outcome = outcome
        self.errors = errors
        self.failure = failure
    }
}

extension Verifier {
    /// Verifies everything in one input document.
    public func verify(_ document: InputDocument) -> [VerificationResult] {
        switch document.content {
        case .token(let token):
            return [VerificationResult(input: document.id, format: document.format, token: verify(token: token), response: nil)]
        case .response(let response):
            return verify(response: response).map {
                var result = VerificationResult(input: document.id, format: document.format, token: $0, response: response)
                if !document.problems.isEmpty {
                    result.errors += document.problems
                    if result.outcome == .valid { result.outcome = .invalid }
                }
                return result
            }
        case .failure(let failure):
            var errors = failure.errors.map { "IRP error \($0.code): \($0.message)" }
            if let duplicate = failure.duplicate {
                errors.append("the IRN already exists: \(duplicate.irn ?? "?") (Ack No \(duplicate.ackNo ?? "?"), \(duplicate.ackDate ?? "?"))")
            }
            return [VerificationResult(input: document.id, format: document.format, outcome: .irpError, errors: errors, failure: failure)]
        case .unreadable(let reason):
            return [VerificationResult(input: document.id, format: document.format, outcome: .malformed, errors: [reason])]
        }
    }
}
