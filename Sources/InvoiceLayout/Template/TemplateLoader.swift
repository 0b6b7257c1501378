public import Foundation

/// Finds and reads templates: a path to a JSON file, or a name looked up in the templates folder.
public enum TemplateLoader {
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    private struct Header: Decodable {
        var format: String?
        var version: Int?
    }

    /// Reads `nameOrPath`: an existing file, else `<templatesDirectory>/<name>.json`.
    public static func load(_ nameOrPath: String, templatesDirectory: URL) throws(LoadError) -> InvoiceTemplate {
        let direct = URL(fileURLWithPath: nameOrPath)
        let url = FileManager.default.fileExists(atPath: direct.path)
            ? direct : templatesDirectory.appendingPathComponent(nameOrPath + ".json")
        guard let data = try? Data(contentsOf: url) else {
            let known = (try? FileManager.default.contentsOfDirectory(atPath: templatesDirectory.path))?
                .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted().joined(separator: ", ") ?? ""
            throw LoadError(description: "template \(nameOrPath) not found (built-in templates: \(known))")
        }
        var template = try decode(data, name: url.lastPathComponent)
        template.baseDirectory = url.deletingLastPathComponent().path
        return template
    }

    /// Decodes a template, checking its header first.
    public static func decode(_ data: Data, name: String) throws(LoadError) -> InvoiceTemplate {
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(Header.self, from: data) else {
            throw LoadError(description: "template \(name) is not a JSON object")
        }
        guard header.format == InvoiceTemplate.format else {
            throw LoadError(description: "\(name) is not an einvoice template (\"format\" must be \"\(InvoiceTemplate.format)\")")
        }
        guard header.version == InvoiceTemplate.supportedVersion else {
            throw LoadError(description: "template \(name) has version \(header.version.map(String.init) ?? "none"); this einvoice reads version \(InvoiceTemplate.supportedVersion)")
        }
        let template: InvoiceTemplate
        do {
            template = try decoder.decode(InvoiceTemplate.self, from: data)
        } catch {
            throw LoadError(description: "template \(name): \(error)")
        }
        guard template.qr.sizeMM >= 40 else {
            throw LoadError(description: "template \(name): the signed QR must be at least 40 mm (qr.sizeMM is \(template.qr.sizeMM))")
        }
        guard ["L", "M", "Q", "H"].contains(template.qr.errorCorrection), template.qr.quietZoneModules >= 4 else {
            throw LoadError(description: "template \(name): qr.errorCorrection must be L, M, Q or H and quietZoneModules at least 4")
        }
        return template
    }
}
