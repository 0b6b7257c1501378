/// The exit codes every command shares (documented in the README).
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Everything verified.
    case success = 0
    /// Some token is invalid: bad signature, refused algorithm, or signed values that disagree.
    case invalid = 1
    /// Some token is signed by a key not in the trust store (and none is invalid).
    case untrusted = 2
    /// The input was an IRP/GSP error response: no token to verify.
    case irpError = 3
    /// The signatures are valid, but the response says the IRN is cancelled.
    case cancelled = 4
    /// Command-line usage error.
    case usage = 64
    /// Malformed input: not a token or response we can read.
    case malformedInput = 65
    /// An input file cannot be opened.
    case noInput = 66
    /// Writing output failed (disk full, permissions, read-only), said in words.
    case cannotCreateOutput = 73
    /// In use: another `batch` run holds the output folder, or another server the port.
    case busy = 75

    /// `scan`: by the verified QRs; a file without any e-invoice QR is malformed input.
    public static func ofScan(_ findings: [ScanFinding], unreadableInput: Bool) -> ExitStatus {
        let results = findings.compactMap(\.result)
        var status = of(results)
        let inputs = Set(findings.map(\.input))
        let withQR = Set(findings.filter { $0.result != nil }.map(\.input))
        if inputs != withQR { status = worse(status, .malformedInput) }
        if unreadableInput { status = worse(status, .noInput) }
        return status
    }

    /// The worse of two statuses, by the order of ``of(_:)``.
    public static func worse(_ a: ExitStatus, _ b: ExitStatus) -> ExitStatus {
        let order: [ExitStatus] = [
            .invalid, .untrusted, .malformedInput, .noInput, .cannotCreateOutput, .busy, .cancelled, .irpError, .success,
        ]
        return (order.firstIndex(of: a) ?? 0) <= (order.firstIndex(of: b) ?? 0) ? a : b
    }

    /// The worst outcome wins: invalid, untrusted, malformed, cancelled, IRP error, success.
    public static func of(_ results: [VerificationResult]) -> ExitStatus {
        let outcomes = Set(results.map(\.outcome))
        if outcomes.contains(.invalid) { return .invalid }
        if outcomes.contains(.untrusted) { return .untrusted }
        if outcomes.contains(.malformed) { return .malformedInput }
        if results.contains(where: \.isCancelled) { return .cancelled }
        if outcomes.contains(.irpError) { return .irpError }
        return .success
    }
}
