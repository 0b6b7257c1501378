public import Foundation

/// Finds the repository's test data from this file's path (fixtures are data, not SwiftPM resources).
public enum Fixtures {
    /// The repository root.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let directory = root.appendingPathComponent("Tests/Fixtures")

    public static func url(_ relativePath: String) -> URL { directory.appendingPathComponent(relativePath) }

    public static func data(_ relativePath: String) throws -> Data { try Data(contentsOf: url(relativePath)) }

    /// One real token from the shared samples, with what is known about it.
    public struct RealToken: Sendable, CustomTestStringConvertibleShim {
        public let token: String
        public let kind: String
        public let kid: String
        public let environment: String
        public let irn: String?
        public let source: String

        public var testDescription: String { "\(kind) \(kid.prefix(8)) \(source)" }
    }

    /// Every real `SignedQRCode` and `SignedInvoice` in `Tests/Fixtures/real/tokens/`.
    public static let realTokens: [RealToken] = {
        ["real/tokens/signed_qr_codes.json", "real/tokens/signed_invoices.json"].flatMap { path -> [RealToken] in
            // A missing or broken file yields no tokens; RealTokenTests' count check then fails, naming it.
            guard let data = try? data(path),
                  let records = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
            else { return [] }
            return records.compactMap { record in
                guard let token = record["token"] as? String, let kind = record["kind"] as? String,
                      let header = record["header"] as? [String: Any], let kid = header["kid"] as? String,
                      let keys = record["verifies_with"] as? [String]
                else { return nil }
                let source = (record["source"] as? [String: Any])?["repo"] as? String ?? "forum page"
                let environment = keys.first?.contains("production") == true ? "production" : "sandbox"
                let irn = (record["data"] as? [String: Any])?["Irn"] as? String ?? record["Irn"] as? String
                return RealToken(token: token, kind: kind, kid: kid, environment: environment, irn: irn, source: source)
            }
        }
    }()

    /// The GSP-wrapped responses in the India Compliance fixture, by case name.
    public static func indiaComplianceResponses() throws -> [(name: String, json: Data)] {
        let data = try data("real/india-compliance_test_e_invoice.json")
        guard let cases = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [] }
        return try cases.keys.sorted().compactMap { name in
            guard let entry = cases[name] as? [String: Any], let response = entry["response_data"] else { return nil }
            return (name, try JSONSerialization.data(withJSONObject: response, options: [.sortedKeys]))
        }
    }
}

/// Stand-in so fixture rows describe themselves in test names without importing Testing here.
public protocol CustomTestStringConvertibleShim {
    var testDescription: String { get }
}
