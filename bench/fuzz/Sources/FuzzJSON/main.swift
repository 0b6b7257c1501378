import EInvoiceModel
import Foundation

/// The strict JSON reader never crashes, and where Foundation also reads the input, both agree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    guard let strict = try? StrictJSONReader.parse(data) else { return 0 }
    if let foundation = try? JSONDecoder().decode(JSONValue.self, from: data), foundation != strict {
        fatalError("StrictJSONReader and JSONDecoder disagree on \(data.base64EncodedString())")
    }
    return 0
}
