public import EInvoiceBasics
import Foundation

/// The error type of QR encoding and decoding. Equality is on ``code``.
public struct QRCodecError: CodedError {
    public struct Code: Hashable, Sendable {
        fileprivate enum Value { case encodingFailed, dataTooLong, decodingFailed }
        fileprivate let value: Value
        public static let encodingFailed = Code(value: .encodingFailed)
        public static let dataTooLong = Code(value: .dataTooLong)
        public static let decodingFailed = Code(value: .decodingFailed)
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }


    /// libqrencode's one error convention, NULL plus `errno`, translated here and only here.
    static func fromErrno(_ value: Int32, length: Int, level: QREncoder.ErrorCorrection) -> QRCodecError {
        switch value {
        case ERANGE:
            QRCodecError(.dataTooLong, "\(length) bytes do not fit in a QR code (version 40) at error correction \(level.rawValue)")
        case EINVAL:
            QRCodecError(.encodingFailed, "libqrencode refused the input as invalid")
        case ENOMEM:
            QRCodecError(.encodingFailed, "libqrencode ran out of memory")
        default:
            QRCodecError(.encodingFailed, "libqrencode failed (errno \(value))")
        }
    }
}
