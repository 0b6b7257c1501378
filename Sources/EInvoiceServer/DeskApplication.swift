import EInvoiceKit
import Foundation
public import Hummingbird
public import Logging
import HTTPTypes
import NIOCore

/// The verification desk: a page for people and a JSON API, on Hummingbird.
///
/// Uploads are processed in memory and dropped with the request; nothing is stored, and the log
/// holds counts, never contents.
public enum DeskApplication {
    public static func router(configuration: ServerConfiguration) -> Router<BasicRequestContext> {
        let service = DeskService(configuration: configuration)
        let limiter = WorkLimiter(limit: configuration.maxConcurrent, queueLimit: configuration.maxQueued)
        let router = Router()
        router.get("/") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                     body: .init(byteBuffer: ByteBuffer(string: WebPage.html)))
        }
        router.get("/api/v1/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml)))
        }
        router.post("/api/v1/verify") { request, context in
            try await handle(request, context: context, configuration: configuration, limiter: limiter) { body in
                json(service.verify(body))
            }
        }
        router.post("/api/v1/scan") { request, context in
            let contentType = request.headers[.contentType]
            let name = HTTPField.Name("X-File-Name").flatMap { request.headers[$0] }
                .map { String(($0.removingPercentEncoding ?? $0).prefix(200)) } ?? "upload"
            let withThumbnails = request.uri.queryParameters.get("thumbnails") == "1"
            return try await handle(request, context: context, configuration: configuration, limiter: limiter) { body in
                let results = try service.scan(body, name: name, contentType: contentType)
                guard withThumbnails else { return json(results) }
                return json(ScanResponse(results: results, thumbnails: service.thumbnails(body)))
            }
        }
        return router
    }

    public static func application(configuration: ServerConfiguration, logger: Logger? = nil) -> some ApplicationProtocol {
        var log = logger ?? Logger(label: "einvoice-serve")
        log.logLevel = .warning
        return Application(router: router(configuration: configuration),
                           configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "einvoice"),
                           logger: log)
    }

    struct ScanResponse: Encodable {
        var results: [VerificationResult.JSON]
        var thumbnails: [String]
    }

    /// Reads the body within the size cap, runs `work` on a bounded slot within the time limit,
    /// and turns every failure into a JSON error with the right status, never a crash.
    static func handle(_ request: Request, context: BasicRequestContext, configuration: ServerConfiguration, limiter: WorkLimiter,
                       work: @escaping @Sendable (Data) throws -> Response) async throws -> Response {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: configuration.maxUploadBytes)
        } catch {
            return failure(413, "the upload is larger than \(configuration.maxUploadBytes >> 20) MB")
        }
        guard buffer.readableBytes > 0 else { return failure(400, "the request body is empty") }
        let body = Data(buffer.readableBytesView)
        guard await limiter.acquire() else { return failure(503, "the desk is busy; try again in a moment") }
        defer { Task { await limiter.release() } }
        let task = Task.detached(priority: .userInitiated) { () -> Response in
            do {
                return try work(body)
            } catch let error as DeskService.Failure {
                return failure(error.status, error.message)
            } catch {
                return failure(500, "the request could not be processed")
            }
        }
        return await withTaskGroup(of: Response?.self) { group in
            group.addTask { await task.value }
            group.addTask {
                try? await Task.sleep(for: .seconds(configuration.timeoutSeconds))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? failure(503, "the request took longer than \(Int(configuration.timeoutSeconds)) s")
        }
    }

    static func json(_ value: some Encodable) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("[]".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func failure(_ status: Int, _ message: String) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: ["error": message], options: [.sortedKeys])) ?? Data()
        return Response(status: .init(code: status), headers: [.contentType: "application/json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
