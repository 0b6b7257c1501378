/// Builds blocks of text, label/value rows and rules with a measurer.
struct BlockBuilder {
    let measurer: any TextMeasuring
    let styles: Styles
    let template: InvoiceTemplate

    func height(_ text: String, _ style: TextStyle, width: Points?) -> Points {
        measurer.measure(text, style: style, width: width).height
    }

    func width(_ text: String, _ style: TextStyle) -> Points {
        measurer.measure(text, style: style, width: nil).width
    }

    /// A paragraph wrapped to `width`, returning its height.
    @discardableResult
    func text(_ text: String, _ style: TextStyle, x: Points, y: Points, width: Points,
              alignment: TextAlignment = .leading, into block: inout Block) -> Points {
        guard !text.isEmpty else { return 0 }
        let height = height(text, style, width: width)
        block.add(.text(TextRun(text, style: style, frame: Rect(x: x, y: y, width: width, height: height),
                                alignment: alignment)))
        block.height = max(block.height, y + height)
        return height
    }

    /// Lines of text one under another; returns the y after the last.
    @discardableResult
    func lines(_ lines: [String], _ style: TextStyle, x: Points, y: Points, width: Points,
               alignment: TextAlignment = .leading, into block: inout Block) -> Points {
        var cursor = y
        for line in lines where !line.isEmpty {
            cursor += text(line, style, x: x, y: cursor, width: width, alignment: alignment, into: &block)
        }
        return cursor
    }

    /// "Label  value" rows: labels in a column of `labelWidth`, values wrapped beside them.
    /// With `codes`, a value that is one word (a GSTIN, a number) is never broken inside.
    @discardableResult
    func rows(_ rows: [(String, String)], x: Points, y: Points, width: Points, labelWidth: Points,
              valueStyle: TextStyle? = nil, codes: Bool = false, into block: inout Block) -> Points {
        var cursor = y
        for (label, value) in rows where !value.isEmpty {
            let style = valueStyle ?? styles.small
            let labelHeight = text(label, styles.label, x: x, y: cursor + 0.5, width: labelWidth, into: &block)
            let valueHeight = codes && !value.contains(" ")
                ? code(value, style, x: x + labelWidth, y: cursor, width: width - labelWidth, into: &block)
                : text(value, style, x: x + labelWidth, y: cursor, width: width - labelWidth, into: &block)
            cursor += max(labelHeight, valueHeight) + 1
        }
        return cursor
    }

    /// A code (GSTIN, document number) on one line when it fits, else broken at fixed positions
    /// by ``identifier(_:_:x:y:width:alignment:into:)``: never at a place a font's hyphenation picks.
    @discardableResult
    func code(_ text: String, _ style: TextStyle, x: Points, y: Points, width: Points,
              alignment: TextAlignment = .leading, into block: inout Block) -> Points {
        identifier(text, style, x: x, y: y, width: width, alignment: alignment, into: &block)
    }

    /// An identifier such as the IRN, as whole lines of equal length (1, 2, 4 or 8 of them): the
    /// characters on the page are exactly the identifier's, with no inserted hyphen, so a clerk
    /// typing it from paper (and `pdftotext`) gets the signed value.
    @discardableResult
    func identifier(_ text: String, _ style: TextStyle, x: Points, y: Points, width: Points,
                    alignment: TextAlignment = .leading, into block: inout Block) -> Points {
        guard !text.isEmpty else { return 0 }
        var cursor = y
        for line in identifierLines(text, style, width: width) {
            let size = measurer.measure(line, style: style, width: nil)
            block.add(.text(TextRun(line, style: style, frame: Rect(x: x, y: cursor, width: width, height: size.height),
                                    alignment: alignment, wraps: false)))
            cursor += size.height
        }
        block.height = max(block.height, cursor)
        return cursor - y
    }

    func identifierLines(_ text: String, _ style: TextStyle, width: Points) -> [String] {
        let characters = Array(text)
        var parts = 1
        while parts < 8 {
            let length = (characters.count + parts - 1) / parts
            if self.width(String(characters.prefix(length)), style) <= width + 0.01 { break }
            parts *= 2
        }
        let length = max(1, (characters.count + parts - 1) / parts)
        return stride(from: 0, to: characters.count, by: length).map { String(characters[$0..<min($0 + length, characters.count)]) }
    }

    func rule(x: Points, y: Points, width: Points, weight: Points = 0.5, into block: inout Block) {
        block.add(.rule(Rule(from: Point(x: x, y: y), to: Point(x: x + width, y: y), width: weight,
                             color: template.colors.rule)))
        block.height = max(block.height, y + weight)
    }
}
