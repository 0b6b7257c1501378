public import EInvoiceBasics
import Foundation

extension GeometricReader {
    /// What the sampler saw in a region crop, one line a stage (finders found, arrangements and
    /// the grids fitted to them with their timing scores and blur): for `einvoice-bench
    /// scan-explain`, to see why an image is not read before changing the code.
    public static func explain(_ crop: GreyImage) -> [String] {
        let noise = SensorNoise(crop)
        let (seen, smoothing) = noise.smoothed(crop)
        var lines = ["noise σ \(String(format: "%.1f", noise.sigma)) smoothing \(smoothing)"]
        for inverted in [false, true] {
            let source = inverted ? ImageFilters.invert(seen) : seen
            for upscale in [1, 2] where upscale == 1 || (smoothing == 1 && mayHoldPixelModules(crop)) {
                let found = finders(in: source, upscale: upscale)
                let list = found.map { f in
                    "(\(Int(f.centre.x)),\(Int(f.centre.y)) m\(String(format: "%.2f", f.runModule)) h\(f.hits))"
                }
                lines.append("inverted \(inverted) upscale \(upscale): \(found.count) finders \(list.joined(separator: " "))")
                for arrangement in FinderArrangement.triples(found) {
                    for version in GeometricReader().versions(for: arrangement, in: source) {
                        guard let grid = GeometricReader().fit(source, arrangement: arrangement, version: version) else { continue }
                        lines.append("  v\(version) module \(String(format: "%.2f", arrangement.module)) timing "
                                     + String(format: "%.2f", grid.timing) + " blur " + (grid.blur.map { String(format: "%.2f", $0) } ?? "-"))
                    }
                }
                for hypothesis in MissingFinder.hypotheses(found, in: source) {
                    lines.append("  missing-finder v\(hypothesis.version) timing " + String(format: "%.2f", hypothesis.timingScore))
                }
            }
            guard let corners = SymbolOutline.corners(in: source) else {
                lines.append("inverted \(inverted) outline: none")
                continue
            }
            lines.append("inverted \(inverted) outline: " + corners.map { "(\(Int($0.x)),\(Int($0.y)))" }.joined(separator: " "))
            for (arrangement, version) in SymbolOutline.arrangements(corners, in: source) {
                let grid = GeometricReader().fit(source, arrangement: arrangement, version: version)
                let finders = arrangement.points.map { "(\(Int($0.x)),\(Int($0.y)))" }.joined(separator: " ")
                lines.append("  outline v\(version) finders \(finders) timing " + (grid.map { String(format: "%.2f", $0.timing) } ?? "-"))
            }
        }
        return lines
    }
}
