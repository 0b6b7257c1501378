public import ArgumentParser
public import EInvoiceKit
public import Foundation
import EInvoiceVerification
import InvoiceLayout

/// `--template-path` and `--font-path`: where the Templates/ and Fonts/ folders are, when not in the
/// resource folder ``ResourceLocator`` finds (beside the tool, EINVOICE_HOME, XDG data directories).
public struct ResourceOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder of templates (default: share/einvoice/Templates beside the tool, or EINVOICE_HOME's).", valueName: "DIR"))
    var templatePath: String?

    @Option(help: ArgumentHelp("Folder of fonts; rendering uses only these (default: share/einvoice/Fonts beside the tool, or EINVOICE_HOME's).", valueName: "DIR"))
    var fontPath: String?

    public init() {}

    /// The resource folder, or `nil` when both folders are given; a clear error (exit 66) naming every
    /// place looked at when neither is possible.
    public func root() throws -> ResourceRoot? {
        if templatePath != nil, fontPath != nil { return nil }
        do {
            return try ResourceLocator.locate()
        } catch {
            warn(error.description)
            throw ExitCode(ExitStatus.noInput.rawValue)
        }
    }

    public func templatesDirectory(root: ResourceRoot?) -> URL {
        templatePath.map { URL(fileURLWithPath: $0) } ?? root?.templatesDirectory ?? URL(fileURLWithPath: "Templates")
    }

    /// The template `nameOrPath`; a migration note (version 1) goes to standard error.
    func template(_ nameOrPath: String, root: ResourceRoot?) throws -> InvoiceTemplate {
        do {
            let loaded = try TemplateLoader.loadWithNotes(nameOrPath, templatesDirectory: templatesDirectory(root: root))
            for note in loaded.notes { warn("template \(nameOrPath): \(note)") }
            return loaded.template
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// A printer for `template` with these fonts: template, fonts and images are loaded once.
    func printer(_ template: String, root: ResourceRoot?, verifier: Verifier) throws -> InvoicePrinter {
        do {
            return try InvoicePrinter(template: self.template(template, root: root), fontsDirectory: fontsDirectory(root: root),
                                      verifier: verifier, colorProfile: colorProfile(root: root))
        } catch let error as RenderError {
            throw ValidationError(error.reason)
        }
    }

    public func fontsDirectory(root: ResourceRoot?) -> String {
        fontPath ?? root?.fontsDirectory.path ?? "Fonts"
    }

    /// The archive's colour profile from the resource folder (`nil`: the template's own root is tried).
    public func colorProfile(root: ResourceRoot?) -> Data? {
        root.flatMap { FileManager.default.contents(atPath: $0.colorProfile.path) }
    }
}
