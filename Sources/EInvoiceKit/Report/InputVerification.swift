import InvoiceScanning
public import Foundation
import RasterIO

/// What `verify` makes of one input: IRP data verified as it is, or a received file checked.
///
/// Deciding which is the library's job, so that the CLI only prints: IRP JSON, GSP wrappers and
/// bare tokens are verified by ``Verifier/verify(_:source:format:)``; a PDF or image is a received
/// file and gets exactly the check `scan` gives it (``ReceivedFileCheck/check(_:name:thumbnailWidth:)``).
public enum InputVerification: Sendable {
    case tokens([VerificationResult])
    case receivedFile(ReceivedFileCheck.Report)

    /// The verification results of IRP data (a received file reports findings instead).
    public var tokenResults: [VerificationResult] {
        if case .tokens(let results) = self { results } else { [] }
    }

    /// Whether any token or signed QR was verified (the cancellation note applies).
    public var hasVerifiedTokens: Bool {
        switch self {
        case .tokens(let results): results.contains { $0.token != nil }
        case .receivedFile(let report): report.hasVerifiedTokens
        }
    }
}

extension ReceivedFileCheck {
    /// *Verify a document* of any kind: a PDF or image (unless `format` names an IRP shape) is
    /// checked as a received file, anything else is verified as IRP data. Never throws.
    public func verify(_ data: Data, name: String, format: ResponseFormat? = nil) -> InputVerification {
        if format == nil, ImageFormat.detect(data) != nil { return .receivedFile(check(data, name: name)) }
        return .tokens(scanner.verifier.verify(data, source: name, format: format))
    }
}

extension ExitStatus {
    /// The status of a `verify` run: the worst of its inputs; inputs that could not be read make it
    /// `noInput` when nothing else went wrong or nothing was read at all.
    public static func of(_ inputs: [InputVerification], unreadableInput: Bool) -> ExitStatus {
        var tally = VerificationTally()
        for input in inputs { tally.add(input) }
        return tally.status(unreadableInput: unreadableInput)
    }
}

/// A `verify` run's running totals — the summary line, the exit status, whether the cancellation
/// note applies — kept as each input is verified, so that no input's results are held after they
/// are written (a file of tokens can hold tens of thousands).
public struct VerificationTally: Sendable {
    public private(set) var summary = VerificationSummary([], inputs: 0)
    /// Whether any token or signed QR was verified (the cancellation note applies).
    public private(set) var hasVerifiedTokens = false
    private var worst = ExitStatus.success
    private var readSomething = false

    public init() {}

    public mutating func add(_ input: InputVerification) {
        summary.add(input.tokenResults)
        summary.inputs += 1
        hasVerifiedTokens = hasVerifiedTokens || input.hasVerifiedTokens
        switch input {
        case .tokens(let results):
            worst = ExitStatus.worse(worst, ExitStatus.of(results))
            readSomething = readSomething || !results.isEmpty
        case .receivedFile(let report):
            worst = ExitStatus.worse(worst, ExitStatus.ofScan(report.findings, unreadableInput: false))
            readSomething = true
        }
    }

    /// The worst input's status; inputs that could not be read make it `noInput` when nothing else
    /// went wrong or nothing was read at all.
    public func status(unreadableInput: Bool) -> ExitStatus {
        unreadableInput && (worst == .success || !readSomething) ? .noInput : worst
    }
}
