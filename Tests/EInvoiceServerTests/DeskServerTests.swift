import EInvoiceServer
import EInvoiceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite struct DeskServerTests {
    func app(maxUploadBytes: Int = 20 << 20) -> some ApplicationProtocol {
        Application(router: DeskApplication.router(configuration: ServerConfiguration(maxUploadBytes: maxUploadBytes)))
    }

    func objects(_ buffer: ByteBuffer) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [[String: Any]])
    }

    @Test func pageIsServedWithoutExternalResources() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("Drop invoices here"))
                #expect(!html.contains("http://") && !html.contains("https://"), "the page fetches nothing from elsewhere")
            }
        }
    }

    @Test func validTokenVerifies() async throws {
        let body = ByteBuffer(bytes: try Fixtures.data("samples/production-odoo-nic-data.json"))
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/verify", method: .post, body: body) { response in
                #expect(response.status == .ok)
                let results = try objects(response.body)
                #expect(results.map { $0["verdict"] as? String } == ["valid", "valid"])
            }
        }
    }

    @Test func forgedAndUntrustedTokensAreSaidSo() async throws {
        let forged = try #require(String(data: try Fixtures.data("wrappers/mismatched-pair.json"), encoding: .utf8))
        let signer = try #require(TestSigner.shared)
        let untrusted = try signer.sign(data: TestSigner.qrData())
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/verify", method: .post, body: ByteBuffer(string: forged)) { response in
                let results = try objects(response.body)
                #expect(results.allSatisfy { $0["verdict"] as? String == "invalid" })
            }
            try await client.execute(uri: "/api/v1/verify", method: .post, body: ByteBuffer(string: untrusted)) { response in
                let results = try objects(response.body)
                #expect(results.first?["verdict"] as? String == "untrusted")
            }
        }
    }

    @Test func scannedPDFVerifiesWithPositionAndThumbnail() async throws {
        let body = ByteBuffer(bytes: try Fixtures.data("scan/odoo-invoice.pdf"))
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/scan?thumbnails=1", method: .post, headers: [.contentType: "application/pdf"],
                                     body: body) { response in
                #expect(response.status == .ok)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                let result = try #require((object["results"] as? [[String: Any]])?.first)
                #expect(result["verdict"] as? String == "valid")
                #expect(result["position"] != nil)
                #expect((object["thumbnails"] as? [String])?.first?.hasPrefix("data:image/png;base64,") == true)
            }
        }
    }

    @Test func noQRUploadIsReportedNotFailed() async throws {
        let body = ByteBuffer(bytes: try Fixtures.data("scan/blank.png"))
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/scan", method: .post, headers: [.contentType: "image/png"], body: body) { response in
                #expect(response.status == .ok)
                let results = try objects(response.body)
                #expect(results.first?["verdict"] as? String == "no-qr")
            }
        }
    }

    @Test func oversizedCorruptAndMislabelledUploadsGetClearErrors() async throws {
        let pdf = try Fixtures.data("scan/odoo-invoice.pdf")
        try await app(maxUploadBytes: 10_000).test(.router) { client in
            try await client.execute(uri: "/api/v1/scan", method: .post, body: ByteBuffer(bytes: pdf)) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/scan", method: .post, headers: [.contentType: "image/png"],
                                     body: ByteBuffer(bytes: pdf)) { response in
                #expect(response.status.code == 415)
            }
            try await client.execute(uri: "/api/v1/scan", method: .post, body: ByteBuffer(bytes: pdf.prefix(2000))) { response in
                #expect(response.status.code == 422)
                #expect(String(buffer: response.body).contains("error"))
            }
            try await client.execute(uri: "/api/v1/scan", method: .post, body: ByteBuffer(bytes: [0, 1, 2, 3])) { response in
                #expect(response.status.code == 415)
            }
            try await client.execute(uri: "/api/v1/verify", method: .post, body: ByteBuffer()) { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test func openAPIDocumentIsTheOneInTheRepository() async throws {
        let file = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/openapi.yaml", method: .get) { response in
                #expect(String(buffer: response.body) == file)
            }
        }
    }
}
