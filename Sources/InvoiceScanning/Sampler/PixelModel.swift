import EInvoiceBasics
import Foundation

/// The symbol as the sensor saw it: every pixel's darkness is the darkness of the modules
/// around it, each spread over a Gaussian footprint (the module's own square, the pixel's and the
/// blur), on paper and ink levels that drift linearly across the symbol (uneven light).
///
/// At a module of 1.2–1.5 px under blur no pixel sees one module alone, so a sample at each
/// module's centre mixes in its neighbours (a tenth to a fifth of the modules come out wrong,
/// more than the error correction holds). Solving for all modules at once from all pixels
/// separates them again: least squares over the pixels, with the function patterns held at
/// their known colours and each round's confident modules fixed for the next (decision
/// feedback), reads symbols whose centre samples are hopeless.
struct PixelModel {
    let geometry: SymbolGeometry
    /// Footprint σ in modules.
    let footprint: Double
    /// Pixels seen (grey level) and where they lie in module coordinates.
    let observed: [Double]
    let positions: [PlanePoint]
    /// Sparse map module darkness → pixel darkness, compressed rows (one row a pixel).
    private var rowStart: [Int] = [0]
    private var columns: [Int32] = []
    private var weights: [Double] = []

    /// Pixels whose centres map within one module of the symbol, through `homography`; every
    /// `stride`-th in each direction (large modules need no more than a few pixels each).
    /// With `functionOnly`, only pixels within a module of a function pattern (what places the
    /// grid before any data is read).
    static func pixels(in image: GreyImage, homography: Homography, geometry: SymbolGeometry, stride step: Int = 1,
                       functionOnly: Bool = false) -> [(x: Int, y: Int)] {
        let n = Double(geometry.dimension)
        guard let inverse = homography.inverse else { return [] }
        let corners = [PlanePoint(x: -1, y: -1), PlanePoint(x: n + 1, y: -1), PlanePoint(x: n + 1, y: n + 1), PlanePoint(x: -1, y: n + 1)]
            .map { homography.apply($0) }
        let x0 = max(0, Int((corners.map(\.x).min() ?? 0).rounded(.down)))
        let x1 = min(image.width - 1, Int((corners.map(\.x).max() ?? 0).rounded(.up)))
        let y0 = max(0, Int((corners.map(\.y).min() ?? 0).rounded(.down)))
        let y1 = min(image.height - 1, Int((corners.map(\.y).max() ?? 0).rounded(.up)))
        guard x0 < x1, y0 < y1 else { return [] }
        // Modules within one of a function module, looked up per pixel.
        let size = geometry.dimension
        var nearFunction = [Bool](repeating: !functionOnly, count: size * size)
        if functionOnly {
            for row in 0..<size {
                for column in 0..<size where geometry.functionModule(column: column, row: row) != nil {
                    for r in max(0, row - 1)...min(size - 1, row + 1) {
                        for c in max(0, column - 1)...min(size - 1, column + 1) { nearFunction[r * size + c] = true }
                    }
                }
            }
        }
        var found: [(x: Int, y: Int)] = []
        for y in stride(from: y0, through: y1, by: max(1, step)) {
            for x in stride(from: x0, through: x1, by: max(1, step)) {
                let p = inverse.apply(PlanePoint(x: Double(x) + 0.5, y: Double(y) + 0.5))
                guard p.x > -1, p.y > -1, p.x < n + 1, p.y < n + 1 else { continue }
                if functionOnly {
                    // Beyond the symbol's edge: the quiet zone, paper known too.
                    let column = Int(p.x.rounded(.down)), row = Int(p.y.rounded(.down))
                    let inside = column >= 0 && row >= 0 && column < size && row < size
                    guard !inside || nearFunction[row * size + column] else { continue }
                }
                found.append((x, y))
            }
        }
        return found
    }

    /// The model of `pixels` under `homography`; nil when the map cannot be inverted.
    init?(image: GreyImage, pixels: [(x: Int, y: Int)], homography: Homography, geometry: SymbolGeometry, footprint: Double) {
        guard let inverse = homography.inverse else { return nil }
        self.init(image: image, pixels: pixels, inverse: inverse, geometry: geometry, footprint: footprint)
    }

    /// The model through `inverse` (image pixels → module coordinates).
    init?(image: GreyImage, pixels: [(x: Int, y: Int)], inverse: Homography, geometry: SymbolGeometry, footprint: Double) {
        guard !pixels.isEmpty else { return nil }
        self.geometry = geometry
        self.footprint = footprint
        let n = geometry.dimension
        observed = pixels.map { Double(image.pixels[$0.y * image.width + $0.x]) }
        positions = pixels.map { inverse.apply(PlanePoint(x: Double($0.x) + 0.5, y: Double($0.y) + 0.5)) }
        // Beyond 2.5 σ a module adds under 5 % of a peak weight: cut there.
        let reach = Int((2.5 * footprint).rounded(.up))
        let spread = 1 / (2 * footprint * footprint), norm = 1 / (2 * Double.pi * footprint * footprint)
        rowStart.reserveCapacity(pixels.count + 1)
        columns.reserveCapacity(pixels.count * (2 * reach + 1) * (2 * reach + 1))
        weights.reserveCapacity(columns.capacity)
        // The Gaussian is separable: one exponential per row and per column of taps.
        var across = [Double](repeating: 0, count: 2 * reach + 1)
        for p in positions {
            let cu = Int(p.x.rounded(.down)), cv = Int(p.y.rounded(.down))
            let c0 = max(0, cu - reach), c1 = min(n - 1, cu + reach)
            if c0 <= c1 {
                for column in c0...c1 {
                    let du = Double(column) + 0.5 - p.x
                    across[column - c0] = exp(-du * du * spread)
                }
                for row in stride(from: max(0, cv - reach), through: min(n - 1, cv + reach), by: 1) {
                    let dv = Double(row) + 0.5 - p.y
                    let down = norm * exp(-dv * dv * spread)
                    for column in c0...c1 {
                        columns.append(Int32(row * n + column))
                        weights.append(down * across[column - c0])
                    }
                }
            }
            rowStart.append(columns.count)
        }
    }

    /// Pixel darkness predicted from module darkness `x`.
    func predict(_ x: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: observed.count)
        for i in 0..<observed.count {
            var sum = 0.0
            for k in rowStart[i]..<rowStart[i + 1] { sum += weights[k] * x[Int(columns[k])] }
            out[i] = sum
        }
        return out
    }

    /// How each pixel's predicted darkness changes as its position in module coordinates
    /// moves (∂/∂u, ∂/∂v of the Gaussian sum), for darkness `x`.
    func gradients(_ x: [Double]) -> (u: [Double], v: [Double]) {
        let n = geometry.dimension
        let k = 1 / (footprint * footprint)
        var du = [Double](repeating: 0, count: observed.count), dv = du
        for i in 0..<observed.count {
            let p = positions[i]
            var su = 0.0, sv = 0.0
            for t in rowStart[i]..<rowStart[i + 1] {
                let module = Int(columns[t])
                let w = weights[t] * x[module]
                su += w * (Double(module % n) + 0.5 - p.x)
                sv += w * (Double(module / n) + 0.5 - p.y)
            }
            du[i] = su * k
            dv[i] = sv * k
        }
        return (du, dv)
    }

    /// Aᵀ·r, only on the modules `free` marks.
    private func transposed(_ r: [Double], free: [Bool]) -> [Double] {
        var out = [Double](repeating: 0, count: free.count)
        for i in 0..<observed.count where r[i] != 0 {
            for k in rowStart[i]..<rowStart[i + 1] { out[Int(columns[k])] += weights[k] * r[i] }
        }
        for j in 0..<out.count where !free[j] { out[j] = 0 }
        return out
    }

    /// Paper and ink levels, each linear across the symbol: `observed ≈ paper − ink · predicted`,
    /// fitted by least squares; per pixel.
    func levels(_ predicted: [Double]) -> (paper: [Double], ink: [Double])? {
        let n = Double(geometry.dimension)
        var ata = [[Double]](repeating: [Double](repeating: 0, count: 6), count: 6)
        var atb = [Double](repeating: 0, count: 6)
        func row(_ i: Int) -> [Double] {
            let u = positions[i].x / n - 0.5, v = positions[i].y / n - 0.5, p = predicted[i]
            return [1, u, v, -p, -p * u, -p * v]
        }
        for i in 0..<observed.count {
            let r = row(i)
            for a in 0..<6 {
                atb[a] += r[a] * observed[i]
                for b in 0..<6 { ata[a][b] += r[a] * r[b] }
            }
        }
        guard let c = Homography.solve(ata, atb) else { return nil }
        var paper = [Double](repeating: 0, count: observed.count), ink = paper
        for i in 0..<observed.count {
            let u = positions[i].x / n - 0.5, v = positions[i].y / n - 0.5
            paper[i] = c[0] + c[1] * u + c[2] * v
            ink[i] = c[3] + c[4] * u + c[5] * v
        }
        return (paper, ink)
    }

    /// The darkness the standard fixes (1 or 0: finders, separators, timing, alignment and
    /// version information), ½ for the modules to be read.
    static func knownDarkness(_ geometry: SymbolGeometry) -> [Double] {
        let n = geometry.dimension
        var x = [Double](repeating: 0.5, count: n * n)
        let versionBits = geometry.versionBits
        for row in 0..<n {
            for column in 0..<n {
                var known = geometry.functionModule(column: column, row: row)
                if known == nil, let bits = versionBits, let bit = geometry.versionInfoBit(column: column, row: row) {
                    known = bits & (1 << bit) != 0
                }
                if let known { x[row * n + column] = known ? 1 : 0 }
            }
        }
        return x
    }

    /// Module darkness (0 paper … 1 ink), function patterns held at their known colours.
    ///
    /// Each round solves the free modules by damped least squares (conjugate gradients on the
    /// normal equations; the damping is a weak pull towards "unknown", ½, so a module no pixel
    /// sees stays undecided), then fixes those decided beyond doubt (darkness under 0.2 or over
    /// 0.8) so the next round spends the pixels on the doubtful ones.
    func solve(rounds: Int = 4, iterations: Int = 20, damping: Double = 0.05) -> [Double]? {
        var x = Self.knownDarkness(geometry)
        var free = x.map { $0 == 0.5 }
        guard let (paper, ink) = levels(predict(x)) else { return nil }
        // Ink must be darker than paper everywhere, or the fit has no symbol under it.
        guard ink.allSatisfy({ $0 > 4 }) else { return nil }
        let target = (0..<observed.count).map { (paper[$0] - observed[$0]) / ink[$0] }
        let n = geometry.dimension
        let lambda2 = damping * damping
        for round in 0..<rounds {
            // Solve for y = x_free − ½ with the fixed modules' part moved to the right-hand side.
            var y = [Double](repeating: 0, count: n * n)
            let base = predict(x.enumerated().map { free[$0.offset] ? 0.5 : $0.element })
            var r = zip(target, base).map { $0 - $1 }
            var s = transposed(r, free: free)
            var p = s
            var gamma = s.reduce(0) { $0 + $1 * $1 }
            for _ in 0..<iterations where gamma > 1e-12 {
                let q = predict(p)
                let qq = q.reduce(0) { $0 + $1 * $1 }, pp = p.reduce(0) { $0 + $1 * $1 }
                let alpha = gamma / (qq + lambda2 * pp)
                for j in 0..<y.count where free[j] { y[j] += alpha * p[j] }
                for i in 0..<r.count { r[i] -= alpha * q[i] }
                s = transposed(r, free: free)
                for j in 0..<s.count where free[j] { s[j] -= lambda2 * y[j] }
                let next = s.reduce(0) { $0 + $1 * $1 }
                let beta = next / gamma
                for j in 0..<p.count { p[j] = s[j] + beta * p[j] }
                gamma = next
            }
            for j in 0..<x.count where free[j] { x[j] = 0.5 + y[j] }
            if round + 1 < rounds {
                for j in 0..<x.count where free[j] && abs(x[j] - 0.5) > 0.3 {
                    x[j] = x[j] > 0.5 ? 1 : 0
                    free[j] = false
                }
            }
        }
        return x
    }
}
