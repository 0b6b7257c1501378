import ArgumentParser
import EInvoiceKit
import Foundation

/// `einvoice batch`: render an archive of IRP responses, in parallel, resumably.
struct BatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Render many IRP responses into a folder, in parallel, with a manifest; resumable.",
        discussion: """
            INPUT is a folder (every *.json below it), a JSON Lines file (one response per line), or - for \
            JSON Lines on standard input. Each item's outcome is a line of OUTPUT/manifest.jsonl, written as it \
            finishes. PDFs are written to a temporary file and renamed, so there is never a partial PDF. Running \
            the same command again resumes: items whose manifest line names a file with the recorded SHA-256 \
            are skipped (--force renders them again). --shard I/N (or --shards N with the JOB_COMPLETION_INDEX \
            of a Kubernetes Indexed Job) takes a fixed 1/N of the items by a hash of their ids.

            One run writes a folder at a time: a second run into a busy folder is refused (exit 75). A folder \
            that cannot be written (disk full, permissions) stops the run with the reason (exit 73); the \
            manifest keeps one line per item, and a rerun resumes.

            Exit status: 0 when every item was rendered or skipped, 1 when any was not (see the manifest), 5 when all were rendered but some are sandbox test documents.
            """
    )

    @Argument(help: "A folder of *.json, a JSON Lines file, or - for JSON Lines on standard input.")
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Output folder (holds the PDFs and manifest.jsonl).", valueName: "DIR"))
    var output: String

    @Option(help: ArgumentHelp("Parallel workers (default: the number of cores).", valueName: "N"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("File name pattern; placeholders {SellerGstin} {BuyerGstin} {FY} {DocType} {DocNo} {DocDate} {IRN} {AckNo}.", valueName: "PATTERN"))
    var name = OutputNamer.defaultPattern

    @Option(help: ArgumentHelp("Process only shard I of N (0-based), e.g. 0/4.", valueName: "I/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Shard count N, with I from the JOB_COMPLETION_INDEX environment variable.", valueName: "N"))
    var shards: Int?

    @Flag(help: "Render again items the manifest records as done.")
    var force = false

    @Flag(name: .shortAndLong, help: "No progress output; only the summary.")
    var quiet = false

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @OptionGroup var verification: VerificationOptions
    @OptionGroup var resources: ResourceOptions
    @OptionGroup var rendering: RenderingOptions

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be between 1 and 256") }
        if let problem = OutputNamer.validate(name) { throw ValidationError(problem) }
        if shard != nil, shards != nil { throw ValidationError("give --shard I/N or --shards N, not both") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be I/N with 0 <= I < N, e.g. 0/4") }
    }

    func resolvedShard() throws -> Shard? {
        if let shard { return Shard(shard) }
        guard let shards else { return nil }
        guard let text = ProcessInfo.processInfo.environment["JOB_COMPLETION_INDEX"], let index = Int(text),
              let shard = Shard(index: index, count: shards)
        else { throw ValidationError("--shards needs JOB_COMPLETION_INDEX set to 0…\(shards - 1)") }
        return shard
    }

    func run() async throws {
        InvoicePrinter.claimProcessFontConfiguration()
        let root = try resources.root()
        // Template, fonts, images and copies are checked once here: a mistake is a usage error, not N failures.
        let options = try rendering.options()
        let printer = try resources.printer(rendering.template, root: root, verifier: verification.makeVerifier())
        do throws(RenderError) {
            _ = try printer.builder.copies(options)
        } catch {
            throw ValidationError(error.reason)
        }
        let configuration = BatchConfiguration(
            input: input, outputDirectory: output, jobs: jobs, namePattern: name, shard: try resolvedShard(), force: force,
            template: try resources.template(rendering.template, root: root), fontsDirectory: resources.fontsDirectory(root: root),
            colorProfile: resources.colorProfile(root: root), verifier: try verification.makeVerifier(), options: options)
        let reporter = ProgressReporter(quiet: quiet)
        let summary: BatchProgress
        do {
            summary = try await BatchRunner(configuration: configuration).run { reporter.update($0) }
        } catch let error as InputSource.ReadError {
            warn(error.description)
            throw ExitCode(ExitStatus.noInput.rawValue)
        } catch let error as AtomicFile.WriteError {
            reporter.finish()
            warn("\(error.description); the run stopped (rerun the same command to resume)")
            throw ExitCode(ExitStatus.cannotCreateOutput.rawValue)
        } catch let error as OutputFolderLock.Busy {
            warn(error.description)
            throw ExitCode(ExitStatus.busy.rawValue)
        }
        reporter.finish()
        print(json ? summary.jsonLine : summary.text(output: output))
        if summary.hasProblems { throw ExitCode(1) }
        if summary.renderedSandbox > 0 { throw ExitCode(ExitStatus.sandbox.rawValue) }
    }
}

extension BatchProgress {
    func text(output: String) -> String {
        let unverifiedRendered = renderedUnverified > 0 ? ", \(renderedUnverified) rendered unverified" : ""
        let sandbox = renderedSandbox > 0 ? ", \(renderedSandbox) SANDBOX (test documents, not tax invoices)" : ""
        let shard = otherShard > 0 ? ", \(otherShard) in other shards" : ""
        return "\(rendered) rendered\(unverifiedRendered)\(sandbox), \(skipped) already done, \(unverified) not rendered (signature), "
            + "\(failed) failed\(shard) in \(String(format: "%.1f", elapsed)) s (\(String(format: "%.1f", rate))/s); "
            + "manifest: \((output as NSString).appendingPathComponent(Manifest.fileName))"
            + failures.map { "\n  not rendered: \($0.id): \($0.error ?? $0.status.rawValue)" }.joined()
            + (unverified + failed > failures.count ? "\n  … and \(unverified + failed - failures.count) more in the manifest" : "")
    }

    var jsonLine: String {
        let object: [String: Any] = [
            "rendered": rendered, "renderedUnverified": renderedUnverified, "renderedSandbox": renderedSandbox, "skipped": skipped, "unverified": unverified,
            "failed": failed, "otherShard": otherShard, "seconds": (elapsed * 1000).rounded() / 1000,
            "perSecond": (rate * 10).rounded() / 10,
            "failures": failures.map { ["id": $0.id, "status": $0.status.rawValue, "error": $0.error ?? ""] },
        ]
        // Counts, ids and finite numbers (`rate` is 0 when no time passed): the encoding cannot fail.
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
