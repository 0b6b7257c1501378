import EInvoiceModel
import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import Testing

@Suite struct TamperingTests {
    let production = Fixtures.realTokens.first { $0.environment == "production" && $0.kind == "SignedQRCode" }

    @Test func oneChangedDigitInThePayloadIsInvalid() throws {
        let token = try #require(production).token
        let parts = token.split(separator: ".").map(String.init)
        // Decode the payload, change one digit of the total, re-encode: the signature no longer matches.
        var payload = try #require(Data(base64URL: parts[1]))
        let text = String(decoding: payload, as: UTF8.self)
        let changed = text.replacingOccurrences(of: "763541.89", with: "763541.99")
        #expect(changed != text)
        payload = Data(changed.utf8)
        let forged = [parts[0], TestSigner.encode(Array(payload)), parts[2]].joined(separator: ".")
        let report = Verifier().verify(token: forged)
        #expect(report.verdict == .invalid)
        #expect(report.failures.map(\.code) == [.badSignature])
    }

    @Test func oneFlippedSignatureBitIsInvalid() throws {
        let token = try #require(production).token
        var characters = Array(token)
        let last = characters.count - 5
        characters[last] = characters[last] == "A" ? "B" : "A"
        #expect(Verifier().verify(token: String(characters)).verdict == .invalid)
    }

    @Test func signatureOfAnotherKeyUnderATrustedKidIsInvalid() throws {
        let signer = try #require(TestSigner.shared)
        // Claims the production kid B8D63ECB but is signed by the test key.
        let forged = try signer.sign(data: TestSigner.qrData(), kidOverride: "B8D63ECB58EA5E6F4AAC3D524543B2246669B0F8")
        let report = Verifier().verify(token: forged)
        #expect(report.verdict == .invalid)
        #expect(report.environment == .production)
    }

    @Test func unknownKidIsUntrustedNotForged() throws {
        let signer = try #require(TestSigner.shared)
        let report = Verifier().verify(token: try signer.sign(data: TestSigner.qrData()))
        #expect(report.verdict == .untrusted)
        #expect(report.errors.joined().contains("does not mean it is forged"))
        // The fields are still shown, so the user can see what the token claims.
        #expect(report.qr?.docNo == "2019-20/KA/1")
    }

    @Test func tokenSignedByATrustedTestKeyIsValidWithAllChecks() throws {
        let signer = try #require(TestSigner.shared)
        let verifier = Verifier(trustStore: signer.trustStore())
        let report = verifier.verify(token: try signer.sign(data: TestSigner.qrData()))
        #expect(report.verdict == .valid, "\(report.errors)")
        #expect(report.irnCheck?.matches == true)
        #expect(report.qr?.totalInvoiceValue == Decimal.exact("119261.00"))
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    @Test func wrongIRNIsReportedBesideAValidSignature() throws {
        let signer = try #require(TestSigner.shared)
        let data = TestSigner.qrData().replacingOccurrences(of: #""Irn":""#, with: #""Irn":"00"#)
        let report = Verifier(trustStore: signer.trustStore()).verify(token: try signer.sign(data: data))
        #expect(report.verdict == .valid)
        #expect(report.irnCheck?.matches == false)
        #expect(report.failures.contains { $0.code == .irnMismatch })
    }

    @Test(arguments: ["none", "HS256", "RS512", "PS256", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"])
    func algorithmsOtherThanRS256AreRefusedByName(_ alg: String) throws {
        let signer = try #require(TestSigner.shared)
        let header = TestSigner.header(kid: signer.kid, alg: alg)
        let token = try signer.sign(header: header, payload: TestSigner.payload(data: TestSigner.qrData()))
        let report = Verifier(trustStore: signer.trustStore()).verify(token: token)
        #expect(report.verdict == .invalid)
        #expect(report.failures.map(\.code) == [.refusedAlgorithm])
    }

    @Test func unsignedAlgNoneTokenWithEmptySignatureIsRefused() {
        let header = TestSigner.encode(Array(#"{"alg":"none","kid":"B8D63ECB58EA5E6F4AAC3D524543B2246669B0F8"}"#.utf8))
        let payload = TestSigner.encode(Array(TestSigner.payload(data: TestSigner.qrData()).utf8))
        let report = Verifier().verify(token: "\(header).\(payload).")
        #expect(report.verdict == .invalid)
    }

    @Test func hs256KeyConfusionWithThePublicKeyAsSecretIsRefused() throws {
        // The classic attack: HMAC the token with the RSA public key's PEM as the "secret".
        let header = TestSigner.encode(Array(#"{"alg":"HS256","kid":"B8D63ECB58EA5E6F4AAC3D524543B2246669B0F8"}"#.utf8))
        let payload = TestSigner.encode(Array(TestSigner.payload(data: TestSigner.qrData()).utf8))
        let pem = try #require(TrustStore.builtIn.pinned(to: "B8D63ECB58EA5E6F4AAC3D524543B2246669B0F8").first).pem
        let mac = HMACSHA256.mac(message: "\(header).\(payload)", key: pem)
        let report = Verifier().verify(token: "\(header).\(payload).\(TestSigner.encode(mac))")
        #expect(report.verdict == .invalid)
    }

    @Test func sandboxTokensCarryAWarning() throws {
        let sandbox = try #require(Fixtures.realTokens.first { $0.environment == "sandbox" })
        let report = Verifier().verify(token: sandbox.token)
        #expect(report.verdict == .valid && report.isSandbox && report.failures.isEmpty)
        #expect(report.warnings.contains { $0.contains("a test document, not a tax invoice") })
    }
}

extension Data {
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
