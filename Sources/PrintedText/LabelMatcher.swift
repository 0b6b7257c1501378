/// Finds labels and headings in a line: one to four consecutive words whose letters spell a
/// known label, longest first, not the tail or head of a longer phrase ("Sub Total", "Invoice
/// Value in words" are not total labels).
enum LabelMatcher {
    struct Match {
        var label: LabelVocabulary.Label
        /// Indices of the label's words in the line.
        var range: Range<Int>
        var box: WordBox
        var text: String
    }

    static let byKey: [String: [LabelVocabulary.Label]] = Dictionary(grouping: LabelVocabulary.labels, by: \.key)
    static let headingByKey: [String: LabelVocabulary.Party] = Dictionary(
        LabelVocabulary.headings.map { ($0.key, $0.party) }, uniquingKeysWith: { first, _ in first })

    static func labels(in line: TextLine) -> [Match] {
        matches(in: line, checkFollower: true) { byKey[$0] }.flatMap { key, range in
            (byKey[key] ?? []).map { Match(label: $0, range: range, box: box(line, range), text: text(line, range)) }
        }
    }

    /// Party headings in a line, with their boxes.
    static func headings(in line: TextLine) -> [(party: LabelVocabulary.Party, box: WordBox)] {
        matches(in: line, checkFollower: false) { headingByKey[$0] }.compactMap { key, range in
            headingByKey[key].map { ($0, box(line, range)) }
        }
    }

    private static func matches<T>(in line: TextLine, checkFollower: Bool, lookup: (String) -> T?) -> [(String, Range<Int>)] {
        let keys = line.words.map { PrintedValueSyntax.normalized($0.text) }
        var result: [(String, Range<Int>)] = []
        var index = 0
        while index < keys.count {
            var matched = false
            for length in stride(from: min(4, keys.count - index), through: 1, by: -1) {
                let range = index..<(index + length)
                guard !keys[range.lowerBound].isEmpty else { break }
                let key = keys[range].joined()
                guard lookup(key) != nil, !continuesPhrase(line, before: range),
                      !checkFollower || !continuesPhrase(line, after: range)
                else { continue }
                result.append((key, range))
                index += length
                matched = true
                break
            }
            if !matched { index += 1 }
        }
        return result
    }

    /// A word of letters right before the label, closer than a word space: the label is the
    /// tail of another phrase ("Sub Total", "Original Invoice No", "Ack Date").
    static func continuesPhrase(_ line: TextLine, before range: Range<Int>) -> Bool {
        guard range.lowerBound > 0 else { return false }
        let previous = line.words[range.lowerBound - 1], first = line.words[range.lowerBound]
        let key = PrintedValueSyntax.normalized(previous.text)
        guard isWord(key), !previous.text.hasSuffix(":"), !previous.text.hasSuffix("|") else { return false }
        return first.box.minX - previous.box.maxX < 1.2 * first.box.height
    }

    /// A word of letters right after the label that is not a currency or unit: the label is the
    /// head of another phrase ("Invoice Value in words", "Date of supply", "Total Tax").
    static func continuesPhrase(_ line: TextLine, after range: Range<Int>) -> Bool {
        guard range.upperBound < line.words.count else { return false }
        let last = line.words[range.upperBound - 1], next = line.words[range.upperBound]
        guard !last.text.hasSuffix(":"), next.box.minX - last.box.maxX < 1.2 * next.box.height else { return false }
        let key = PrintedValueSyntax.normalized(next.text)
        guard isWord(key), !PrintedValueSyntax.isCurrencyMark(next.text), !LabelVocabulary.units.contains(key) else { return false }
        if key == "in", range.upperBound + 1 < line.words.count {
            let after = line.words[range.upperBound + 1].text
            return !(PrintedValueSyntax.isCurrencyMark(after) || PrintedValueSyntax.normalized(after) == "figures")
        }
        return true
    }

    /// Letters only (no digits), two or more: a word of a phrase, not a value.
    static func isWord(_ key: String) -> Bool {
        key.count >= 2 && key.allSatisfy(\.isLetter)
    }

    static func box(_ line: TextLine, _ range: Range<Int>) -> WordBox {
        line.words[range].dropFirst().reduce(line.words[range.lowerBound].box) { $0.union($1.box) }
    }

    static func text(_ line: TextLine, _ range: Range<Int>) -> String {
        line.words[range].map(\.text).joined(separator: " ")
    }
}
