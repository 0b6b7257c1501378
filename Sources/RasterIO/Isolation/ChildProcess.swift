import EInvoiceBasics
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn` (never `fork`: forking a multithreaded Swift
/// process copies locks held by other threads), reading its input from an unlinked temporary file
/// and writing to pipes that the parent reads against a deadline.
///
/// Owns the child: `deinit` kills it if it is still running and reaps it, so no child outlives
/// the call that started it. Not `Sendable`; one per decode.
final class ChildProcess {
    let pid: pid_t
    /// The read ends of the child's stdout and stderr (non-blocking, close-on-exec).
    let output: Int32
    let errors: Int32
    private var status: Int32?
    /// Whether the parent stopped the child (then its end says nothing about the file).
    private(set) var killedByParent = false

    /// Serialises creating descriptors and spawning: glibc's `pipe2`/`memfd_create` are not
    /// visible to Swift, so close-on-exec is set after creation, and no other child of ours may be
    /// spawned in between (it would inherit our pipe and hide the end of our child's output).
    private static let spawning = Mutex<Void>(())

    /// Starts `executable` with `arguments`; `input` is its stdin (an unlinked temporary file);
    /// `environment` is set over this process's own.
    init(executable: String, arguments: [String], input: Data, environment: [String: String] = [:]) throws(RasterError) {
        let spawned = Self.spawning.withLock { _ in Self.spawn(executable, arguments, input, environment) }
        let (pid, output, errors) = try spawned.get()
        self.pid = pid
        self.output = output
        self.errors = errors
        _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
        _ = fcntl(errors, F_SETFL, fcntl(errors, F_GETFL) | O_NONBLOCK)
    }

    private static func spawn(_ executable: String, _ arguments: [String], _ input: Data,
                              _ environment: [String: String]) -> Result<(pid_t, Int32, Int32), RasterError> {
        var template = Array((FileManager.default.temporaryDirectory.path + "/einvoice-input-XXXXXX").utf8CString)
        let memory = mkstemp(&template)
        guard memory >= 0 else { return .failure(failure("creating the decoder's input")) }
        unlink(template)
        defer { close(memory) }
        guard input.withUnsafeBytes({ writeAll(memory, $0) }), lseek(memory, 0, SEEK_SET) == 0 else {
            return .failure(failure("writing the input for the decoder"))
        }
        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        guard pipe(&out) == 0 else { return .failure(failure("pipe")) }
        guard pipe(&err) == 0 else {
            close(out[0]); close(out[1])
            return .failure(failure("pipe"))
        }
        for fd in [memory, out[0], out[1], err[0], err[1]] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the target descriptor: only 0, 1 and 2 reach the child.
        posix_spawn_file_actions_adddup2(&actions, memory, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Default signal handling and an empty mask in the child, whatever the server set up.
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let words: [String] = [executable] + arguments
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status: Int32
        if environment.isEmpty {
            status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        } else {
            let own = ProcessInfo.processInfo.environment.filter { environment[$0.key] == nil }
            let envp = own.merging(environment) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { envp.forEach { free($0) } }
            status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        }
        close(out[1])
        close(err[1])
        guard status == 0 else {
            close(out[0]); close(err[0])
            return .failure(RasterError(.decoderFailed,
                                        "the decoder process could not start (\(String(cString: strerror(status))): \(executable))"))
        }
        return .success((pid, out[0], err[0]))
    }

    deinit {
        kill()
        close(output)
        close(errors)
    }

    /// Stops the child at once (SIGKILL; it may be inside C that nothing else can interrupt) and reaps it.
    func kill() {
        guard status == nil else { return }
        killedByParent = true
        _ = Glibc.kill(pid, SIGKILL)
        _ = wait()
    }

    /// Gives a child whose output stopped `grace` to end by itself (so its exit status or signal
    /// can be reported), then kills it.
    func end(grace: Duration = .milliseconds(300)) {
        let deadline = ContinuousClock.now.advanced(by: grace)
        while status == nil, ContinuousClock.now < deadline {
            var value: Int32 = 0
            if waitpid(pid, &value, WNOHANG) == pid {
                status = value
                return
            }
            usleep(5_000)
        }
        kill()
    }

    /// Waits for the child to end; its wait status.
    @discardableResult
    func wait() -> Int32 {
        if let status { return status }
        var value: Int32 = 0
        while waitpid(pid, &value, 0) < 0, errno == EINTR {}
        status = value
        return value
    }

    /// How the child ended, in words: `nil` for a clean exit 0.
    func ending(stderr: String, limits: RasterLimits, memoryBytes: Int) -> String? {
        let status = wait()
        if killedByParent { return nil }
        let signal = status & 0x7f
        if signal == 0 {
            let code = (status >> 8) & 0xff
            return code == 0 ? nil : "the decoder stopped with exit status \(code)\(Self.detail(stderr))"
        }
        if signal == SIGXCPU || (signal == SIGKILL && stderr.isEmpty) {
            return "the decoder used up its CPU allowance of \(FileBudget.seconds(limits.maxSeconds)) and was stopped (--max-seconds)"
        }
        if stderr.localizedCaseInsensitiveContains("alloc") || stderr.localizedCaseInsensitiveContains("memory") {
            return "the decoder ran out of its \(memoryBytes >> 20) MB memory allowance on this file\(Self.detail(stderr))"
        }
        return "the decoder crashed on this file (signal \(signal))\(Self.detail(stderr))"
    }

    private static func detail(_ stderr: String) -> String {
        let line = stderr.split(whereSeparator: \.isNewline).first { !$0.isEmpty }.map { String($0.prefix(160)) }
        return line.map { ": \($0)" } ?? ""
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)  // non-empty: count > 0
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    private static func failure(_ what: String) -> RasterError {
        RasterError(.decoderFailed, "the decoder process could not be prepared (\(what): \(String(cString: strerror(errno))))")
    }
}
