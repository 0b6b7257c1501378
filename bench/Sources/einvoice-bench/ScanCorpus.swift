import Foundation
import InvoiceScanning
import RasterIO

/// `einvoice-bench scan-corpus DIR [FILE…]`: loads and scans each corpus image in this process
/// (the way a desk or a batch does), one JSON line per file: the texts read, the step that read
/// them and the milliseconds from file bytes to result, loading included.
func scanCorpus(_ directory: String, only: [String]) {
    let labelsURL = URL(fileURLWithPath: directory).appendingPathComponent("labels.json")
    guard let data = FileManager.default.contents(atPath: labelsURL.path),
          let labels = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    else { fail("no labels.json in \(directory)") }
    let files = only.isEmpty ? labels.keys.sorted() : only
    for file in files {
        let start = now()
        var texts: [String] = []
        var steps: [String] = []
        if let bytes = FileManager.default.contents(atPath: URL(fileURLWithPath: directory).appendingPathComponent(file).path),
           let pages = try? RasterLoader.load(bytes) {
            for page in pages {
                let result = QRScanner().scan(page.image)
                texts += result.symbols.map(\.text)
                steps.append(result.step)
            }
        }
        let record: [String: Any] = ["file": file, "ms": (now() - start) * 1000, "texts": texts, "steps": steps]
        if let line = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]) {
            print(String(decoding: line, as: UTF8.self))
        }
    }
}
