import EInvoiceVerification
import PrintedText

/// A file is one document, or several printed one after the other (a bulk print with a QR on
/// the first page of each): a page whose signed QR is new starts the next document, and pages
/// without a QR belong to the document before them.
enum DocumentSplitter {
    /// Indices into `pages`, one list per document, in page order.
    static func documents(_ pages: [InvoiceScanner.PageResult]) -> [[Int]] {
        var documents: [[Int]] = []
        var tokens = Set<String>()
        for (index, page) in pages.enumerated() {
            let own = Set(page.codes.filter { $0.kind == .irp }.map(\.text))
            let samePage = index > 0 && page.pageNumber != nil && pages[index - 1].pageNumber == page.pageNumber
            if documents.isEmpty || (!own.isEmpty && !tokens.isEmpty && own.isDisjoint(with: tokens) && !samePage) {
                documents.append([index])
                tokens = own
            } else {
                documents[documents.count - 1].append(index)
                tokens.formUnion(own)
            }
        }
        return documents
    }

    /// Cuts a document before a page that prints another labelled IRN than the pages before it:
    /// the next invoice of a bulk print whose QR could not be read must not be compared with
    /// this one's QR. (A doctored IRN printed on every page of one invoice is the same on each
    /// page, so it does not cut.)
    static func cutAtPrintedIRNs(_ document: [Int], _ pages: [InvoiceScanner.PageResult]) -> [Int] {
        var previous: Set<String> = []
        for (position, index) in document.enumerated() where !pages[index].isEmbeddedImage {
            let printed = Set(PrintedValueReader.read(pages[index].words).irns.map { $0.text.lowercased() }.filter { $0.count == 64 })
            if position > 0, !printed.isEmpty, !previous.isEmpty, printed.isDisjoint(with: previous),
               pages[index].codes.allSatisfy({ $0.kind != .irp }) {
                return Array(document[..<position])
            }
            if !printed.isEmpty { previous = printed }
        }
        return document
    }

    /// Sets each signed QR's printed checks from the words of all the pages of its document.
    static func compareEachQRWithItsDocument(_ pages: inout [InvoiceScanner.PageResult]) {
        for whole in documents(pages) {
            let document = cutAtPrintedIRNs(whole, pages)
            let words = document.flatMap { pages[$0].words }
            let pageNumbers = Array(Set(document.compactMap { pages[$0].pageNumber })).sorted()
            let reading = words.isEmpty ? nil : PrintedValueReader.read(words)
            let byOCR = document.contains { pages[$0].wordsByOCR }
            let ocrNotes = document.compactMap { index in pages[index].ocrNote.map { "\(pages[index].label.isEmpty ? "" : pages[index].label + ": ")\($0)" } }
            for index in document {
                for codeIndex in pages[index].codes.indices {
                    pages[index].codes[codeIndex].documentPages = pageNumbers
                    pages[index].codes[codeIndex].printedByOCR = byOCR
                    pages[index].codes[codeIndex].ocrNotes = ocrNotes
                    guard let reading, let report = pages[index].codes[codeIndex].verification,
                          report.qr != nil || report.invoice != nil
                    else { continue }
                    pages[index].codes[codeIndex].printedChecks = PrintedTextCheck.compare(reading, with: report.fields)
                }
            }
        }
    }
}
