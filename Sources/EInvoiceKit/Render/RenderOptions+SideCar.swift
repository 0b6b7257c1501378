import Foundation
public import InvoiceLayout

extension RenderOptions {
    /// These options with the extras of the side-car beside `inputPath` (`NAME.extras.json` for
    /// `NAME.json`), when there is one; fields given here (`--field`) win over the file's.
    public func withSideCar(ofInput inputPath: String) throws(RenderError) -> RenderOptions {
        let path = InvoiceExtras.sideCarPath(for: inputPath)
        guard FileManager.default.fileExists(atPath: path) else { return self }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RenderError(.usage, "\(path): cannot be read")
        }
        var copy = self
        do {
            copy.extras = try InvoiceExtras(sideCar: data, name: path).merging(extras)
        } catch {
            throw RenderError(.usage, error.description)
        }
        return copy
    }
}
