public import Foundation

/// Finds the `Fonts/` and `Templates/` folders, which live outside any target (not SwiftPM
/// resources): an explicit path, `EINVOICE_HOME`, the working directory, the executable's
/// ancestors, then the source checkout this binary was built from.
public enum ResourceLocator {
    public static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        var candidates: [URL] = []
        if let home = environment["EINVOICE_HOME"] { candidates.append(URL(fileURLWithPath: home)) }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        var executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(executable)
            executable.deleteLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent())
        return candidates.first { isRoot($0) }
    }

    public static func isRoot(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("Fonts/NotoSans-Regular.ttf").path)
            && FileManager.default.fileExists(atPath: url.appendingPathComponent("Templates").path)
    }
}
