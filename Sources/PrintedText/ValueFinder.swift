import Foundation

/// Reads the value that belongs to one label: the words after it on its line, or the nearest
/// words below it. Distances are in multiples of the label's height, so the same rules hold in
/// PDF points and in scan pixels.
struct ValueFinder {
    let lines: [TextLine]
    let lineIndex: Int
    let match: LabelMatcher.Match

    private var line: TextLine { lines[lineIndex] }
    private var height: Double { max(match.box.height, 1) }
    /// The words after the label on its line, left to right.
    private var besideWords: ArraySlice<PositionedWord> { line.words[match.range.upperBound...] }

    /// The grand total: the last amount in the run after the label (a totals row ends with the
    /// invoice value), the run ending at the first word of another phrase; else the amount below.
    func amount() -> PrintedReading.Value? {
        var last: PositionedWord?
        for word in besideWords {
            if PrintedValueSyntax.amount(word.text) != nil { last = word; continue }
            if Self.isFiller(word.text) { continue }
            break
        }
        if let last { return value([last], beside: true) }
        guard let below = nearestBelow(where: { PrintedValueSyntax.amount($0.text) != nil }, through: Self.isFiller) else { return nil }
        // A column header (several amounts stacked under it) is not a label for one value.
        let stacked = lines.filter { $0.page == line.page }.flatMap(\.words).filter {
            $0 != below && PrintedValueSyntax.amount($0.text) != nil && $0.box.horizontalGap(to: below.box) == 0
                && $0.box.minY > below.box.maxY - 0.2 * height && $0.box.minY - below.box.maxY < 2.5 * height
        }
        return stacked.isEmpty ? value([below], beside: false) : nil
    }

    /// The document number: the first word with a digit after the label, else below it.
    func documentNumber() -> PrintedReading.Value? {
        let isNumber = { (word: PositionedWord) in
            let core = word.text.trimmingCharacters(in: .init(charactersIn: ":#.;,"))
            return core.count <= 24 && core.contains(where: \.isNumber) && !core.contains(where: \.isWhitespace)
        }
        for word in besideWords {
            if isNumber(word) { return value([word], beside: true, trimming: ":#;,") }
            if Self.isFiller(word.text) || ["no", "number", "#"].contains(PrintedValueSyntax.normalized(word.text)) { continue }
            break
        }
        return nearestBelow(where: isNumber).flatMap { value([$0], beside: false, trimming: ":#;,") }
    }

    /// The document date: one to three words after the label that read as a date, else below.
    func date() -> PrintedReading.Value? {
        let words = Array(besideWords.prefix(4)).filter { !Self.isFiller($0.text) || $0.text.contains(where: \.isNumber) }
        if let found = Self.date(in: words) { return value(found, beside: true, trimming: ":;,") }
        guard let first = nearestBelow(where: { $0.text.contains(where: \.isNumber) }) else { return nil }
        let belowLine = lines.first { $0.page == first.page && $0.words.contains(first) }
        let run = belowLine.map { Array($0.words.drop { $0 != first }.prefix(3)) } ?? [first]
        return Self.date(in: run).flatMap { value($0, beside: false, trimming: ":;,") }
    }

    /// The IRN: hexadecimal pieces after the label, continued on the next lines while they are
    /// hex (an IRN wrapped over two or three lines), up to 64 digits; else the pieces below.
    func irn() -> PrintedReading.Value? {
        var pieces = Array(besideWords.prefix { PrintedValueSyntax.hexPiece($0.text) != nil || Self.isFiller($0.text) }
            .filter { PrintedValueSyntax.hexPiece($0.text) != nil })
        var beside = true
        if pieces.isEmpty {
            guard let first = nearestBelow(where: { PrintedValueSyntax.hexPiece($0.text) != nil }) else { return nil }
            pieces = [first]
            beside = false
        }
        var next = lines.firstIndex { $0.page == line.page && $0.words.contains(pieces[pieces.count - 1]) } ?? lineIndex
        while pieces.reduce(0, { $0 + hex($1).count }) < 64, next + 1 < lines.count, lines[next + 1].page == line.page {
            next += 1
            let start = pieces[0].box.minX - 3 * height
            let continuation = lines[next].words.filter { $0.box.minX >= min(start, match.box.minX - height) }
                .prefix { PrintedValueSyntax.hexPiece($0.text) != nil }
            guard !continuation.isEmpty, lines[next].box.minY - pieces[pieces.count - 1].box.maxY < 1.5 * height else { break }
            pieces += continuation
        }
        let text = pieces.map(hex).joined()
        guard text.count >= 16 else { return nil }
        var result = value(pieces, beside: beside)
        result.text = pieces.map { $0.text.trimmingCharacters(in: .init(charactersIn: ":;,.()[]")) }.joined()
        return result
    }

    private func hex(_ word: PositionedWord) -> String { PrintedValueSyntax.hexPiece(word.text) ?? "" }

    /// The nearest word below the label, within three and a half label heights, over the label's
    /// columns (a little wider, for right-aligned values). A value may also start right after
    /// words in those columns that `through` accepts ("INR" above-right of "7,63,541.89").
    private func nearestBelow(where accept: (PositionedWord) -> Bool,
                              through lead: (String) -> Bool = { _ in false }) -> PositionedWord? {
        let span = WordBox(minX: match.box.minX - 2 * height, minY: match.box.minY, maxX: match.box.maxX + 4 * height, maxY: match.box.maxY)
        var candidates: [PositionedWord] = []
        for below in lines where below.page == line.page {
            guard below.box.midY > match.box.maxY, below.box.minY - match.box.maxY < 3.5 * height,
                  !below.box.sharesLine(with: match.box)
            else { continue }
            var leading = false
            for word in below.words {
                let inSpan = word.box.horizontalGap(to: span) == 0
                if (inSpan || leading) && accept(word) { candidates.append(word) }
                leading = (inSpan || leading) && lead(word.text)
            }
        }
        // The nearest line first (rows a third of a label height apart are one line), then the
        // word nearest the label's middle.
        let key = { (word: PositionedWord) in (Int(word.box.minY / (height / 3)), abs(word.box.midX - match.box.midX)) }
        return candidates.min { key($0) < key($1) }
    }

    private func value(_ words: [PositionedWord], beside: Bool, trimming: String = "") -> PrintedReading.Value {
        let text = words.map(\.text).joined(separator: " ").trimmingCharacters(in: .init(charactersIn: trimming + " "))
        let box = words.dropFirst().reduce(words[0].box) { $0.union($1.box) }
        return PrintedReading.Value(text: text, page: words[0].page, box: box, label: match.text, tier: match.label.tier,
                                    besideLabel: beside, isCertain: words.allSatisfy(\.isCertain))
    }

    /// A date in the first one to three words.
    static func date(in words: [PositionedWord]) -> [PositionedWord]? {
        for length in [1, 3, 2] where words.count >= length {
            if PrintedValueSyntax.date(words.prefix(length).map(\.text)) != nil { return Array(words.prefix(length)) }
        }
        return nil
    }

    /// Separators, currency marks and units that may stand between a label and its value.
    static func isFiller(_ text: String) -> Bool {
        let key = PrintedValueSyntax.normalized(text)
        return key.isEmpty || PrintedValueSyntax.isCurrencyMark(text) || LabelVocabulary.units.contains(key)
    }
}
