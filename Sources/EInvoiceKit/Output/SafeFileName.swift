/// File names that are safe on every common file system (ext4, NTFS, APFS, FAT, SMB shares).
public enum SafeFileName {
    /// Names Windows reserves whatever the extension.
    private static let reserved: Set<String> = Set(["CON", "PRN", "AUX", "NUL"])
        .union((1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// One path component: `/`, `\`, `:`, `*`, `?`, `"`, `<`, `>`, `|` and control characters become
    /// `_`; leading dots and trailing dots/spaces are dropped; reserved device names get a `_`
    /// prefix; the result is at most `maxBytes` of UTF-8 (extension kept).
    public static func component(_ raw: String, maxBytes: Int = 180) -> String {
        var name = String(raw.unicodeScalars.map { scalar -> Character in
            if scalar.value < 0x20 || scalar.value == 0x7f || "/\\:*?\"<>|".unicodeScalars.contains(scalar) { return "_" }
            return Character(scalar)
        })
        while name.hasPrefix(".") { name.removeFirst() }
        while name.hasSuffix(".") || name.hasSuffix(" ") { name.removeLast() }
        if name.isEmpty { name = "_" }
        let stem = name.split(separator: ".", maxSplits: 1).first.map(String.init)?.uppercased() ?? ""
        if reserved.contains(stem) { name = "_" + name }
        return truncate(name, maxBytes: maxBytes)
    }

    /// A relative path from `/`-separated parts of a pattern, each part made safe.
    public static func path(_ raw: String) -> String {
        raw.split(separator: "/", omittingEmptySubsequences: true).map { component(String($0)) }
            .filter { $0 != "_" || raw.isEmpty }.joined(separator: "/")
    }

    private static func truncate(_ name: String, maxBytes: Int) -> String {
        guard name.utf8.count > maxBytes else { return name }
        let dot = name.lastIndex(of: ".")
        let ext = dot.map { String(name[$0...]) } ?? ""
        var stem = dot.map { String(name[..<$0]) } ?? name
        while stem.utf8.count + ext.utf8.count > maxBytes, !stem.isEmpty { stem.removeLast() }
        return stem + ext
    }
}
