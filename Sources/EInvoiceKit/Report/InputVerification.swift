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
        var results: [VerificationResult] = []
        if let report = verify(data, name: name, format: format, each: { results.append($0) }) { return .receivedFile(report) }
        return .tokens(results)
    }

    /// The same, but IRP data's results go to `each` one at a time as they are made (nothing is
    /// held); the return value is the report when the input was a received file, `nil` otherwise.
    public func verify(_ data: Data, name: String, format: ResponseFormat? = nil,
                       each: (VerificationResult) -> Void) -> ReceivedFileCheck.Report? {
        if Self.isReceivedFile(data, format: format) { return check(data, name: name) }
        scanner.verifier.verify(data, source: name, format: format, each: each)
        return nil
    }

    /// The same on `jobs` threads for IRP data (``Verifier/verify(_:source:format:jobs:line:each:)``):
    /// `line` makes a result's report line on the verifying thread, `each` gets the result and its
    /// line in input order on this one.
    public func verify(
        _ data: Data, name: String, format: ResponseFormat? = nil, jobs: Int,
        line: @Sendable (VerificationResult) -> [UInt8], each: (VerificationResult, [UInt8]) -> Void
    ) -> ReceivedFileCheck.Report? {
        if Self.isReceivedFile(data, format: format) { return check(data, name: name) }
        scanner.verifier.verify(data, source: name, format: format, jobs: jobs, line: line, each: each)
        return nil
    }

    /// The same for an opened input: a file of tokens or JSON Lines is verified line by line as it
    /// is read, whatever its size (``Verifier/verify(lines:shape:source:format:jobs:line:each:)``);
    /// anything else is read whole, within ``InputSource/maximumSize``.
    public func verify(
        _ input: OpenedInput, name: String, format: ResponseFormat? = nil, jobs: Int,
        line: @Sendable (VerificationResult) -> [UInt8], each: (VerificationResult, [UInt8]) -> Void
    ) throws(InputSource.ReadError) -> ReceivedFileCheck.Report? {
        if let shape = IRPDocumentReader.lineShape(of: input, format: format) {
            scanner.verifier.verify(lines: input.lines(), shape: shape, source: name, format: format, jobs: jobs, line: line, each: each)
            return nil
        }
        return verify(try input.readAll(), name: name, format: format, jobs: jobs, line: line, each: each)
    }

    /// A PDF or image, unless `format` names an IRP shape: the one place this is decided.
    private static func isReceivedFile(_ data: Data, format: ResponseFormat?) -> Bool {
        format == nil && ImageFormat.detect(data) != nil
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
        switch input {
        case .tokens(let results):
            for result in results { add(result) }
        case .receivedFile(let report):
            hasVerifiedTokens = hasVerifiedTokens || report.hasVerifiedTokens
            worst = ExitStatus.worse(worst, ExitStatus.ofScan(report.findings, unreadableInput: false))
            readSomething = true
        }
        endInput()
    }

    /// Counts one result of the input being read (``endInput()`` closes it).
    public mutating func add(_ result: VerificationResult) {
        summary.add(result)
        hasVerifiedTokens = hasVerifiedTokens || result.token != nil
        worst = ExitStatus.worse(worst, ExitStatus.of(result))
        readSomething = true
    }

    /// Counts an input whose results were added one by one.
    public mutating func endInput() {
        summary.inputs += 1
    }

    /// The worst input's status; inputs that could not be read make it `noInput` when nothing else
    /// went wrong or nothing was read at all.
    public func status(unreadableInput: Bool) -> ExitStatus {
        unreadableInput && (worst == .success || !readSomething) ? .noInput : worst
    }
}
