import ArgumentParser
import EInvoiceKit
import EInvoiceModel
import Foundation
import InvoiceLayout

/// Where `render` writes: one file, a folder (several invoices), or standard output.
struct OutputDestination {
    enum Kind { case file(String), directory(String), standardOutput }
    let kind: Kind

    init(_ output: String?, itemCount: Int) throws {
        var isDirectory: ObjCBool = false
        if output == "-" {
            guard itemCount == 1 else { throw ValidationError("-o - writes one PDF; the input holds \(itemCount) items") }
            kind = .standardOutput
        } else if let output, output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue) {
            kind = .directory(output)
        } else if let output {
            guard itemCount == 1 else { throw ValidationError("-o \(output): give a folder for \(itemCount) invoices") }
            kind = .file(output)
        } else {
            kind = .directory(".")
        }
    }

    /// The file for an invoice: `-o FILE`, or `DocType-DocNo.pdf` in the folder.
    func path(docType: String?, docNo: String?) -> String? {
        switch kind {
        case .file(let path): return path
        case .standardOutput: return nil
        case .directory(let folder):
            let name = SafeFileName.component("\(docType ?? "INV")-\(docNo ?? "invoice").pdf")
            return URL(fileURLWithPath: folder).appendingPathComponent(name).path
        }
    }
}

/// What happened to one input of `render`, for the report and the exit code.
struct RenderOutcome {
    var input: String
    var status: ExitStatus
    var output: String?
    var pages: Int?
    var irn: String?
    var marks: [String] = []
    var message: String

    /// Renders `document` through the library's façade and writes the PDF where asked.
    static func render(_ document: InputDocument, printer: InvoicePrinter, destination: OutputDestination,
                       options: () throws(RenderError) -> RenderOptions) -> RenderOutcome {
        do throws(RenderError) {
            let rendered = try printer.render(document, options: options())
            let printable = rendered.prepared.printable
            let marks = printable.marks.map(\.rawValue)
            let pages = "\(rendered.pageCount) page\(rendered.pageCount == 1 ? "" : "s")"
            guard let path = destination.path(docType: printable.invoice.document.type, docNo: printable.invoice.document.number) else {
                FileHandle.standardOutput.write(rendered.pdf)
                return RenderOutcome(input: document.id, status: status(marks), output: "-", pages: rendered.pageCount, irn: printable.irn,
                                     marks: marks, message: "written to standard output")
            }
            do {
                try AtomicFile.write(rendered.pdf, to: path)
            } catch {
                return RenderOutcome(input: document.id, status: .cannotCreateOutput, message: error.description)
            }
            return RenderOutcome(input: document.id, status: status(marks), output: path, pages: rendered.pageCount, irn: printable.irn,
                                 marks: marks, message: pages)
        } catch {
            return RenderOutcome(input: document.id, status: error.exitStatus, message: error.reason)
        }
    }

    /// A sandbox render is written, but never reported as a plain success (exit 5).
    private static func status(_ marks: [String]) -> ExitStatus {
        marks.contains(PrintableInvoice.Mark.sandbox.rawValue) ? .sandbox : .success
    }

    var text: String {
        let marksText = marks.isEmpty ? "" : " [\(marks.joined(separator: ", "))]"
        if let output, output != "-" { return "\(input): rendered \(output) (\(message))\(marksText)" }
        return "\(input): \(output == "-" ? "" : "not rendered: ")\(message)\(marksText)"
    }

    var jsonLine: String {
        struct JSON: Encodable {
            var input: String, status: String, exitCode: Int32, output: String?, pages: Int?, irn: String?, marks: [String], message: String
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = JSON(input: input, status: output == nil ? "failed" : status == .sandbox ? "rendered-sandbox" : "rendered", exitCode: status.rawValue,
                        output: output, pages: pages, irn: irn, marks: marks, message: message)
        return (try? encoder.encode(json)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"  // strings and integers only
    }
}
