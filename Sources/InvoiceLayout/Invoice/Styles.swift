/// The text styles a template implies, named by role.
struct Styles {
    let base: TextStyle
    let small: TextStyle
    let muted: TextStyle
    let label: TextStyle
    let title: TextStyle
    let sellerName: TextStyle
    let table: TextStyle
    let tableHeader: TextStyle
    let mono: TextStyle
    let section: TextStyle
    let mark: TextStyle

    init(_ template: InvoiceTemplate) {
        let sizes = template.typeSizes
        let colors = template.colors
        base = TextStyle(size: sizes.base, color: colors.text)
        small = TextStyle(size: sizes.small, color: colors.text)
        muted = TextStyle(size: sizes.small, color: colors.muted)
        label = TextStyle(size: sizes.small, bold: true, color: colors.muted)
        title = TextStyle(size: sizes.title, bold: true, color: colors.accent)
        sellerName = TextStyle(size: sizes.sellerName, bold: true, color: colors.accent)
        table = TextStyle(size: sizes.table, color: colors.text)
        tableHeader = TextStyle(size: sizes.table, bold: true, color: colors.accent)
        // 64 hex digits of IRN at 7 pt mono (0.6 em advance) take 269 pt: one line beside the QR.
        mono = TextStyle(family: .mono, size: sizes.base - 1, color: colors.text)
        section = TextStyle(size: sizes.small + 0.5, bold: true, color: colors.accent)
        mark = TextStyle(size: sizes.base + 1, bold: true, color: .white)
    }
}
