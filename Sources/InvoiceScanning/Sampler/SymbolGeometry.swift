/// The fixed layout of a QR symbol of one version (ISO/IEC 18004 §6.3): its size, where the
/// alignment patterns sit, and which modules are function patterns rather than data.
struct SymbolGeometry: Sendable, Hashable {
    let version: Int

    init?(version: Int) {
        guard (1...40).contains(version) else { return nil }
        self.version = version
    }

    /// Modules per side.
    var dimension: Int { Self.dimension(version) }

    /// Modules per side of `version` (any integer: callers scan the range 1…40 with it).
    static func dimension(_ version: Int) -> Int { 17 + 4 * version }

    /// Row/column centres of the alignment patterns: evenly spaced (an even step) from 6 to
    /// `dimension - 7`, as the standard's table lists them; version 32 is the one exception.
    var alignmentCoordinates: [Int] { Self.alignmentTable[version - 1] }

    /// ``alignmentCoordinates`` of every version, worked out once: the readers ask for them per
    /// module, and building the list each time cost a fifth of a hard page's time in allocation.
    private static let alignmentTable: [[Int]] = (1...40).map(computedAlignmentCoordinates)

    private static func computedAlignmentCoordinates(_ version: Int) -> [Int] {
        let dimension = SymbolGeometry.dimension(version)
        guard version >= 2 else { return [] }
        let count = version / 7 + 2
        let last = dimension - 7
        let step = version == 32 ? 26 : (version * 4 + count * 2 + 1) / (2 * count - 2) * 2
        var coordinates = [6]
        for i in stride(from: count - 2, through: 0, by: -1) { coordinates.append(last - i * step) }
        return coordinates
    }

    /// Centres (module coordinates, i.e. `index + 0.5`) of the alignment patterns that do not
    /// overlap a finder.
    var alignmentCentres: [PlanePoint] {
        let coordinates = alignmentCoordinates
        let last = dimension - 7
        var centres: [PlanePoint] = []
        for row in coordinates {
            for column in coordinates {
                if (row == 6 && column == 6) || (row == 6 && column == last) || (row == last && column == 6) { continue }
                centres.append(PlanePoint(x: Double(column) + 0.5, y: Double(row) + 0.5))
            }
        }
        return centres
    }

    /// Finder centres in module coordinates: top-left, top-right, bottom-left.
    var finderCentres: [PlanePoint] {
        let far = Double(dimension) - 3.5
        return [PlanePoint(x: 3.5, y: 3.5), PlanePoint(x: far, y: 3.5), PlanePoint(x: 3.5, y: far)]
    }

    /// The 18-bit version information (BCH(18, 6), generator 0x1F25), versions 7 and up.
    var versionBits: Int? {
        guard version >= 7 else { return nil }
        var remainder = version << 12
        for bit in stride(from: 17, through: 12, by: -1) where remainder & (1 << bit) != 0 {
            remainder ^= 0x1F25 << (bit - 12)
        }
        return version << 12 | remainder
    }

    /// The colour every function-pattern module must have (`true` = dark), or nil for data,
    /// format and version-information modules (which must be read, not redrawn).
    func functionModule(column: Int, row: Int) -> Bool? {
        let n = dimension
        guard column >= 0, row >= 0, column < n, row < n else { return Self.layoutFunctionModule(version, column: column, row: row) }
        switch Self.functionLayouts[version - 1][row * n + column] {
        case 1: return true
        case 0: return false
        default: return nil
        }
    }

    /// Every version's function modules (1 dark, 0 light, −1 data or information), row-major:
    /// looked up per module many times a read, worked out once.
    /// Painted in the rules' reverse order of precedence (timing, the dark module, alignment
    /// patterns, finders with separators), each over the last.
    private static let functionLayouts: [[Int8]] = (1...40).map { version in
        let n = SymbolGeometry.dimension(version)
        var layout = [Int8](repeating: -1, count: n * n)
        for i in 0..<n {
            layout[6 * n + i] = i % 2 == 0 ? 1 : 0
            layout[i * n + 6] = i % 2 == 0 ? 1 : 0
        }
        layout[(n - 8) * n + 8] = 1
        let coordinates = alignmentTable[version - 1], last = n - 7
        for ar in coordinates {
            for ac in coordinates where !((ar == 6 && ac == 6) || (ar == 6 && ac == last) || (ar == last && ac == 6)) {
                for dy in -2...2 {
                    for dx in -2...2 { layout[(ar + dy) * n + ac + dx] = max(abs(dx), abs(dy)) != 1 ? 1 : 0 }
                }
            }
        }
        for (fx, fy) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            for dy in -1...7 where (0..<n).contains(fy + dy) {
                for dx in -1...7 where (0..<n).contains(fx + dx) {
                    let inside = (0...6).contains(dx) && (0...6).contains(dy)
                    layout[(fy + dy) * n + fx + dx] = inside && max(abs(dx - 3), abs(dy - 3)) != 2 ? 1 : 0
                }
            }
        }
        return layout
    }

    /// ``functionModule(column:row:)`` from the standard's rules: for places off the symbol, and
    /// the reference the painted layouts are tested against.
    static func layoutFunctionModule(_ version: Int, column: Int, row: Int) -> Bool? {
        let n = SymbolGeometry.dimension(version)
        let alignmentCoordinates = alignmentTable[version - 1]
        // Finders with their separators.
        for (fx, fy) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            let dx = column - fx, dy = row - fy
            if (-1...7).contains(dx), (-1...7).contains(dy) {
                guard (0...6).contains(dx), (0...6).contains(dy) else { return false }
                let ring = max(abs(dx - 3), abs(dy - 3))
                return ring != 2
            }
        }
        // Alignment patterns.
        let last = n - 7
        for ar in alignmentCoordinates {
            for ac in alignmentCoordinates {
                if (ar == 6 && ac == 6) || (ar == 6 && ac == last) || (ar == last && ac == 6) { continue }
                let ring = max(abs(column - ac), abs(row - ar))
                if ring <= 2 { return ring != 1 }
            }
        }
        // Timing patterns.
        if row == 6 { return column % 2 == 0 }
        if column == 6 { return row % 2 == 0 }
        // The dark module beside the bottom-left format information.
        if column == 8, row == n - 8 { return true }
        return nil
    }

    /// Version-information module (bit index 0…17) at this position, either copy, or nil.
    func versionInfoBit(column: Int, row: Int) -> Int? {
        guard version >= 7 else { return nil }
        let n = dimension
        // Above the bottom-left finder: 6 columns × 3 rows; beside the top-right: the transpose.
        if (0...5).contains(column), (n - 11...n - 9).contains(row) { return column * 3 + (row - (n - 11)) }
        if (0...5).contains(row), (n - 11...n - 9).contains(column) { return row * 3 + (column - (n - 11)) }
        return nil
    }

    /// The version whose version-information code is nearest (Hamming distance ≤ 3) to `bits`.
    static func versionFromBits(_ bits: Int) -> Int? {
        var best: (Int, Int)?
        for v in 7...40 {
            guard let code = SymbolGeometry(version: v)?.versionBits else { continue }
            let distance = (code ^ bits).nonzeroBitCount
            if distance <= 3, distance < (best?.1 ?? 4) { best = (v, distance) }
        }
        return best?.0
    }
}
