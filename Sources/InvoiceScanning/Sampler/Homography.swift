import Foundation

/// A point in image pixels or in module coordinates (a symbol's module (c, r) spans c…c+1, r…r+1).
struct PlanePoint: Sendable, Hashable {
    var x: Double
    var y: Double

    static func + (a: Self, b: Self) -> Self { PlanePoint(x: a.x + b.x, y: a.y + b.y) }
    static func - (a: Self, b: Self) -> Self { PlanePoint(x: a.x - b.x, y: a.y - b.y) }
    static func * (a: Self, k: Double) -> Self { PlanePoint(x: a.x * k, y: a.y * k) }
    var length: Double { (x * x + y * y).squareRoot() }
    func distance(to other: Self) -> Double { (self - other).length }
    /// The z of the cross product: positive when `other` is clockwise from `self` on a y-down image.
    func cross(_ other: Self) -> Double { x * other.y - y * other.x }
}

/// A plane projective transform (module coordinates → image pixels): perspective, rotation and
/// scale in one, so a photographed symbol's grid is followed exactly.
struct Homography: Sendable {
    /// Row-major 3×3, with `m[8] == 1`.
    var m: [Double]

    func apply(_ p: PlanePoint) -> PlanePoint {
        let w = m[6] * p.x + m[7] * p.y + m[8]
        return PlanePoint(x: (m[0] * p.x + m[1] * p.y + m[2]) / w, y: (m[3] * p.x + m[4] * p.y + m[5]) / w)
    }

    /// The affine map taking three points to three points (the finder centres before any
    /// alignment pattern is found).
    static func affine(from source: [PlanePoint], to target: [PlanePoint]) -> Homography? {
        guard source.count == 3, target.count == 3 else { return nil }
        // Solve for (a, b, c) in x' = a x + b y + c, and likewise for y'.
        var rows: [[Double]] = []
        for (s, t) in zip(source, target) { rows.append([s.x, s.y, 1, t.x, t.y]) }
        guard let xs = solve(rows.map { Array($0[0..<3]) }, rows.map { $0[3] }),
              let ys = solve(rows.map { Array($0[0..<3]) }, rows.map { $0[4] })
        else { return nil }
        return Homography(m: [xs[0], xs[1], xs[2], ys[0], ys[1], ys[2], 0, 0, 1])
    }

    /// The least-squares affine map through three or more correspondences: used while every
    /// anchor lies on the symbol's top row or left column, where perspective is not yet determined.
    static func fitAffine(from source: [PlanePoint], to target: [PlanePoint]) -> Homography? {
        guard source.count >= 3, source.count == target.count else { return nil }
        var ata = [[Double]](repeating: [0, 0, 0], count: 3)
        var atx = [0.0, 0.0, 0.0], aty = [0.0, 0.0, 0.0]
        for (s, t) in zip(source, target) {
            let row = [s.x, s.y, 1]
            for i in 0..<3 {
                atx[i] += row[i] * t.x
                aty[i] += row[i] * t.y
                for j in 0..<3 { ata[i][j] += row[i] * row[j] }
            }
        }
        guard let xs = solve(ata, atx), let ys = solve(ata, aty) else { return nil }
        return Homography(m: [xs[0], xs[1], xs[2], ys[0], ys[1], ys[2], 0, 0, 1])
    }

    /// The least-squares homography through four or more correspondences (direct linear
    /// transform on coordinates normalised to unit spread, so pixel and module scales do not
    /// make the system ill-conditioned).
    static func fit(from source: [PlanePoint], to target: [PlanePoint]) -> Homography? {
        guard source.count >= 4, source.count == target.count else { return nil }
        let (ns, sn) = normaliser(source), (nt, tn) = normaliser(target)
        var ata = [[Double]](repeating: [Double](repeating: 0, count: 8), count: 8)
        var atb = [Double](repeating: 0, count: 8)
        for (s0, t0) in zip(source, target) {
            let s = ns(s0), t = nt(t0)
            let rowX: [Double] = [s.x, s.y, 1, 0, 0, 0, -s.x * t.x, -s.y * t.x]
            let rowY: [Double] = [0, 0, 0, s.x, s.y, 1, -s.x * t.y, -s.y * t.y]
            for (row, value) in [(rowX, t.x), (rowY, t.y)] {
                for i in 0..<8 {
                    atb[i] += row[i] * value
                    for j in 0..<8 { ata[i][j] += row[i] * row[j] }
                }
            }
        }
        guard let h = solve(ata, atb) else { return nil }
        // Undo the normalisations: H = Tt⁻¹ · Hn · Ts.
        let hn = [h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], 1.0]
        let product = multiply(multiply(inverseScale(tn), hn), sn)
        guard abs(product[8]) > 1e-12 else { return nil }
        return Homography(m: product.map { $0 / product[8] })
    }

    /// Translate-and-scale taking the points' centroid to 0 and their mean distance to √2.
    private static func normaliser(_ points: [PlanePoint]) -> ((PlanePoint) -> PlanePoint, [Double]) {
        let n = Double(points.count)
        let cx = points.map(\.x).reduce(0, +) / n, cy = points.map(\.y).reduce(0, +) / n
        let spread = points.map { PlanePoint(x: $0.x - cx, y: $0.y - cy).length }.reduce(0, +) / n
        let k = spread > 0 ? 2.0.squareRoot() / spread : 1
        return ({ PlanePoint(x: ($0.x - cx) * k, y: ($0.y - cy) * k) }, [k, 0, -cx * k, 0, k, -cy * k, 0, 0, 1])
    }

    private static func inverseScale(_ t: [Double]) -> [Double] {
        let k = t[0]
        return [1 / k, 0, -t[2] / k, 0, 1 / k, -t[5] / k, 0, 0, 1]
    }

    private static func multiply(_ a: [Double], _ b: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: 9)
        for r in 0..<3 { for c in 0..<3 { for k in 0..<3 { out[r * 3 + c] += a[r * 3 + k] * b[k * 3 + c] } } }
        return out
    }

    /// Gaussian elimination with partial pivoting; nil when the system is singular.
    static func solve(_ matrix: [[Double]], _ rhs: [Double]) -> [Double]? {
        let n = rhs.count
        var a = matrix, b = rhs
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<max(col + 1, n) where abs(a[row][col]) > abs(a[pivot][col]) { pivot = row }
            guard abs(a[pivot][col]) > 1e-12 else { return nil }
            a.swapAt(col, pivot)
            b.swapAt(col, pivot)
            for row in (col + 1)..<max(col + 1, n) {
                let f = a[row][col] / a[col][col]
                guard f != 0 else { continue }
                for k in col..<n { a[row][k] -= f * a[col][k] }
                b[row] -= f * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<max(row + 1, n) { sum -= a[row][k] * x[k] }
            x[row] = sum / a[row][row]
        }
        return x
    }
}

extension Homography {
    /// The inverse map (image pixels → module coordinates); nil when singular.
    var inverse: Homography? {
        let a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8]
        let det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
        guard abs(det) > 1e-12 else { return nil }
        let adjugate = [e * i - f * h, c * h - b * i, b * f - c * e,
                        f * g - d * i, a * i - c * g, c * d - a * f,
                        d * h - e * g, b * g - a * h, a * e - b * d]
        guard abs(adjugate[8]) > 1e-12 else { return nil }
        return Homography(m: adjugate.map { $0 / adjugate[8] })
    }

    /// The map taking the symbol's four corners (module coordinates 0 and `dimension`) to `corners`.
    static func through(corners: [PlanePoint], dimension: Int) -> Homography? {
        let n = Double(dimension)
        return fit(from: [PlanePoint(x: 0, y: 0), PlanePoint(x: n, y: 0), PlanePoint(x: n, y: n), PlanePoint(x: 0, y: n)], to: corners)
    }
}
