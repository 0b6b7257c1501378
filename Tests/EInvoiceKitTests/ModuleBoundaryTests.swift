import EInvoiceTestSupport
import Foundation
import Testing

/// The pipeline order of the package's modules, checked against what the code really does.
///
/// A module may import only modules of a lower tier: both the `import` lines of its files and the
/// `dependencies` Package.swift declares for it (an import SwiftPM does not know about builds only
/// by luck of build order). `scripts/module-graph` draws the same graph for docs/architecture.md.
@Suite struct ModuleBoundaryTests {
    /// The declared order, bottom first. `C…` system-library modules are tier 0 without being listed.
    /// A new module goes on the lowest tier above everything it imports.
    static let tiers: [[String]] = [
        ["EInvoiceBasics", "PrintedText", "CRSAPublicIFMA"],                      // the floor: no imports
        ["EInvoiceModel", "CairoGraphics", "QRCodec", "PDFArchive", "TextRecognition"],  // values; C wrappers
        ["EInvoiceVerification", "InvoiceLayout", "RasterIO"],                   // verify; lay out; load images
        ["InvoiceRenderer", "InvoiceScanning", "EInvoiceTestSupport"],           // draw; read QRs and print
        ["EInvoiceKit"],                                                          // the façades
        ["InvoiceLedger"],                                                        // history of checks
        ["EInvoiceServer", "EInvoiceCLI"],                                        // the desk; the command line
        ["einvoice", "einvoice-serve", "einvoice-bench"],                         // the faces
    ]

    static let sources = Fixtures.root.appendingPathComponent("Sources")

    /// Each local module and the folder of its files.
    static let modules: [String: URL] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sources.path)) ?? []
        var folders = Dictionary(uniqueKeysWithValues: names.map { ($0, sources.appendingPathComponent($0)) })
        folders["einvoice-bench"] = Fixtures.root.appendingPathComponent("bench/Sources/einvoice-bench")
        return folders
    }()

    static func tier(of module: String) -> Int? {
        if module.hasPrefix("C"), modules[module].map(isSystemLibrary) == true { return 0 }
        return tiers.firstIndex { $0.contains(module) }
    }

    static func isSystemLibrary(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("module.modulemap").path)
    }

    @Test func everyModuleHasATier() {
        #expect(Self.modules.count > 10, "Sources/ not found from \(Self.sources.path)")
        for module in Self.modules.keys.sorted() {
            #expect(Self.tier(of: module) != nil, "\(module) is not in ModuleBoundaryTests.tiers: add it above what it imports")
        }
    }

    @Test func importsRunDownThePipeline() throws {
        for (module, folder) in Self.modules where !Self.isSystemLibrary(folder) {
            guard let tier = Self.tier(of: module) else { continue }
            for (file, imported) in try Self.localImports(in: folder) {
                guard let target = Self.tier(of: imported) else { continue }
                #expect(target < tier, "\(file) (\(module), tier \(tier)) imports \(imported) (tier \(target))")
            }
        }
    }

    @Test func packageDependenciesRunDownThePipeline() throws {
        let declared = try Self.declaredDependencies()
        #expect(declared["EInvoiceKit"]?.contains("EInvoiceModel") == true, "Package.swift was not parsed")
        for (module, dependencies) in declared {
            guard let tier = Self.tier(of: module) else { continue }
            for dependency in dependencies {
                guard let target = Self.tier(of: dependency) else { continue }
                #expect(target < tier, "Package.swift: \(module) (tier \(tier)) depends on \(dependency) (tier \(target))")
            }
        }
    }

    @Test func everyImportIsDeclared() throws {
        let declared = try Self.declaredDependencies()
        for (module, folder) in Self.modules where !Self.isSystemLibrary(folder) {
            for (file, imported) in try Self.localImports(in: folder) {
                #expect(declared[module, default: []].contains(imported),
                        "\(file) imports \(imported), which Package.swift does not list for \(module)")
            }
        }
    }

    /// `einvoice` starts without the desk's web server: nothing it depends on, however indirectly,
    /// is `EInvoiceServer` (SwiftNIO and Hummingbird come only with it; `einvoice serve` hands over
    /// to `einvoice-serve`).
    @Test func theCommandLineDoesNotReachTheWebServer() throws {
        let declared = try Self.declaredDependencies()
        var reached: Set<String> = [], queue = ["einvoice"]
        while let module = queue.popLast() {
            for dependency in declared[module, default: []] where reached.insert(dependency).inserted { queue.append(dependency) }
        }
        #expect(reached.contains("EInvoiceCLI") && reached.contains("EInvoiceKit"), "Package.swift was not parsed: \(reached)")
        #expect(!reached.contains("EInvoiceServer"), "einvoice reaches EInvoiceServer")
        #expect(declared["einvoice-serve", default: []].contains("EInvoiceServer"))
    }

    /// `(file, module)` for each `import` of a local module in the Swift files under `folder`.
    static func localImports(in folder: URL) throws -> [(String, String)] {
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                guard let index = words.firstIndex(of: "import"), index <= 1, index + 1 < words.count else { continue }
                guard index == 0 || ["public", "internal", "package", "private", "fileprivate"].contains(words[0]) else { continue }
                let name = String(words[index + 1].split(separator: ".")[0])
                if modules[name] != nil { found.append((url.lastPathComponent, name)) }
            }
        }
        return found
    }

    /// Local dependencies per target, read from the quoted names inside each target's
    /// `dependencies: [ … ]` in Package.swift (products of other packages are not local and are skipped).
    static func declaredDependencies() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: Fixtures.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        var result: [String: Set<String>] = [:]
        let starts = [".target(", ".executableTarget(", ".testTarget(", ".systemLibrary("]
        var rest = manifest[...]
        while let start = starts.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
            rest = rest[start.upperBound...]
            let next = starts.compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
            let body = rest[..<next]
            guard let name = quoted(after: "name:", in: body).first else { continue }
            var dependencies = Set<String>()
            if let open = body.range(of: "dependencies: [") {
                var depth = 1, end = open.upperBound
                while end < body.endIndex, depth > 0 {
                    if body[end] == "[" { depth += 1 } else if body[end] == "]" { depth -= 1 }
                    end = body.index(after: end)
                }
                dependencies = Set(quoted(after: nil, in: body[open.upperBound..<end]).filter { modules[$0] != nil })
            }
            result[name] = dependencies
        }
        return result
    }

    /// The string literals in `text` (after `marker` when given).
    static func quoted(after marker: String?, in text: Substring) -> [String] {
        var text = text
        if let marker {
            guard let range = text.range(of: marker) else { return [] }
            text = text[range.upperBound...]
        }
        return text.split(separator: "\"", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
