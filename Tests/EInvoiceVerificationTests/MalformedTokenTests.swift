import EInvoiceTestSupport
import EInvoiceVerification
import Foundation
import Testing

@Suite struct MalformedTokenTests {
    static let real = Fixtures.realTokens.first?.token ?? ""

    @Test(arguments: [
        ("", "empty"),
        ("abc", "3 dot-separated parts"),
        ("a.b.c.d", "3 dot-separated parts"),
        ("..", "empty"),
        ("!!!.e30.AAAA", "base64url"),
        ("e30.e30.!!", "base64url"),
        ("bm90IGpzb24.e30.AAAA", "header is not a JSON object"),
        ("e30.bm90IGpzb24.AAAA", "payload is not a JSON object"),
    ])
    func brokenTokensAreMalformedWithAReason(_ token: String, _ reason: String) {
        let report = Verifier().verify(token: token)
        #expect(report.verdict == .malformed)
        #expect(report.errors.first?.contains(reason) == true, "\(report.errors)")
    }

    @Test(arguments: [100, 500, 900])
    func truncatedRealTokensNeverVerify(_ length: Int) {
        let report = Verifier().verify(token: String(Self.real.prefix(length)))
        #expect(report.verdict == .malformed || report.verdict == .invalid)
    }

    @Test func tenMegabytesOfGarbageIsMalformed() {
        // A linear congruential generator: reproducible base64url-ish garbage with dots, 10 MB.
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.".utf8)
        var state: UInt32 = 12345
        let bytes = (0..<10_000_000).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12345
            return alphabet[Int(state >> 16) % alphabet.count]
        }
        let garbage = String(decoding: bytes, as: UTF8.self)
        #expect(Verifier().verify(token: garbage).verdict == .malformed)
    }

    @Test func oversizedTokensAreRefusedBeforeDecoding() {
        let huge = String(repeating: "A", count: CompactJWS.maximumLength + 1)
        let report = Verifier().verify(token: huge + ".e30.AAAA")
        #expect(report.errors.first?.contains("longer than") == true)
    }

    @Test func invalidUTF8InTheHeaderIsMalformed() {
        let header = TestSigner.encode([0xff, 0xfe, 0x7b, 0x22])
        #expect(Verifier().verify(token: "\(header).e30.AAAA").verdict == .malformed)
    }

    @Test func deeplyNestedSignedDataIsMalformedNotACrash() throws {
        let signer = try #require(TestSigner.shared)
        let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let token = try signer.sign(data: nested)
        let report = Verifier(trustStore: signer.trustStore()).verify(token: token)
        #expect(report.verdict == .malformed)
        #expect(report.errors.contains { $0.contains("not a readable IRP document") })
    }

    @Test func deeplyNestedHeaderIsMalformed() {
        let nested = TestSigner.encode(Array((String(repeating: "[", count: 50_000)).utf8))
        #expect(Verifier().verify(token: "\(nested).e30.AAAA").verdict == .malformed)
    }

    @Test func payloadWithoutDataIsMalformedEvenWhenSigned() throws {
        let signer = try #require(TestSigner.shared)
        let token = try signer.sign(header: TestSigner.header(kid: signer.kid), payload: #"{"iss":"NIC"}"#)
        let report = Verifier(trustStore: signer.trustStore()).verify(token: token)
        #expect(report.verdict == .malformed)
    }
}
