import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import Foundation
import Testing

@Suite struct BatchPartsTests {
    @Test func shardsCoverEveryItemExactlyOnce() {
        let ids = (1...5000).map { "archive/2024-03/\($0).json" }
        for count in [1, 2, 3, 7] {
            var owners = [Int](repeating: 0, count: ids.count)
            for index in 0..<count {
                let shard = Shard(index: index, count: count)
                for (position, id) in ids.enumerated() where shard?.contains(id) == true { owners[position] += 1 }
            }
            #expect(owners.allSatisfy { $0 == 1 }, "\(count) shards")
        }
        // Roughly even: each of 4 shards holds 20–30 % of the items.
        let sizes = (0..<4).map { index in ids.filter { Shard(index: index, count: 4)?.contains($0) == true }.count }
        #expect(sizes.allSatisfy { (1000...1500).contains($0) }, "\(sizes)")
    }

    @Test(arguments: ["0/4", "3/4", "0/1"])
    func shardTextParses(_ text: String) { #expect(Shard(text) != nil) }

    @Test(arguments: ["4/4", "-1/4", "1", "a/b", "1/0", ""])
    func badShardTextIsRefused(_ text: String) { #expect(Shard(text) == nil) }

    @Test(arguments: [
        ("INV-SAJ/2023/0627.pdf", "INV-SAJ_2023_0627.pdf"),
        ("CON.pdf", "_CON.pdf"), ("lpt1", "_lpt1"), ("..pdf", "pdf"), ("a:b*c?.pdf", "a_b_c_.pdf"),
        ("name. ", "name"), ("", "_"), ("tab\there", "tab_here"),
        ("INV\u{202E}fdp.exe", "INVfdp.exe"), ("A\u{2066}B\u{2069}\u{200F}\u{200B}.pdf", "AB.pdf"), ("x\u{85}y", "x_y"),
        ("\u{FEFF}CON.pdf", "_CON.pdf"),
    ])
    func fileNamesAreSafeEverywhere(_ raw: String, _ expected: String) {
        #expect(SafeFileName.component(raw) == expected)
    }

    @Test func longNamesKeepTheirExtension() {
        let name = SafeFileName.component(String(repeating: "ख", count: 200) + ".pdf")
        #expect(name.utf8.count <= 180)
        #expect(name.hasSuffix(".pdf"))
    }

    @Test func namerKeepsPathsUniqueAndStable() throws {
        let invoice = try SyntheticInvoice.invoice(lines: 1)
        let namer = OutputNamer(pattern: OutputNamer.defaultPattern)
        let first = namer.path(for: invoice, irn: "x", id: "a")
        #expect(first == "29AAFCC9980M1ZR/2023-24/INV-KA_2023_0001.pdf")
        let second = namer.path(for: invoice, irn: "x", id: "b")
        #expect(second != first)
        #expect(second.hasPrefix("29AAFCC9980M1ZR/2023-24/INV-KA_2023_0001~"))
        #expect(namer.path(for: invoice, irn: "x", id: "a") == first)
        #expect(namer.path(for: invoice, irn: "x", id: "b") == second)
    }

    @Test(arguments: [("{Nope}.pdf", "unknown placeholder"), ("{DocNo}", "end in .pdf"), ("{DocNo.pdf", "unclosed")])
    func badPatternsAreExplained(_ pattern: String, _ reason: String) {
        #expect(OutputNamer.validate(pattern)?.contains(reason) == true)
    }

    @Test func lineReaderStreamsLongFilesInChunks() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID()).jsonl").path
        let line = String(repeating: "x", count: 300_000)
        try Data((0..<10).map { "\($0)\(line)" }.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: path))
        let reader = LineReader(handle: try #require(FileHandle(forReadingAtPath: path)))
        var count = 0
        while let next = reader.next() {
            #expect(next.count == 300_001)
            #expect(next.last == UInt8(ascii: "x"))
            count += 1
        }
        #expect(count == 10)
    }
}
