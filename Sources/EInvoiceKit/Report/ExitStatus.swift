/// The exit codes every command shares (documented in the README and `einvoice --help`).
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything verified, signed by a production key.
    case success = 0
    /// Some token is invalid: bad signature, refused algorithm, signed values that disagree, or a
    /// printed value that differs from the signed one.
    case invalid = 1
    /// Some token is signed by a key not in the trust store, or refused by `--production-only` (and none is invalid).
    case untrusted = 2
    /// The input was an IRP/GSP error response: no token to verify.
    case irpError = 3
    /// The signatures are valid, but the response says the IRN is cancelled.
    case cancelled = 4
    /// A genuine sandbox signature: a test document, not a tax invoice.
    case sandbox = 5
    /// Command-line usage error.
    case usage = 64
    /// Malformed input: not a token or response we can read (scan: no e-invoice QR).
    case malformedInput = 65
    /// An input file cannot be opened.
    case noInput = 66
    /// Writing output failed (disk full, permissions, read-only), said in words.
    case cannotCreateOutput = 73
    /// In use: another `batch` run holds the output folder, or another server the port.
    case busy = 75

    /// The status of one outcome: the only place an ``VerificationResult/Outcome`` becomes a number.
    public init(_ outcome: VerificationResult.Outcome) {
        switch outcome {
        case .valid: self = .success
        case .invalid: self = .invalid
        case .untrusted: self = .untrusted
        case .malformed: self = .malformedInput
        case .sandbox: self = .sandbox
        case .irpError: self = .irpError
        }
    }

    /// The worse of two statuses: invalid, untrusted, malformed, no input, cannot write, sandbox,
    /// cancelled, IRP error, success.
    public static func worse(_ a: ExitStatus, _ b: ExitStatus) -> ExitStatus {
        let order: [ExitStatus] = [.invalid, .untrusted, .malformedInput, .noInput, .cannotCreateOutput, .busy, .sandbox, .cancelled,
                                   .irpError, .usage, .success]
        return (order.firstIndex(of: a) ?? 0) <= (order.firstIndex(of: b) ?? 0) ? a : b
    }

    /// The worst outcome of `results` wins; a cancelled IRN counts as ``cancelled``.
    public static func of(_ results: [VerificationResult]) -> ExitStatus {
        results.reduce(.success) { worse($0, of($1)) }
    }

    /// One result's own status: a valid token whose response says the IRN is cancelled is `cancelled`.
    public static func of(_ result: VerificationResult) -> ExitStatus {
        result.isCancelled && result.outcome == .valid ? .cancelled : ExitStatus(result.outcome)
    }

    /// `scan`: by the verified QRs; a file without any e-invoice QR, or with pages not read
    /// (limits, time budget), is malformed input: an incomplete check never passes clean.
    public static func ofScan(_ findings: [ScanFinding], unreadableInput: Bool) -> ExitStatus {
        var status = of(findings.compactMap(\.result))
        if findings.contains(where: { $0.kind == .pagesNotRead }) { status = worse(status, .malformedInput) }
        let inputs = Set(findings.map(\.input))
        let withQR = Set(findings.filter { $0.result != nil }.map(\.input))
        if inputs != withQR { status = worse(status, .malformedInput) }
        if unreadableInput { status = worse(status, .noInput) }
        return status
    }
}
