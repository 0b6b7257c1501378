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

/// The same with each input opened, not read: the body reads it whole or line by line. An input
/// that cannot be opened, or read whole (``OpenedInput/readAll()``), is warned about and skipped.
func forEachOpenedInput(_ inputs: [String], _ body: (_ name: String, _ input: OpenedInput) throws -> Void) throws -> Bool {
    var unreadable = false
    for path in inputs {
        do {
            try body(path == "-" ? "<stdin>" : path, try InputSource.open(path))
        } catch let error as InputSource.ReadError {
            warn(error.description)
            unreadable = true
        }
    }
    return unreadable
}
