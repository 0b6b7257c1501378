import EInvoiceBasics
import Foundation

extension SymbolOutline {
    /// Module sizes (pixels) the outline path is for: below them the symbol is not resolved at
    /// all; above them the finder search finds the finders by their runs (and a symbol it found
    /// but could not read is not helped by a second placement: its grids of many modules only
    /// cost the time the filters after it need).
    static let moduleRange = 0.6...2.2

    /// How many versions, best timing first, get their finders placed for a grid fit.
    static let placedVersions = 3

    /// Finder arrangements for the symbol whose outline is `corners` (``corners(in:)``), each with
    /// the version it was placed for, the likeliest first.
    ///
    /// The corner without a finder is the one the finder pattern matches worst (drawn through the
    /// outline's map, at every version, at each turn). The version is the one whose timing
    /// patterns alternate best between finders placed by matching: the finders are placed once
    /// for each of a few module sizes spanning ``moduleRange`` (a match is good for sizes within a
    /// fifth or so), then every version's grid through them and the outline's fourth corner is
    /// sampled along row 6 and column 6. The best few are placed again at their own module size.
    static func arrangements(_ corners: [PlanePoint], in image: GreyImage) -> [(arrangement: FinderArrangement, version: Int)] {
        let side = (0..<4).map { corners[$0].distance(to: corners[($0 + 1) % 4]) }.reduce(0, +) / 4
        let versions = (1...40).filter { moduleRange.contains(side / Double(SymbolGeometry.dimension($0))) }
        guard let turn = finderlessCorner(corners, versions: versions, in: image) else { return [] }
        let turned = (0..<4).map { corners[($0 + turn) % 4] }
        // Module sizes a factor 1.35 apart, and the finders placed at each.
        var scales: [Double] = []
        var scale = moduleRange.lowerBound
        while scale < moduleRange.upperBound * 1.1 { scales.append(scale); scale *= 1.35 }
        var placements: [Int: [PlanePoint]] = [:]
        var ranked: [(version: Int, timing: Double)] = []
        for version in versions {
            let n = Double(SymbolGeometry.dimension(version))
            let nearest = scales.indices.min { abs(log(scales[$0] * n / side)) < abs(log(scales[$1] * n / side)) } ?? 0
            if placements[nearest] == nil { placements[nearest] = placeFinders(image, corners: turned, dimension: side / scales[nearest]) }
            guard let finders = placements[nearest], let fit = timing(image, finders: finders, outerCorner: turned[2], version: version)
            else { continue }
            // Weighed by the line's length: data on a short line alternates by chance far more
            // often than on a long one (the score's spread goes as 1/√length).
            ranked.append((version, fit.timing * (n - 16).squareRoot()))
        }
        return ranked.sorted { $0.timing > $1.timing }.prefix(placedVersions).compactMap { candidate in
            let n = SymbolGeometry.dimension(candidate.version)
            let placed = placeFinders(image, corners: turned, dimension: Double(n))
            guard let fit = timing(image, finders: placed, outerCorner: turned[2], version: candidate.version) else { return nil }
            var arrangement = FinderArrangement(topLeft: placed[0], topRight: placed[1], bottomLeft: placed[2], module: side / Double(n))
            arrangement.outerCorner = fit.corner
            return (arrangement, candidate.version)
        }
    }

    /// Which corner (index into `corners`) is the symbol's top-left: the turn at which the finder
    /// pattern matches best at the three finder corners, over `versions`.
    static func finderlessCorner(_ corners: [PlanePoint], versions: [Int], in image: GreyImage) -> Int? {
        var best: (turn: Int, score: Double)?
        for version in versions {
            guard let geometry = SymbolGeometry(version: version) else { continue }
            for turn in 0..<4 {
                let turned = (0..<4).map { corners[($0 + turn) % 4] }
                guard let map = Homography.through(corners: turned, dimension: geometry.dimension) else { continue }
                let score = geometry.finderCentres.map { finderMatch(image, map: map, centre: $0) }.reduce(0, +) / 3
                if score > (best?.score ?? -.infinity) { best = (turn, score) }
            }
        }
        return best?.turn
    }

    /// The three finder centres (top-left, top-right, bottom-left, in pixels) placed by matching
    /// for a symbol of `dimension` modules (not necessarily a version's) filling `corners`.
    static func placeFinders(_ image: GreyImage, corners: [PlanePoint], dimension: Double) -> [PlanePoint] {
        let unit = [PlanePoint(x: 0, y: 0), PlanePoint(x: dimension, y: 0), PlanePoint(x: dimension, y: dimension), PlanePoint(x: 0, y: dimension)]
        guard let map = Homography.fit(from: unit, to: corners) else { return [] }
        let far = dimension - 3.5
        return [PlanePoint(x: 3.5, y: 3.5), PlanePoint(x: far, y: 3.5), PlanePoint(x: 3.5, y: far)].map {
            placeFinder(image, map: map, centre: $0)
        }
    }

    /// How well row 6 and column 6 alternate (the worse of the two, as ``ModuleGrid/timingScore``)
    /// on the grid of `version` through three finder centres and the outline's outer corner, moved
    /// (``TimingPerspective``) up to the outline's error of two modules or so where that aligns them
    /// better; and the corner so moved.
    static func timing(_ image: GreyImage, finders: [PlanePoint], outerCorner: PlanePoint, version: Int)
        -> (timing: Double, corner: PlanePoint)? {
        guard finders.count == 3, let geometry = SymbolGeometry(version: version),
              let affine = Homography.affine(from: geometry.finderCentres, to: finders),
              let fit = TimingPerspective.fit(image, geometry: geometry, finders: finders, affine: affine,
                                              outerCorner: outerCorner, reach: 3)
        else { return nil }
        return (fit.timing, fit.corner)
    }

    /// The correlation (−1…1) between the image sampled at the 9 × 9 module centres around
    /// `centre` (module coordinates, mapped by `map`, shifted by `shift` modules) and a finder
    /// pattern with its light ring (separator inside the symbol, quiet zone outside).
    static func finderMatch(_ image: GreyImage, map: Homography, centre: PlanePoint, shift: PlanePoint = PlanePoint(x: 0, y: 0)) -> Double {
        var sum = 0.0, sumSquares = 0.0, sumDarkProduct = 0.0, dark = 0.0
        for j in -4...4 {
            for i in -4...4 {
                let value = image.sample(map.apply(centre + shift + PlanePoint(x: Double(i), y: Double(j))))
                let ring = max(abs(i), abs(j))
                let isDark = ring <= 1 || ring == 3
                sum += value
                sumSquares += value * value
                if isDark { sumDarkProduct += value; dark += 1 }
            }
        }
        // Correlation of the darkness (−value) with the 0/1 template, in closed form.
        let count = 81.0
        let meanValue = sum / count, meanTemplate = dark / count
        let covariance = -(sumDarkProduct / count - meanValue * meanTemplate)
        let varianceValue = sumSquares / count - meanValue * meanValue
        let varianceTemplate = meanTemplate * (1 - meanTemplate)
        guard varianceValue > 1e-9 else { return 0 }
        return covariance / (varianceValue * varianceTemplate).squareRoot()
    }

    /// The finder centre (image pixels) near `centre` (module coordinates through `map`) where the
    /// pattern matches best: searched over ±1.5 modules in quarter modules, then finer.
    static func placeFinder(_ image: GreyImage, map: Homography, centre: PlanePoint) -> PlanePoint {
        var best = (score: -Double.infinity, shift: PlanePoint(x: 0, y: 0))
        var around = PlanePoint(x: 0, y: 0)
        for (span, step) in [(1.5, 0.25), (0.25, 0.08)] {
            var dv = -span
            while dv <= span + 1e-9 {
                var du = -span
                while du <= span + 1e-9 {
                    let shift = around + PlanePoint(x: du, y: dv)
                    let score = finderMatch(image, map: map, centre: centre, shift: shift)
                    if score > best.score { best = (score, shift) }
                    du += step
                }
                dv += step
            }
            around = best.shift
        }
        return map.apply(centre + best.shift)
    }
}
