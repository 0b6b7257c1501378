import Foundation
import Hummingbird
import NIOPosix
import RasterIO
import Synchronization

/// Runs blocking work (scanning: C decoders, zbar) on NIO's thread pool — never on Swift's
/// cooperative pool, whose few threads the server's own tasks need — and answers at the deadline
/// whether or not the work has finished.
///
/// At the deadline (or when the client goes away) the work's ``DecodeCancellation`` is set,
/// which kills its decoder process within ~50 ms; `done` runs when the work has really ended, so
/// the caller's concurrency slot is held exactly as long as a core is busy.
enum TimedWork {
    static func run(until deadline: ContinuousClock.Instant, timeoutResponse: @escaping @Sendable () -> Response,
                    done: @escaping @Sendable () -> Void,
                    work: @escaping @Sendable (DecodeCancellation) -> Response) async -> Response {
        let cancellation = DecodeCancellation()
        let answer = FirstAnswer()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Response, Never>) in
                answer.wait(continuation)
                NIOThreadPool.singleton.submit { state in
                    let response = state == .active ? work(cancellation) : timeoutResponse()
                    answer.give(response)
                    done()
                }
                Task {
                    try? await Task.sleep(until: deadline)
                    cancellation.cancel()
                    answer.give(timeoutResponse())
                }
            }
        } onCancel: {
            cancellation.cancel()
            answer.give(timeoutResponse())
        }
    }

    /// Resumes its continuation with whichever response comes first.
    private final class FirstAnswer: Sendable {
        private let state = Mutex<(continuation: CheckedContinuation<Response, Never>?, early: Response?)>((nil, nil))

        func wait(_ continuation: CheckedContinuation<Response, Never>) {
            let early = state.withLock { state -> Response? in
                if let early = state.early {
                    state.early = nil
                    return early
                }
                state.continuation = continuation
                return nil
            }
            if let early { continuation.resume(returning: early) }
        }

        func give(_ response: Response) {
            let continuation = state.withLock { state -> CheckedContinuation<Response, Never>? in
                defer { state.continuation = nil }
                if state.continuation == nil, state.early == nil { state.early = response }
                return state.continuation
            }
            continuation?.resume(returning: response)
        }
    }
}
