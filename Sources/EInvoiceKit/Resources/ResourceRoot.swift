public import Foundation

/// A folder holding einvoice's data files: `Fonts/`, `Templates/` and `color/` (the sRGB profile).
///
/// The same layout serves an installed copy (`<prefix>/share/einvoice/`) and a source checkout,
/// so the code that reads the files never asks where it is running from.
public struct ResourceRoot: Sendable, Hashable {
    /// How a root was found, for messages and `--help`.
    public enum Origin: String, Sendable {
        case besideExecutable = "beside the executable"
        case developmentCheckout = "the source checkout of this development build"
        case environment = "EINVOICE_HOME"
        case xdgDataHome = "XDG_DATA_HOME"
        case xdgDataDirs = "XDG_DATA_DIRS"
    }

    public let url: URL
    public let origin: Origin

    public init(url: URL, origin: Origin) {
        self.url = url
        self.origin = origin
    }

    public var fontsDirectory: URL { url.appendingPathComponent("Fonts") }
    public var templatesDirectory: URL { url.appendingPathComponent("Templates") }
    /// The ICC profile of a PDF/A archive's output intent (`--archive`); the only optional file.
    public var colorProfile: URL { url.appendingPathComponent("color/sRGB.icc") }

    /// Why `url` cannot serve as a root, or `nil` when it can: both folders exist and can be listed.
    static func problem(with url: URL) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return "no such folder" }
        guard isDirectory.boolValue else { return "not a folder" }
        for folder in ["Fonts", "Templates"] {
            let path = url.appendingPathComponent(folder).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return "no \(folder)/ in it"
            }
            guard FileManager.default.isReadableFile(atPath: path), FileManager.default.isExecutableFile(atPath: path) else {
                return "\(folder)/ is not readable"
            }
        }
        return nil
    }
}
