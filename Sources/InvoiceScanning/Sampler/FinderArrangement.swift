import Foundation

/// Three finder centres in symbol order (top-left, top-right, bottom-left) and the module size
/// they imply: the starting point of every grid fit.
struct FinderArrangement: Sendable {
    var topLeft: PlanePoint
    var topRight: PlanePoint
    var bottomLeft: PlanePoint
    /// Module size in pixels, from the finders' widths corrected for the symbol's rotation.
    var module: Double
    /// Whether the bottom-left or top-right corner was inferred rather than found.
    var inferred: Bool = false
    /// The symbol's outer bottom-right corner (module coordinates (n, n)) in pixels, where the
    /// outline gave it (``SymbolOutline``): the perspective the three finders cannot give.
    var outerCorner: PlanePoint?

    var points: [PlanePoint] { [topLeft, topRight, bottomLeft] }

    /// The version the finder spacing suggests (finder centres are `dimension − 7` modules apart).
    var estimatedVersion: Double {
        let spacing = (topLeft.distance(to: topRight) + topLeft.distance(to: bottomLeft)) / 2
        return (spacing / module + 7 - 17) / 4
    }

    /// Versions to try: the estimate and its neighbours, nearest first.
    var candidateVersions: [Int] {
        let estimate = estimatedVersion
        let nearest = Int(estimate.rounded())
        return [0, -1, 1, -2, 2].map { nearest + $0 }.filter { (1...40).contains($0) }
            .sorted { abs(Double($0) - estimate) < abs(Double($1) - estimate) }
    }

    /// Three centres already in symbol order, with the module size (in pixels) they were placed at.
    init(topLeft: PlanePoint, topRight: PlanePoint, bottomLeft: PlanePoint, module: Double) {
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.module = module
    }

    /// Orders three points so the right angle is first and the turn from second to third is
    /// clockwise (on a y-down image): top-left, top-right, bottom-left.
    init(_ a: PlanePoint, _ b: PlanePoint, _ c: PlanePoint, runModule: Double) {
        let ab = a.distance(to: b), bc = b.distance(to: c), ca = c.distance(to: a)
        var (corner, p, q) = (a, b, c)
        if ab >= bc, ab >= ca { (corner, p, q) = (c, a, b) } else if ca >= ab, ca >= bc { (corner, p, q) = (b, c, a) }
        if (p - corner).cross(q - corner) < 0 { swap(&p, &q) }
        topLeft = corner
        topRight = p
        bottomLeft = q
        // A scan line crosses a finder turned by θ over 7/cos θ modules.
        let direction = topRight - topLeft
        var angle = atan2(direction.y, direction.x).truncatingRemainder(dividingBy: .pi / 2)
        if angle > .pi / 4 { angle -= .pi / 2 } else if angle < -.pi / 4 { angle += .pi / 2 }
        module = runModule * cos(angle)
    }

    /// Plausible arrangements from the candidates, best first: similar sizes, a near right
    /// angle, near-equal legs (up to the skew a 17 % keystone photo gives).
    static func triples(_ finders: [FinderPattern], limit: Int = 4) -> [FinderArrangement] {
        var scored: [(Double, FinderArrangement)] = []
        let n = finders.count
        guard n >= 3 else { return [] }
        for i in 0..<(n - 2) {
            for j in (i + 1)..<(n - 1) {
                for k in (j + 1)..<n {
                    let group = [finders[i], finders[j], finders[k]]
                    let modules = group.map(\.runModule)
                    guard let small = modules.min(), let large = modules.max(), large < small * 1.7 else { continue }
                    let mean = modules.reduce(0, +) / 3
                    let arrangement = FinderArrangement(group[0].centre, group[1].centre, group[2].centre, runModule: mean)
                    let legA = arrangement.topLeft.distance(to: arrangement.topRight)
                    let legB = arrangement.topLeft.distance(to: arrangement.bottomLeft)
                    let hypotenuse = arrangement.topRight.distance(to: arrangement.bottomLeft)
                    let legRatio = max(legA, legB) / max(1e-9, min(legA, legB))
                    let diagonal = hypotenuse / ((legA * legA + legB * legB).squareRoot())
                    let modulesApart = (legA + legB) / 2 / arrangement.module
                    guard legRatio < 1.45, abs(diagonal - 1) < 0.15, (10...180).contains(modulesApart) else { continue }
                    let support = Double(group.map(\.hits).reduce(1, *))
                    let shape = (2 - legRatio) * (1 - abs(diagonal - 1) * 4)
                    scored.append((pow(support, 1.0 / 3) * shape, arrangement))
                }
            }
        }
        return scored.sorted { $0.0 > $1.0 }.prefix(limit).map(\.1)
    }
}
