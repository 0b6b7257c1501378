import Foundation

/// Reads the values a buyer compares (grand total, document number and date, IRN, the parties'
/// GSTINs) from positioned words, by their labels: the value beside a label on its line, or
/// else just below it.
///
/// Layout-independent by design: it knows label wording (``LabelVocabulary``) and geometry
/// measured in the words' own heights, nothing about any one ERP's page. The same words come
/// from a PDF's text layer or from OCR.
public enum PrintedValueReader {
    public static func read(_ words: [PositionedWord]) -> PrintedReading {
        let lines = TextLine.lines(of: words)
        var reading = PrintedReading()
        reading.isOCR = words.contains { $0.confidence != nil }
        reading.compactText = lines.map { $0.words.map(\.text).joined() }.joined(separator: "\n")
        var found: [LabelVocabulary.Field: [PrintedReading.Value]] = [:]
        for (lineIndex, line) in lines.enumerated() {
            for match in LabelMatcher.labels(in: line) {
                let reader = ValueFinder(lines: lines, lineIndex: lineIndex, match: match)
                let value: PrintedReading.Value? = switch match.label.field {
                case .grandTotal: reader.amount()
                case .documentNumber: reader.documentNumber()
                case .documentDate: reader.date()
                case .irn: reader.irn()
                }
                if let value { found[match.label.field, default: []].append(value) }
            }
        }
        reading.grandTotals = strongest(found[.grandTotal] ?? [])
        reading.documentNumbers = strongest(found[.documentNumber] ?? [])
        reading.documentDates = strongest(found[.documentDate] ?? [])
        reading.irns = strongest(found[.irn] ?? [])
        reading.gstins = PartyAssigner.gstins(in: lines)
        return reading
    }

    /// Where the labels of the compared values are printed, and what each introduces: the places
    /// an OCR reading reads again, closer (their values sit beside or just below them).
    public static func labelBoxes(_ words: [PositionedWord]) -> [(field: LabelVocabulary.Field, box: WordBox, page: Int)] {
        TextLine.lines(of: words).flatMap { line in
            LabelMatcher.labels(in: line).map { (field: $0.label.field, box: $0.box, page: line.page) }
        }
    }

    /// The values of the strongest label tier printed; within it, values beside their labels
    /// win over values below (a column header above a table is not a label-above value).
    static func strongest(_ values: [PrintedReading.Value]) -> [PrintedReading.Value] {
        guard let best = values.map(\.tier).min() else { return [] }
        let tier = values.filter { $0.tier == best }
        let beside = tier.filter(\.besideLabel)
        return beside.isEmpty ? tier : beside
    }
}
