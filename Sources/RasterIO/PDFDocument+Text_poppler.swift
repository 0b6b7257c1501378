internal import CPoppler
public import PrintedText

extension PDFDocument {
    /// The page's text layer (empty for scanned pages).
    public func text(page index: Int) -> String {
        guard let page = poppler.poppler_document_get_page(document, Int32(index)) else { return "" }
        defer { poppler.g_object_unref(UnsafeMutableRawPointer(page)) }
        guard let text = poppler.poppler_page_get_text(page) else { return "" }
        defer { poppler.g_free(text) }
        return String(cString: text)
    }

    /// The page's text layer as words with their boxes (PDF points, origin top-left), for the
    /// label reader; empty for scanned pages.
    ///
    /// poppler gives one rectangle per character of `poppler_page_get_text`, in order, so a word
    /// is a run of non-space characters and its box the union of theirs.
    public func words(page index: Int) -> [PositionedWord] {
        guard let page = poppler.poppler_document_get_page(document, Int32(index)) else { return [] }
        defer { poppler.g_object_unref(UnsafeMutableRawPointer(page)) }
        guard let textPointer = poppler.poppler_page_get_text(page) else { return [] }
        defer { poppler.g_free(textPointer) }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler.poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return [] }
        defer { poppler.g_free(rectangles) }
        let scalars = Array(String(cString: textPointer).unicodeScalars)
        var words: [PositionedWord] = []
        var current = "", box: WordBox?
        func flush() {
            if let box, !current.isEmpty { words.append(PositionedWord(text: current, box: box, page: index + 1)) }
            current = ""
            box = nil
        }
        for (offset, scalar) in scalars.prefix(Int(count)).enumerated() {
            if scalar.properties.isWhitespace {
                flush()
                continue
            }
            let rectangle = rectangles[offset]
            let own = WordBox(minX: rectangle.x1, minY: rectangle.y1, maxX: rectangle.x2, maxY: rectangle.y2)
            // A jump back to the left or to another line inside a "word" is two words printed
            // without a space between them in the text stream.
            // A jump back, a gap, another line, or a rupee sign glued to a label ("AMOUNT₹763,541.89")
            // inside a "word" of the text stream are two words printed without a space between them.
            if let previous = box, own.minX < previous.maxX - own.height || own.minX > previous.maxX + 0.6 * own.height
                || !own.sharesLine(with: previous) || scalar == "₹" {
                flush()
            }
            current.unicodeScalars.append(scalar)
            box = box.map { $0.union(own) } ?? own
        }
        flush()
        return words
    }
}
