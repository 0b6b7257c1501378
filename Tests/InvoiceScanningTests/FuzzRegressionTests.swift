import EInvoiceBasics
import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import QRCodec
import RasterIO
import Testing

/// What `bench/fuzz` feeds its harnesses, run once as plain tests: the committed seeds
/// (`bench/fuzz/corpus/TARGET`) and every input the fuzzer ever broke us with (`Tests/Fixtures/fuzz/TARGET`).
/// Each must end in a result or an error with a reason, never a crash.
@Suite struct FuzzRegressionTests {
    static func inputs(_ target: String) -> [URL] {
        [Fixtures.root.appendingPathComponent("bench/fuzz/corpus/\(target)"), Fixtures.url("fuzz/\(target)")]
            .flatMap { folder in
                ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
                    .filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
            }
    }

    @Test(arguments: inputs("json") + inputs("input"))
    func inputDetectionNamesEveryDocument(_ file: URL) throws {
        let data = try Data(contentsOf: file)
        let documents = IRPDocumentReader.read(data, source: "seed")
        #expect(!documents.isEmpty)
        for document in documents {
            #expect(document.id.hasPrefix("seed"))
            #expect(!Verifier().verify(document).isEmpty)
        }
        if let strict = try? StrictJSONReader.parse(data), let foundation = try? JSONDecoder().decode(JSONValue.self, from: data) {
            #expect(strict == foundation, "\(file.lastPathComponent)")
        }
    }

    @Test(arguments: inputs("jws"))
    func tokensGetAVerdict(_ file: URL) throws {
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        let verdict = Verifier().verify(token: text).verdict
        // The one untouched real token holds; anything else must not.
        #expect((verdict == .valid) == (file.lastPathComponent == "signed-qr.txt"), "\(file.lastPathComponent): \(verdict)")
    }

    @Test(arguments: inputs("png") + inputs("jpeg") + inputs("tiff") + inputs("pdf"))
    func imageLoadersEndInPagesOrAReason(_ file: URL) throws {
        var limits = RasterLimits()
        limits.maxPixels = 4_000_000
        limits.maxPages = 4
        let data = try Data(contentsOf: file)
        do {
            let pages = try RasterLoader.load(data, dpi: 72, limits: limits)
            #expect(pages.allSatisfy { $0.image.width > 0 && $0.image.height > 0 })
        } catch {
            #expect(!error.reason.isEmpty)
        }
    }
}
