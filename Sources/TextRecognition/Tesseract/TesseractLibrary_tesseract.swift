internal import CTesseract
import Foundation

/// libtesseract, opened with `dlopen` the first time a page is read, and its functions.
///
/// Not linked: loading it and what it pulls in costs every einvoice process about 12 ms at start
/// (see `CTesseract/shim.h`), and most commands never read a page. Opened once per process and
/// never closed; a machine without it gets an ``OCRError/Code/unavailable`` error that says what to
/// install, like a machine without the language data.
enum TesseractLibrary {
    /// The Debian 12 name of the library (package `libtesseract5`).
    static let soname = "libtesseract.so.5"

    /// The functions, or why they cannot be had. Swift runs this once, on first use, thread-safely.
    static let functions: Result<einv_tesseract, OCRError> = {
        guard let library = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(OCRError(.unavailable, "Tesseract cannot be loaded (\(reason)); Debian: apt-get install libtesseract5 tesseract-ocr-eng"))
        }
        let table = UnsafeMutablePointer<einv_tesseract>.allocate(capacity: 1)
        defer { table.deallocate() }
        if let missing = einv_tesseract_resolve(library, table) {
            return .failure(OCRError(.unavailable, "\(soname) has no function \(String(cString: missing)): an unsupported Tesseract version"))
        }
        return .success(table.pointee)
    }()

    /// The functions, or the error to report.
    static func load() throws(OCRError) -> einv_tesseract {
        try functions.get()
    }
}
