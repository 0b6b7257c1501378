public import EInvoiceModel
public import Foundation
import RasterIO

/// The IRP tokens an archive PDF carries as associated files (`render --archive`), read back so
/// a PDF proves itself without a scan — and compared with the QR printed on its page.
public enum ArchivedTokens {
    static let invoiceSuffix = "-SignedInvoice.jws"
    static let qrSuffix = "-SignedQRCode.jws"
    static let responseSuffix = "-irp-response.json"

    /// The attachments `render --archive` writes for a response.
    static func attachments(for response: IRPResponse, irn: String) throws(RenderError)
        -> [(name: String, mime: String, description: String, data: Data)] {
        var files: [(String, String, String, Data)] = []
        if let token = response.signedInvoice {
            files.append(("\(irn)\(invoiceSuffix)", "application/jose", "SignedInvoice (compact JWS) as issued by the IRP", Data(token.utf8)))
        }
        if let token = response.signedQRCode {
            files.append(("\(irn)\(qrSuffix)", "application/jose", "SignedQRCode (compact JWS): the printed QR's content", Data(token.utf8)))
        }
        let fields: [String: Any?] = [
            "AckNo": response.ackNo, "AckDt": response.ackDate, "Irn": response.irn, "SignedInvoice": response.signedInvoice,
            "SignedQRCode": response.signedQRCode, "Status": response.status, "EwbNo": response.ewayBillNo,
            "EwbDt": response.ewayBillDate, "EwbValidTill": response.ewayBillValidTill, "Remarks": response.remarks,
        ]
        let object = fields.compactMapValues { $0 }
        do {
            let json = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            files.append(("\(irn)\(responseSuffix)", "application/json", "IRP response (NIC Data object)", json))
        } catch {
            // An archive without the response it claims to carry is not an archive: say so, never drop it.
            throw RenderError(.drawing, "the IRP response cannot be written as JSON for the archive: \(error.localizedDescription)")
        }
        return files
    }

    /// The response rebuilt from a PDF's embedded files; `nil` when it carries none.
    /// The `.jws` files are authoritative: the JSON only contributes Ack No/Date and status.
    public static func read(_ pdf: Data) -> IRPResponse? {
        // A PDF poppler cannot open has no embedded tokens to offer; the page scan that follows says why it is unreadable.
        guard let document = try? PDFDocument(data: pdf) else { return nil }
        let files = document.attachments()
        let token = { (suffix: String) in
            files.first { $0.name.hasSuffix(suffix) }.map { String(decoding: $0.data, as: UTF8.self) }
        }
        let signedInvoice = token(invoiceSuffix), signedQRCode = token(qrSuffix)
        // The JSON is a convenience beside the authoritative `.jws` files: if it does not parse, Ack No/Date are not shown.
        var response = files.first { $0.name.hasSuffix(responseSuffix) }
            .flatMap { try? JSONValue.parse($0.data) }.flatMap(IRPResponse.init) ?? IRPResponse()
        guard signedInvoice != nil || signedQRCode != nil || response.signedInvoice != nil else { return nil }
        response.signedInvoice = signedInvoice ?? response.signedInvoice
        response.signedQRCode = signedQRCode ?? response.signedQRCode
        return response
    }

    /// Problems with the signed QRs read from the pages, compared with the embedded SignedQRCode.
    public static func printedQRProblems(printed: [String], embedded: IRPResponse) -> [String] {
        guard let expected = embedded.signedQRCode else { return [] }
        if printed.isEmpty { return ["no signed QR could be read on the printed page to compare with the embedded token"] }
        if !printed.contains(expected) { return ["the QR printed on the page is not the embedded SignedQRCode"] }
        return []
    }
}
