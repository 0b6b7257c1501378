import EInvoiceBasics

extension SymbolOutline {
    /// Module sizes (pixels) the outline path is for: below them the symbol is not resolved at
    /// all; above them the finder search finds the finders by their runs.
    static let moduleRange = 0.6...3.0

    /// How many versions, best finder match first, get their finders placed and a grid fitted.
    static let placedVersions = 4

    /// Finder arrangements for the symbol whose outline is `corners` (``corners(in:)``), each with
    /// the version it was placed for, best match first.
    ///
    /// The corner without a finder and the version come from how well the finder pattern, drawn
    /// through the outline's map at each version and each turn, matches the image at the other
    /// three corners; then each of the three is moved to where the pattern matches best.
    static func arrangements(_ corners: [PlanePoint], in image: GreyImage) -> [(arrangement: FinderArrangement, version: Int)] {
        let side = (0..<4).map { corners[$0].distance(to: corners[($0 + 1) % 4]) }.reduce(0, +) / 4
        var scored: [(turn: Int, version: Int, score: Double)] = []
        for version in 1...40 {
            let n = Double(17 + 4 * version)
            guard moduleRange.contains(side / n), let geometry = SymbolGeometry(version: version) else { continue }
            for turn in 0..<4 {
                let turned = (0..<4).map { corners[($0 + turn) % 4] }
                guard let map = Homography.through(corners: turned, dimension: geometry.dimension) else { continue }
                let score = geometry.finderCentres.map { finderMatch(image, map: map, centre: $0) }.reduce(0, +) / 3
                scored.append((turn, version, score))
            }
        }
        // The turn: the one whose best version matches best (three finders against data).
        guard let turn = scored.max(by: { $0.score < $1.score })?.turn else { return [] }
        let versions = scored.filter { $0.turn == turn }.sorted { $0.score > $1.score }.prefix(placedVersions)
        let turned = (0..<4).map { corners[($0 + turn) % 4] }
        return versions.compactMap { candidate in
            guard let geometry = SymbolGeometry(version: candidate.version),
                  let map = Homography.through(corners: turned, dimension: geometry.dimension)
            else { return nil }
            let placed = geometry.finderCentres.map { placeFinder(image, map: map, centre: $0) }
            let module = side / Double(geometry.dimension)
            var arrangement = FinderArrangement(topLeft: placed[0], topRight: placed[1], bottomLeft: placed[2], module: module)
            arrangement.outerCorner = turned[2]
            return (arrangement, candidate.version)
        }
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
