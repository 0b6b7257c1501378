import EInvoiceTestSupport
import Foundation
import InvoiceLayout
import Testing

@Suite struct TemplateTests {
    @Test(arguments: ["standard", "letter"])
    func bundledTemplatesLoad(_ name: String) throws {
        let template = try LayoutSupport.template(name)
        #expect(template.qr.sizeMM >= 40)
    }

    @Test func letterIsUSLetter() throws {
        #expect(try LayoutSupport.template("letter").pageSize == Size(width: 612, height: 792))
    }

    @Test(arguments: [
        (#"{"format":"einvoice-template","version":7}"#, "version 7; this einvoice reads version 1"),
        (#"{"format":"something-else","version":1}"#, "not an einvoice template"),
        ("[1,2]", "not a JSON object"),
        (#"{"format":"einvoice-template","version":1}"#, "template t.json:"),
    ])
    func badTemplatesAreRefusedWithTheReason(_ json: String, _ reason: String) {
        do {
            _ = try TemplateLoader.decode(Data(json.utf8), name: "t.json")
            Issue.record("accepted a bad template")
        } catch {
            #expect(error.description.contains(reason), "\(error)")
        }
    }

    @Test func qrSmallerThan40mmIsRefused() throws {
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.root.appendingPathComponent("Templates/standard.json"))) as? [String: Any] ?? [:]
        object["qr"] = ["sizeMM": 30, "errorCorrection": "M", "quietZoneModules": 4]
        let data = try JSONSerialization.data(withJSONObject: object)
        #expect(throws: TemplateLoader.LoadError.self) { try TemplateLoader.decode(data, name: "small") }
    }

    @Test func unknownTemplateNameListsTheBuiltInOnes() {
        #expect {
            try TemplateLoader.load("nope", templatesDirectory: Fixtures.root.appendingPathComponent("Templates"))
        } throws: { error in
            "\(error)".contains("letter, standard")
        }
    }
}
