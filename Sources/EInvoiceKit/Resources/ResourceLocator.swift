public import Foundation

/// Finds the ``ResourceRoot`` of the running program, in a fixed order, never through the path
/// the binary was compiled at (a copied or installed binary must not depend on the build machine):
///
/// 1. beside the executable: `../share/einvoice/` from its real path (`bin/einvoice` of the package
///    or tarball);
/// 2. `EINVOICE_HOME`, when set: a set but unusable value is an error, never skipped;
/// 3. for a development build whose real path is inside a checkout's SwiftPM build folder
///    (`<checkout>/.build/…/einvoice`), that checkout: a rule on where the binary *is*, so
///    `swift run` works and a copy taken out of `.build/` does not find the checkout;
/// 4. `$XDG_DATA_HOME/einvoice` (default `~/.local/share/einvoice`), then each of
///    `$XDG_DATA_DIRS` + `/einvoice` (default `/usr/local/share:/usr/share`).
public enum ResourceLocator {
    /// No usable root: says every place looked at and why each was refused.
    public struct NotFound: Error, CustomStringConvertible, Sendable {
        public let looked: [(place: String, problem: String)]

        public var description: String {
            "cannot find einvoice's resources (Fonts/ and Templates/); looked in:\n"
                + looked.map { "  \($0.place): \($0.problem)" }.joined(separator: "\n")
                + "\nInstall share/einvoice/ beside bin/einvoice, set EINVOICE_HOME to such a folder, "
                + "or pass --font-path and --template-path."
        }
    }

    public static func locate(
        executable: URL? = currentExecutable(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(NotFound) -> ResourceRoot {
        var looked: [(String, String)] = []
        func accept(_ url: URL, _ origin: ResourceRoot.Origin, note: String = "") -> ResourceRoot? {
            let url = url.standardizedFileURL
            guard let problem = ResourceRoot.problem(with: url) else { return ResourceRoot(url: url, origin: origin) }
            looked.append(("\(url.path) (\(origin.rawValue)\(note))", problem))
            return nil
        }

        if let executable {
            let prefix = executable.deletingLastPathComponent().deletingLastPathComponent()
            if let root = accept(prefix.appendingPathComponent("share/einvoice"), .besideExecutable,
                                 note: " \(executable.path)") { return root }
        } else {
            looked.append(("beside the executable", "its path is unknown (/proc/self/exe unreadable)"))
        }

        if let home = environment["EINVOICE_HOME"], !home.isEmpty {
            if let root = accept(URL(fileURLWithPath: home), .environment) { return root }
            throw NotFound(looked: looked)
        }
        looked.append(("EINVOICE_HOME", "not set"))

        if let checkout = executable.flatMap(developmentCheckout(of:)),
           let root = accept(checkout, .developmentCheckout) { return root }

        for (directory, origin) in xdgDataDirectories(environment) {
            if let root = accept(directory.appendingPathComponent("einvoice"), origin) { return root }
        }
        throw NotFound(looked: looked)
    }

    /// The running program's real path: `/proc/self/exe` on Linux, the main bundle's elsewhere.
    public static func currentExecutable() -> URL? {
        #if os(Linux)
        do {
            return URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        } catch {
            // No /proc (unusual containers): the locator then reports the executable's place as unknown.
            return nil
        }
        #else
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
        #endif
    }

    /// The checkout holding the SwiftPM build folder (`.build`, `.build-*`) the executable is in.
    static func developmentCheckout(of executable: URL) -> URL? {
        let components = executable.pathComponents
        guard let index = components.lastIndex(where: { $0 == ".build" || $0.hasPrefix(".build-") }), index > 0 else {
            return nil
        }
        let checkout = URL(fileURLWithPath: NSString.path(withComponents: Array(components[..<index])))
        let manifest = checkout.appendingPathComponent("Package.swift").path
        return FileManager.default.fileExists(atPath: manifest) ? checkout : nil
    }

    /// The XDG base directories for data, in order, with their defaults.
    static func xdgDataDirectories(_ environment: [String: String]) -> [(URL, ResourceRoot.Origin)] {
        var result: [(URL, ResourceRoot.Origin)] = []
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            result.append((URL(fileURLWithPath: dataHome), .xdgDataHome))
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            result.append((URL(fileURLWithPath: home).appendingPathComponent(".local/share"), .xdgDataHome))
        }
        let dirs = environment["XDG_DATA_DIRS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/local/share:/usr/share"
        // The XDG spec ignores relative entries.
        for dir in dirs.split(separator: ":") where dir.hasPrefix("/") {
            result.append((URL(fileURLWithPath: String(dir)), .xdgDataDirs))
        }
        return result
    }
}
