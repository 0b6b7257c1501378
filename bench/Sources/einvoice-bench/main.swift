import EInvoiceBasics
import EInvoiceKit
import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import InvoiceLayout
import InvoiceScanning
import QRCodec
import RasterIO

/// Benchmarks for the README's targets. Each prints `name value unit` lines that the shell
/// scripts in `bench/` put next to their reference runs.
///
///     einvoice-bench verify SECONDS TOKENS_FILE     single-thread tokens verified per second
///     einvoice-bench render SECONDS LINES [N]       single-thread invoices/s over N distinct invoices, peak RSS
///     einvoice-bench sample LINES OUT.json KEY.pem  a signed synthetic response and its trust file
///     einvoice-bench archive N OUT.jsonl KEY.pem    N different signed responses of 3-25 lines (bench/batch)
///     einvoice-bench json SECONDS FILE.json         StrictJSONReader next to Foundation's readers
///     einvoice-bench scan-corpus DIR [FILE…]         per-image texts, step and ms (bench/scan)
///     einvoice-bench scan-steps DIR [FILE…]          every cascade step alone on each image (its measured order)
///     einvoice-bench scan-explain DIR FILE…         regions and what the geometric sampler saw in each
///     einvoice-bench scan-pages PAGES OUT.pdf       an own PAGES-page invoice, CPU ms per page drawn and scanned

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("einvoice-bench: \(message)\n".utf8))
    exit(64)
}

/// CPU time of this process, not wall time: rates are per core, as `openssl speed` measures them,
/// and do not move when other work shares the machine.
func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Peak resident set size so far, in MB (Linux `VmHWM`).
func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
          let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes / 1024
}

/// A response as the IRP's JSON (one line, keys sorted).
func responseJSON(_ response: IRPResponse) throws -> Data {
    let object: [String: Any] = [
        "AckNo": response.ackNo ?? "", "AckDt": response.ackDate ?? "", "Irn": response.irn ?? "",
        "SignedInvoice": response.signedInvoice ?? "", "SignedQRCode": response.signedQRCode ?? "", "Status": response.status ?? "ACT",
    ]
    return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
}

/// Runs `body` repeatedly for about `seconds`, returning calls per second.
func rate(seconds: Double, batch: Int = 64, _ body: () -> Bool) -> Double {
    var count = 0
    let start = now()
    var elapsed = 0.0
    repeat {
        for _ in 0..<batch {
            guard body() else { fail("a benchmark item failed") }
        }
        count += batch
        elapsed = now() - start
    } while elapsed < seconds
    return Double(count) / elapsed
}

let arguments = Array(CommandLine.arguments.dropFirst())
let root = Fixtures.root
switch arguments.first {
case "verify":
    guard arguments.count == 3, let seconds = Double(arguments[1]),
          let text = try? String(contentsOfFile: arguments[2], encoding: .utf8)
    else { fail("usage: einvoice-bench verify SECONDS TOKENS_FILE") }
    let tokens = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    guard !tokens.isEmpty else { fail("no tokens in \(arguments[2])") }
    let verifier = Verifier()
    var index = 0
    // Parse + RS256 + IRN recomputation, the work `einvoice verify` does per token.
    let perSecond = rate(seconds: seconds) {
        let report = verifier.verify(token: tokens[index % tokens.count])
        index += 1
        return report.verdict == .valid && report.irnCheck?.matches == true
    }
    print("verify \(Int(perSecond)) tokens/s")

case "rsa-backend":
    print(Verifier.rsaImplementation)

case "render":
    guard (3...4).contains(arguments.count), let seconds = Double(arguments[1]), let lines = Int(arguments[2]),
          let variants = arguments.count == 4 ? Int(arguments[3]) : lines > 100 ? 1 : 400, variants > 0,
          let signer = TestSigner.shared
    else { fail("usage: einvoice-bench render SECONDS LINES [DISTINCT_INVOICES]") }
    let template = try TemplateLoader.load("standard", templatesDirectory: root.appendingPathComponent("Templates"))
    let printer = try InvoicePrinter(template: template, fontsDirectory: root.appendingPathComponent("Fonts").path,
                                     verifier: Verifier(trustStore: signer.trustStore()))
    // Distinct invoices (number, buyer, amounts, descriptions), more than a run renders: text
    // shaped or measured for one invoice is not reused for the next unless a real batch's would be.
    let responses = try (0..<variants).map { try SyntheticInvoice.response(lines: lines, signer: signer, variant: $0 + 1) }
    let options = RenderOptions(environment: [:])
    // Whole pipeline per invoice: verify both tokens, QR encode, layout, PDF.
    var pages = 0
    var next = 0
    let perSecond = rate(seconds: seconds, batch: lines > 100 ? 1 : 16) {
        defer { next += 1 }
        guard let rendered = try? printer.render(responses[next % responses.count], options: options) else { return false }
        pages = rendered.pageCount
        return !rendered.pdf.isEmpty
    }
    print("render \(String(format: "%.1f", perSecond)) invoices/s \(pages) pages \(String(format: "%.1f", peakRSSMegabytes())) MB-peak")

case "memory":
    // Peak RSS after N renders of 10-line invoices in one process: flat means no growth per item.
    guard arguments.count == 2, let count = Int(arguments[1]), let signer = TestSigner.shared else {
        fail("usage: einvoice-bench memory COUNT")
    }
    let template = try TemplateLoader.load("standard", templatesDirectory: root.appendingPathComponent("Templates"))
    let printer = try InvoicePrinter(template: template, fontsDirectory: root.appendingPathComponent("Fonts").path,
                                     verifier: Verifier(trustStore: signer.trustStore()))
    let responses = try (1...100).map { try SyntheticInvoice.response(lines: 10, signer: signer, variant: $0) }
    for index in 1...count {
        _ = try printer.render(responses[index % responses.count], options: RenderOptions(environment: [:]))
        if index == count / 10 || index == count {
            print("memory \(index) invoices \(String(format: "%.1f", peakRSSMegabytes())) MB-peak")
        }
    }

case "parts":
    // Diagnostic: where PDF time goes (QR only, text only, full page).
    guard let signer = TestSigner.shared else { fail("no key") }
    let template = try TemplateLoader.load("standard", templatesDirectory: root.appendingPathComponent("Templates"))
    let printer = try InvoicePrinter(template: template, fontsDirectory: root.appendingPathComponent("Fonts").path,
                                     verifier: Verifier(trustStore: signer.trustStore()))
    let rendered = try printer.render(try SyntheticInvoice.response(lines: 10, signer: signer), options: RenderOptions(environment: [:]))
    let page = rendered.layout.pages[0]
    let qrOnly = Page(size: page.size, items: page.items.filter { if case .qr = $0 { true } else { false } })
    let textOnly = Page(size: page.size, items: page.items.filter { if case .text = $0 { true } else { false } })
    for (name, part) in [("qr-only", qrOnly), ("text-only", textOnly), ("full", page)] {
        let document = LaidOutDocument(pages: [part], metadata: rendered.layout.metadata)
        let perSecond = rate(seconds: 1, batch: 8) { (try? printer.pdf(document))?.isEmpty == false }
        print("\(name) \(Int(perSecond)) pdfs/s")
    }

case "scan-corpus":
    guard arguments.count >= 2 else { fail("usage: einvoice-bench scan-corpus CORPUS_DIR [FILE…]") }
    scanCorpus(arguments[1], only: Array(arguments.dropFirst(2)))

case "scan-steps":
    guard arguments.count >= 2 else { fail("usage: einvoice-bench scan-steps CORPUS_DIR [FILE…]") }
    scanSteps(arguments[1], only: Array(arguments.dropFirst(2)))

case "scan-explain":
    guard arguments.count >= 3 else { fail("usage: einvoice-bench scan-explain CORPUS_DIR FILE…") }
    scanExplain(arguments[1], only: Array(arguments.dropFirst(2)))

case "scan-pages":
    guard arguments.count == 3, let pages = Int(arguments[1]) else { fail("usage: einvoice-bench scan-pages PAGES OUT.pdf") }
    try scanPages(pages, output: arguments[2])

case "scan-debug":
    // Diagnostic: regions found and the step that read each file.
    for path in arguments.dropFirst() {
        let start = now()
        guard let data = FileManager.default.contents(atPath: path), let pages = try? RasterLoader.load(data) else {
            print("\(path): unreadable")
            continue
        }
        let loaded = now()
        for page in pages {
            let t0 = now()
            let regions = QRRegionFinder.candidates(in: page.image)
            let t1 = now()
            var zbarMs = 0.0
            for region in regions {
                let crop = page.image.cropped(x: region.x, y: region.y, width: region.width, height: region.height)
                let z0 = now()
                _ = QRDecoder.decode(crop)
                zbarMs += (now() - z0) * 1000
            }
            let t2 = now()
            let geometric = regions.map { region in
                GeometricReader().read(page.image.cropped(x: region.x, y: region.y, width: region.width, height: region.height),
                                       deadline: ThreadCPUClock.now() + 10).sawFinders
            }
            let t3 = now()
            print(String(format: "  regions %.1f ms, one zbar pass on each %.1f ms (crop+zbar %.1f), geometric %.1f ms, finders %@",
                         (t1 - t0) * 1000, zbarMs, (t2 - t1) * 1000, (t3 - t2) * 1000, "\(geometric)"))
            let result = QRScanner().scan(page.image)
            print("\(path): \(page.image.width)x\(page.image.height) regions \(regions.map { "\($0.x),\($0.y) \($0.width)x\($0.height)" }) "
                + "read \(result.symbols.count) by '\(result.step)' after \(result.attempts) attempts; "
                + "load \(Int((loaded - start) * 1000)) ms, scan \(Int((now() - loaded) * 1000)) ms")
        }
    }

case "sample":
    guard arguments.count == 4, let lines = Int(arguments[1]), let signer = TestSigner.shared else {
        fail("usage: einvoice-bench sample LINES OUT.json KEY.pem")
    }
    let response = try SyntheticInvoice.response(lines: lines, signer: signer, longDescriptions: true)
    try responseJSON(response).write(to: URL(fileURLWithPath: arguments[2]))
    try Data(signer.publicKeyPEM().utf8).write(to: URL(fileURLWithPath: arguments[3]))

case "archive":
    // What a batch renders: every response a different invoice, of 3 to 25 lines.
    guard arguments.count == 4, let count = Int(arguments[1]), count > 0, let signer = TestSigner.shared else {
        fail("usage: einvoice-bench archive COUNT OUT.jsonl KEY.pem")
    }
    var archive = Data()
    for index in 0..<count {
        archive.append(try responseJSON(SyntheticInvoice.response(lines: 3 + index * 7 % 23, signer: signer, variant: index + 1)))
        archive.append(UInt8(ascii: "\n"))
    }
    try archive.write(to: URL(fileURLWithPath: arguments[2]))
    try Data(signer.publicKeyPEM().utf8).write(to: URL(fileURLWithPath: arguments[3]))

case "json":
    // StrictJSONReader next to Foundation on the same file: JSONDecoder into JSONValue (what the
    // reader replaced) and JSONSerialization (the fastest Foundation reading, with no duplicate check).
    guard arguments.count == 3, let seconds = Double(arguments[1]),
          let data = FileManager.default.contents(atPath: arguments[2])
    else { fail("usage: einvoice-bench json SECONDS FILE.json") }
    let decoder = JSONDecoder()
    let strict = rate(seconds: seconds) { (try? StrictJSONReader.parse(data)) != nil }
    let decoded = rate(seconds: seconds) { (try? decoder.decode(JSONValue.self, from: data)) != nil }
    let serialized = rate(seconds: seconds) { (try? JSONSerialization.jsonObject(with: data)) != nil }
    let megabytes = Double(data.count) / 1_048_576
    for (name, value) in [("JSONSerialization (reference, no duplicate check)", serialized),
                          ("JSONDecoder -> JSONValue (before)", decoded), ("StrictJSONReader", strict)] {
        print(name.padding(toLength: 52, withPad: " ", startingAt: 0)
              + String(format: " %9.0f files/s %7.1f MB/s  ratio %.2f", value, value * megabytes, value / serialized))
    }

default:
    fail("usage: einvoice-bench verify|render|sample …")
}
