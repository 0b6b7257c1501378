import EInvoiceModel
import Testing

@Suite struct IRNTests {
    @Test func thirdPartyExampleMatches() {
        // SHA-256("29AAFCC9980M1ZR" + "2019-20" + "INV" + "2019-20/KA/1"), published by gstzen.in.
        #expect(IRN.compute(sellerGstin: "29AAFCC9980M1ZR", financialYear: "2019-20", docType: "INV", docNo: "2019-20/KA/1")
            == "23f498ee41441ecad30f72ba5b9907506c3df70a17b0e0dff46b76a786400662")
    }

    @Test(arguments: [("03/01/2020", "2019-20"), ("01/04/2020", "2020-21"), ("31/03/2021", "2020-21"),
                      ("15/12/1999", "1999-00"), ("29/02/2024", "2023-24"), ("+1/04/2020", "2020-21"),
                      ("01/01/1000", "999-00"), ("01/04/1000", "1000-01"), ("15/06/9998", "9998-99"), ("15/06/9999", "9999-00")])
    func financialYearRunsAprilToMarch(_ date: String, _ fy: String) {
        #expect(DocumentDate(date)?.financialYear == fy)
    }

    @Test(arguments: ["2020-01-03", "32/01/2020", "29/02/2023", "1/1/2020", "", "03/01/20200", "31/04/2023", "00/01/2020",
                      "01/13/2020", "0a/01/2020", "01-01-2020", "01/01/202\u{301}"])
    func badDatesAreRefused(_ text: String) {
        #expect(DocumentDate(text) == nil)
    }

    @Test func upperCasedDocumentNumberIsTriedSecond() {
        let upper = IRN.compute(sellerGstin: "29AAFCC9980M1ZR", financialYear: "2023-24", docType: "INV", docNo: "AB/1")
        #expect(IRN.match(upper, sellerGstin: "29AAFCC9980M1ZR", docDate: "01/05/2023", docType: "INV", docNo: "ab/1") == .upperCased)
        #expect(IRN.match(upper, sellerGstin: "29AAFCC9980M1ZR", docDate: "01/05/2023", docType: "INV", docNo: "AB/1") == .asSubmitted)
        #expect(IRN.match(upper, sellerGstin: "29AAFCC9980M1ZR", docDate: "01/05/2023", docType: "CRN", docNo: "AB/1") == nil)
    }

    @Test func anIRNIsComparedInLowerCaseWhateverCaseItIsWrittenIn() {
        let irn = IRN.compute(sellerGstin: "29AAFCC9980M1ZR", financialYear: "2023-24", docType: "INV", docNo: "AB/1")
        #expect(IRN.lowercased(irn) == irn)
        #expect(IRN.lowercased(irn.uppercased()) == irn)
        #expect(IRN.match(irn.uppercased(), sellerGstin: "29AAFCC9980M1ZR", docDate: "01/05/2023", docType: "INV", docNo: "AB/1") == .asSubmitted)
        #expect(IRN.lowercased("ÉCOLE") == "école")  // an ASCII capital present: all of it lower-cased, as before
        #expect(IRN.lowercased("école") == "école")
    }
}
