internal import CQREncode
public import EInvoiceBasics
import Foundation

/// Encodes text as a QR symbol with libqrencode, in byte mode (DOMAIN.md §0.2: the printed QR is
/// the `SignedQRCode` string, byte mode).
public enum QREncoder {
    /// QR error-correction levels.
    public enum ErrorCorrection: String, Sendable, CaseIterable {
        case low = "L", medium = "M", quartile = "Q", high = "H"

        fileprivate var level: QRecLevel {
            switch self {
            case .low: QR_ECLEVEL_L
            case .medium: QR_ECLEVEL_M
            case .quartile: QR_ECLEVEL_Q
            case .high: QR_ECLEVEL_H
            }
        }
    }

    /// Encodes `text` (UTF-8 bytes, 8-bit mode) at the smallest version that holds it.
    ///
    /// - Throws: ``QRCodecError`` when the data is too long for version 40 at this level, or
    ///   libqrencode fails otherwise (the `errno` it sets is translated in ``QRCodecError/fromErrno(_:)``).
    public static func encode(_ text: String, errorCorrection: ErrorCorrection = .medium) throws(QRCodecError) -> QRMatrix {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw QRCodecError(.encodingFailed, "nothing to encode") }
        CQREncode_clearErrno()
        let symbol = bytes.withUnsafeBufferPointer { buffer in
            QRcode_encodeData(Int32(buffer.count), buffer.baseAddress, 0, errorCorrection.level)
        }
        guard let symbol else { throw QRCodecError.fromErrno(CQREncode_errno(), length: bytes.count, level: errorCorrection) }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        // Bit 0 of each byte is the module colour (1 = dark); the other bits are libqrencode's bookkeeping.
        let data = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        let modules = data.map { $0 & 1 == 1 }
        return QRMatrix(size: width, modules: modules, version: Int(symbol.pointee.version),
                        errorCorrection: errorCorrection.rawValue)
    }
}
