import ArgumentParser
import EInvoiceKit
import Foundation
import EInvoiceVerification
import InvoiceLayout

/// `einvoice templates`: list the print formats, show one (in the current version), check one.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List, show and check print templates (Templates/schema.json documents every key).",
        subcommands: [List.self, Show.self, Check.self, Schema.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the templates in the templates folder.")
        @OptionGroup var resources: ResourceOptions

        func run() throws {
            let directory = resources.templatesDirectory(root: try resources.root())
            for name in TemplateLoader.names(in: directory) {
                do {
                    let template = try TemplateLoader.load(name, templatesDirectory: directory)
                    let copies = template.copies.default.joined(separator: ",")
                    print("\(name)\t\(template.page.size), QR \(Int(template.qr.sizeMM)) mm, base \(template.typeSizes.base) pt, copies \(copies)")
                } catch {
                    print("\(name)\tINVALID (einvoice templates check \(name))")
                }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", 
            abstract: "Print a template as it is read, in the current version (a version 1 file comes out migrated).")
        @Argument(help: ArgumentHelp("Template name or path.", valueName: "NAME|PATH"))
        var template: String
        @OptionGroup var resources: ResourceOptions

        func run() throws {
            let loaded = try resources.template(template, root: try resources.root())
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(loaded), as: UTF8.self))
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", 
            abstract: "Check templates: every mistake with its key path, and whether its fonts and images load.")
        @Argument(help: ArgumentHelp("Template names or paths.", valueName: "FILE"))
        var templates: [String]
        @OptionGroup var resources: ResourceOptions

        func run() throws {
            let root = try resources.root()
            var failed = false
            for name in templates {
                do {
                    let loaded = try TemplateLoader.loadWithNotes(name, templatesDirectory: resources.templatesDirectory(root: root))
                    _ = try InvoicePrinter(template: loaded.template, fontsDirectory: resources.fontsDirectory(root: root), verifier: Verifier())
                    print("\(name): ok" + loaded.notes.map { " (\($0))" }.joined())
                } catch let error as TemplateLoader.LoadError {
                    print(error.description)
                    failed = true
                } catch let error as RenderError {
                    print("template \(name): \(error.reason)")
                    failed = true
                }
            }
            if failed { throw ExitCode(ExitStatus.malformedInput.rawValue) }
        }
    }

    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the JSON Schema of templates (as Templates/schema.json).")

        func run() { print(TemplateSchema.root.jsonSchemaDocument, terminator: "") }
    }
}
