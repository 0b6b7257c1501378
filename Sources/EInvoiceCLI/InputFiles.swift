import EInvoiceKit
import Foundation

/// Reads each input argument (`-` is standard input), warning about those that cannot be read.
///
/// - Returns: whether any input could not be read (exit 66 when nothing else went wrong).
func forEachInput(_ inputs: [String], _ body: (_ name: String, _ data: Data) throws -> Void) rethrows -> Bool {
    var unreadable = false
    for path in inputs {
        let data: Data
        do {
            data = try InputSource.read(path)
        } catch {
            warn(error.description)
            unreadable = true
            continue
        }
        try body(path == "-" ? "<stdin>" : path, data)
    }
    return unreadable
}
