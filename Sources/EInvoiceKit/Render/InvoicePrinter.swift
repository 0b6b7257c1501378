public import CairoGraphics
public import EInvoiceModel
public import EInvoiceVerification
public import Foundation
public import InvoiceLayout
import InvoiceRenderer

/// The render pipeline: verify → prepare → lay out (Pango measures) → draw (Cairo PDF).
///
/// Owns its fonts and Pango objects, so it is not `Sendable`: make one per task or thread.
public final class InvoicePrinter {
    public let builder: PrintableInvoiceBuilder
    let fonts: FontSystem
    let measurer: PangoTextMeasurer
    let renderer: PageRenderer

    public init(template: InvoiceTemplate, fontsDirectory: String, verifier: Verifier) throws(RenderError) {
        do {
            fonts = try FontSystem(fontsDirectory: fontsDirectory)
        } catch {
            throw RenderError(.usage, "fonts: \(error.description)")
        }
        measurer = PangoTextMeasurer(fonts: fonts)
        renderer = PageRenderer(fonts: fonts)
        builder = PrintableInvoiceBuilder(verifier: verifier, template: template)
    }

    /// A rendered invoice: the PDF and what the run should report about it.
    public struct Rendered: Sendable {
        public var pdf: Data
        public var layout: LaidOutDocument
        public var prepared: PrintableInvoiceBuilder.Prepared
        public var pageCount: Int { layout.pages.count }
    }

    public func render(_ response: IRPResponse, options: RenderOptions) throws(RenderError) -> Rendered {
        let prepared = try builder.prepare(response, options: options)
        let layout = InvoiceLayoutEngine(template: builder.template, measurer: measurer)
            .layout(prepared.printable, metadata: prepared.metadata)
        do {
            return Rendered(pdf: try renderer.pdf(layout), layout: layout, prepared: prepared)
        } catch {
            throw RenderError(.drawing, "drawing the PDF failed: \(error.description)")
        }
    }

    /// Draws an already laid-out document (for benchmarks and custom layouts).
    public func pdf(_ document: LaidOutDocument) throws(RenderError) -> Data {
        do {
            return try renderer.pdf(document)
        } catch {
            throw RenderError(.drawing, "drawing the PDF failed: \(error.description)")
        }
    }

    /// One page as a PNG image at `dpi` (previews, tests).
    public func png(_ page: Page, dpi: Double) throws(RenderError) -> Data {
        do {
            return try renderer.image(page, dpi: dpi).pngData()
        } catch {
            throw RenderError(.drawing, "rasterising failed: \(error.description)")
        }
    }
}

@available(*, unavailable)
extension InvoicePrinter: Sendable {}
