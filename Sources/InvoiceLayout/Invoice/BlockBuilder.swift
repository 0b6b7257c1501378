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
    @discardableResult
    func rows(_ rows: [(String, String)], x: Points, y: Points, width: Points, labelWidth: Points,
              valueStyle: TextStyle? = nil, into block: inout Block) -> Points {
        var cursor = y
        for (label, value) in rows where !value.isEmpty {
            let style = valueStyle ?? styles.small
            let labelHeight = text(label, styles.label, x: x, y: cursor + 0.5, width: labelWidth, into: &block)
            let valueHeight = text(value, style, x: x + labelWidth, y: cursor, width: width - labelWidth, into: &block)
            cursor += max(labelHeight, valueHeight) + 1
        }
        return cursor
    }

    func rule(x: Points, y: Points, width: Points, weight: Points = 0.5, into block: inout Block) {
        block.add(.rule(Rule(from: Point(x: x, y: y), to: Point(x: x + width, y: y), width: weight,
                             color: template.colors.rule)))
        block.height = max(block.height, y + weight)
    }
}
