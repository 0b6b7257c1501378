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
        let files = inputs.compactMap { if case .receivedFile(let report) = $0 { report } else { nil } }
        let results = inputs.flatMap(\.tokenResults)
        var status = worse(of(results), files.isEmpty ? .success : ofScan(files.flatMap(\.findings), unreadableInput: false))
        if unreadableInput, status == .success || (results.isEmpty && files.isEmpty) { status = .noInput }
        return status
    }
}
