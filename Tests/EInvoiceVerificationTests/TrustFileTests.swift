import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import Testing

@Suite struct TrustFileTests {
    func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trust-\(UUID().uuidString).pem").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func annotatedPublicKeyIsPinnedToItsKid() throws {
        let signer = try #require(TestSigner.shared)
        let store = try TrustStore.builtIn.adding(contentsOf: write(signer.publicKeyPEM()))
        let report = Verifier(trustStore: store).verify(token: try signer.sign(data: TestSigner.qrData()))
        #expect(report.verdict == .valid)
        #expect(report.keySource?.contains("public key from") == true)
    }

    @Test func unpinnedPublicKeyIsTriedForUnknownKidsWithAWarning() throws {
        let signer = try #require(TestSigner.shared)
        let store = try TrustStore.builtIn.adding(contentsOf: write(signer.publicKeyPEM(annotated: false)))
        let report = Verifier(trustStore: store).verify(token: try signer.sign(data: TestSigner.qrData()))
        #expect(report.verdict == .valid)
        #expect(report.warnings.contains { $0.contains("not pinned") })
        // It does not vouch for a token under a kid that a pinned key claims.
        let other = try signer.sign(data: TestSigner.qrData(), kidOverride: "B8D63ECB58EA5E6F4AAC3D524543B2246669B0F8")
        #expect(Verifier(trustStore: store).verify(token: other).verdict == .invalid)
    }

    @Test func sandboxAnnotationMakesTheKeySandbox() throws {
        let signer = try #require(TestSigner.shared)
        let text = "kid: \(signer.kid)\nenvironment: sandbox\n" + signer.publicKeyPEM(annotated: false)
        let store = try TrustStore.builtIn.adding(contentsOf: write(text))
        let token = try signer.sign(data: TestSigner.qrData())
        #expect(Verifier(trustStore: store).verify(token: token).environment == .sandbox)
        #expect(Verifier(trustStore: store, policy: .init(productionOnly: true)).verify(token: token).verdict == .untrusted)
    }

    @Test(arguments: [
        ("", "empty"),
        ("hello", "no PEM block"),
        ("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "not an RSA public key"),
        ("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "not a valid X.509"),
        ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "not a public key or certificate"),
        ("kid: 12\n-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "40 hex digits"),
    ])
    func badTrustFilesAreRefusedWithTheReason(_ text: String, _ reason: String) throws {
        let path = try write(text)
        #expect {
            try TrustStore.builtIn.adding(contentsOf: path)
        } throws: { error in
            (error as? VerificationError)?.reason.contains(reason) == true
        }
    }

    @Test func missingTrustFileIsAnError() {
        #expect(throws: VerificationError.self) { try TrustStore.builtIn.adding(contentsOf: "/nonexistent/key.pem") }
    }

    @Test func certificateIsPinnedByItsSHA1Thumbprint() throws {
        let certificate = try TestCertificate.make()
        let store = try TrustStore.builtIn.adding(contentsOf: write(certificate.pem))
        let pinned = store.pinned(to: certificate.thumbprint)
        #expect(pinned.count == 1)
        let token = try certificate.signer.sign(data: TestSigner.qrData(), kidOverride: certificate.thumbprint)
        let report = Verifier(trustStore: store).verify(token: token)
        #expect(report.verdict == .valid, "\(report.errors)")
        #expect(report.keySource?.contains("certificate") == true)
        // A kid annotation that contradicts the thumbprint is refused.
        let wrong = "kid: \(String(repeating: "A", count: 40))\n" + certificate.pem
        #expect(throws: VerificationError.self) { try TrustStore.builtIn.adding(contentsOf: write(wrong)) }
    }
}
