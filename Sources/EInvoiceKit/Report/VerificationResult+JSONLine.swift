import EInvoiceVerification

extension VerificationResult.JSON {
    /// `verify --json`'s line written member by member, in the sorted order `JSONEncoder` gives
    /// (`.sortedKeys`: byte order), skipping absent members as it does. `nil` when a member only
    /// `scan` sets is present: those lines go through ``JSONLineEncoder``.
    ///
    /// Why: one line per token, and the `Encodable` walk into a member tree, then a sort, was a
    /// sixth of `verify --json`'s time. Tests hold every report shape to `JSONEncoder`'s bytes.
    /// The line stays bytes, written as they are: making a `String` of them validated every line's UTF-8 again.
    var verifyLineBytes: [UInt8]? {
        guard page == nil, qrKind == nil, position == nil, printedMatches == nil, printedMismatches == nil,
              printedChecks == nil, documentPages == nil, printedReadBy == nil, upi == nil else { return nil }
        var line = SortedMembers()
        line.string("ackDate", ackDate)
        line.string("ackNo", ackNo)
        line.string("algorithm", algorithm)
        line.string("buyerGstin", buyerGstin)
        line.bool("cancelled", cancelled)
        line.string("docDate", docDate)
        line.string("docNo", docNo)
        line.string("docType", docType)
        line.string("environment", environment)
        line.strings("errors", errors)
        line.member("failures") { $0.failures(failures) }
        line.string("format", format)
        line.string("input", input)
        line.string("irn", irn)
        line.string("irnDate", irnDate)
        line.string("irnMatchedAs", irnMatchedAs)
        line.bool("irnMatches", irnMatches)
        if let irpErrors { line.member("irpErrors") { $0.dictionaries(irpErrors) } }
        line.string("issuer", issuer)
        if let itemCount { line.member("itemCount") { $0.out.append(contentsOf: String(itemCount).utf8) } }
        line.string("key", key)
        line.string("kid", kid)
        line.string("kind", kind)
        line.string("mainHsnCode", mainHsnCode)
        line.strings("notes", notes)
        line.string("sellerGstin", sellerGstin)
        line.string("status", status)
        line.string("totalInvoiceValue", totalInvoiceValue)
        line.string("verdict", verdict)
        line.strings("warnings", warnings)
        return line.finishBytes()
    }
}

/// An object's members written in the order given (the caller's, sorted), as `JSONEncoder` spells them.
struct SortedMembers {
    var out: [UInt8] = [UInt8(ascii: "{")]
    private var first = true

    init() { out.reserveCapacity(1024) }

    mutating func member(_ key: StaticString, _ value: (inout SortedMembers) -> Void) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))  // byte by byte: appending a literal's UTF-8 view took a generic path
        out.append(UInt8(ascii: ":"))
        value(&self)
    }

    mutating func string(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        member(key) { JSONLineEncoder.writeString(value, to: &$0.out) }
    }

    mutating func bool(_ key: StaticString, _ value: Bool?) {
        guard let value else { return }
        member(key) { $0.out.append(contentsOf: (value ? "true" : "false").utf8) }
    }

    mutating func strings(_ key: StaticString, _ values: [String]) {
        member(key) { line in
            line.out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { line.out.append(UInt8(ascii: ",")) }
                JSONLineEncoder.writeString(value, to: &line.out)
            }
            line.out.append(UInt8(ascii: "]"))
        }
    }

    /// `[{"code":…,"field":…,"message":…,"printed":…}]`, absent members left out.
    mutating func failures(_ failures: [Failure]) {
        out.append(UInt8(ascii: "["))
        for (index, failure) in failures.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            var object = SortedMembers()
            object.string("code", failure.code.description)
            object.string("field", failure.field)
            object.string("message", failure.message)
            object.string("printed", failure.printed)
            out.append(contentsOf: object.finishBytes())
        }
        out.append(UInt8(ascii: "]"))
    }

    /// `[{"code":…,"message":…}]`: dictionaries of strings, keys in byte order.
    mutating func dictionaries(_ items: [[String: String]]) {
        out.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            for (position, key) in item.keys.sorted(by: JSONLineEncoder.keyPrecedes).enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                JSONLineEncoder.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                JSONLineEncoder.writeString(item[key] ?? "", to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Closes the object and hands over its bytes.
    mutating func finishBytes() -> [UInt8] {
        out.append(UInt8(ascii: "}"))
        return out
    }
}
