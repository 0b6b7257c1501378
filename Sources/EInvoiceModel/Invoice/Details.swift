public import Foundation

/// `ValDtls`: the invoice's value summary.
public struct ValueDetails: Sendable, Hashable, Decodable {
    public var assessableValue: Decimal?
    public var cgst: Decimal?
    public var sgst: Decimal?
    public var igst: Decimal?
    public var cess: Decimal?
    public var stateCess: Decimal?
    public var discount: Decimal?
    public var otherCharges: Decimal?
    public var roundOff: Decimal?
    public var totalInvoiceValue: Decimal?
    public var totalInvoiceValueForeignCurrency: Decimal?

    public init() {}

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        assessableValue = c.decimal("AssVal")
        cgst = c.decimal("CgstVal")
        sgst = c.decimal("SgstVal")
        igst = c.decimal("IgstVal")
        cess = c.decimal("CesVal")
        stateCess = c.decimal("StCesVal")
        discount = c.decimal("Discount")
        otherCharges = c.decimal("OthChrg")
        roundOff = c.decimal("RndOffAmt")
        totalInvoiceValue = c.decimal("TotInvVal")
        totalInvoiceValueForeignCurrency = c.decimal("TotInvValFc")
    }
}

/// `PayDtls`: payee and terms.
public struct PaymentDetails: Sendable, Hashable, Decodable {
    public var payeeName: String?
    public var accountNumber: String?
    public var mode: String?
    public var ifsc: String?
    public var terms: String?
    public var instruction: String?
    public var creditTransfer: String?
    public var directDebit: String?
    public var creditDays: String?
    public var paidAmount: Decimal?
    public var amountDue: Decimal?

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        payeeName = c.text("Nm")
        accountNumber = c.text("AccDet")
        mode = c.text("Mode")
        ifsc = c.text("FinInsBr")
        terms = c.text("PayTerm")
        instruction = c.text("PayInstr")
        creditTransfer = c.text("CrTrn")
        directDebit = c.text("DirDr")
        creditDays = c.text("CrDay")
        paidAmount = c.decimal("PaidAmt")
        amountDue = c.decimal("PaymtDue")
    }
}

/// `RefDtls`: remarks, period, preceding documents (credit/debit notes) and contract references.
public struct ReferenceDetails: Sendable, Hashable, Decodable {
    public struct PrecedingDocument: Sendable, Hashable, Decodable {
        public var number: String?
        public var date: String?
        public var otherReference: String?

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            number = c.text("InvNo")
            date = c.text("InvDt")
            otherReference = c.text("OthRefNo")
        }
    }

    public var remarks: String?
    public var periodStart: String?
    public var periodEnd: String?
    public var precedingDocuments: [PrecedingDocument] = []
    /// Contract references (`ContrDtls`), each as label/value pairs in schema order.
    public var contractReferences: [[LabeledValue]] = []

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        remarks = c.text("InvRm")
        if let period = try? c.nestedContainer(keyedBy: AnyKey.self, forKey: "DocPerdDtls") {
            periodStart = period.text("InvStDt")
            periodEnd = period.text("InvEndDt")
        }
        precedingDocuments = c.list(PrecedingDocument.self, "PrecDocDtls")
        let labels = [("RecAdvRefr", "Receipt advice"), ("RecAdvDt", "Receipt advice date"),
                      ("TendRefr", "Tender ref."), ("ContrRefr", "Contract ref."), ("ExtRefr", "External ref."),
                      ("ProjRefr", "Project ref."), ("PORefr", "PO ref."), ("PORefDt", "PO date")]
        if var contracts = try? c.nestedUnkeyedContainer(forKey: "ContrDtls") {
            while !contracts.isAtEnd {
                guard let entry = try? contracts.nestedContainer(keyedBy: AnyKey.self) else { break }
                contractReferences.append(labels.compactMap { key, label in
                    entry.text(AnyKey(stringValue: key)).map { LabeledValue(label: label, value: $0) }
                })
            }
        }
    }
}

/// A printable label and its value.
public struct LabeledValue: Sendable, Hashable {
    public var label: String
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

/// `ExpDtls`: shipping bill, port, currency and country for exports.
public struct ExportDetails: Sendable, Hashable, Decodable {
    public var shippingBillNumber: String?
    public var shippingBillDate: String?
    public var port: String?
    public var refundClaim: String?
    public var foreignCurrency: String?
    public var countryCode: String?
    public var exportDuty: Decimal?

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        shippingBillNumber = c.text("ShipBNo")
        shippingBillDate = c.text("ShipBDt")
        port = c.text("Port")
        refundClaim = c.text("RefClm")
        foreignCurrency = c.text("ForCur")
        countryCode = c.text("CntCode")
        exportDuty = c.decimal("ExpDuty")
    }
}

/// `EwbDtls`: the transport part of an e-way bill requested with the IRN.
public struct EwayBillDetails: Sendable, Hashable, Decodable {
    public var transporterId: String?
    public var transporterName: String?
    public var transportMode: String?
    public var distance: String?
    public var transportDocNo: String?
    public var transportDocDate: String?
    public var vehicleNumber: String?
    public var vehicleType: String?

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        transporterId = c.text("TransId")
        transporterName = c.text("TransName")
        transportMode = c.text("TransMode")
        distance = c.text("Distance")
        transportDocNo = c.text("TransDocNo")
        transportDocDate = c.text("TransDocDt")
        vehicleNumber = c.text("VehNo")
        vehicleType = c.text("VehType")
    }

    /// `TransMode` in words.
    public var transportModeName: String? {
        switch transportMode {
        case "1": "Road"
        case "2": "Rail"
        case "3": "Air"
        case "4": "Ship"
        default: transportMode
        }
    }
}
