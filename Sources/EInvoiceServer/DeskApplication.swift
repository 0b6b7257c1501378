import EInvoiceKit
import InvoiceLedger
import Foundation
public import Hummingbird
public import Logging
import HTTPTypes
import NIOCore
import RasterIO

/// The verification desk: a page for people and a JSON API, on Hummingbird.
///
/// Uploads are processed in memory and dropped with the request; only the ledger keeps what was
/// signed and the verdict (unless the desk runs without one), and the log
/// holds counts, never contents.
public enum DeskApplication {
    public static func router(configuration: ServerConfiguration) -> Router<BasicRequestContext> {
        let service = DeskService(configuration: configuration)
        let limiter = WorkLimiter(limit: configuration.maxConcurrent, queueLimit: configuration.maxQueued)
        // Tokens and IRP JSON need no C decoder and end in milliseconds: their own slots, so uploads
        // held by hostile files (up to --timeout each) never make a plain verify answer "busy".
        let tokenLimiter = WorkLimiter(limit: configuration.maxConcurrent, queueLimit: configuration.maxQueued)
        let router = Router()
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: AllowedHostsMiddleware(allowed: configuration.hostsAllowed))
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: WebPage.html)))
        }
        router.get("/history") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: HistoryPage.html)))
        }
        router.get("/api/v1/ledger") { request, _ in
            history(request, service: service) { json($0) }
        }
        router.get("/api/v1/ledger.csv") { request, _ in
            history(request, service: service) { records in
                Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                                                .contentDisposition: #"attachment; filename="einvoice-ledger.csv""#],
                         body: .init(byteBuffer: ByteBuffer(string: LedgerCSV.render(Array(records.reversed())))))
            }
        }
        router.get("/api/v1/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
        router.post("/api/v1/verify") { request, context in
            await handle(request, context: context, configuration: configuration, limiter: tokenLimiter) { body, _ in
                json(service.verify(body))
            }
        }
        router.post("/api/v1/scan") { request, context in
            let contentType = request.headers[.contentType]
            let name = HTTPField.Name("X-File-Name").flatMap { request.headers[$0] }
                .map { String(($0.removingPercentEncoding ?? $0).prefix(200)) } ?? "upload"
            let withThumbnails = request.uri.queryParameters.get("thumbnails") == "1"
            return await handle(request, context: context, configuration: configuration, limiter: limiter) { body, cancellation in
                let scanned = try service.scan(body, name: name, contentType: contentType, thumbnailWidth: withThumbnails ? 420 : nil,
                                               cancellation: cancellation)
                guard withThumbnails else { return json(scanned.results) }
                return json(ScanResponse(results: scanned.results, thumbnails: scanned.thumbnails))
            }
        }
        router.post("/api/v1/render") { request, context in
            let query = request.uri.queryParameters
            let template = query.get("template"), copies = query.get("copies"), archive = query.get("archive") == "1"
            return try await handle(request, context: context, configuration: configuration, limiter: limiter) { body, _ in
                let rendered = try service.render(body, template: template, copies: copies, archive: archive)
                var headers: HTTPFields = [.contentType: "application/pdf",
                                           .contentDisposition: "inline; filename=\"\(rendered.fileName)\""]
                if let pages = HTTPField.Name("X-Pages") { headers[pages] = String(rendered.pages) }
                if let irn = HTTPField.Name("X-IRN") { headers[irn] = rendered.irn }
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: rendered.pdf)))
            }
        }
        return router
    }

    /// The desk as a service: HTTP/1.1 with an idle timeout (which also bounds how long a client
    /// may take to send its headers: a half-sent head produces no activity) and a cap on open
    /// connections (past it, new ones wait in the listen backlog).
    public static func application(configuration: ServerConfiguration, logger: Logger? = nil) -> some ApplicationProtocol {
        var log = logger ?? Logger(label: "einvoice-serve")
        log.logLevel = .warning
        return Application(router: router(configuration: configuration),
                           server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(configuration.idleTimeoutSeconds * 1000)))),
                           configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "einvoice",
                                                backlog: 1024,
                                                availableConnectionsDelegate: .maximum(configuration.maxConnections, logger: log)),
                           logger: log)
    }

    /// Reads the ledger for a history request; filters come from the query string.
    static func history(_ request: Request, service: DeskService, answer: ([LedgerRecord]) -> Response) -> Response {
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        do {
            return answer(try service.history(query))
        } catch {
            return failure(error.status, error.message)
        }
    }

    struct ScanResponse: Encodable {
        var results: [DeskService.Result]
        var thumbnails: [String]
    }

    /// Admits the request under the concurrency limit, then reads its body within the size cap,
    /// then runs `work` off the cooperative pool — all within `--timeout`, which answers 503 on
    /// time and cancels the work (its decoder process is killed). Every failure is a JSON error
    /// with the right status, never a crash.
    static func handle(_ request: Request, context: BasicRequestContext, configuration: ServerConfiguration, limiter: WorkLimiter,
                       work: @escaping @Sendable (Data, DecodeCancellation) throws -> Response) async -> Response {
        let limit = configuration.maxUploadBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            return failure(413, "the upload is larger than \(limit >> 20) MB")
        }
        let timeout = configuration.timeoutSeconds
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(timeout * 1000)))
        let late = { @Sendable in failure(503, "the request took longer than \(seconds(timeout)) (--timeout); its work was stopped") }
        guard await limiter.acquire(before: deadline) else { return failure(503, "the desk is busy; try again in a moment") }
        let buffer: ByteBuffer
        do {
            buffer = try await within(deadline) { try await request.body.collect(upTo: limit) }
        } catch is TimedOut {
            await limiter.release()
            return failure(503, "the upload did not arrive within \(seconds(timeout)) (--timeout)")
        } catch {
            await limiter.release()
            return failure(413, "the upload is larger than \(limit >> 20) MB")
        }
        guard buffer.readableBytes > 0 else {
            await limiter.release()
            return failure(400, "the request body is empty")
        }
        let body = Data(buffer.readableBytesView)
        return await TimedWork.run(until: deadline, timeoutResponse: late, done: { Task { await limiter.release() } }) { cancellation in
            do {
                return try work(body, cancellation)
            } catch let error as DeskService.Failure {
                return failure(error.status, error.message)
            } catch {
                return failure(500, "the request could not be processed")
            }
        }
    }

    struct TimedOut: Error {}

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    /// `operation`'s result, or ``TimedOut`` at `deadline` (the operation is cancelled).
    static func within<T: Sendable>(_ deadline: ContinuousClock.Instant,
                                    _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try? await Task.sleep(until: deadline)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw TimedOut() }
            return value
        }
    }

    static func json(_ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The desk's own response types (strings, integers, booleans): the encoding cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("[]".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func failure(_ status: Int, _ message: String) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: ["error": message], options: [.sortedKeys])) ?? Data()  // one string
        return Response(status: .init(code: status), headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
