import EInvoiceModel
import Foundation

extension IRPDocumentReader {
    /// Reads one JSON value as the given format, or detects the format from its keys.
    static func document(_ value: JSONValue, id: String, format: ResponseFormat?) -> InputDocument {
        if case .string(let token) = value {
            return InputDocument(id: id, format: .jws, content: .token(token))
        }
        let detected = format ?? detect(value)
        let content: InputDocument.Content
        switch detected {
        case .nicData: content = nicData(value)
        case .nicEnvelope: content = nicEnvelope(value)
        case .adaequare: content = adaequare(value)
        case .clearTax: content = clearTax(value)
        case .mastersIndia: content = mastersIndia(value)
        case .sandboxCoIn: content = sandboxCoIn(value)
        case .nested: content = nicData(value)
        case .jws: content = .unreadable("--format jws was given, but the input is JSON")
        case .pdfArchive: content = .unreadable("the input is JSON, not a PDF")
        case nil: content = .unreadable(notFound)
        }
        return InputDocument(id: id, format: detected, content: content)
    }

    static let notFound = "no SignedInvoice or SignedQRCode found (read as NIC Data, NIC envelope, Adaequare, "
        + "ClearTax, Masters India and sandbox.co.in shapes)"

    static func detect(_ value: JSONValue) -> ResponseFormat? {
        guard case .object(let members) = value else { return nil }
        let has = { (key: String) in members[key] != nil }
        if has("Success") { return .clearTax }
        if has("SignedInvoice") || has("SignedQRCode") { return .nicData }
        if has("success") && (has("result") || has("message")) { return .adaequare }
        if has("results") { return .mastersIndia }
        if has("Status") && (has("Data") || has("ErrorDetails")) { return .nicEnvelope }
        if has("code") && has("data") { return .sandboxCoIn }
        return nil
    }

    static func nicData(_ value: JSONValue) -> InputDocument.Content {
        if let response = IRPResponse(value) { return .response(response) }
        if value["Irn"] != nil, value["CancelDate"] != nil {
            return .unreadable("a Cancel IRN response (Irn \(value["Irn"]?.text ?? "?"), cancelled \(value["CancelDate"]?.text ?? "?")) carries no signed token")
        }
        return .unreadable("the NIC Data object has no SignedInvoice or SignedQRCode")
    }

    static func nicEnvelope(_ value: JSONValue) -> InputDocument.Content {
        let status = value["Status"]?.text
        let data = value["Data"]
        let info = messages(value["InfoDtls"])
        if status != "1", let errors = value["ErrorDetails"], !errors.isNull {
            return .failure(IRPFailure(errors: messages(errors), duplicate: duplicate(value["InfoDtls"])))
        }
        switch data {
        case .object?:
            guard case .response(var response) = nicData(data ?? .null) else { return nicData(data ?? .null) }
            response.info = info
            return .response(response)
        case .string(let text)?:
            // A probe: a string holding a JSON object is a wrapped response; any other string is the encrypted form.
            if let inner = try? JSONValue.parse(Data(text.utf8)), case .object = inner {
                return nicData(inner)
            }
            return .unreadable("the envelope's Data is encrypted with the session key (AES-256-ECB, SEK): decrypt it first and pass the Data object")
        default:
            return .failure(IRPFailure(errors: [IRPMessage(code: status ?? "?", message: "the IRP returned Status \(status ?? "?") with no Data")]))
        }
    }

    static func adaequare(_ value: JSONValue) -> InputDocument.Content {
        let success = value["success"].map { if case .bool(let ok) = $0 { ok } else { $0.text == "true" } } ?? false
        guard success else {
            let message = value["message"]?.text ?? "the GSP reported failure"
            let code = value["error_code"]?.text ?? message.split(separator: ":").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? "?"
            return .failure(IRPFailure(errors: [IRPMessage(code: code, message: message)], duplicate: duplicate(value["result"])))
        }
        guard let result = value["result"] else { return .unreadable("the Adaequare response has no result") }
        guard case .response(var response) = nicData(result) else { return nicData(result) }
        response.info = messages(value["info"])
        return .response(response)
    }

    static func clearTax(_ value: JSONValue) -> InputDocument.Content {
        if value["Success"]?.text?.uppercased() == "N" {
            return .failure(IRPFailure(errors: messages(value["ErrorDetails"])))
        }
        return nicData(value)
    }

    static func mastersIndia(_ value: JSONValue) -> InputDocument.Content {
        let results = value["results"]
        if let message = results?["message"], case .object = message { return nicData(message) }
        let text = results?["errorMessage"]?.text ?? results?["message"]?.text ?? "Masters India reported failure"
        return .failure(IRPFailure(errors: [IRPMessage(code: results?["code"]?.text ?? "?", message: text)]))
    }

    static func sandboxCoIn(_ value: JSONValue) -> InputDocument.Content {
        guard let data = value["data"] else { return .unreadable("the sandbox.co.in response has no data") }
        return detect(data) == .nicData ? nicData(data) : nicEnvelope(data)
    }

    /// `ErrorDetails`/`InfoDtls` entries in any of the spellings GSPs use.
    static func messages(_ value: JSONValue?) -> [IRPMessage] {
        guard case .array(let items)? = value else { return [] }
        return items.map { item in
            let code = item["ErrorCode"]?.text ?? item["error_code"]?.text ?? item["InfCd"]?.text ?? "?"
            let message = item["ErrorMessage"]?.text ?? item["error_message"]?.text ?? item["Desc"]?.summary ?? item.summary
            return IRPMessage(code: code, message: message)
        }
    }

    /// The `DUPIRN` entry that comes with error 2150.
    static func duplicate(_ value: JSONValue?) -> DuplicateIRN? {
        guard case .array(let items)? = value,
              let entry = items.first(where: { $0["InfCd"]?.text == "DUPIRN" }), let desc = entry["Desc"]
        else { return nil }
        return DuplicateIRN(ackNo: desc["AckNo"]?.text, ackDate: desc["AckDt"]?.text, irn: desc["Irn"]?.text)
    }
}
