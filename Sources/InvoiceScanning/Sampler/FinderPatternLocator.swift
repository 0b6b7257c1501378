import Foundation
import EInvoiceBasics

/// A finder pattern (the 7×7 "eye" in three corners of a QR symbol) found in an image.
struct FinderPattern: Sendable, Hashable {
    /// Sub-pixel centre.
    var centre: PlanePoint
    /// Width of the pattern along the scan direction, divided by 7 (pixels; larger than the
    /// module when the symbol is turned: corrected once the symbol's angle is known).
    var runModule: Double
    /// Rows and columns whose scans agreed on this pattern (confidence).
    var hits: Int
}

/// Finds finder patterns by their 1:1:3:1:1 dark/light/dark/light/dark runs, cross-checked down,
/// across and along both diagonals, so it works at any rotation.
///
/// Runs are measured on the grey profile, not on a thresholded image: a module's edge is where
/// the profile crosses halfway between the dark minimum and light maximum on either side of it.
/// A one-pixel light ring that blur or area sampling has left at 80 % grey still makes its own
/// maximum, so finders of a pixel a module and blurred ones are still found, with sub-pixel widths.
enum FinderPatternLocator {
    /// Candidates, most supported first. `diagonals`: cross-check along both diagonals too (see ``crossCheck``); a finder of a
    /// pixel a module, blurred, has lost its corners and shows its runs only straight across.
    static func locate(in image: GreyImage, maximum: Int = 12, swing fixedSwing: Double? = nil, diagonals: Bool = true) -> [FinderPattern] {
        let width = image.width, height = image.height
        let swing = fixedSwing ?? minimumSwing(image)
        var raw: [FinderPattern] = []
        var profile = [Double](repeating: 0, count: width)
        // Every other row: a finder's 3-module core spans at least three rows at the module sizes
        // searched at each scale (1.5 px and up here; the twice-upscaled search for smaller), so
        // each finder is still crossed, and the cross-checks run from each hit.
        for y in stride(from: 0, to: height, by: 2) {
            // A row without one swing (paper, a margin) cannot cross a finder: skipped before
            // its extrema are worked out.
            var low = UInt8.max, high = UInt8.min
            for x in 0..<width {
                let value = image.pixels[y * width + x]
                low = min(low, value)
                high = max(high, value)
                profile[x] = Double(value)
            }
            guard Double(high) - Double(low) >= swing else { continue }
            let runs = Runs(profile, swing: swing)
            var i = runs.firstDark
            while i + 4 < runs.lengths.count {
                if ratioMatches(runs.lengths[i...(i + 4)]) {
                    let centreX = runs.starts[i + 2] + runs.lengths[i + 2] / 2
                    let total = runs.lengths[i...(i + 4)].reduce(0, +)
                    if let found = crossCheck(image, x: centreX, y: Double(y) + 0.5, total: total, swing: swing, diagonals: diagonals) {
                        raw.append(found)
                    }
                }
                i += 2
            }
        }
        return merge(raw, image: image).prefix(maximum).map { $0 }
    }

    /// Light/dark runs of one profile, from its alternating extrema.
    struct Runs {
        var starts: [Double] = []
        var lengths: [Double] = []
        /// Index of the first dark run.
        var firstDark = 0

        init(_ profile: [Double], swing: Double) {
            // Alternating extrema, each at least `swing` from the last (hysteresis against noise).
            var extrema: [(index: Int, value: Double)] = []
            guard let first = profile.first else { return }
            var rising = true, current = (index: 0, value: first), started = false
            var low = (index: 0, value: first), high = (index: 0, value: first)
            for (index, value) in profile.enumerated() {
                if !started {
                    if value < low.value { low = (index, value) }
                    if value > high.value { high = (index, value) }
                    if high.value - low.value >= swing {
                        started = true
                        rising = high.index > low.index
                        extrema.append(rising ? low : high)
                        current = rising ? high : low
                    }
                    continue
                }
                if rising {
                    if value > current.value { current = (index, value) } else if current.value - value >= swing {
                        extrema.append(current)
                        current = (index, value)
                        rising = false
                    }
                } else {
                    if value < current.value { current = (index, value) } else if value - current.value >= swing {
                        extrema.append(current)
                        current = (index, value)
                        rising = true
                    }
                }
            }
            guard started else { return }
            extrema.append(current)
            // Edges: where the profile crosses halfway between neighbouring extrema.
            var edges: [Double] = []
            for k in 0..<(extrema.count - 1) {
                let a = extrema[k], b = extrema[k + 1]
                let level = (a.value + b.value) / 2
                var edge = Double(b.index)
                for x in a.index..<b.index {
                    let v0 = profile[x], v1 = profile[x + 1]
                    if (v0 - level) * (v1 - level) <= 0, v0 != v1 {
                        edge = Double(x) + 0.5 + (level - v0) / (v1 - v0)
                        break
                    }
                }
                edges.append(edge)
            }
            // Runs lie between consecutive edges; the one after edge k holds extremum k + 1.
            for k in 0..<max(0, edges.count - 1) {
                starts.append(edges[k])
                lengths.append(edges[k + 1] - edges[k])
            }
            // extrema[1] is the first run's extremum: dark if it is a minimum.
            let firstIsDark = extrema.count > 1 && extrema[1].value < extrema[0].value
            firstDark = firstIsDark ? 0 : 1
        }
    }

    /// The least grey-level swing that counts as an edge: a fifth of the image's ink-to-paper range (an eighth measured worse on stamps and inverted prints).
    /// With `blur` (σ in modules), half the least swing a finder's runs keep under that blur:
    /// modules of a pixel or so are spread by the pixel itself, and a one-module ring then keeps
    /// far less than a fifth of the range.
    static func minimumSwing(_ image: GreyImage, blur: Double? = nil) -> Double {
        let (low, high) = ImageFilters.greyRange(image, trimmingEachEnd: 50)
        let fraction = blur.map { ringSwing(blur: $0) / 2 } ?? 1.0 / 5
        return max(8, Double(high - low) * fraction)
    }

    /// The smallest swing between neighbouring extrema of a finder's profile (paper, then dark,
    /// light, dark ×3, light, dark, paper) blurred by a Gaussian of σ `blur` modules, as a share
    /// of the ink-to-paper range: at the middle of each run, the blurred darkness is the sum over
    /// the dark runs of the Gaussian's mass over them.
    static func ringSwing(blur: Double) -> Double {
        let darkRuns: [(Double, Double)] = [(0, 1), (2, 5), (6, 7)]
        func darkness(_ x: Double) -> Double {
            darkRuns.reduce(0) { sum, run in
                sum + 0.5 * (erf((run.1 - x) / (blur * 2.0.squareRoot())) - erf((run.0 - x) / (blur * 2.0.squareRoot())))
            }
        }
        let middles = [0.5, 1.5, 3.5, 5.5, 6.5].map(darkness)
        return zip(middles, middles.dropFirst()).map { abs($0 - $1) }.min() ?? 0
    }

    /// Do five runs look like 1:1:3:1:1? Tolerances allow for blur and a pixel of quantisation.
    static func ratioMatches(_ runs: ArraySlice<Double>) -> Bool {
        let total = runs.reduce(0, +)
        guard total >= 5 else { return false }
        let module = total / 7
        let slack = max(module * 0.6, 0.7)
        let start = runs.startIndex
        for k in [0, 1, 3, 4] where abs(runs[start + k] - module) > slack { return false }
        return abs(runs[start + 2] - 3 * module) <= max(module * 1.5, 1.2)
    }

    /// Down, across again, and along both diagonals through the candidate: the refined centre
    /// when every direction shows the pattern at a consistent size (data modules often fake the
    /// ratio in one direction, rarely in four).
    private static func crossCheck(_ image: GreyImage, x: Double, y: Double, total: Double, swing: Double,
                                   diagonals: Bool) -> FinderPattern? {
        guard let vertical = runsThrough(image, origin: PlanePoint(x: x, y: y), direction: PlanePoint(x: 0, y: 1),
                                         reach: total * 1.5, swing: swing),
              vertical.total < total * 1.6, vertical.total > total / 1.6
        else { return nil }
        let afterVertical = PlanePoint(x: x, y: y + vertical.offset)
        guard let horizontal = runsThrough(image, origin: afterVertical, direction: PlanePoint(x: 1, y: 0),
                                           reach: total * 1.5, swing: swing)
        else { return nil }
        let centre = PlanePoint(x: afterVertical.x + horizontal.offset, y: afterVertical.y)
        let straight = (horizontal.total + vertical.total) / 2
        // Along a diagonal a turned square's chord lies between its side and √2 × its side.
        let half = 0.5.squareRoot()
        for direction in [PlanePoint(x: half, y: half), PlanePoint(x: half, y: -half)] where diagonals {
            guard let diagonal = runsThrough(image, origin: centre, direction: direction, reach: straight * 2, swing: swing),
                  diagonal.total > straight * 0.55, diagonal.total < straight * 2.0
            else { return nil }
        }
        return FinderPattern(centre: centre, runModule: straight / 7, hits: 1)
    }

    /// The 1:1:3:1:1 runs centred on `origin` along `direction` (a unit vector; profile sampled
    /// every pixel of travel), their total length, and how far the centre run's middle lies
    /// from `origin` along `direction`.
    private static func runsThrough(_ image: GreyImage, origin: PlanePoint, direction: PlanePoint, reach: Double,
                                    swing: Double) -> (total: Double, offset: Double)? {
        let steps = Int(reach.rounded(.up))
        guard steps > 3 else { return nil }
        let profile = (-steps...steps).map { image.sample(origin + direction * Double($0)) }
        let runs = Runs(profile, swing: swing)
        // The run containing the origin (profile index `steps`, centre at steps + 0.5).
        let position = Double(steps) + 0.5
        guard let index = runs.starts.indices.first(where: { runs.starts[$0] <= position && position < runs.starts[$0] + runs.lengths[$0] }),
              index >= 2, index + 2 < runs.lengths.count, (index - runs.firstDark) % 2 == 0,
              ratioMatches(runs.lengths[(index - 2)...(index + 2)])
        else { return nil }
        return (extent(runs, outerDark: index - 2), runs.starts[index] + runs.lengths[index] / 2 - position)
    }

    /// The finder's 7-module extent measured between the middles of its two outer dark runs (6
    /// modules apart), the first at `outerDark`. Each run's middle lies halfway between its two
    /// edges, which blur and area sampling move apart or together by the same amount: where a
    /// ring of a pixel or so keeps only part of its darkness, the halfway crossings against the
    /// paper and the light ring both move outward (the 5 runs' sum then reads the module some 8 %
    /// wide), but the ring's middle stays put.
    static func extent(_ runs: Runs, outerDark first: Int) -> Double {
        let last = first + 4
        let span = runs.starts[last] + runs.lengths[last] / 2 - (runs.starts[first] + runs.lengths[first] / 2)
        return span * 7 / 6
    }

    /// Joins detections of the same pattern (many rows hit one finder), then refines each centre
    /// to the darkness-weighted centroid of its 3×3-module core.
    private static func merge(_ raw: [FinderPattern], image: GreyImage) -> [FinderPattern] {
        var groups: [(sumX: Double, sumY: Double, hits: Int, modules: [Double])] = []
        for candidate in raw {
            if let index = groups.firstIndex(where: { group in
                let n = Double(group.hits)
                let module = group.modules[group.modules.count / 2]
                return PlanePoint(x: group.sumX / n, y: group.sumY / n).distance(to: candidate.centre) < 2.5 * max(module, candidate.runModule)
                    && candidate.runModule < module * 1.8 && candidate.runModule > module / 1.8
            }) {
                groups[index].sumX += candidate.centre.x
                groups[index].sumY += candidate.centre.y
                groups[index].hits += 1
                groups[index].modules.append(candidate.runModule)
                groups[index].modules.sort()
            } else {
                groups.append((candidate.centre.x, candidate.centre.y, 1, [candidate.runModule]))
            }
        }
        return groups.map { group in
            let n = Double(group.hits)
            let module = group.modules[group.modules.count / 2]
            let centre = coreCentroid(image, around: PlanePoint(x: group.sumX / n, y: group.sumY / n), module: module)
            return FinderPattern(centre: centre, runModule: module, hits: group.hits)
        }.sorted { $0.hits > $1.hits }
    }

    /// Darkness-weighted centroid within 1.6 modules of `point`: the 3×3 dark core and the light
    /// ring around it are symmetric, so the centroid is the centre to a fraction of a pixel.
    static func coreCentroid(_ image: GreyImage, around point: PlanePoint, module: Double) -> PlanePoint {
        let radius = max(1.0, module * 1.6)
        var centre = point
        for _ in 0..<2 {
            let x0 = max(0, Int(centre.x - radius - 1)), x1 = min(image.width - 1, Int(centre.x + radius + 1))
            let y0 = max(0, Int(centre.y - radius - 1)), y1 = min(image.height - 1, Int(centre.y + radius + 1))
            guard x0 < x1, y0 < y1 else { return point }
            var lightest = 0
            for y in y0...y1 { for x in x0...x1 { lightest = max(lightest, Int(image.pixels[y * image.width + x])) } }
            var sum = 0.0, sx = 0.0, sy = 0.0
            for y in y0...y1 {
                for x in x0...x1 {
                    let px = Double(x) + 0.5, py = Double(y) + 0.5
                    guard (px - centre.x) * (px - centre.x) + (py - centre.y) * (py - centre.y) <= radius * radius else { continue }
                    let weight = Double(lightest - Int(image.pixels[y * image.width + x]))
                    sum += weight
                    sx += weight * px
                    sy += weight * py
                }
            }
            guard sum > 0 else { return centre }
            let next = PlanePoint(x: sx / sum, y: sy / sum)
            // A centroid far from the run-based centre is pulled by something else: keep the runs'.
            guard next.distance(to: point) < module else { return centre }
            centre = next
        }
        return centre
    }
}

