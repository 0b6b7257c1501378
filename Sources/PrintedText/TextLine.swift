/// Words that share a text line on one page, left to right.
///
/// Built from boxes alone (no reading order from the source), so text layers whose order
/// follows drawing calls and OCR output group the same way.
struct TextLine {
    var page: Int
    var words: [PositionedWord]
    /// The box of the word added last, which the next word on this line must share a line with.
    var lastBox: WordBox

    var box: WordBox { words.dropFirst().reduce(words[0].box) { $0.union($1.box) } }

    /// Groups words into lines per page, lines top to bottom.
    static func lines(of words: [PositionedWord]) -> [TextLine] {
        var result: [TextLine] = []
        let byPage = Dictionary(grouping: words.filter { !$0.text.isEmpty && $0.box.height > 0 }, by: \.page)
        for page in byPage.keys.sorted() {
            var lines: [TextLine] = []
            for word in byPage[page, default: []].sorted(by: { ($0.box.midY, $0.box.minX) < ($1.box.midY, $1.box.minX) }) {
                // The nearest open line that this word shares a line with (checked against its
                // last word, so slightly skewed scans still chain).
                let candidates = lines.indices.suffix(6).filter { lines[$0].lastBox.sharesLine(with: word.box) }
                let distance = { (index: Int) in abs(lines[index].lastBox.midY - word.box.midY) }
                if let index = candidates.min(by: { distance($0) < distance($1) }) {
                    lines[index].words.append(word)
                    lines[index].lastBox = word.box
                } else {
                    lines.append(TextLine(page: page, words: [word], lastBox: word.box))
                }
            }
            for var line in lines {
                line.words.sort { $0.box.minX < $1.box.minX }
                result.append(line)
            }
        }
        return result
    }
}
