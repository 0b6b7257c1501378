internal import CTesseract
import EInvoiceBasics

/// libtesseract, opened the first time a page is read (see ``DynamicLibrary``), and its functions.
///
/// Loading it and what it pulls in would cost every einvoice process about 12 ms at start, and
/// most commands never read a page. A machine without it gets an ``OCRError/Code/unavailable``
/// error that says what to install, like a machine without the language data.
enum TesseractLibrary {
    /// The functions, or why they cannot be had. Swift runs this once, on first use, thread-safely.
    static let functions = DynamicLibrary.load("libtesseract.so.5", package: "libtesseract5 tesseract-ocr-eng",
                                               resolve: einv_tesseract_resolve)

    /// The functions, or the error to report.
    static func load() throws(OCRError) -> einv_tesseract {
        try functions.mapError { OCRError(.unavailable, "Tesseract: \($0)") }.get()
    }
}
