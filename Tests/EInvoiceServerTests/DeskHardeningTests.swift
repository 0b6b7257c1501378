import EInvoiceBasics
import EInvoiceServer
import EInvoiceTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import RasterIO
import Testing

/// The desk stays up: security headers on every response, foreign Host/Origin refused for the
/// API, oversized bodies refused from their Content-Length, and `--timeout` answering on time
/// while the decoder child is killed.
@Suite struct DeskHardeningTests {
    func app(_ configuration: ServerConfiguration = ServerConfiguration()) -> some ApplicationProtocol {
        Application(router: DeskApplication.router(configuration: configuration))
    }

    @Test(arguments: ["/", "/api/v1/openapi.yaml", "/no-such-page"])
    func everyResponseCarriesTheSecurityHeaders(_ path: String) async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                let csp = try #require(response.headers[.contentSecurityPolicy])
                #expect(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            }
        }
    }

    @Test func apiErrorsCarryTheHeadersToo() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/verify", method: .post, body: ByteBuffer()) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
        }
    }

    @Test(arguments: [
        ("evil.example:8080", nil, nil, false), ("127.0.0.1:8080", "http://evil.example", nil, false),
        ("127.0.0.1:8080", "null", nil, false), ("127.0.0.1:8080", "http://127.0.0.1:8080", nil, true),
        ("localhost:8080", nil, nil, true), ("[::1]:8080", nil, nil, true), ("desk.example.in", nil, nil, true),
        ("127.0.0.1:8080", nil, "cross-site", false), ("127.0.0.1:8080", nil, "same-origin", true), (nil, nil, nil, true),
    ] as [(String?, String?, String?, Bool)])
    func apiAnswersOnlyItsOwnHostsAndOrigins(_ authority: String?, _ origin: String?, _ site: String?, _ allowed: Bool) {
        let hosts = ServerConfiguration(allowedHosts: ["desk.example.in"]).hostsAllowed
        let refusal = AllowedHostsMiddleware<BasicRequestContext>.refusal(authority: authority, origin: origin, fetchSite: site,
                                                                          allowed: hosts)
        #expect((refusal == nil) == allowed, "\(refusal ?? "allowed")")
    }

    @Test func crossOriginPostIsRefusedThroughTheRouter() async throws {
        let token = ByteBuffer(bytes: try Fixtures.data("samples/production-odoo-nic-data.json"))
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/verify", method: .post, headers: [.origin: "http://evil.example"],
                                     body: token) { response in
                #expect(response.status == .forbidden)
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
            try await client.execute(uri: "/api/v1/verify", method: .post, headers: [.origin: "http://localhost:8080"],
                                     body: token) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func oversizedBodyIsRefusedFromItsLength() async throws {
        try await app(ServerConfiguration(maxUploadBytes: 1000)).test(.router) { client in
            try await client.execute(uri: "/api/v1/scan", method: .post, headers: [.contentLength: "5000000"],
                                     body: ByteBuffer(bytes: [UInt8](repeating: 0x25, count: 5000))) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }

    @Test func timeoutAnswersOnTimeAndStopsTheDecoder() async throws {
        let executable = try #require(CommandRunner.executable?.path)
        var limits = RasterLimits()
        limits.maxFormDepth = 1000  // let poppler start drawing 4^40 fills
        limits.isolation = DecoderIsolation(executable: executable)
        let configuration = ServerConfiguration(timeoutSeconds: 1.5, limits: limits)
        try await app(configuration).test(.router) { client in
            try await client.execute(uri: "/api/v1/scan", method: .post, body: ByteBuffer(bytes: CraftedFiles.fanOut(levels: 40))) { response in
                // Either the file's own budget (0.8 × timeout) reports it, or the request deadline does: never a hang.
                #expect([422, 503].contains(response.status.code), "\(String(buffer: response.body))")
                #expect(String(buffer: response.body).contains("time"))
            }
        }
    }
}
