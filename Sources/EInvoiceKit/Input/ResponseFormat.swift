/// The shapes of input `verify` reads (DOMAIN.md §1.5); detected, or forced with `--format`.
public enum ResponseFormat: String, Sendable, CaseIterable, Codable {
    /// The decrypted NIC `Data` object: `{AckNo, AckDt, Irn, SignedInvoice, SignedQRCode, Status, …}`.
    case nicData = "nic-data"
    /// The NIC API envelope: `{"Status":1|0, "Data":…, "ErrorDetails":[…], "InfoDtls":[…]}`.
    case nicEnvelope = "nic-envelope"
    /// Adaequare (used by ERPNext/India Compliance): `{success, message, result, info}`.
    case adaequare
    /// ClearTax "govt compatible": `{"Success":"Y"|"N", …}`.
    case clearTax = "cleartax"
    /// Masters India "vanilla": `{"results":{"message":{…}}}`.
    case mastersIndia = "masters-india"
    /// sandbox.co.in: `{"code":200, "data":{NIC envelope}}`.
    case sandboxCoIn = "sandbox.co.in"
    /// Bare compact JWS tokens, one per line.
    case jws
    /// JSON of an unknown wrapper holding a recognisable NIC `Data` object somewhere inside.
    case nested
    /// A PDF carrying the tokens as associated files (`render --archive`).
    case pdfArchive = "pdf-archive"

    /// Formats a user may force with `--format` (`nested` is only ever detected).
    public static var selectable: [ResponseFormat] { allCases.filter { $0 != .nested && $0 != .pdfArchive } }
}
