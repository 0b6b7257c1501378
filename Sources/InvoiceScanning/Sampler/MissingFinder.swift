import EInvoiceBasics

/// When only two finders can be seen (a stamp, a fold or a tear over the third), the third
/// corner is inferred: the two found finders are either a side of the symbol or its diagonal,
/// which leaves six places for the third. The timing patterns decide: along row 6 and column 6
/// modules alternate dark/light from finder to finder, which data never does for long.
enum MissingFinder {
    struct Hypothesis {
        var arrangement: FinderArrangement
        var version: Int
        var timingScore: Double
    }

    /// Arrangements completing pairs of found finders, best timing agreement first.
    static func hypotheses(_ finders: [FinderPattern], in image: GreyImage, limit: Int = 3) -> [Hypothesis] {
        let candidates = Array(finders.prefix(6))
        var found: [Hypothesis] = []
        for i in 0..<candidates.count {
            for j in (i + 1)..<max(i + 1, candidates.count) {
                let a = candidates[i], b = candidates[j]
                guard max(a.runModule, b.runModule) < min(a.runModule, b.runModule) * 1.5 else { continue }
                let module = (a.runModule + b.runModule) / 2
                let side = b.centre - a.centre
                let normal = PlanePoint(x: -side.y, y: side.x)
                let middle = (a.centre + b.centre) * 0.5
                let thirds = [a.centre + normal, a.centre - normal, b.centre + normal, b.centre - normal,
                              middle + normal * 0.5, middle - normal * 0.5]
                for third in thirds {
                    var arrangement = FinderArrangement(a.centre, b.centre, third, runModule: module)
                    arrangement.inferred = true
                    let spacing = arrangement.topLeft.distance(to: arrangement.topRight) / arrangement.module
                    guard (10...180).contains(spacing) else { continue }
                    for version in arrangement.candidateVersions {
                        let score = timingScore(arrangement, version: version, in: image)
                        if score > 0.5 { found.append(Hypothesis(arrangement: arrangement, version: version, timingScore: score)) }
                    }
                }
            }
        }
        return found.sorted { $0.timingScore > $1.timingScore }.prefix(limit).map { $0 }
    }

    /// How well row 6 and column 6, sampled through the affine grid the three centres give,
    /// alternate dark/light as timing patterns do: 1 perfectly, about 0 for data. The worse of
    /// the two lines counts.
    static func timingScore(_ arrangement: FinderArrangement, version: Int, in image: GreyImage) -> Double {
        guard let geometry = SymbolGeometry(version: version),
              let affine = Homography.affine(from: geometry.finderCentres, to: arrangement.points)
        else { return 0 }
        return ModuleGrid.timingScore(image, through: affine, dimension: geometry.dimension)
    }
}
