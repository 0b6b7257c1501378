public import Foundation

/// A file carried inside the PDF as an associated file (PDF/A-3 `/AF`).
public struct ArchiveAttachment: Sendable {
    public var name: String
    public var mimeType: String
    public var description: String
    public var data: Data

    public init(name: String, mimeType: String, description: String, data: Data) {
        self.name = name
        self.mimeType = mimeType
        self.description = description
        self.data = data
    }
}
