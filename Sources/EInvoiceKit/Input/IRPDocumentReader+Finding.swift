import EInvoiceModel

/// Finding every response in one JSON value: arrays, objects holding responses under any keys,
/// wrappers inside wrappers. Nothing is dropped silently: each response found becomes a document
/// with a stable id, and a value with none becomes one `.unreadable` document saying so.
extension IRPDocumentReader {
    /// Every document in `value`. Ids are `source` for the value itself and `source#/pointer` (RFC 6901)
    /// for what lies inside; object members are visited in key order, so ids and order never vary.
    static func documents(in value: JSONValue, source: String, format: ResponseFormat?) -> [InputDocument] {
        if let format {
            guard case .array(let items) = value else { return [document(value, id: source, format: format)] }
            var found = FoundDocuments()
            for (index, item) in items.enumerated() {
                if found.isFull { found.countUnread(); continue }
                found.append(document(item, id: id(source, [String(index)]), format: format))
            }
            return found.finished(source: source)
        }
        var found = FoundDocuments()
        collect(value, source: source, path: [], into: &found)
        return found.isEmpty ? [InputDocument(id: source, format: nil, content: .unreadable(notFound))] : found.finished(source: source)
    }

    /// Appends the documents in `value`: a recognised shape is one document (unless it is not a response
    /// and holds responses further in); anything else is searched member by member.
    private static func collect(_ value: JSONValue, source: String, path: [String], into found: inout FoundDocuments) {
        switch value {
        case .string(let text):
            // A root string, or an array of strings at the root, is a token whatever it looks like (so a
            // malformed one is reported); further in, only strings shaped like a compact JWS are tokens.
            if path.isEmpty || looksLikeCompactJWS(text) {
                found.append(InputDocument(id: id(source, path), format: .jws, content: .token(text)))
            }
        case .object(let members):
            if let shape = detect(value) {
                let recognised = document(value, id: id(source, path), format: path.isEmpty || shape != .nicData ? shape : .nested)
                if case .response = recognised.content {
                    found.append(recognised)
                    return
                }
                var inner = FoundDocuments()
                for key in members.keys.sorted() {
                    collect(members[key] ?? .null, source: source, path: path + [key], into: &inner)
                }
                if inner.documents.contains(where: \.carriesToken) {
                    found.append(contentsOf: inner)
                } else {
                    found.append(recognised)
                }
                return
            }
            for key in members.keys.sorted() {
                collect(members[key] ?? .null, source: source, path: path + [key], into: &found)
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                if path.isEmpty, case .string(let text) = item {
                    found.append(InputDocument(id: id(source, [String(index)]), format: .jws, content: .token(text)))
                } else {
                    collect(item, source: source, path: path + [String(index)], into: &found)
                }
            }
        case .null, .bool, .number:
            break
        }
    }

    static func id(_ source: String, _ path: [String]) -> String {
        path.isEmpty ? source : source + "#" + StrictJSONReader.pointer(path)
    }

    /// `eyJ…` header, three base64url parts: what an RS256 IRP token looks like.
    static func looksLikeCompactJWS(_ text: String) -> Bool {
        guard text.utf8.count > 40, text.hasPrefix("eyJ") else { return false }
        var dots = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                continue
            default: return false
            }
        }
        return dots == 2
    }
}

extension InputDocument {
    /// A response or a bare token: something with a signature to check.
    var carriesToken: Bool {
        switch content {
        case .response, .token: true
        case .failure, .unreadable: false
        }
    }
}
