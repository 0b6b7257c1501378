/// What the IRP returns for Generate/Get IRN once decrypted (NIC `Data`, DOMAIN.md §1.2).
///
/// GSP wrappers carry the same object under other names; ``ResponseFormat`` records which
/// wrapper it came in. The signed tokens are kept as the exact strings received.
public struct IRPResponse: Sendable, Hashable {
    public var ackNo: String?
    public var ackDate: String?
    public var irn: String?
    public var signedInvoice: String?
    public var signedQRCode: String?
    /// `ACT` or `CNL`.
    public var status: String?
    public var ewayBillNo: String?
    public var ewayBillDate: String?
    public var ewayBillValidTill: String?
    public var remarks: String?
    /// `InfoDtls`/`info` entries that came with the response (e-way bill notes and the like).
    public var info: [IRPMessage] = []

    public init() {}

    /// Reads the NIC `Data` fields from a JSON object; `nil` if it has no signed token at all.
    public init?(_ object: JSONValue) {
        guard case .object = object else { return nil }
        signedInvoice = object["SignedInvoice"]?.text
        signedQRCode = object["SignedQRCode"]?.text
        guard signedInvoice != nil || signedQRCode != nil else { return nil }
        ackNo = object["AckNo"]?.text
        ackDate = object["AckDt"]?.text
        irn = object["Irn"]?.text
        status = object["Status"]?.text
        ewayBillNo = object["EwbNo"]?.text
        ewayBillDate = object["EwbDt"]?.text
        ewayBillValidTill = object["EwbValidTill"]?.text
        remarks = object["Remarks"]?.text
    }

    /// `Status` `CNL`: the IRP reports the IRN as cancelled.
    public var isCancelled: Bool { status?.uppercased() == "CNL" }
}

/// An error or information entry of an IRP or GSP response.
public struct IRPMessage: Sendable, Hashable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// An IRP response that carries no signed invoice: the IRP refused the request.
public struct IRPFailure: Sendable, Hashable {
    public var errors: [IRPMessage]
    /// For error 2150, the IRN that already exists (`InfoDtls` `DUPIRN`).
    public var duplicate: DuplicateIRN?

    public init(errors: [IRPMessage], duplicate: DuplicateIRN? = nil) {
        self.errors = errors
        self.duplicate = duplicate
    }
}

/// The existing registration that error 2150 (Duplicate IRN) points to.
public struct DuplicateIRN: Sendable, Hashable {
    public var ackNo: String?
    public var ackDate: String?
    public var irn: String?

    public init(ackNo: String?, ackDate: String?, irn: String?) {
        self.ackNo = ackNo
        self.ackDate = ackDate
        self.irn = irn
    }
}
