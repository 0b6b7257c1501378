import PrintedText

/// Where on a page to read closely: beside and below each label of a compared value, and along
/// any word that is or looks like a GSTIN, in the page's pixels; overlapping regions merged.
enum RegionPlanner {
    static func regions(around words: [RecognizedWord], page: Int, width: Int, height: Int) -> [WordBox] {
        let positioned = words.map { PositionedWord(text: $0.text, box: $0.box, page: page) }
        var regions: [WordBox] = []
        let right = Double(width)
        for label in PrintedValueReader.labelBoxes(positioned) {
            // The value sits after the label on its line (perhaps across the page) or up to a few lines below it.
            let h = label.box.height
            regions.append(WordBox(minX: label.box.minX - 1.5 * h, minY: label.box.minY - 0.6 * h, maxX: right, maxY: label.box.maxY + 4 * h))
        }
        for word in words {
            let h = word.box.height, key = PrintedValueSyntax.normalized(word.text)
            if key.hasPrefix("gstin") || key == "gstno" || key == "gstnumber" {
                regions.append(WordBox(minX: word.box.minX - h, minY: word.box.minY - 0.6 * h, maxX: right, maxY: word.box.maxY + 2.5 * h))
            } else if looksLikeGSTIN(word.text) {
                regions.append(WordBox(minX: word.box.minX - 8 * h, minY: word.box.minY - 0.6 * h, maxX: word.box.maxX + 3 * h,
                                       maxY: word.box.maxY + 0.6 * h))
            }
        }
        let page = WordBox(minX: 0, minY: 0, maxX: right, maxY: Double(height))
        return merged(regions.compactMap { $0.clipped(to: page) })
    }

    /// 13 to 17 letters and digits with at least four of each: a GSTIN, perhaps misread.
    static func looksLikeGSTIN(_ text: String) -> Bool {
        let core = text.split(separator: ":").last.map(String.init) ?? text
        let characters = core.filter { $0.isLetter || $0.isNumber }
        return (13...17).contains(characters.count) && characters.filter(\.isNumber).count >= 4 && characters.filter(\.isLetter).count >= 4
    }

    /// Regions that overlap joined into one, until none do.
    static func merged(_ regions: [WordBox]) -> [WordBox] {
        var result: [WordBox] = []
        for region in regions.sorted(by: { ($0.minY, $0.minX) < ($1.minY, $1.minX) }) {
            var current = region
            while let index = result.firstIndex(where: { $0.overlapRatio(with: current) > 0 }) {
                current = current.union(result.remove(at: index))
            }
            result.append(current)
        }
        return result
    }
}

extension WordBox {
    /// The part inside `bounds`, rounded out to whole pixels; `nil` when too small to read.
    func clipped(to bounds: WordBox) -> WordBox? {
        let box = WordBox(minX: max(bounds.minX, minX.rounded(.down)), minY: max(bounds.minY, minY.rounded(.down)),
                          maxX: min(bounds.maxX, maxX.rounded(.up)), maxY: min(bounds.maxY, maxY.rounded(.up)))
        return box.width >= 8 && box.height >= 8 ? box : nil
    }
}
