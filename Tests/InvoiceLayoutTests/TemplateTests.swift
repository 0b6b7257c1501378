import EInvoiceModel
import EInvoiceTestSupport
import Foundation
import InvoiceLayout
import Testing

@Suite struct TemplateTests {
    static let templates = Fixtures.root.appendingPathComponent("Templates")
    static let bundled = ["standard", "letter", "classic", "compact", "letterhead"]

    @Test(arguments: bundled)
    func bundledTemplatesLoad(_ name: String) throws {
        let loaded = try TemplateLoader.loadWithNotes(name, templatesDirectory: Self.templates)
        #expect(loaded.template.version == 2)
        #expect(loaded.notes.isEmpty)
        #expect(loaded.template.qr.sizeMM >= 40)
    }

    @Test func theListOmitsTheSchema() {
        #expect(TemplateLoader.names(in: Self.templates) == ["classic", "compact", "letter", "letterhead", "standard"])
    }

    @Test func letterIsUSLetterAndCompactIsA5() throws {
        #expect(try LayoutSupport.template("letter").pageSize == Size(width: 612, height: 792))
        #expect(abs(try LayoutSupport.template("compact").pageSize.width - Points.mm(148)) < 0.01)
    }

    @Test func versionOneStillLoadsWithAMigrationNote() throws {
        let url = Fixtures.url("templates/v1-standard.json")
        let loaded = try TemplateLoader.loadWithNotes(url.path, templatesDirectory: Self.templates)
        #expect(loaded.template.version == 2)
        #expect(loaded.template.fonts == .bundled)
        #expect(loaded.notes.first?.contains("version 1 template read as version 2") == true)
    }

    @Test func letterheadImagesAreFoundWithTheirAspect() throws {
        let template = try LayoutSupport.template("letterhead")
        #expect(template.images.map(\.keyPath) == ["company.logo", "signature.image"])
        for image in template.images {
            #expect(FileManager.default.fileExists(atPath: image.path))
            #expect((template.imageAspects[image.path] ?? 0) > 1)
        }
    }

    @Test(arguments: [
        (#"{"format":"einvoice-template","version":7}"#, "version 7; this einvoice reads version 2"),
        (#"{"format":"something-else","version":2}"#, "not an einvoice template"),
        ("[1,2]", "not a JSON object"),
        ("{", "not a JSON object"),
    ])
    func unusableFilesAreRefusedWithTheReason(_ json: String, _ reason: String) {
        #expect {
            try TemplateLoader.decode(Data(json.utf8), name: "t.json")
        } throws: { error in
            "\(error)".contains("template t.json") && "\(error)".contains(reason)
        }
    }

    /// One mistake per row: a change to the standard template, the key path the error must name,
    /// and words it must say.
    static let mistakes: [(String, @Sendable (inout [String: Any]) -> Void, String, String)] = [
        ("unknown top-level key", { $0["colour"] = ["text": "#000000"] }, "colour", "unknown key"),
        ("unknown nested key", { $0["page"] = ["size": "A4", "sise": "A4", "marginsMM": margins] }, "page.sise", "did you mean \"size\""),
        ("wrong type", { $0["typeSizes"] = sizes(base: "8") }, "typeSizes.base", "expected a number"),
        ("number out of range", { $0["qr"] = ["sizeMM": 30, "errorCorrection": "M", "quietZoneModules": 4] }, "qr.sizeMM", "from 40 to 120"),
        ("value not allowed", { $0["qr"] = ["sizeMM": 54, "errorCorrection": "X", "quietZoneModules": 4] }, "qr.errorCorrection", "one of \"L\""),
        ("not a colour", { $0["colors"] = colors(text: "blue") }, "colors.text", "#RRGGBB"),
        ("missing key", { $0["colors"] = colors(text: nil) }, "colors.text", "missing"),
        ("missing image", { $0["company"] = ["logo": "images/nope.png"] }, "company.logo", "not found"),
        ("not a PNG", { $0["signature"] = ["image": "standard.json"] }, "signature.image", "not a readable PNG"),
        ("unknown label", { $0["labels"] = ["gstn": "GST No."] }, "labels.gstn", "did you mean \"gstin\""),
        ("unknown column", { $0["columns"] = ["serial", "description", "price"] }, "columns[2]", "one of \"serial\""),
        ("list of the wrong kind", { $0["terms"] = "Pay in 30 days" }, "terms", "expected a list of a string"),
        ("copy without label", { $0["copies"] = ["default": ["quadruplicate"]] }, "copies.default[0]", "has no label"),
        ("custom size without width", { $0["page"] = ["size": "custom", "heightMM": 200, "marginsMM": margins] }, "page.widthMM", "custom"),
        ("no description column", { $0["columns"] = ["serial", "hsn", "total"] }, "columns", "description"),
        ("whole number expected", { $0["qr"] = ["sizeMM": 54, "errorCorrection": "M", "quietZoneModules": 4.5] }, "qr.quietZoneModules", "whole number"),
    ]

    @Test(arguments: mistakes.indices)
    func eachKindOfMistakeNamesItsKeyPath(_ index: Int) throws {
        let (kind, change, keyPath, words) = Self.mistakes[index]
        var object = try Self.standardObject()
        change(&object)
        let data = try JSONSerialization.data(withJSONObject: object)
        do {
            _ = try TemplateLoader.decode(data, name: "desk.json", baseDirectory: Self.templates.path)
            Issue.record("\(kind): accepted")
        } catch {
            let problem = error.problems.first { $0.keyPath == keyPath }
            #expect(problem != nil, "\(kind): no problem at \(keyPath) in \(error)")
            #expect(problem?.message.contains(words) == true, "\(kind): \(problem?.description ?? "")")
            #expect(error.description.contains("desk.json"), "\(kind): the file is not named")
        }
    }

    @Test func allMistakesAreReportedTogether() throws {
        var object = try Self.standardObject()
        object["colour"] = 1
        object["typeSizes"] = Self.sizes(base: "8")
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect { try TemplateLoader.decode(data, name: "t.json") } throws: { error in
            (error as? TemplateLoader.LoadError)?.problems.count == 2 && "\(error)".contains("2 mistakes")
        }
    }

    @Test func unknownTemplateNameListsTheBuiltInOnes() {
        #expect {
            try TemplateLoader.load("nope", templatesDirectory: Self.templates)
        } throws: { error in
            "\(error)".contains("classic, compact, letter, letterhead, standard")
        }
    }

    /// `Templates/schema.json` is generated from the schema the loader checks with; re-record
    /// with `RECORD_SNAPSHOTS=1` (which fails the test, so a recording is never mistaken for a pass).
    @Test func schemaFileMatchesTheLoadersSchema() throws {
        let url = Self.templates.appendingPathComponent("schema.json")
        let generated = TemplateSchema.root.jsonSchemaDocument
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.path)")
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == generated)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(generated.utf8)) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        let labels = try #require((properties["labels"] as? [String: Any])?["properties"] as? [String: Any])
        #expect(Set(labels.keys) == Set(LabelKey.allCases.map(\.rawValue)))
        for key in ["company", "payment", "terms", "signature", "footer", "copies", "show", "fonts", "page"] {
            #expect(properties[key] != nil, "schema lacks \(key)")
        }
    }

    @Test func extrasTakeKnownKeysOnly() throws {
        var extras = InvoiceExtras()
        try extras.set(assignment: "poNumber=PO-4471")
        try extras.set(assignment: "notes=Deliver to gate 3 = rear")
        #expect(extras.entries.map(\.value) == ["PO-4471", "Deliver to gate 3 = rear"])
        #expect(throws: InvoiceExtras.Mistake.self) { try extras.set(assignment: "poNumbr=1") }
        #expect(throws: InvoiceExtras.Mistake.self) { try extras.set(assignment: "no-equals") }
        #expect(throws: InvoiceExtras.Mistake.self) { try InvoiceExtras(sideCar: Data(#"{"vehicle": 12}"#.utf8), name: "x") }
        let sideCar = try InvoiceExtras(sideCar: Data(#"{"vehicle": "KA01AB1234", "poNumber": "old"}"#.utf8), name: "x")
        #expect(sideCar.merging(extras).values[.poNumber] == "PO-4471")
    }

    static var margins: [String: Any] { ["top": 10, "right": 10, "bottom": 10, "left": 10] }

    static func sizes(base: Any) -> [String: Any] { ["base": base, "small": 6.5, "title": 15, "sellerName": 13, "table": 7] }

    static func colors(text: String?) -> [String: Any] {
        var colors: [String: Any] = ["muted": "#5B6470", "accent": "#1F3A5F", "rule": "#A9B4C0", "headerFill": "#E9EEF4", "mark": "#C0262D"]
        colors["text"] = text
        return colors
    }

    static func standardObject() throws -> [String: Any] {
        let data = try Data(contentsOf: templates.appendingPathComponent("standard.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
