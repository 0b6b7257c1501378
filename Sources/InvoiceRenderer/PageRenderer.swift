public import CairoGraphics
import EInvoiceBasics
import EInvoiceModel
public import Foundation
public import InvoiceLayout

/// Draws laid-out pages with Cairo: one `switch` over the item kinds.
public struct PageRenderer {
    let setter: TextSetter
    let families: InvoiceTemplate.Fonts
    /// Images decoded once, by path (a template's logo and signature).
    let images: [String: PNGImage]

    /// - Parameter images: every image a layout may place, decoded beforehand; drawing a path
    ///   that is not here is an error, never a silent blank.
    public init(fonts: FontSystem, families: InvoiceTemplate.Fonts = .bundled, images: [String: PNGImage] = [:]) {
        self.setter = TextSetter(fonts: fonts)
        self.families = families
        self.images = images
    }

    /// Renders every page into one PDF.
    public func pdf(_ document: LaidOutDocument) throws(CairoError) -> Data {
        let first = document.pages.first?.size ?? Size(width: 595.28, height: 841.89)
        let surface = try Surface(pdfWidth: first.width, height: first.height, metadata: document.metadata)
        let context = try GraphicsContext(surface: surface)
        for page in document.pages {
            surface.setPageSize(width: page.size.width, height: page.size.height)
            try draw(page, in: context)
            context.showPage()
        }
        try context.status()
        return try surface.finishPDF()
    }

    /// Renders one page to an image at `dpi` (for previews and pixel tests).
    public func image(_ page: Page, dpi: Double) throws(CairoError) -> Surface {
        let scale = dpi / 72
        let surface = try Surface(imageWidth: Int((page.size.width * scale).rounded(.up)),
                                  height: Int((page.size.height * scale).rounded(.up)))
        let context = try GraphicsContext(surface: surface)
        context.setColor(red: 1, green: 1, blue: 1)
        context.fillRectangle(x: 0, y: 0, width: page.size.width * scale, height: page.size.height * scale)
        context.scale(scale)
        try draw(page, in: context)
        try context.status()
        return surface
    }

    /// Draws every item; an item that cannot be drawn fails the page (with what it was), so no
    /// invoice is printed without its signed QR or letterhead.
    func draw(_ page: Page, in context: GraphicsContext) throws(CairoError) {
        for item in page.items {
            switch item {
            case .text(let run):
                set(run.style.color, in: context)
                let alignment: TextSetter.Alignment = switch run.alignment {
                case .leading: .leading
                case .center: .center
                case .trailing: .trailing
                }
                setter.draw(run.text, font: PangoTextMeasurer.font(run.style, families: families), x: run.frame.x, y: run.frame.y,
                            width: run.wraps || run.alignment != .leading ? run.frame.width : nil, alignment: alignment, in: context)
            case .rule(let rule):
                set(rule.color, in: context)
                context.line(from: (rule.from.x, rule.from.y), to: (rule.to.x, rule.to.y), width: rule.width)
            case .box(let box):
                if let fill = box.fill {
                    set(fill, in: context)
                    context.fillRectangle(x: box.frame.x, y: box.frame.y, width: box.frame.width, height: box.frame.height)
                }
                if let stroke = box.stroke {
                    set(stroke, in: context)
                    context.strokeRectangle(x: box.frame.x, y: box.frame.y, width: box.frame.width,
                                            height: box.frame.height, lineWidth: box.strokeWidth)
                }
            case .qr(let qr):
                do {
                    try drawQR(qr, in: context)
                } catch {
                    throw error.drawing("the QR code (\(qr.matrix.size)×\(qr.matrix.size) modules)")
                }
            case .image(let image):
                guard let png = images[image.path] else { throw CairoError.missingImage(image.path) }
                context.draw(png, x: image.frame.x, y: image.frame.y, width: image.frame.width, height: image.frame.height)
            case .watermark(let mark):
                context.withSavedState {
                    set(mark.style.color, in: context)
                    context.translate(x: mark.center.x, y: mark.center.y)
                    context.rotate(degrees: mark.angle)
                    let font = PangoTextMeasurer.font(mark.style, families: families)
                    let size = setter.measure(mark.text, font: font, width: nil)
                    setter.draw(mark.text, font: font, x: -size.width / 2, y: -size.height / 2, width: nil,
                                alignment: .leading, in: context)
                }
            }
        }
    }

    /// White quiet zone, then the dark modules as one 1-bit stencil scaled without interpolation:
    /// adjacent modules share exact edges at any resolution, and the page writes a few kilobytes
    /// instead of thousands of path coordinates (see `GraphicsContext.fillCellMask`).
    private func drawQR(_ qr: QRPlacement, in context: GraphicsContext) throws(CairoError) {
        context.setColor(red: 1, green: 1, blue: 1)
        context.fillRectangle(x: qr.frame.x, y: qr.frame.y, width: qr.frame.width, height: qr.frame.height)
        let module = qr.moduleSize
        let quiet = Double(qr.quietZoneModules) * module
        // A tax invoice without its signed QR must not be printed: a failure here fails the render.
        context.setColor(red: 0, green: 0, blue: 0)
        try context.fillCellMask(gridSize: qr.matrix.size, x: qr.frame.x + quiet, y: qr.frame.y + quiet,
                                 cellSize: module) { qr.matrix[$0, $1] }
    }

    private func set(_ color: Color, in context: GraphicsContext) {
        context.setColor(red: color.red, green: color.green, blue: color.blue)
    }
}
