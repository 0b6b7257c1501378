import EInvoiceModel
import EInvoiceTestSupport
import Foundation
import EInvoiceVerification
import Testing

extension Fixtures.RealToken: CustomTestStringConvertible {}

@Suite struct RealTokenTests {
    @Test(arguments: Fixtures.realTokens)
    func everyRealTokenVerifiesWithItsEnvironmentAndIRN(_ sample: Fixtures.RealToken) throws {
        let report = Verifier().verify(token: sample.token)
        #expect(report.verdict == .valid, "\(report.errors)")
        #expect(report.environment.rawValue == sample.environment)
        #expect(report.kid == sample.kid)
        #expect(report.kind.rawValue == sample.kind)
        let check = try #require(report.irnCheck)
        #expect(check.matches)
        #expect(check.matchedAs == .asSubmitted)
        #expect(report.fields.irn == sample.irn)
    }

    @Test func fixturesAreAllThere() {
        // 9 SignedQRCode + 7 SignedInvoice tokens in the shared samples.
        #expect(Fixtures.realTokens.count == 16)
    }

    @Test func productionOnlyMakesSandboxTokensUntrusted() throws {
        let sandbox = try #require(Fixtures.realTokens.first { $0.environment == "sandbox" })
        let production = try #require(Fixtures.realTokens.first { $0.environment == "production" })
        let strict = Verifier(policy: VerificationPolicy(productionOnly: true))
        #expect(strict.verify(token: sandbox.token).verdict == .untrusted)
        #expect(strict.verify(token: sandbox.token).failures.map(\.code) == [.sandboxRefused])
        #expect(strict.verify(token: production.token).verdict == .valid)
    }

    @Test func builtInKeysMatchTheSharedPEMFiles() throws {
        // The embedded PEMs must stay byte-for-byte the derived keys in Tests/Fixtures/real/keys.
        let store = TrustStore.builtIn
        #expect(store.keys.count == 4)
        for key in store.keys {
            let kidPrefix = try #require(key.kid?.prefix(8))
            let file = "real/keys/nic_\(key.environment.rawValue)_kid_\(kidPrefix).pem"
            let pem = String(decoding: try Fixtures.data(file), as: UTF8.self)
            #expect(pem.trimmingCharacters(in: .whitespacesAndNewlines) == key.pem, "\(file)")
            #expect(key.provenance.contains("derived from public IRP tokens"))
        }
    }
}
