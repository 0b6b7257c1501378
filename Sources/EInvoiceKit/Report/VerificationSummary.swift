import Foundation

/// The counts printed after a `verify` run, so that nothing found is hidden: how many tokens in how
/// many responses, how each ended, and how many other things the inputs held (refusals, unreadable parts).
public struct VerificationSummary: Sendable, Encodable, Equatable {
    /// Inputs read (files, or standard input).
    public var inputs: Int
    /// Responses or bare tokens that carried a token (distinct ids).
    public var responses = 0
    public var tokens = 0
    public var valid = 0
    public var invalid = 0
    public var untrusted = 0
    /// Genuine sandbox signatures: test documents, not tax invoices.
    public var sandbox = 0
    /// Of the tokens, those whose response says the IRN is cancelled.
    public var cancelled = 0
    /// IRP/GSP error responses (no token issued).
    public var irpErrors = 0
    /// Parts that could not be read as a token or response, each with its reason above.
    public var unreadable = 0

    /// The last document counted in ``responses``: a document's results come one after another,
    /// so counting changes of id counts documents without remembering them all.
    private var lastWithToken: String?

    public init(_ results: [VerificationResult], inputs: Int) {
        self.inputs = inputs
        for result in results { add(result) }
    }

    /// Counts one more result (of an input counted by the caller).
    public mutating func add(_ result: VerificationResult) {
        if result.token != nil {
            tokens += 1
            if result.input != lastWithToken {
                responses += 1
                lastWithToken = result.input
            }
            if result.isCancelled { cancelled += 1 }
        }
        switch result.outcome {
        case .valid: valid += 1
        case .invalid: invalid += 1
        case .untrusted: untrusted += 1
        case .sandbox: sandbox += 1
        case .irpError: irpErrors += 1
        case .malformed: if result.token == nil { unreadable += 1 }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case inputs, responses, tokens, valid, invalid, untrusted, sandbox, cancelled, irpErrors, unreadable
    }

    /// `Found 12 tokens in 6 responses (1 input): 10 valid, 2 invalid; also 1 IRP error, 2 unreadable.`
    public var text: String {
        let malformedTokens = tokens - valid - invalid - untrusted - sandbox
        let verdicts = [(valid, "valid"), (sandbox, "sandbox"), (invalid, "invalid"), (untrusted, "untrusted"), (malformedTokens, "malformed"),
                        (cancelled, "cancelled")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        let others = [(irpErrors, irpErrors == 1 ? "IRP error" : "IRP errors"), (unreadable, "unreadable")]
            .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return "Found \(tokens) token\(tokens == 1 ? "" : "s") in \(responses) response\(responses == 1 ? "" : "s") "
            + "(\(inputs) input\(inputs == 1 ? "" : "s"))"
            + (verdicts.isEmpty ? "" : ": " + verdicts.joined(separator: ", "))
            + (others.isEmpty ? "." : "; also " + others.joined(separator: ", ") + ".")
    }

    /// `{"summary":{…}}`: the last line of `--json` output, told apart from results by its one key.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(["summary": self])) ?? Data()  // plain integers: encoding cannot fail
        return String(decoding: data, as: UTF8.self)
    }
}
