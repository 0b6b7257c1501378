import Foundation
import InvoiceScanning
import EInvoiceBasics
import QRCodec
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
    // SCAN_BUDGET (CPU seconds a page): a debug build needs more than the release default to do the same work.
    let scanner = ProcessInfo.processInfo.environment["SCAN_BUDGET"].flatMap(Double.init).map { QRScanner(timeBudget: $0) } ?? QRScanner()
    for file in files {
        let start = now()
        var texts: [String] = []
        var steps: [String] = []
        if let bytes = FileManager.default.contents(atPath: URL(fileURLWithPath: directory).appendingPathComponent(file).path),
           let pages = try? RasterLoader.load(bytes) {
            for page in pages {
                let result = scanner.scan(page.image)
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

/// `einvoice-bench scan-steps DIR [FILE…]`: every cascade step alone on every likely region of
/// each corpus image, one JSON line per image: for each step, whether it read the labelled token
/// in some region and its CPU milliseconds summed over the regions (what trying it costs a page).
/// `bench/corpus/step_order.py` turns these into the cascade's measured order.
func scanSteps(_ directory: String, only: [String]) {
    let labelsURL = URL(fileURLWithPath: directory).appendingPathComponent("labels.json")
    guard let data = FileManager.default.contents(atPath: labelsURL.path),
          let labels = (try? JSONSerialization.jsonObject(with: data)) as? [String: [String: String]]
    else { fail("no labels.json in \(directory)") }
    for file in only.isEmpty ? labels.keys.sorted() : only {
        guard let token = labels[file]?["token"],
              let bytes = FileManager.default.contents(atPath: URL(fileURLWithPath: directory).appendingPathComponent(file).path),
              let page = (try? RasterLoader.load(bytes))?.first
        else { continue }
        var read: [String: Bool] = [:], milliseconds: [String: Double] = [:]
        for region in QRRegionFinder.candidates(in: page.image) {
            let crop = page.image.cropped(x: region.x, y: region.y, width: region.width, height: region.height)
            for trial in QRScanner.trialOfEveryStep(on: crop) {
                read[trial.step, default: false] = read[trial.step, default: false] || trial.texts.contains(token)
                milliseconds[trial.step, default: 0] += trial.seconds * 1000
            }
        }
        let record: [String: Any] = ["file": file, "read": read, "ms": milliseconds]
        if let line = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]) {
            print(String(decoding: line, as: UTF8.self))
        }
    }
}

/// `einvoice-bench scan-explain DIR FILE…`: for each image, its likely regions and what the
/// geometric sampler saw in each (``GeometricReader/explain(_:)``); with EXPLAIN_PNG=dir, each
/// crop is written there as a PGM to look at.
func scanExplain(_ directory: String, only: [String]) {
    let dump = ProcessInfo.processInfo.environment["EXPLAIN_PNG"]
    for file in only {
        guard let bytes = FileManager.default.contents(atPath: URL(fileURLWithPath: directory).appendingPathComponent(file).path),
              let page = (try? RasterLoader.load(bytes))?.first
        else { print("\(file): unreadable"); continue }
        print("\(file): \(page.image.width)x\(page.image.height)")
        for (index, region) in QRRegionFinder.candidates(in: page.image).enumerated() {
            let crop = page.image.cropped(x: region.x, y: region.y, width: region.width, height: region.height)
            print(" region \(index) \(region) evidence \(GeometricReader.hasFinderEvidence(crop)) zbar \(QRDecoder.decode(crop).count)")
            for line in GeometricReader.explain(crop) { print("  " + line) }
            if let dump {
                let header = Data("P5 \(crop.width) \(crop.height) 255\n".utf8)
                FileManager.default.createFile(atPath: "\(dump)/\(file.replacingOccurrences(of: "/", with: "_"))-r\(index).pgm",
                                               contents: header + Data(crop.pixels))
            }
        }
    }
}
