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
        // Keys, punctuation, booleans and the item count: under 512 bytes; each string at its longest escaped.
        func longest(_ text: String?) -> Int { text.map(JSONLineEncoder.maximumStringLength) ?? 0 }
        var capacity = 512 + longest(ackDate) + longest(ackNo) + longest(algorithm) + longest(buyerGstin) + longest(docDate)
        capacity += longest(docNo) + longest(docType) + longest(environment) + longest(format) + longest(input) + longest(irn)
        capacity += longest(irnDate) + longest(irnMatchedAs) + longest(issuer) + longest(key) + longest(kid) + longest(kind)
        capacity += longest(mainHsnCode) + longest(sellerGstin) + longest(status) + longest(totalInvoiceValue) + longest(verdict)
        for text in errors { capacity += longest(text) + 1 }
        for text in notes { capacity += longest(text) + 1 }
        for text in warnings { capacity += longest(text) + 1 }
        for failure in failures {
            capacity += 64 + longest(failure.code.description) + longest(failure.field) + longest(failure.message) + longest(failure.printed)
        }
        for error in irpErrors ?? [] {
            for (key, value) in error { capacity += longest(key) + longest(value) + 2 }
            capacity += 3
        }
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, written in
            var line = SortedMembers(ByteCursor(buffer))
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
            if let itemCount { line.member("itemCount") { $0.raw(String(itemCount)) } }
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
            written = line.finish() - buffer.baseAddress!
        }
    }
}

/// An object's members written in the order given (the caller's, sorted), as `JSONEncoder` spells
/// them, through a ``ByteCursor`` into memory the caller sized for the longest such line.
struct SortedMembers {
    var out: ByteCursor
    private var first = true

    init(_ out: ByteCursor) {
        self.out = out
        self.out.append(UInt8(ascii: "{"))
    }

    mutating func member(_ key: StaticString, _ value: (inout SortedMembers) -> Void) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        out.append(UInt8(ascii: "\""))
        out.append(UnsafeRawBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        value(&self)
    }

    mutating func string(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        member(key) { JSONLineEncoder.writeString(value, to: &$0.out) }
    }

    mutating func bool(_ key: StaticString, _ value: Bool?) {
        guard let value else { return }
        member(key) { $0.raw(value ? "true" : "false") }
    }

    /// ASCII text written as it is (a literal or a number).
    mutating func raw(_ text: String) {
        var text = text
        text.withUTF8 { out.append(UnsafeRawBufferPointer($0)) }
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
            var object = SortedMembers(out)
            object.string("code", failure.code.description)
            object.string("field", failure.field)
            object.string("message", failure.message)
            object.string("printed", failure.printed)
            out = object.close()
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

    /// Closes the object; the cursor after it, to go on writing.
    mutating func close() -> ByteCursor {
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// Closes the object; where it ends.
    mutating func finish() -> UnsafeMutablePointer<UInt8> {
        close().next
    }
}
