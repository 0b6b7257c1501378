#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A C library opened with `dlopen` the first time a command needs it, instead of linked.
///
/// Every linked library is loaded, relocated and initialised by every einvoice process before
/// `main`, with all the libraries it pulls in; the PDF, image and OCR libraries cost most commands
/// more start-up than everything they do (see `CDynamicLibrary/dynamic_library.h`). A wrapper
/// module keeps the table of functions a shim declares with `EINV_DYNAMIC_LIBRARY` in a `static
/// let` (Swift runs the loading once, thread-safely) and turns the failure into its own error.
/// Libraries are never closed: their functions stay valid for the life of the process.
public enum DynamicLibrary {
    /// Why a library could not be used: not installed, or a version without a function einvoice calls.
    public struct LoadFailure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Opens `soname` and fills the shim's table with `resolve` (the `table_resolve` function
    /// `EINV_DYNAMIC_LIBRARY` declares). `package` names the Debian package that installs it, for
    /// the message.
    public static func load<Table>(
        _ soname: String, package: String,
        resolve: (UnsafeMutableRawPointer, UnsafeMutablePointer<Table>) -> UnsafePointer<CChar>?
    ) -> Result<Table, LoadFailure> {
        guard let library = dlopen(soname, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            return .failure(LoadFailure(description: "\(soname) cannot be loaded (\(reason)); Debian: apt-get install \(package)"))
        }
        let table = UnsafeMutablePointer<Table>.allocate(capacity: 1)
        defer { table.deallocate() }
        if let missing = resolve(library, table) {
            return .failure(LoadFailure(description: "\(soname) has no function \(String(cString: missing)): an unsupported version"))
        }
        return .success(table.move())
    }
}
