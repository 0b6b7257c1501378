/// The documents read from one input, at most ``IRPDocumentReader/maximumDocuments``: past that
/// they are counted, not kept, and the input ends with one `.unreadable` document saying how many
/// were left unread. A 64 MB file of `x.y.z` lines is 11 million malformed tokens: read whole,
/// it took 2.6 GB and two and a half minutes to report them.
struct FoundDocuments {
    private(set) var documents: [InputDocument] = []
    /// Documents found past the limit.
    private(set) var unread = 0

    var isEmpty: Bool { documents.isEmpty && unread == 0 }
    /// Whether anything more may be kept (callers can stop looking).
    var isFull: Bool { documents.count >= IRPDocumentReader.maximumDocuments }

    mutating func append(_ document: InputDocument) {
        if isFull { unread += 1 } else { documents.append(document) }
    }

    /// Counts documents past the limit without making them.
    mutating func countUnread(_ count: Int = 1) {
        unread += count
    }

    mutating func append(contentsOf other: FoundDocuments) {
        for document in other.documents { append(document) }
        unread += other.unread
    }

    /// The documents, and the note on those left unread.
    func finished(source: String) -> [InputDocument] {
        guard unread > 0 else { return documents }
        return documents + [Self.unreadNote(kept: documents.count, unread: unread, source: source)]
    }

    /// The document that ends an input with `unread` documents past the `kept` ones.
    static func unreadNote(kept: Int, unread: Int, source: String) -> InputDocument {
        InputDocument(id: source, format: nil, content: .unreadable(
            "the input holds \(kept + unread) documents; only the first \(IRPDocumentReader.maximumDocuments) "
                + "were read, \(unread) were not: split it, or render it with `einvoice batch`"))
    }
}

extension IRPDocumentReader {
    /// Documents read from one input, at most: a month of JSON Lines responses under the 64 MB
    /// input limit is about 30 000, a file of bare tokens about 60 000.
    public static let maximumDocuments = 100_000
}
