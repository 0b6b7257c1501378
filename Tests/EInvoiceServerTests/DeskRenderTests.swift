import EInvoiceServer
import EInvoiceTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// `POST /api/v1/render`: an ERP prints through HTTP with the same façade as `einvoice render`.
@Suite struct DeskRenderTests {
    func app(resources: Bool = true) -> some ApplicationProtocol {
        var configuration = ServerConfiguration()
        if resources {
            configuration.resources = RenderResources(templatesDirectory: Fixtures.root.appendingPathComponent("Templates"),
                                                      fontsDirectory: Fixtures.root.appendingPathComponent("Fonts").path)
        }
        return Application(router: DeskApplication.router(configuration: configuration))
    }

    var odoo: ByteBuffer { get throws { ByteBuffer(bytes: try Fixtures.data("samples/production-odoo-nic-data.json")) } }

    @Test func aResponseComesBackAsAPDF() async throws {
        let body = try odoo
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/render?template=classic&copies=original,duplicate", method: .post,
                                     headers: [.contentType: "application/json"], body: body) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(response.headers[.contentDisposition]?.contains("INV-SAJ_2023_0627.pdf") == true)
                let pdf = Data(response.body.readableBytesView)
                #expect(pdf.starts(with: Data("%PDF-".utf8)))
                let text = try Raster.pdfText(pdf)
                #expect(text.contains("ORIGINAL FOR RECIPIENT") && text.contains("DUPLICATE FOR TRANSPORTER"))
                #expect(text.contains("SAJ/2023/0627"))
            }
        }
    }

    @Test func anArchiveIsPDFA() async throws {
        let body = try odoo
        try await app().test(.router) { client in
            try await client.execute(uri: "/api/v1/render?archive=1", method: .post, body: body) { response in
                #expect(response.status == .ok)
                let attachments = try Self.attachments(Data(response.body.readableBytesView))
                #expect(attachments.contains("SignedQRCode.jws"))
            }
        }
    }

    /// The embedded files, as poppler's `pdfdetach -list` sees them.
    static func attachments(_ pdf: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID()).pdf")
        try pdf.write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        return try CommandRunner.output(ofTool: "/usr/bin/pdfdetach", ["-list", path.path])
    }

    static let refusals: [(String, String, Int, String)] = [
        ("/api/v1/render?template=../../etc/passwd", "samples/production-odoo-nic-data.json", 400, "unknown template"),
        ("/api/v1/render?copies=quadruplicate", "samples/production-odoo-nic-data.json", 400, "has no label"),
        ("/api/v1/render", "wrappers/mismatched-pair.json", 422, "signature does not hold"),
        ("/api/v1/render", "wrappers/nic-envelope-error-2143.json", 422, "2143"),
    ]

    @Test(arguments: refusals)
    func badRequestsAreRefusedWithTheReason(_ uri: String, _ fixture: String, _ status: Int, _ words: String) async throws {
        let body = ByteBuffer(bytes: try Fixtures.data(fixture))
        try await app().test(.router) { client in
            try await client.execute(uri: uri, method: .post, body: body) { response in
                #expect(Int(response.status.code) == status)
                #expect(String(buffer: response.body).contains(words), "\(String(buffer: response.body))")
            }
        }
    }

    @Test func withoutTemplatesTheEndpointSaysSo() async throws {
        let body = try odoo
        try await app(resources: false).test(.router) { client in
            try await client.execute(uri: "/api/v1/render", method: .post, body: body) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
