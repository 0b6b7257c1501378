import Foundation

/// How the symbol's ink was spread by defocus and scanning, measured on the finder patterns
/// (whose modules are known): a Gaussian point-spread of `sigma` modules, paper at `white` and
/// ink `contrast` grey levels darker. Used to undo the blur in module space.
struct DefocusModel: Sendable {
    var sigma: Double
    var white: Double
    var contrast: Double

    /// Fractions of a module's ink that land on the module itself and on its neighbours
    /// 1 and 2 modules away, along one axis (a Gaussian integrated over the module's width).
    static func taps(_ sigma: Double) -> [Double] {
        guard sigma > 0.01 else { return [0, 0, 1, 0, 0] }
        func cdf(_ x: Double) -> Double { 0.5 * (1 + erf(x / (sigma * 2.0.squareRoot()))) }
        return (-2...2).map { cdf(Double($0) + 0.5) - cdf(Double($0) - 0.5) }
    }

    /// Ideal darkness (1 ink, 0 paper, ½ unknown data) of a module; paper outside the symbol.
    private static func ideal(_ geometry: SymbolGeometry, _ column: Int, _ row: Int) -> Double {
        let n = geometry.dimension
        guard column >= 0, row >= 0, column < n, row < n else { return 0 }
        guard let dark = geometry.functionModule(column: column, row: row) else { return 0.5 }
        return dark ? 1 : 0
    }

    /// Fits σ, paper and ink levels to the finder patterns and their separators: for each trial
    /// σ, the levels follow by least squares; the σ with the smallest residual wins. Each finder is
    /// fitted alone and the median taken, so a stamp over one finder does not skew the result.
    static func measure(_ grid: ModuleGrid) -> DefocusModel? {
        let geometry = grid.geometry, n = grid.dimension
        var fits: [DefocusModel] = []
        for (fx, fy) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            var best: (residual: Double, model: DefocusModel)?
            for step in 0...18 {
                let sigma = Double(step) * 0.05
                let h = taps(sigma)
                var predicted: [Double] = [], observed: [Double] = []
                for row in (fy - 1)...(fy + 7) {
                    for column in (fx - 1)...(fx + 7) where row >= 0 && column >= 0 && row < n && column < n {
                        var darkness = 0.0
                        for dy in -2...2 {
                            for dx in -2...2 { darkness += h[dy + 2] * h[dx + 2] * ideal(geometry, column + dx, row + dy) }
                        }
                        predicted.append(darkness)
                        observed.append(grid.values[row * n + column])
                    }
                }
                let count = Double(predicted.count)
                let meanP = predicted.reduce(0, +) / count, meanO = observed.reduce(0, +) / count
                var covariance = 0.0, variance = 0.0
                for (p, o) in zip(predicted, observed) {
                    covariance += (p - meanP) * (o - meanO)
                    variance += (p - meanP) * (p - meanP)
                }
                guard variance > 0 else { continue }
                let contrast = -covariance / variance
                let white = meanO + contrast * meanP
                var residual = 0.0
                for (p, o) in zip(predicted, observed) { residual += (o - (white - contrast * p)) * (o - (white - contrast * p)) }
                if residual < best?.residual ?? .infinity {
                    best = (residual, DefocusModel(sigma: sigma, white: white, contrast: contrast))
                }
            }
            if let best, best.model.contrast > 8 { fits.append(best.model) }
        }
        guard !fits.isEmpty else { return nil }
        fits.sort { $0.sigma < $1.sigma }
        return fits[fits.count / 2]
    }

    /// Module darkness with the blur undone: projected Landweber iterations on
    /// `observed = white − contrast · (PSF ⊛ darkness)`, darkness kept within 0…1 and the
    /// function patterns held at their known values. Returns dark/light per module.
    func deconvolve(_ grid: ModuleGrid, iterations: Int = 30) -> [Bool] {
        let n = grid.dimension, geometry = grid.geometry
        let h = Self.taps(sigma)
        let target = grid.values.map { (white - $0) / contrast }
        var known = [Double?](repeating: nil, count: n * n)
        for row in 0..<n {
            for column in 0..<n {
                if let dark = geometry.functionModule(column: column, row: row) { known[row * n + column] = dark ? 1 : 0 }
            }
        }
        var x = target.enumerated().map { known[$0.offset] ?? min(1, max(0, $0.element)) }
        var scratch = [Double](repeating: 0, count: n * n)
        func blur(_ input: [Double]) -> [Double] {
            // Separable: across, then down; paper (0) outside the symbol.
            for row in 0..<n {
                for column in 0..<n {
                    var sum = 0.0
                    for k in -2...2 where column + k >= 0 && column + k < n { sum += h[k + 2] * input[row * n + column + k] }
                    scratch[row * n + column] = sum
                }
            }
            var out = [Double](repeating: 0, count: n * n)
            for row in 0..<n {
                for column in 0..<n {
                    var sum = 0.0
                    for k in -2...2 where row + k >= 0 && row + k < n { sum += h[k + 2] * scratch[(row + k) * n + column] }
                    out[row * n + column] = sum
                }
            }
            return out
        }
        let step = 1.8
        for _ in 0..<iterations {
            let predicted = blur(x)
            let residual = zip(target, predicted).map { $0 - $1 }
            let correction = blur(residual)
            for i in 0..<(n * n) {
                x[i] = known[i] ?? min(1, max(0, x[i] + step * correction[i]))
            }
        }
        return x.map { $0 > 0.5 }
    }
}
