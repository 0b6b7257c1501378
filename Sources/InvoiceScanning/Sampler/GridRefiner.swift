import EInvoiceBasics

/// Moves the grid until the pixel model of the modules read so far explains the image best:
/// Gauss–Newton on the eight parameters of the map from image pixels to module coordinates,
/// least squares over every pixel, with the model's own derivatives.
///
/// Finder centres and alignment patterns of a pixel or so a module are found to a third of a
/// module at best, and the model readout needs the grid to about a sixth: every module then
/// helps place the grid, not only the function patterns. The function patterns alone (data left
/// undecided) pull a grid from about a module off to a fraction of one; a modest first reading
/// (a few hundred modules wrong) then pulls it further, and the next reading is better.
enum GridRefiner {
    /// The refined map and the share of the pixels' variance the model then explains (near 1
    /// for the right grid and version), or nil when the fit does not converge to a usable grid.
    static func refine(_ image: GreyImage, pixels: [(x: Int, y: Int)], homography: Homography, geometry: SymbolGeometry,
                       footprint: Double, darkness: [Double], iterations: Int = 2) -> (homography: Homography, explained: Double)? {
        guard !pixels.isEmpty, let inverse = homography.inverse else { return nil }
        let n = Double(geometry.dimension)
        let module = homography.apply(PlanePoint(x: 0, y: 0)).distance(to: homography.apply(PlanePoint(x: n, y: 0))) / n
        // Pixel coordinates centred and scaled to about ±1 inside the map, so the eight
        // parameters are of comparable size (the normal equations stay well conditioned).
        let cx = pixels.map { Double($0.x) }.reduce(0, +) / Double(pixels.count) + 0.5
        let cy = pixels.map { Double($0.y) }.reduce(0, +) / Double(pixels.count) + 0.5
        let scale = max(1, n * module / 2)
        let toPixels = Homography(m: [scale, 0, cx, 0, scale, cy, 0, 0, 1])
        func normalised(_ map: Homography) -> [Double]? {
            // G' = G · T: normalised pixel → module, with its last entry 1.
            var g = [Double](repeating: 0, count: 9)
            for r in 0..<3 { for c in 0..<3 { for k in 0..<3 { g[r * 3 + c] += map.m[r * 3 + k] * toPixels.m[k * 3 + c] } } }
            guard abs(g[8]) > 1e-12 else { return nil }
            return g.map { $0 / g[8] }
        }
        guard var g = normalised(inverse) else { return nil }
        let local = pixels.map { PlanePoint(x: (Double($0.x) + 0.5 - cx) / scale, y: (Double($0.y) + 0.5 - cy) / scale) }
        func evaluate(_ g: [Double]) -> (model: PixelModel, residual: [Double], ink: [Double])? {
            guard let map = Homography(m: g).composed(afterInverseOf: toPixels),
                  let model = PixelModel(image: image, pixels: pixels, inverse: map, geometry: geometry, footprint: footprint)
            else { return nil }
            let predicted = model.predict(darkness)
            guard let (paper, ink) = model.levels(predicted) else { return nil }
            return (model, (0..<predicted.count).map { model.observed[$0] - (paper[$0] - ink[$0] * predicted[$0]) }, ink)
        }
        for _ in 0..<iterations {
            guard let (model, r, ink) = evaluate(g) else { return nil }
            let (du, dv) = model.gradients(darkness)
            var jtj = [[Double]](repeating: [Double](repeating: 0, count: 8), count: 8)
            var jtr = [Double](repeating: 0, count: 8)
            var row = [Double](repeating: 0, count: 8)
            for i in 0..<r.count {
                let p = local[i]
                let w = g[6] * p.x + g[7] * p.y + 1
                let u = model.positions[i].x, v = model.positions[i].y
                // ∂r/∂g = ink · (∂pred/∂u · ∂u/∂g + ∂pred/∂v · ∂v/∂g), u = (g0 x + g1 y + g2) / w.
                let a = ink[i] * du[i] / w, b = ink[i] * dv[i] / w
                row[0] = a * p.x; row[1] = a * p.y; row[2] = a
                row[3] = b * p.x; row[4] = b * p.y; row[5] = b
                row[6] = -(a * u + b * v) * p.x; row[7] = -(a * u + b * v) * p.y
                for j in 0..<8 {
                    jtr[j] -= row[j] * r[i]
                    for k in j..<8 { jtj[j][k] += row[j] * row[k] }
                }
            }
            for j in 0..<8 { for k in 0..<j { jtj[j][k] = jtj[k][j] } }
            guard let step = Homography.solve(jtj, jtr) else { return nil }
            let next = (0..<9).map { $0 < 8 ? g[$0] + step[$0] : 1 }
            // A step moving a corner by more than two modules is not a refinement but a jump to
            // another grid.
            guard let before = Homography(m: g).composed(afterInverseOf: toPixels)?.inverse,
                  let after = Homography(m: next).composed(afterInverseOf: toPixels)?.inverse
            else { return nil }
            let corners = [PlanePoint(x: 0, y: 0), PlanePoint(x: n, y: 0), PlanePoint(x: n, y: n), PlanePoint(x: 0, y: n)]
            guard corners.allSatisfy({ before.apply($0).distance(to: after.apply($0)) < 2 * module }) else { return nil }
            g = next
        }
        guard let (_, r, _) = evaluate(g), let map = Homography(m: g).composed(afterInverseOf: toPixels),
              let refined = map.inverse
        else { return nil }
        let observed = pixels.map { Double(image.pixels[$0.y * image.width + $0.x]) }
        let mean = observed.reduce(0, +) / Double(observed.count)
        let total = observed.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (refined, total > 0 ? 1 - r.reduce(0) { $0 + $1 * $1 } / total : 0)
    }
}

extension Homography {
    /// `self · t⁻¹` for a translate-and-scale `t` (as `refine` builds): maps image pixels through
    /// `t⁻¹` to normalised coordinates, then through `self`.
    func composed(afterInverseOf t: Homography) -> Homography? {
        let k = t.m[0]
        guard abs(k) > 1e-12 else { return nil }
        let inverseT = [1 / k, 0, -t.m[2] / k, 0, 1 / k, -t.m[5] / k, 0, 0, 1.0]
        var out = [Double](repeating: 0, count: 9)
        for r in 0..<3 { for c in 0..<3 { for j in 0..<3 { out[r * 3 + c] += m[r * 3 + j] * inverseT[j * 3 + c] } } }
        guard abs(out[8]) > 1e-12 else { return nil }
        return Homography(m: out.map { $0 / out[8] })
    }
}
