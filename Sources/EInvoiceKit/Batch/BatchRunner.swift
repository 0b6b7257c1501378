import EInvoiceModel
public import EInvoiceVerification
public import Foundation
public import InvoiceLayout

/// What a batch run is asked to do.
public struct BatchConfiguration: Sendable {
    public var input: String
    public var outputDirectory: String
    public var jobs: Int
    public var namePattern: String
    public var shard: Shard?
    /// Re-render items the manifest already records as done.
    public var force: Bool
    public var template: InvoiceTemplate
    public var fontsDirectory: String
    /// The sRGB ICC profile for `--archive` output, from the resource root the CLI found; `nil`:
    /// ``InvoicePrinter`` looks beside the template's folder (which a `--template-path` elsewhere lacks).
    public var colorProfile: Data?
    public var verifier: Verifier
    public var options: RenderOptions

    public init(input: String, outputDirectory: String, jobs: Int, namePattern: String = OutputNamer.defaultPattern,
                shard: Shard? = nil, force: Bool = false, template: InvoiceTemplate, fontsDirectory: String,
                colorProfile: Data? = nil, verifier: Verifier, options: RenderOptions) {
        self.input = input
        self.outputDirectory = outputDirectory
        self.jobs = max(1, jobs)
        self.namePattern = namePattern
        self.shard = shard
        self.force = force
        self.template = template
        self.fontsDirectory = fontsDirectory
        self.colorProfile = colorProfile
        self.verifier = verifier
        self.options = options
    }
}

/// Counts so far, for progress displays and the final summary.
public struct BatchProgress: Sendable {
    public var total: Int?
    public var rendered = 0
    public var renderedUnverified = 0
    /// Rendered from sandbox-signed tokens: test documents (exit 5 when nothing worse happened).
    public var renderedSandbox = 0
    public var unverified = 0
    public var failed = 0
    /// Already done in an earlier run (manifest line and a file with the recorded hash).
    public var skipped = 0
    /// Belong to another shard.
    public var otherShard = 0
    public var elapsed: Double = 0

    /// The first ``maximumListedFailures`` items not rendered, with their reasons, in the order they finished.
    public var failures: [ManifestEntry] = []
    public static let maximumListedFailures = 20

    public var done: Int { rendered + renderedUnverified + renderedSandbox + unverified + failed + skipped }
    /// Items rendered per second in this run (skips excluded).
    public var rate: Double { elapsed > 0 ? Double(rendered + renderedUnverified + renderedSandbox + unverified + failed) / elapsed : 0 }
    public var hasProblems: Bool { unverified + failed > 0 }
}

/// Renders a stream of IRP responses into a folder with bounded parallelism, a manifest written
/// as items finish, atomic PDF writes, and resumption of an interrupted run.
public struct BatchRunner: Sendable {
    public let configuration: BatchConfiguration

    public init(configuration: BatchConfiguration) { self.configuration = configuration }

    /// Runs the batch. `progress` is called after every item (from worker tasks).
    ///
    /// - Throws: ``OutputFolderLock/Busy`` if another run writes to the folder; ``AtomicFile/WriteError``
    ///   when the folder cannot be written (disk full, permissions): the run stops, the manifest keeps
    ///   every line written so far, and no partial PDF is left.
    public func run(progress: @escaping @Sendable (BatchProgress) -> Void = { _ in }) async throws -> BatchProgress {
        let config = configuration
        let folderLock = try OutputFolderLock(directory: config.outputDirectory)
        defer { withExtendedLifetime(folderLock) {} }
        // Read before opening for append; the same index names the paths already taken.
        let index = ManifestIndex(directory: config.outputDirectory)
        let manifest = try Manifest(directory: config.outputDirectory)
        Self.removeTemporaryFiles(in: config.outputDirectory)
        let reader = try BatchInputReader(path: config.input)
        let source = BatchSource(reader: reader, shard: config.shard, done: config.force ? ManifestIndex() : index,
                                 outputDirectory: config.outputDirectory)
        let namer = OutputNamer(pattern: config.namePattern, existing: index)
        let state = BatchState(total: BatchInputReader.count(path: config.input))
        let start = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<config.jobs {
                group.addTask {
                    // Each worker owns its printer: Cairo, Pango and fontconfig objects never cross tasks.
                    let printer = try InvoicePrinter(template: config.template, fontsDirectory: config.fontsDirectory,
                                                     verifier: config.verifier, colorProfile: config.colorProfile)
                    // A sibling's fatal write error cancels the group: stop taking items.
                    while !Task.isCancelled, let next = source.next() {
                        switch next {
                        case .skip(let reason):
                            progress(state.record(skip: reason, elapsed: Date().timeIntervalSince(start)))
                        case .item(let item):
                            let outcome = try BatchWorker.process(item, printer: printer, namer: namer, configuration: config,
                                                                  isDone: source.isDone)
                            for _ in 0..<outcome.alreadyDone {
                                progress(state.record(skip: .alreadyDone, elapsed: Date().timeIntervalSince(start)))
                            }
                            for entry in outcome.entries {
                                try manifest.append(entry)
                                progress(state.record(entry, elapsed: Date().timeIntervalSince(start)))
                            }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        try manifest.synchronize()
        try Manifest.compact(directory: config.outputDirectory)
        return state.snapshot(elapsed: Date().timeIntervalSince(start))
    }

    /// Leftovers of a killed run: temporary files never renamed into place.
    static func removeTemporaryFiles(in directory: String) {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return }
        while let path = enumerator.nextObject() as? String {
            if (path as NSString).lastPathComponent.hasPrefix(AtomicFile.temporaryPrefix) {
                // Best effort: a leftover that cannot be removed is ignored by every reader (its prefix).
                try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(path))
            }
        }
    }
}

/// Hands items to workers one at a time, skipping other shards and items already done.
final class BatchSource: @unchecked Sendable {
    enum Next { case item(BatchItem), skip(Skip) }
    enum Skip { case otherShard, alreadyDone }

    private let reader: BatchInputReader
    private let shard: Shard?
    private let done: ManifestIndex
    private let outputDirectory: String
    private let lock = NSLock()

    init(reader: BatchInputReader, shard: Shard?, done: ManifestIndex, outputDirectory: String) {
        self.reader = reader
        self.shard = shard
        self.done = done
        self.outputDirectory = outputDirectory
    }

    func next() -> Next? {
        lock.lock()
        let item = reader.next()
        lock.unlock()
        guard let item else { return nil }
        if let shard, !shard.contains(item.id) { return .skip(.otherShard) }
        return isDone(item.id) ? .skip(.alreadyDone) : .item(item)
    }

    /// The manifest's last line for `id` says rendered, and its file is there with the recorded hash.
    func isDone(_ id: String) -> Bool {
        guard let entry = done.entry(for: id), [.rendered, .renderedUnverified, .renderedSandbox].contains(entry.status),
              let output = entry.output, let hash = entry.sha256
        else { return false }
        return Manifest.sha256(ofFile: (outputDirectory as NSString).appendingPathComponent(output)) == hash
    }
}

/// Thread-safe counters.
final class BatchState: @unchecked Sendable {
    private var progress: BatchProgress
    private let lock = NSLock()

    init(total: Int?) { progress = BatchProgress(total: total) }

    func record(_ entry: ManifestEntry, elapsed: Double) -> BatchProgress {
        lock.lock()
        defer { lock.unlock() }
        switch entry.status {
        case .rendered: progress.rendered += 1
        case .renderedUnverified: progress.renderedUnverified += 1
        case .renderedSandbox: progress.renderedSandbox += 1
        case .unverified: progress.unverified += 1
        case .failed: progress.failed += 1
        }
        if entry.status == .failed || entry.status == .unverified,
           progress.failures.count < BatchProgress.maximumListedFailures {
            progress.failures.append(entry)
        }
        progress.elapsed = elapsed
        return progress
    }

    func record(skip: BatchSource.Skip, elapsed: Double) -> BatchProgress {
        lock.lock()
        defer { lock.unlock() }
        switch skip {
        case .otherShard:
            progress.otherShard += 1
            if let total = progress.total { progress.total = total - 1 }
        case .alreadyDone: progress.skipped += 1
        }
        progress.elapsed = elapsed
        return progress
    }

    func snapshot(elapsed: Double) -> BatchProgress {
        lock.lock()
        defer { lock.unlock() }
        progress.elapsed = elapsed
        return progress
    }
}
