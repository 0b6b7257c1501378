import EInvoiceModel
import EInvoiceVerification
import Foundation
import InvoiceLayout

/// Turns one batch item into PDFs and manifest entries; every failure of the item becomes an entry.
///
/// Only a write error that every later item would hit too (disk full, read-only, permissions) is
/// thrown, so the run stops with that reason instead of failing each item the same way.
enum BatchWorker {
    /// - Parameter isDone: whether a response of a many-response item was rendered by an earlier run.
    static func process(_ item: BatchItem, printer: InvoicePrinter, namer: OutputNamer, configuration: BatchConfiguration,
                        isDone: (String) -> Bool) throws(AtomicFile.WriteError) -> (entries: [ManifestEntry], alreadyDone: Int) {
        if let reason = item.unreadable {
            return ([ManifestEntry(id: item.id, status: .failed, milliseconds: 0, error: reason)], 0)
        }
        let documents = IRPDocumentReader.read(item.data, source: item.id)
        let pending = documents.count > 1 && !configuration.force ? documents.filter { !isDone($0.id) } : documents
        let entries = try pending.map { document throws(AtomicFile.WriteError) in
            // The item's id, or `item#/pointer` for each of several responses in one item.
            let id = document.id
            let start = Date()
            func elapsed() -> Int { Int(Date().timeIntervalSince(start) * 1000) }
            let irn: String? = if case .response(let response) = document.content { response.irn } else { nil }
            do {
                var options = configuration.options
                if let sideCar = item.sideCar {
                    do {
                        options.extras = try InvoiceExtras(sideCar: sideCar, name: InvoiceExtras.sideCarPath(for: item.id)).merging(options.extras)
                    } catch {
                        throw RenderError(.usage, String(describing: error))
                    }
                }
                let rendered = try printer.render(document, options: options)
                let printable = rendered.prepared.printable
                let relative = namer.path(for: printable.invoice, irn: printable.irn, id: id)
                try AtomicFile.write(rendered.pdf, to: (configuration.outputDirectory as NSString).appendingPathComponent(relative))
                let reports = rendered.prepared.verifications
                let verdict = reports.first { $0.verdict != .valid }?.verdict ?? .valid
                return ManifestEntry(
                    id: id, status: printable.marks.contains(.unverified) ? .renderedUnverified
                        : printable.marks.contains(.sandbox) ? .renderedSandbox : .rendered, irn: printable.irn,
                    verdict: verdict.rawValue, environment: reports.first?.environment.rawValue, output: relative,
                    sha256: Manifest.sha256(rendered.pdf), pages: rendered.pageCount, milliseconds: elapsed(), error: nil)
            } catch let error as AtomicFile.WriteError where error.affectsEveryWrite {
                throw error
            } catch let error as RenderError {
                return ManifestEntry(id: id, status: error.code == .unverified ? .unverified : .failed, irn: irn,
                                     milliseconds: elapsed(), error: error.reason)
            } catch {
                return ManifestEntry(id: id, status: .failed, irn: irn, milliseconds: elapsed(), error: "\(error)")
            }
        }
        return (entries, documents.count - pending.count)
    }
}
