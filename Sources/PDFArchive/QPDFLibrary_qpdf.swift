internal import CQPDF
import EInvoiceBasics

/// libqpdf, opened the first time a PDF is measured or archived (see ``DynamicLibrary``): most
/// commands never touch one, and linking it cost every process about 12 million instructions.
enum QPDFLibrary {
    static let functions = DynamicLibrary.load("libqpdf.so.29", package: "libqpdf29", resolve: einv_qpdf_resolve)

    /// The functions, or why qpdf cannot be used.
    static func load() throws(ArchiveError) -> einv_qpdf {
        try functions.mapError { ArchiveError(.unavailable, "qpdf: \($0)") }.get()
    }
}
