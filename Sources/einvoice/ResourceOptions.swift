import ArgumentParser
import EInvoiceKit
import Foundation
import InvoiceLayout

/// `--template-path` and `--font-path`: where the Templates/ and Fonts/ folders are.
struct ResourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder of templates (default: Templates/ beside the tool or in EINVOICE_HOME).", valueName: "DIR"))
    var templatePath: String?

    @Option(help: ArgumentHelp("Folder of fonts; rendering uses only these (default: Fonts/).", valueName: "DIR"))
    var fontPath: String?

    func root() throws -> URL? {
        let found = ResourceLocator.root()
        if found == nil, templatePath == nil || fontPath == nil {
            throw ValidationError("cannot find the Fonts/ and Templates/ folders: run from the einvoice checkout, set EINVOICE_HOME, or pass --font-path and --template-path")
        }
        return found
    }

    func template(_ nameOrPath: String, root: URL?) throws -> InvoiceTemplate {
        let directory = templatePath.map { URL(fileURLWithPath: $0) } ?? root?.appendingPathComponent("Templates")
            ?? URL(fileURLWithPath: "Templates")
        do {
            return try TemplateLoader.load(nameOrPath, templatesDirectory: directory)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func fontsDirectory(root: URL?) -> String {
        fontPath ?? root?.appendingPathComponent("Fonts").path ?? "Fonts"
    }
}
