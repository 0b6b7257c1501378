import EInvoiceModel
import Testing

@Suite struct GSTINTests {
    @Test(arguments: ["27AAPFU0939F1ZV", "19AABCM5674J1Z1", "33AAPCS9575E1ZU", "24AACCT6304M1ZB", "09AAJCM7191E1Z5"])
    func productionGSTINsPassTheCheckDigit(_ value: String) {
        #expect(GSTIN(value).problem == nil)
    }

    @Test(arguments: ["01AMBPG7773M002", "36AMBPG7773M002", "29AWGPV7107B1Z1", "24AAFCD5862R005"])
    func sandboxTestGSTINsFailTheCheckDigit(_ value: String) throws {
        let problem = try #require(GSTIN(value).problem)
        #expect(problem.contains("check digit"))
    }

    @Test func workedExampleFromDomainNotes() {
        // Sum of v/36 + v%36 over the first 14 characters is 221; 221 mod 36 = 5; alphabet[31] = "V".
        #expect(GSTIN("27AAPFU0939F1ZV").expectedCheckCharacter == "V")
    }

    @Test(arguments: [("", "0 characters"), ("27AAPFU0939F1Z", "14 characters"), ("27aapfu0939f1zv", "other than"),
                      ("AAAAPFU0939F1ZV", "state code")])
    func malformedGSTINsAreExplained(_ value: String, _ expected: String) throws {
        let problem = try #require(GSTIN(value).problem)
        #expect(problem.contains(expected))
    }

    @Test func unregisteredPersonIsNotAnError() {
        #expect(GSTIN("URP").problem == nil)
        #expect(GSTIN("URP").isUnregistered)
    }
}
