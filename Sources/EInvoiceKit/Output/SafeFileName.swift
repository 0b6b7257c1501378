/// File names that are safe on every common file system (ext4, NTFS, APFS, FAT, SMB shares).
public enum SafeFileName {
    /// Names Windows reserves whatever the extension.
    private static let reserved: Set<String> = Set(["CON", "PRN", "AUX", "NUL"])
        .union((1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// One path component: `/`, `\`, `:`, `*`, `?`, `"`, `<`, `>`, `|` and control characters become
    /// `_`; bidirectional controls and other invisible format characters are removed (a right-to-left
    /// override in a document number would make `INV‮fdp.exe` look like `INVexe.pdf`); leading dots and
    /// trailing dots/spaces are dropped; reserved device names get a `_` prefix; the result is at most
    /// `maxBytes` of UTF-8 (extension kept).
    public static func component(_ raw: String, maxBytes: Int = 180) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars where !isInvisibleFormat(scalar) {
            let isUnsafe = scalar.value < 0x20 || (0x7f...0x9f).contains(scalar.value) || "/\\:*?\"<>|".unicodeScalars.contains(scalar)
            scalars.append(isUnsafe ? "_" : scalar)
        }
        var name = String(scalars)
        while name.hasPrefix(".") { name.removeFirst() }
        while name.hasSuffix(".") || name.hasSuffix(" ") { name.removeLast() }
        if name.isEmpty { name = "_" }
        let stem = name.split(separator: ".", maxSplits: 1).first.map(String.init)?.uppercased() ?? ""
        if reserved.contains(stem) { name = "_" + name }
        return truncate(name, maxBytes: maxBytes)
    }

    /// Bidi embeddings, overrides, isolates and marks; zero-width and other format (Cf) characters;
    /// line and paragraph separators.
    static func isInvisibleFormat(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061c, 0x200b...0x200f, 0x2028...0x202e, 0x2060...0x2069, 0xfeff, 0xfff9...0xfffb: true
        default: scalar.properties.generalCategory == .format
        }
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
