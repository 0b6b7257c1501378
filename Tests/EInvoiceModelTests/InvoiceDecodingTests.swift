import EInvoiceModel
import Foundation
import Testing

@Suite struct InvoiceDecodingTests {
    @Test func numbersKeepTheirExactDecimalValue() throws {
        let json = #"{"DocDtls":{"Typ":"INV","No":"A/1","Dt":"01/04/2023"},"SellerDtls":{"Gstin":"29AAFCC9980M1ZR","Pin":560001,"Stcd":"29"},"ItemList":[{"SlNo":"1","Qty":1.005,"AssAmt":12345678901.23,"HsnCd":"9983"},{"SlNo":2,"AssAmt":"5.10","HsnCd":"1001"}],"ValDtls":{"TotInvVal":12345678906.33}}"#
        let invoice = try JSONDecoder().decode(Invoice.self, from: Data(json.utf8))
        #expect(invoice.items.count == 2)
        #expect(invoice.items[0].assessableAmount == Decimal.exact("12345678901.23"))
        #expect(invoice.items[1].serialNumber == "2")
        #expect(invoice.items[1].assessableAmount == Decimal.exact("5.1"))
        #expect(invoice.seller.pin == "560001")
        #expect(invoice.totals.totalInvoiceValue == Decimal.exact("12345678906.33"))
        #expect(invoice.mainHsnCode == "9983")
    }

    @Test func invoiceWithoutDocumentDetailsIsRefused() {
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(Invoice.self, from: Data(#"{"SellerDtls":{}}"#.utf8))
        }
    }

    @Test func oldFieldNamesAreRead() throws {
        let json = #"{"DocDtls":{"Typ":"INV","No":"1","Dt":"01/10/2020"},"SellerDtls":{"Gstin":"x","State":"29"}}"#
        let invoice = try JSONDecoder().decode(Invoice.self, from: Data(json.utf8))
        #expect(invoice.seller.stateCode == "29")
    }
}
