import CairoGraphics
import EInvoiceBasics
public import EInvoiceModel
public import EInvoiceVerification
public import Foundation
public import InvoiceLayout
import InvoiceRenderer
import PDFArchive

/// The render pipeline: verify → prepare → lay out (Pango measures) → draw (Cairo PDF).
///
/// Fonts, the template's images and the colour profile are loaded once, here, and reused for
/// every invoice. Owns its fonts and Pango objects, so it is not `Sendable`: make one per task.
public final class InvoicePrinter {
    public let builder: PrintableInvoiceBuilder
    let fonts: FontSystem
    let measurer: PangoTextMeasurer
    let renderer: PageRenderer
    /// The sRGB ICC profile an archive PDF's output intent carries: given, else `color/sRGB.icc` of
    /// the resource root the template lives in (``ResourceRoot``: `Templates/` and `color/` are siblings).
    let colorProfile: Data?

    public init(template: InvoiceTemplate, fontsDirectory: String, verifier: Verifier,
                colorProfile: Data? = nil) throws(RenderError) {
        self.colorProfile = colorProfile ?? template.baseDirectory.flatMap {
            FileManager.default.contents(atPath: $0 + "/../color/sRGB.icc")
        }
        do {
            fonts = try FontSystem(fontsDirectory: fontsDirectory)
        } catch {
            throw RenderError(.usage, "fonts: \(error.description)")
        }
        let families = fonts.families
        for (key, family) in [("fonts.text", template.fonts.text), ("fonts.identifiers", template.fonts.identifiers)]
        where !families.contains(family) {
            throw RenderError(.usage, "template \(template.name): \(key) \"\(family)\" is not among the fonts in \(fontsDirectory) (\(families.joined(separator: ", ")))")
        }
        var images: [String: PNGImage] = [:]
        for image in template.images {
            do {
                images[image.path] = try PNGImage(path: image.path)
            } catch {
                throw RenderError(.usage, "template \(template.name): \(image.keyPath): \(error.description)")
            }
        }
        measurer = PangoTextMeasurer(fonts: fonts, families: template.fonts)
        renderer = PageRenderer(fonts: fonts, families: template.fonts, images: images)
        builder = PrintableInvoiceBuilder(verifier: verifier, template: template)
    }

    /// A rendered invoice: the PDF and what the run should report about it.
    public struct Rendered: Sendable {
        public var pdf: Data
        public var layout: LaidOutDocument
        public var prepared: PrintableInvoiceBuilder.Prepared
        public var pageCount: Int { layout.pages.count }
    }

    /// Renders one document of any input shape: the one composition of *render a document*,
    /// behind `render`, `batch` and the desk's `POST /api/v1/render`. Anything but an IRP
    /// response with both tokens is refused with the reason verification gives.
    public func render(_ document: InputDocument, options: RenderOptions) throws(RenderError) -> Rendered {
        guard case .response(let response) = document.content else {
            let results = builder.verifier.verify(document)
            throw RenderError(.notAResponse, results.flatMap(\.errors).first ?? "nothing to render: not an IRP response",
                              status: ExitStatus.of(results))
        }
        return try render(response, options: options)
    }

    /// For a process that only renders (the `render` and `batch` commands): the first printer's
    /// fonts become the process's fontconfig configuration, so Pango does not also load the
    /// machine's (see `FontSystem.claimProcessConfiguration`). Call before making a printer.
    public static func claimProcessFontConfiguration() {
        FontSystem.claimProcessConfiguration()
    }

    public func render(_ response: IRPResponse, options: RenderOptions) throws(RenderError) -> Rendered {
        let prepared = try builder.prepare(response, options: options)
        let layout = InvoiceLayoutEngine(template: builder.template, measurer: measurer)
            .layout(prepared.printable, metadata: prepared.metadata, copies: prepared.copies)
        var pdf = try self.pdf(layout)
        if options.archive { pdf = try archive(pdf, response: response, prepared: prepared) }
        return Rendered(pdf: pdf, layout: layout, prepared: prepared)
    }

    /// PDF/A-3b: metadata, output intent, and the tokens embedded (see ``ArchivedTokens``).
    private func archive(_ pdf: Data, response: IRPResponse, prepared: PrintableInvoiceBuilder.Prepared) throws(RenderError) -> Data {
        guard let colorProfile else {
            throw RenderError(.usage, "--archive needs color/sRGB.icc beside Templates/ (the output intent's colour profile)")
        }
        let meta = prepared.metadata
        let attachments = try ArchivedTokens.attachments(for: response, irn: prepared.printable.irn).map {
            ArchiveAttachment(name: $0.name, mimeType: $0.mime, description: $0.description, data: $0.data)
        }
        do {
            return try PDFArchiver.makePDFA3(pdf, metadata: meta, producer: "\(meta.creator) (Cairo, qpdf)",
                                             attachments: attachments, iccProfile: colorProfile)
        } catch {
            throw RenderError(.drawing, "making the PDF/A archive failed: \(error.reason)")
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
