/// Items laid out from a local origin (0, 0) with a known height, placed later by the composer.
///
/// Building a block before placing it lets the composer decide on a page break with the block's
/// real height in hand (typst's "regions": measure, then commit).
struct Block {
    var height: Points = 0
    var items: [LayoutItem] = []

    mutating func add(_ item: LayoutItem) { items.append(item) }

    /// Appends `other` below `dy`, extending the height.
    mutating func append(_ other: Block, at dy: Points, dx: Points = 0) {
        items += other.items.map { $0.offsetBy(dx: dx, dy: dy) }
        height = max(height, dy + other.height)
    }
}

extension LayoutItem {
    func offsetBy(dx: Points, dy: Points) -> LayoutItem {
        switch self {
        case .text(var run):
            run.frame.x += dx
            run.frame.y += dy
            return .text(run)
        case .rule(var rule):
            rule.from.x += dx
            rule.from.y += dy
            rule.to.x += dx
            rule.to.y += dy
            return .rule(rule)
        case .box(var box):
            box.frame.x += dx
            box.frame.y += dy
            return .box(box)
        case .qr(var qr):
            qr.frame.x += dx
            qr.frame.y += dy
            return .qr(qr)
        case .image(var image):
            image.frame.x += dx
            image.frame.y += dy
            return .image(image)
        case .watermark(var mark):
            mark.center.x += dx
            mark.center.y += dy
            return .watermark(mark)
        }
    }
}
