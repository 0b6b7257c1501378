import EInvoiceModel
public import Foundation

/// Finds and reads templates: a path to a JSON file, or a name looked up in the templates folder.
///
/// Order: JSON → header (`format`, `version`) → a version-1 file is migrated in memory →
/// every key checked against ``TemplateSchema`` (all mistakes reported together, each with its
/// key path) → cross-key rules → decode. Nothing of a bad template reaches layout.
public enum TemplateLoader {
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        /// The file (or name) the template came from.
        public let file: String
        /// Every mistake found, with its key path; empty when the file as a whole is unusable.
        public let problems: [TemplateValidator.Problem]
        public let summary: String

        public var description: String {
            guard !problems.isEmpty else { return "template \(file): \(summary)" }
            let count = problems.count == 1 ? "1 mistake" : "\(problems.count) mistakes"
            return "template \(file) has \(count):\n" + problems.map { "  \($0)" }.joined(separator: "\n")
        }

        init(file: String, _ summary: String, problems: [TemplateValidator.Problem] = []) {
            self.file = file
            self.summary = summary
            self.problems = problems
        }
    }

    /// A loaded template and what the loader has to say about it (a migrated version, say).
    public struct Loaded: Sendable {
        public var template: InvoiceTemplate
        public var notes: [String]
    }

    /// The path `nameOrPath` names: an existing file, else `<templatesDirectory>/<name>.json`.
    public static func url(_ nameOrPath: String, templatesDirectory: URL) -> URL {
        let direct = URL(fileURLWithPath: nameOrPath)
        return FileManager.default.fileExists(atPath: direct.path)
            ? direct : templatesDirectory.appendingPathComponent(nameOrPath + ".json")
    }

    /// The names of the templates in `directory` (its `*.json` files, `schema.json` excepted).
    public static func names(in directory: URL) -> [String] {
        // A listing for menus and hints: loading a template by name reports a missing folder itself.
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".json") && $0 != "schema.json" }.map { String($0.dropLast(5)) }.sorted()
    }

    public static func load(_ nameOrPath: String, templatesDirectory: URL) throws(LoadError) -> InvoiceTemplate {
        try loadWithNotes(nameOrPath, templatesDirectory: templatesDirectory).template
    }

    public static func loadWithNotes(_ nameOrPath: String, templatesDirectory: URL) throws(LoadError) -> Loaded {
        let url = url(nameOrPath, templatesDirectory: templatesDirectory)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let known = names(in: templatesDirectory).joined(separator: ", ")
            throw LoadError(file: nameOrPath, "not found (built-in templates: \(known))")
        }
        let base = url.deletingLastPathComponent().path
        var loaded = try decodeWithNotes(data, name: url.path, baseDirectory: base)
        loaded.template.baseDirectory = base
        for image in loaded.template.images {
            // `nil` (missing, not a PNG) was already refused by name by the template's validation.
            if let size = PNGHeader.size(atPath: image.path) {
                loaded.template.imageAspects[image.path] = Double(size.width) / Double(size.height)
            }
        }
        return loaded
    }

    /// Decodes a template, checking its header first. `baseDirectory` is where images are
    /// looked for; `nil` skips the image checks.
    public static func decode(_ data: Data, name: String, baseDirectory: String? = nil) throws(LoadError) -> InvoiceTemplate {
        try decodeWithNotes(data, name: name, baseDirectory: baseDirectory).template
    }

    public static func decodeWithNotes(_ data: Data, name: String, baseDirectory: String?) throws(LoadError) -> Loaded {
        let parsed: JSONValue
        do {
            parsed = try JSONValue.parse(data)
        } catch {
            throw LoadError(file: name, "not a JSON object (\(error.reason))")
        }
        guard case .object(var members) = parsed else { throw LoadError(file: name, "not a JSON object") }
        guard members["format"] == .string(InvoiceTemplate.format) else {
            throw LoadError(file: name, "not an einvoice template (\"format\" must be \"\(InvoiceTemplate.format)\")")
        }
        var notes: [String] = []
        switch members["version"] {
        case .number(2)?:
            break
        case .number(1)?:
            members = TemplateMigration.fromVersion1(members)
            notes.append("version 1 template read as version 2; `einvoice templates show \(name)` prints it in version 2")
        case let other:
            throw LoadError(file: name, "has version \(other?.summary ?? "none"); this einvoice reads version \(InvoiceTemplate.supportedVersion) (and migrates version 1)")
        }
        let value = JSONValue.object(members)
        var problems = TemplateValidator(baseDirectory: baseDirectory).problems(value)
        guard problems.isEmpty else { throw LoadError(file: name, "invalid", problems: problems) }
        let template: InvoiceTemplate
        do {
            template = try JSONDecoder().decode(InvoiceTemplate.self, from: TemplateMigration.data(value))
        } catch {
            // The schema admits only what decodes; reaching this is a schema bug, reported plainly.
            throw LoadError(file: name, "cannot be read (\(error))")
        }
        problems = crossKeyProblems(template)
        guard problems.isEmpty else { throw LoadError(file: name, "invalid", problems: problems) }
        return Loaded(template: template, notes: notes)
    }

    /// Rules that span keys, which the per-key schema cannot say.
    static func crossKeyProblems(_ template: InvoiceTemplate) -> [TemplateValidator.Problem] {
        var problems: [TemplateValidator.Problem] = []
        if template.page.size == "custom", template.page.widthMM == nil || template.page.heightMM == nil {
            problems.append(.init(keyPath: "page.widthMM", message: "size custom needs widthMM and heightMM"))
        }
        for (index, copy) in template.copies.default.enumerated() where template.copies.labels[copy] == nil {
            problems.append(.init(keyPath: "copies.default[\(index)]", message: "\"\(copy)\" has no label; expected one of "
                + template.copies.labels.keys.sorted().joined(separator: ", ")))
        }
        if !template.columns.contains(.description) {
            problems.append(.init(keyPath: "columns", message: "must include \"description\" (Rule 46 (h))"))
        }
        let size = template.pageSize
        let margins = template.page.marginsMM
        if Points.mm(template.qr.sizeMM + margins.left + margins.right) + 120 > size.width {
            problems.append(.init(keyPath: "qr.sizeMM", message: "\(template.qr.sizeMM) mm leaves no room beside the QR on \(template.page.size) paper"))
        }
        return problems
    }
}
