import Crypto
import Foundation
import SwiftASN1
import X509
import EInvoiceVerification
import _CryptoExtras

/// A self-signed X.509 certificate for a test RSA key, to exercise `--trust` with certificates.
public struct TestCertificate: Sendable {
    public let pem: String
    /// Upper-case hex SHA-1 of the certificate's DER: the kid the IRP would put in the header.
    public let thumbprint: String
    public let signer: TestSigner

    public static func make() throws -> TestCertificate {
        let signer = try TestSigner(kid: "0000000000000000000000000000000000000000")
        let key = Certificate.PrivateKey(signer.privateKey)
        let name = try DistinguishedName { CommonName("einvoice test IRP signer") }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: key.publicKey,
            notValidBefore: Date(timeIntervalSince1970: 1_600_000_000),
            notValidAfter: Date(timeIntervalSince1970: 2_000_000_000), issuer: name, subject: name,
            signatureAlgorithm: .sha256WithRSAEncryption, extensions: Certificate.Extensions(), issuerPrivateKey: key)
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        let der = serializer.serializedBytes
        let thumbprint = Insecure.SHA1.hash(data: der).map { String(format: "%02X", $0) }.joined()
        let pem = PEMDocument(type: "CERTIFICATE", derBytes: der).pemString
        let pinnedSigner = try TestSigner(kid: thumbprint, environment: .production, reusing: signer)
        return TestCertificate(pem: pem + "\n", thumbprint: thumbprint, signer: pinnedSigner)
    }
}

extension TestSigner {
    /// The same key under another kid.
    init(kid: String, environment: Environment, reusing other: TestSigner) throws {
        self.init(kid: kid, environment: environment, privateKey: other.privateKey)
    }
}
