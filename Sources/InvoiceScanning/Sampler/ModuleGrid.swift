import EInvoiceBasics
import Foundation

/// The grey level at the centre of every module of one symbol, as sampled through a fitted grid,
/// and the ways of turning those levels into dark/light modules.
struct ModuleGrid: Sendable {
    let geometry: SymbolGeometry
    /// Row-major, `dimension × dimension`.
    var values: [Double]

    var dimension: Int { geometry.dimension }

    /// Samples each module centre (shifted by `offset`, in modules) with bilinear interpolation.
    init(image: GreyImage, homography: Homography, geometry: SymbolGeometry, offset: PlanePoint = PlanePoint(x: 0, y: 0)) {
        self.geometry = geometry
        let n = geometry.dimension
        var values = [Double](repeating: 255, count: n * n)
        for row in 0..<n {
            for column in 0..<n {
                let centre = PlanePoint(x: Double(column) + 0.5 + offset.x, y: Double(row) + 0.5 + offset.y)
                values[row * n + column] = image.sample(homography.apply(centre))
            }
        }
        self.values = values
    }

    /// Dark where a module is darker than the mean of the modules around it (a window of
    /// `radius` modules each way): follows shading across the symbol. `bias` (in grey levels)
    /// moves the threshold lighter (positive) or darker.
    func darkByLocalMean(radius: Int, bias: Double) -> [Bool] {
        let n = dimension
        var integral = [Double](repeating: 0, count: (n + 1) * (n + 1))
        for row in 0..<n {
            var rowSum = 0.0
            for column in 0..<n {
                rowSum += values[row * n + column]
                integral[(row + 1) * (n + 1) + column + 1] = integral[row * (n + 1) + column + 1] + rowSum
            }
        }
        var dark = [Bool](repeating: false, count: n * n)
        for row in 0..<n {
            let r0 = max(0, row - radius), r1 = min(n, row + radius + 1)
            for column in 0..<n {
                let c0 = max(0, column - radius), c1 = min(n, column + radius + 1)
                let sum = integral[r1 * (n + 1) + c1] - integral[r0 * (n + 1) + c1] - integral[r1 * (n + 1) + c0] + integral[r0 * (n + 1) + c0]
                let mean = sum / Double((r1 - r0) * (c1 - c0))
                dark[row * n + column] = values[row * n + column] < mean + bias
            }
        }
        return dark
    }

    /// Dark where a module is below one level for the whole symbol.
    func darkBelow(_ level: Double) -> [Bool] { values.map { $0 < level } }

    /// The symbol redrawn from `dark` as a clean bitmap, `scale` pixels a module with a 4-module
    /// quiet zone, function patterns (finders, timing, alignment, version information) drawn as
    /// the standard defines them, so a stamp over a finder or a smudged timing row does not
    /// stop zbar from finding the symbol; format and data modules are as sampled.
    func redraw(_ dark: [Bool], scale: Int = 4) -> GreyImage {
        Self.redraw(dark, geometry: geometry, scale: scale)
    }

    /// `dark` (row-major modules of `geometry`) redrawn as ``redraw(_:scale:)`` does.
    static func redraw(_ dark: [Bool], geometry: SymbolGeometry, scale: Int = 4) -> GreyImage {
        let n = geometry.dimension, quiet = 4
        let side = (n + 2 * quiet) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        let versionBits = geometry.versionBits
        for row in 0..<n {
            for column in 0..<n {
                var isDark = dark[row * n + column]
                if let fixed = geometry.functionModule(column: column, row: row) {
                    isDark = fixed
                } else if let bits = versionBits, let bit = geometry.versionInfoBit(column: column, row: row) {
                    isDark = bits & (1 << bit) != 0
                }
                guard isDark else { continue }
                let x0 = (column + quiet) * scale, y0 = (row + quiet) * scale
                for y in y0..<(y0 + scale) {
                    for x in x0..<(x0 + scale) { pixels[y * side + x] = 0 }
                }
            }
        }
        return GreyImage(width: side, height: side, pixels: pixels)
    }

    /// How well row 6 and column 6 alternate dark/light between the finders as timing patterns
    /// do: the signed share of each line's swing about its mean that has the timing pattern's sign
    /// (1 perfectly, about 0 for data or a grid off the symbol); the worse line counts.
    var timingScore: Double {
        let n = dimension
        return min(Self.alternation((8...(n - 9)).map { values[6 * n + $0] }, firstIndex: 8),
                   Self.alternation((8...(n - 9)).map { values[$0 * n + 6] }, firstIndex: 8))
    }

    /// ``timingScore`` for a grid not sampled yet: row 6 and column 6 read through `map` alone.
    static func timingScore(_ image: GreyImage, through map: Homography, dimension: Int) -> Double {
        min(timingLine(image, through: map, dimension: dimension, alongRow: true),
            timingLine(image, through: map, dimension: dimension, alongRow: false))
    }

    /// How row 6 (`alongRow`) or column 6 alternates between the finders, read through `map`.
    static func timingLine(_ image: GreyImage, through map: Homography, dimension n: Int, alongRow: Bool) -> Double {
        alternation((8...(n - 9)).map { index in
            let along = Double(index) + 0.5
            return image.sample(map.apply(alongRow ? PlanePoint(x: along, y: 6.5) : PlanePoint(x: 6.5, y: along)))
        }, firstIndex: 8)
    }

    /// How well `values` (a timing line's modules from index `firstIndex`) alternate as a timing
    /// pattern does, dark at even indices: the signed share of their swing about their mean that has
    /// the timing pattern's sign (1 perfectly, about 0 for data or a line off the symbol).
    static func alternation(_ values: [Double], firstIndex: Int) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        var signed = 0.0, total = 0.0
        for (offset, v) in values.enumerated() {
            signed += ((offset + firstIndex) % 2 == 0 ? 1 : -1) * (mean - v)
            total += abs(mean - v)
        }
        return total > 0 ? signed / total : 0
    }

    /// The version read from the version-information blocks (either copy), if it decodes.
    func decodedVersion(darkLevel level: Double) -> Int? {
        let n = dimension
        guard n >= 45 else { return nil }
        var first = 0, second = 0
        for bit in 0..<18 {
            let a = bit / 3, b = n - 11 + bit % 3
            if values[b * n + a] < level { first |= 1 << bit }   // bottom-left: column a, row b
            if values[a * n + b] < level { second |= 1 << bit }  // top-right: row a, column b
        }
        return SymbolGeometry.versionFromBits(first) ?? SymbolGeometry.versionFromBits(second)
    }
}
