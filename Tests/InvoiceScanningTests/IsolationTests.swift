import EInvoiceBasics
import EInvoiceTestSupport
import Foundation
import InvoiceScanning
import RasterIO
import Testing

/// The decoder child process: the same pages as decoding in process, and a child that crashes,
/// hangs, babbles or is cancelled ends the file with a clear error and nothing else.
@Suite struct IsolationTests {
    /// Limits that run decoders in the built `einvoice` binary.
    static func isolated(seconds: Double = 8, executable: String? = nil) throws -> RasterLimits {
        let path = try #require(executable ?? CommandRunner.executable?.path, "the einvoice binary is built with the tests")
        var limits = RasterLimits()
        limits.maxSeconds = seconds
        limits.isolation = DecoderIsolation(executable: path)
        return limits
    }

    /// A stand-in decoder: a shell script that misbehaves as told.
    ///
    /// A separate `sh` writes it. Had this process written it, another test's child, forked while
    /// the file was still open for writing, could hold that descriptor when the script is run, and
    /// `execve` fails with ETXTBSY ("Text file busy"). CI saw that once.
    static func script(_ body: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("einvoice-child-\(UUID().uuidString).sh").path
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", #"printf '#!/bin/sh\n%s\n' "$1" > "$2" && chmod 755 "$2""#, "sh", body, path]
        try writer.run()
        writer.waitUntilExit()
        try #require(writer.terminationStatus == 0, "sh could not write \(path)")
        return path
    }

    @Test(arguments: ["two-pages.tiff", "odoo-invoice.pdf", "odoo-page-200dpi.jpg"])
    func childGivesTheSamePagesAsInProcess(_ fixture: String) throws {
        let data = try Fixtures.data("scan/\(fixture)")
        let here = try RasterLoader.load(data, dpi: 100)
        let there = try RasterLoader.load(data, dpi: 100, limits: Self.isolated())
        #expect(there.map(\.origin) == here.map(\.origin))
        #expect(there.map(\.text) == here.map(\.text))
        #expect(there.map(\.image.pixels) == here.map(\.image.pixels))
    }

    @Test func childErrorsArriveAsTheyWould() throws {
        let error = #expect(throws: RasterError.self) {
            try RasterLoader.load(CraftedFiles.pngHeader(width: 23_000, height: 23_000), limits: try Self.isolated())
        }
        #expect(error?.code == .tooLarge)
        #expect(error?.reason.contains("23000×23000") == true)
    }

    @Test func crashingChildIsAClearError() throws {
        let limits = try Self.isolated(executable: Self.script("kill -SEGV $$"))
        let error = #expect(throws: RasterError.self) { try RasterLoader.load(CraftedFiles.pages(1), limits: limits) }
        #expect(error?.code == .decoderFailed)
        #expect(error?.reason.contains("crashed") == true && error?.reason.contains("signal 11") == true, "\(error?.reason ?? "")")
    }

    @Test func hangingChildIsStoppedAtTheDeadline() throws {
        let limits = try Self.isolated(seconds: 0.5, executable: Self.script("exec sleep 30"))
        let error = #expect(throws: RasterError.self) { try RasterLoader.load(CraftedFiles.pages(1), limits: limits) }
        #expect(error?.code == .timeLimit)
        #expect(error?.reason.contains("--max-seconds") == true, "\(error?.reason ?? "")")
    }

    @Test func aDrawingThatNeverEndsIsStoppedByTheDeadline() throws {
        // The structure check is lifted, so poppler really starts drawing 4^40 fills.
        var limits = try Self.isolated(seconds: 1)
        limits.maxFormDepth = 1000
        let error = #expect(throws: RasterError.self) { try RasterLoader.load(CraftedFiles.fanOut(levels: 40), dpi: 72, limits: limits) }
        #expect(error?.code == .timeLimit, "\(error?.reason ?? "")")
    }

    @Test func cancellationKillsTheChild() throws {
        var limits = try Self.isolated(executable: Self.script("exec sleep 30"))
        let cancellation = DecodeCancellation()
        limits.isolation?.cancellation = cancellation
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { cancellation.cancel() }
        let error = #expect(throws: RasterError.self) { try RasterLoader.load(CraftedFiles.pages(1), limits: limits) }
        #expect(error?.reason.contains("cancelled") == true, "\(error?.reason ?? "")")
    }

    @Test func garbledOutputIsAClearError() throws {
        let limits = try Self.isolated(executable: Self.script("echo 'Segmentation fault, or any other text'"))
        let error = #expect(throws: RasterError.self) { try RasterLoader.load(CraftedFiles.pages(1), limits: limits) }
        #expect(error?.code == .decoderFailed, "\(error?.reason ?? "")")
    }

    @Test func missingExecutableIsAClearError() throws {
        let limits = try Self.isolated(executable: "/nonexistent/einvoice")
        let error = #expect(throws: RasterError.self) { try RasterLoader.load(CraftedFiles.pages(1), limits: limits) }
        #expect(error?.reason.contains("could not start") == true, "\(error?.reason ?? "")")
    }
}
