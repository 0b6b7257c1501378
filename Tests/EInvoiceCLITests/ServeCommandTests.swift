import EInvoiceTestSupport
import Foundation
import Testing

@Suite struct ServeCommandTests {
    /// A listening socket on a free loopback port, held by this process.
    func occupiedPort() throws -> (descriptor: Int32, port: Int) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 1) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        try #require(bound)
        return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
    }

    /// Where the desk a test starts keeps its default ledger: never the user's data folder.
    let dataHome = FileManager.default.temporaryDirectory.appendingPathComponent("serve-tests-\(UUID())")

    /// `einvoice serve --port PORT` with standard output a pipe (not a terminal) and standard error captured.
    func serve(port: Int, _ extra: [String] = []) throws -> (Process, Pipe) {
        guard let executable = CommandRunner.executable else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--port", String(port)] + extra
        process.environment = ProcessInfo.processInfo.environment.merging(["XDG_DATA_HOME": dataHome.path]) { $1 }
        process.currentDirectoryURL = Fixtures.root
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        return (process, err)
    }

    @Test func aBusyPortIsSaidInWordsWithExit75() throws {
        let (descriptor, port) = try occupiedPort()
        defer { close(descriptor) }
        let (process, err) = try serve(port: port)
        defer { try? FileManager.default.removeItem(at: dataHome) }
        // A server that did start would never exit: stop it after a generous wait and fail.
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 75, "\(message)")
        #expect(message.contains("port \(port) on 127.0.0.1 is already in use"), "\(message)")
        #expect(!message.contains("errno"), "\(message)")
    }

    @Test func theAddressIsPrintedOnStandardErrorWhenOutputIsAPipe() throws {
        let (descriptor, port) = try occupiedPort()
        close(descriptor)
        let (process, err) = try serve(port: port)
        defer {
            kill(process.processIdentifier, SIGKILL)  // not SIGTERM: this test is not about shutting down
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: dataHome)
        }
        // Each read blocks until the next write; the address comes first, then where checks are recorded.
        var text = ""
        for _ in 0..<5 where !text.contains("recording ") {
            text += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(text.contains("verification desk on http://127.0.0.1:\(port)/"), "\(text)")
        // A desk started without --ledger records in the default ledger, and says where.
        #expect(text.contains("recording checks in \(dataHome.path)/einvoice/ledger.sqlite"), "\(text)")
    }

    /// `einvoice serve` hands over to `einvoice-serve`, which must read the options as `einvoice` did:
    /// a `--ledger` path that does not look like a database file is still the path given.
    @Test func theDeskReadsTheLedgerPathAsEinvoiceDid() throws {
        let (descriptor, port) = try occupiedPort()
        close(descriptor)
        let ledger = dataHome.appendingPathComponent("books.ledger")
        let (process, err) = try serve(port: port, ["--ledger", ledger.path])
        defer {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: dataHome)
        }
        var text = ""
        for _ in 0..<5 where !text.contains("recording ") && !text.contains("Error") {
            text += String(decoding: err.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(text.contains("recording checks in \(ledger.path)"), "\(text)")
    }
}
