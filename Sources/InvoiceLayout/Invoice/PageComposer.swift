/// Places blocks down the pages' content area, starting a new page when a block does not fit.
struct PageComposer {
    let pageSize: Size
    /// The area between the running header and footer.
    let content: Rect
    private(set) var pages: [[LayoutItem]] = []
    private var items: [LayoutItem] = []
    private(set) var y: Points

    init(pageSize: Size, content: Rect) {
        self.pageSize = pageSize
        self.content = content
        self.y = content.y
    }

    var remaining: Points { content.maxY - y }
    var pageIndex: Int { pages.count }

    /// Whether a block of `height` fits below the cursor on this page.
    func fits(_ height: Points) -> Bool { height <= remaining + 0.001 }

    /// Places `block` at the cursor and moves the cursor below it (plus `spacing`).
    mutating func place(_ block: Block, spacing: Points = 0) {
        items += block.items.map { $0.offsetBy(dx: content.x, dy: y) }
        y += block.height + spacing
    }

    mutating func skip(_ height: Points) { y += height }

    mutating func newPage() {
        pages.append(items)
        items = []
        y = content.y
    }

    /// Ends composition, returning each page's items.
    mutating func finish() -> [[LayoutItem]] {
        pages.append(items)
        items = []
        return pages
    }
}
