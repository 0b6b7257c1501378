import Foundation

/// Finds every printed GSTIN and the party heading it is printed under: the nearest heading
/// above it in its column, or before it on its line ("Buyer GSTIN: …").
///
/// A GSTIN under no heading (a letterhead) stays unassigned; the comparison decides what to do
/// with it.
enum PartyAssigner {
    static func gstins(in lines: [TextLine]) -> [PrintedReading.PartyGSTIN] {
        var headings: [(party: LabelVocabulary.Party, box: WordBox, page: Int)] = []
        for line in lines {
            headings += LabelMatcher.headings(in: line).map { ($0.party, $0.box, line.page) }
        }
        var result: [PrintedReading.PartyGSTIN] = []
        for line in lines {
            for word in line.words {
                // "GSTIN:24AAC…" printed as one word keeps the value after the colon.
                let candidate = word.text.split(separator: ":").last.map(String.init) ?? word.text
                guard let gstin = PrintedValueSyntax.gstin(candidate) else { continue }
                let party = nearestHeading(for: word.box, page: line.page, among: headings)
                result.append(.init(gstin: gstin, text: candidate.trimmingCharacters(in: CharacterSet.alphanumerics.inverted),
                                    page: line.page, box: word.box, party: party, isCertain: word.isCertain))
            }
        }
        return result
    }

    /// The heading with the least cost: vertical distance plus three times the horizontal gap,
    /// over headings above the GSTIN (within forty of its heights) or before it on its line.
    static func nearestHeading(for box: WordBox, page: Int,
                               among headings: [(party: LabelVocabulary.Party, box: WordBox, page: Int)]) -> LabelVocabulary.Party? {
        let height = max(box.height, 1)
        var best: (cost: Double, party: LabelVocabulary.Party)?
        for heading in headings where heading.page == page {
            let sameLine = heading.box.sharesLine(with: box)
            if sameLine {
                guard heading.box.maxX <= box.minX + height else { continue }
            } else {
                guard heading.box.maxY <= box.minY + 0.3 * height, box.minY - heading.box.maxY < 40 * height else { continue }
            }
            let dy = sameLine ? 0 : box.minY - heading.box.maxY
            let cost = dy + 3 * box.horizontalGap(to: heading.box)
            if cost < (best?.cost ?? .infinity) { best = (cost, heading.party) }
        }
        return best?.party
    }
}
