import EInvoiceVerification
import Foundation

/// Benchmarks for the targets in the README. Prints one `name value unit` line per figure, so the
/// shell scripts in `bench/` can put them next to their reference runs.
///
///     einvoice-bench verify SECONDS TOKENS_FILE    single-thread tokens verified per second

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("einvoice-bench: \(message)\n".utf8))
    exit(64)
}

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Runs `body` repeatedly for about `seconds`, returning calls per second.
func rate(seconds: Double, _ body: () -> Bool) -> Double {
    var count = 0
    let start = now()
    var elapsed = 0.0
    repeat {
        for _ in 0..<64 {
            guard body() else { fail("a benchmark token did not verify") }
        }
        count += 64
        elapsed = now() - start
    } while elapsed < seconds
    return Double(count) / elapsed
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "verify":
    let rest = Array(arguments.dropFirst())
    guard rest.count == 2, let seconds = Double(rest[0]),
          let text = try? String(contentsOfFile: rest[1], encoding: .utf8)
    else { fail("usage: einvoice-bench verify SECONDS TOKENS_FILE") }
    let tokens = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    guard !tokens.isEmpty else { fail("no tokens in \(rest[1])") }
    let verifier = Verifier()
    var index = 0
    // Parse + RS256 + IRN recomputation, the work `einvoice verify` does per token.
    let perSecond = rate(seconds: seconds) {
        let report = verifier.verify(token: tokens[index % tokens.count])
        index += 1
        return report.verdict == .valid && report.irnCheck?.matches == true
    }
    print("verify \(Int(perSecond)) tokens/s")
default:
    fail("usage: einvoice-bench verify SECONDS TOKENS_FILE")
}
