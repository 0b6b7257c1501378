public import EInvoiceBasics

/// Why an input image or PDF could not be read. Equality is on ``code``.
public struct RasterError: CodedError {
    public struct Code: Hashable, Sendable {
        fileprivate enum Value { case unsupported, corrupt, encrypted, tooLarge, empty, timeLimit, decoderFailed }
        fileprivate let value: Value
        public static let unsupported = Code(value: .unsupported)
        public static let corrupt = Code(value: .corrupt)
        public static let encrypted = Code(value: .encrypted)
        public static let tooLarge = Code(value: .tooLarge)
        public static let empty = Code(value: .empty)
        /// The file's wall-clock budget ran out before one page was read.
        public static let timeLimit = Code(value: .timeLimit)
        /// The decoder's child process crashed or ran out of its memory or CPU allowance.
        public static let decoderFailed = Code(value: .decoderFailed)
    }

    public let code: Code
    public let reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

}

/// Input formats, told from their first bytes (never from the file name).
public enum ImageFormat: String, Sendable {
    case png, jpeg, tiff, pdf

    public static func detect(_ bytes: some Collection<UInt8>) -> ImageFormat? {
        let head = Array(bytes.prefix(1024))
        if head.starts(with: [0x89, 0x50, 0x4e, 0x47]) { return .png }
        if head.starts(with: [0xff, 0xd8, 0xff]) { return .jpeg }
        if head.starts(with: [0x49, 0x49, 0x2a, 0x00]) || head.starts(with: [0x4d, 0x4d, 0x00, 0x2a]) { return .tiff }
        // PDF readers accept the header anywhere in the first kilobyte.
        let marker: [UInt8] = Array("%PDF-".utf8)
        if head.count >= marker.count, (0...(head.count - marker.count)).contains(where: { head[$0..<($0 + marker.count)].elementsEqual(marker) }) {
            return .pdf
        }
        return nil
    }
}
