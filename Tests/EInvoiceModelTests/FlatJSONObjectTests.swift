import EInvoiceModel
import EInvoiceTestSupport
import Foundation
import Testing

/// The verifier's fast path (`FlatJSONObject`, `QRPayload(flat:)`) must read exactly what
/// `JSONDecoder` reads, and step aside (`nil`) wherever it might not.
@Suite struct FlatJSONObjectTests {
    /// The `data` JSON text of every real `SignedQRCode`.
    static let realQRData: [String] = Fixtures.realTokens.filter { $0.kind == "SignedQRCode" }.compactMap { token in
        let segment = token.token.split(separator: ".")[1]
        var base64 = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let payload = Data(base64Encoded: base64),
              let object = try? JSONSerialization.jsonObject(with: payload) as? [String: Any]
        else { return nil }
        return object["data"] as? String
    }

    static func foundation(_ text: String) throws -> QRPayload {
        try JSONDecoder().decode(QRPayload.self, from: Data(text.utf8))
    }

    @Test func realQRDataReadsAsJSONDecoderReadsIt() throws {
        #expect(Self.realQRData.count >= 5)
        for text in Self.realQRData {
            let flat = try #require(FlatJSONObject(text).flatMap(QRPayload.init(flat:)), "\(text)")
            #expect(flat == (try Self.foundation(text)))
        }
    }

    static let variants: [String] = [
        #"{"SellerGstin":"29AAACI1195H1ZK","TotInvVal":1180,"ItemCnt":3,"DocDt":"01/04/2024"}"#,
        #"{"TotInvVal":1180.00,"ItemCnt":"12","DocNo":1234,"Irn":"ab\u00e9\/c\n"}"#,
        #"{"TotInvVal":"1,180.50","ItemCnt":-1,"MainHsnCode":998314}"#,
        #"{"TotInvVal":"763541.89","DocNo":"INV/2024/\"7\"","BuyerGstin":null}"#,
        #"{"TotInvVal":0.10,"ItemCnt":0,"IrnDt":"2024-04-01 10:00:00","DocNo":"₹ 😀 \ud83d\ude00"}"#,
        #"{"TotInvVal":-0,"DocNo":12345678901234567890123,"MainHsnCode":1.0}"#,
        #" { "TotInvVal" : 99999999999999.99 , "Extra" : "x" } "#,
        #"{}"#,
        // Escaped strings: every one-letter escape (read straight into the string's storage), and
        // escaped strings with a `\u` escape or a byte over 0x7f (read by the general path).
        #"{"DocNo":"a\\b\/c\"d\be\ff\ng\rh\ti","Irn":"\"x\u0041","IrnDt":"\"é","DocTyp":"\\"}"#,
    ]

    @Test(arguments: FlatJSONObjectTests.variants)
    func variantsReadAsJSONDecoderReadsThem(text: String) throws {
        let flat = try #require(FlatJSONObject(text).flatMap(QRPayload.init(flat:)), "\(text)")
        #expect(flat == (try Self.foundation(text)))
        #expect(flat.totalInvoiceValue?.description == (try Self.foundation(text)).totalInvoiceValue?.description)
    }

    /// Outside the plain subset the fast path steps aside, so the general decoder's reading stands.
    static let refused: [String] = [
        #"{"Irn":"a","Irn":"b"}"#,                 // duplicate key: JSON readers disagree
        #"{"Irn":{"nested":1}}"#, #"{"Irn":[1]}"#, // not flat
        "\u{FEFF}{\"Irn\":\"a\"}",                 // byte-order mark
        #"{"Irn":"a",}"#, #"{"Irn":'a'}"#, #"{"Irn":"a"} x"#, #"[1]"#, #""text""#, "", // not strict JSON / not an object
        #"{"TotInvVal":01}"#,                     // leading zero
        #"{"Irn":"\ud800"}"#,                     // lone surrogate
        "{\"Irn\":\"a\u{01}\"}",                  // raw control character
        "{\"Irn\":\"\\\"a\u{01}\"}",              // raw control character after an escape
        #"{"Irn":"\"a\x"}"#,                      // invalid escape after a valid one
        #"{"Irn":"\"a"#,                          // an escaped string never closed
        "{\"Irné\":\"a\"}",                       // a key that is not ASCII
        "{\"K\":\"a\",\"\u{212A}\":\"b\"}",        // keys equal only as Unicode (U+212A is K)
    ]

    @Test(arguments: FlatJSONObjectTests.refused)
    func refusesWhatItCannotReadExactly(text: String) {
        #expect(FlatJSONObject(text) == nil)
    }

    @Test func readsBooleansButLeavesThemToJSONDecoderInQRFields() throws {
        let object = try #require(FlatJSONObject(#"{"a":true,"b":false,"c":null,"d":-12.50}"#))
        #expect(object["a"] == .bool(true) && object["b"] == .bool(false) && object["c"] == .null)
        #expect(object["d"] == .number("-12.50"))
        #expect(QRPayload(flat: try #require(FlatJSONObject(#"{"Irn":true}"#))) == nil)
        #expect(QRPayload(flat: try #require(FlatJSONObject(#"{"ItemCnt":2.0}"#))) == nil)
    }

    @Test func exponentsAreReadStrictlyAndLeftAsText() throws {
        let object = try #require(FlatJSONObject(#"{"TotInvVal":1.5E3}"#))
        #expect(object["TotInvVal"] == .number("1.5E3"))
        let flat = try #require(QRPayload(flat: object))
        #expect(flat == (try Self.foundation(#"{"TotInvVal":1.5E3}"#)))
    }
}
