/// What a PDF says about itself: the Info dictionary Cairo writes, and the same values in the
/// archive's XMP packet (PDF/A requires the two to agree), so one value feeds both.
///
/// Made once per document by the caller (the creation date is passed in, never read from a clock).
public struct DocumentMetadata: Sendable, Hashable {
    public var title: String
    /// Document number, date and IRN, in words.
    public var subject: String
    public var keywords: String
    public var author: String
    /// The program that made the document (PDF `/Creator`, XMP `CreatorTool`).
    public var creator: String
    /// ISO 8601 with offset, e.g. `2023-05-12T14:11:00+05:30`; also the modification date.
    public var creationDate: String

    public init(title: String, subject: String, keywords: String, author: String, creator: String, creationDate: String) {
        self.title = title
        self.subject = subject
        self.keywords = keywords
        self.author = author
        self.creator = creator
        self.creationDate = creationDate
    }
}
