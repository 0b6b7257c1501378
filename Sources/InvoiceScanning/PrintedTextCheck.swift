import EInvoiceModel
public import EInvoiceVerification
import Foundation
public import PrintedText

/// Compares the values printed on a document, read by their labels (``PrintedValueReader``),
/// with those the IRP signed into its QR: a genuine QR beside a tampered total is the fraud
/// this catches. A labelled value that differs is never rescued by the signed value appearing
/// elsewhere on the page.
///
/// Read by OCR, only values whose own structure can confirm the read may differ: the grand total
/// (its grouping, two agreeing reads) and the GSTINs (their check character). A document number,
/// a date or an IRN has nothing to check a read against, and Tesseract is sometimes confidently
/// wrong on blurred print (`SAJ/2023` read as `SAJj/2023` at 91 % by both reads), so by OCR these
/// match or are "not found", never "differ".
public enum PrintedTextCheck {
    public static func compare(_ words: [PositionedWord], with fields: SignedFields) -> [PrintedFieldCheck] {
        compare(PrintedValueReader.read(words), with: fields)
    }

    public static func compare(_ reading: PrintedReading, with fields: SignedFields) -> [PrintedFieldCheck] {
        var checks: [PrintedFieldCheck] = []
        if let total = fields.totalInvoiceValue {
            checks.append(check(.grandTotal, signed: IndianNumberFormat.format(total), reading.grandTotals, allMustMatch: true) {
                PrintedValueSyntax.amount($0.text.replacingOccurrences(of: " ", with: "")) == total
            })
        }
        if let docNo = fields.docNo {
            let signed = docNo.uppercased().filter { !$0.isWhitespace }
            // OCR confuses O/0 and I/1 in serial numbers; folded, they are one character.
            let fold = { (text: String) in reading.isOCR ? PrintedValueSyntax.foldingOCRConfusions(text) : text }
            checks.append(check(.documentNumber, signed: docNo, reading.documentNumbers, canDiffer: !reading.isOCR) {
                fold($0.text.uppercased().filter { !$0.isWhitespace }) == fold(signed)
            })
        }
        if let docDate = fields.docDate, let date = DocumentDate(docDate) {
            checks.append(check(.documentDate, signed: docDate, reading.documentDates, canDiffer: !reading.isOCR) {
                let printed = PrintedValueSyntax.date($0.text.split(separator: " ").map(String.init))
                return printed.map { $0.day == date.day && $0.month == date.month && $0.year == date.year } ?? false
            })
        }
        if let irn = fields.irn?.lowercased() {
            checks.append(irnCheck(irn, reading))
        }
        checks += gstinChecks(fields, reading)
        return checks
    }

    /// One labelled field: not found when nothing was read; else matches when every value does
    /// (`allMustMatch`, the grand total) or when any does (a document number printed twice, a
    /// "Dated" that may belong to an order). Only a certain read may differ (and none when
    /// `canDiffer` is false): an OCR read that is not certain and does not match is "not found",
    /// with what OCR made of it.
    static func check(_ field: PrintedFieldCheck.Field, signed: String, _ values: [PrintedReading.Value], allMustMatch: Bool = false,
                      canDiffer: Bool = true, equal: (PrintedReading.Value) -> Bool) -> PrintedFieldCheck {
        guard !values.isEmpty else { return PrintedFieldCheck(field: field, outcome: .notFound, signed: signed) }
        let differing = values.first { !equal($0) && $0.isCertain && canDiffer }
        let matching = values.first(where: equal)
        if let differing, allMustMatch || matching == nil {
            return PrintedFieldCheck(field: field, outcome: .differs, printed: differing.text, signed: signed, page: differing.page)
        }
        guard let value = matching else {
            return PrintedFieldCheck(field: field, outcome: .notFound, printed: values[0].text, signed: signed, page: values[0].page)
        }
        return PrintedFieldCheck(field: field, outcome: .matches, printed: value.text, signed: signed, page: value.page)
    }

    /// The IRN: the labelled one; a labelled prefix (a wrap the reader could not follow) or no
    /// label falls back to the whole text with spaces removed.
    static func irnCheck(_ irn: String, _ reading: PrintedReading) -> PrintedFieldCheck {
        let labelled = reading.irns.filter { $0.text.count >= 64 || !irn.hasPrefix($0.text.lowercased()) }
        if !labelled.isEmpty {
            return check(.irn, signed: irn, labelled, allMustMatch: true, canDiffer: !reading.isOCR) { $0.text.lowercased() == irn }
        }
        let compact = reading.compactText.replacingOccurrences(of: "\n", with: "").lowercased()
        if compact.contains(irn) {
            return PrintedFieldCheck(field: .irn, outcome: .matches, printed: irn, signed: irn)
        }
        // Unlabelled hex read by OCR is not certain enough to differ.
        if !reading.isOCR, let other = hexRuns(in: compact).first(where: { $0.count == 64 }) {
            return PrintedFieldCheck(field: .irn, outcome: .differs, printed: other, signed: irn)
        }
        return PrintedFieldCheck(field: .irn, outcome: .notFound, signed: irn)
    }

    /// Each party's GSTIN: the ones printed under its heading; without any, the signed value
    /// printed unlabelled matches, and an unlabelled GSTIN that is neither party's differs, for
    /// one party only (the supplier first): one printed stranger is not both parties' forgery.
    static func gstinChecks(_ fields: SignedFields, _ reading: PrintedReading) -> [PrintedFieldCheck] {
        var checks: [PrintedFieldCheck] = []
        var claimed = Set<String>()
        let signedAll = Set([fields.sellerGstin, fields.buyerGstin].compactMap { $0?.uppercased() })
        for (field, party, signed) in [(PrintedFieldCheck.Field.sellerGstin, LabelVocabulary.Party.supplier, fields.sellerGstin),
                                       (.buyerGstin, .buyer, fields.buyerGstin)] {
            guard let signed = signed?.uppercased(), signed != "URP" else { continue }
            // The other party's GSTIN under this heading is a layout quirk, not a forgery.
            let own = reading.gstins.filter { $0.party == party && ($0.gstin == signed || !signedAll.contains($0.gstin)) }
                .filter { $0.gstin == signed || $0.isCertain }
            if !own.isEmpty {
                let differing = own.first { $0.gstin != signed }
                if let differing, !own.contains(where: { $0.gstin == signed }) || party == .supplier {
                    checks.append(PrintedFieldCheck(field: field, outcome: .differs, printed: differing.text, signed: signed, page: differing.page))
                } else {
                    checks.append(PrintedFieldCheck(field: field, outcome: .matches, printed: signed, signed: signed, page: own[0].page))
                }
                continue
            }
            let unassigned = reading.gstins.filter { $0.party == nil && $0.isCertain }
            if let same = reading.gstins.first(where: { $0.gstin == signed }) {
                checks.append(PrintedFieldCheck(field: field, outcome: .matches, printed: same.text, signed: signed, page: same.page))
            } else if let stranger = unassigned.first(where: { !signedAll.contains($0.gstin) && !claimed.contains($0.gstin) }) {
                claimed.insert(stranger.gstin)
                checks.append(PrintedFieldCheck(field: field, outcome: .differs, printed: stranger.text, signed: signed, page: stranger.page))
            } else {
                checks.append(PrintedFieldCheck(field: field, outcome: .notFound, signed: signed))
            }
        }
        return checks
    }

    /// Runs of 32 or more hex digits (IRNs).
    static func hexRuns(in text: String) -> [String] {
        var runs: [String] = [], current = ""
        for character in text {
            if character.isHexDigit { current.append(character) } else {
                if current.count >= 32 { runs.append(current) }
                current = ""
            }
        }
        if current.count >= 32 { runs.append(current) }
        return runs
    }
}
