import EInvoiceModel
import EInvoiceVerification
import Foundation
import InvoiceLayout

/// Turns one batch item into PDFs and manifest entries; every failure becomes an entry, never a throw.
enum BatchWorker {
    static func process(_ item: BatchItem, printer: InvoicePrinter, namer: OutputNamer,
                        configuration: BatchConfiguration) -> [ManifestEntry] {
        let documents = IRPDocumentReader.read(item.data, source: item.id)
        return documents.enumerated().map { index, document in
            let id = documents.count == 1 ? item.id : "\(item.id)#\(index + 1)"
            let start = Date()
            func elapsed() -> Int { Int(Date().timeIntervalSince(start) * 1000) }
            guard case .response(let response) = document.content else {
                let reason = printer.builder.verifier.verify(document).flatMap(\.errors).first ?? "no IRP response"
                return ManifestEntry(id: id, status: .failed, milliseconds: elapsed(), error: reason)
            }
            do {
                let rendered = try printer.render(response, options: configuration.options)
                let printable = rendered.prepared.printable
                let relative = namer.path(for: printable.invoice, irn: printable.irn, id: id)
                try AtomicFile.write(rendered.pdf, to: (configuration.outputDirectory as NSString).appendingPathComponent(relative))
                let reports = rendered.prepared.verifications
                let verdict = reports.first { $0.verdict != .valid }?.verdict ?? .valid
                return ManifestEntry(
                    id: id, status: printable.marks.contains(.unverified) ? .renderedUnverified : .rendered, irn: printable.irn,
                    verdict: verdict.rawValue, environment: reports.first?.environment.rawValue, output: relative,
                    sha256: Manifest.sha256(rendered.pdf), pages: rendered.pageCount, milliseconds: elapsed(), error: nil)
            } catch let error as RenderError {
                return ManifestEntry(id: id, status: error.code == .unverified ? .unverified : .failed, irn: response.irn,
                                     milliseconds: elapsed(), error: error.reason)
            } catch {
                return ManifestEntry(id: id, status: .failed, irn: response.irn, milliseconds: elapsed(), error: "\(error)")
            }
        }
    }
}
