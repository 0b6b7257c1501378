import EInvoiceBasics
import Foundation

/// Where a symbol sits when its finders' 1:1:3:1:1 runs are lost (modules of a pixel or so,
/// softened by a lens and JPEG): its outline.
///
/// Averaged over a few modules, a symbol is an even grey quadrilateral on white paper, whatever
/// its modules. The crop averaged over a window of a few pixels is cut at the level halfway
/// between paper and the symbol's middle (a symmetric average crosses that level on the true
/// edge); the blob holding the middle gives four corners, and each side is refitted as a line
/// through the crossings along it. Which corner holds no finder, and the module size, come from
/// matching the finder pattern at the corners; the finder centres are then placed by the same
/// match, and the grid is fitted from them as from found finders.
enum SymbolOutline {
    /// The four corners of the symbol's outline in `image`, in order around it (clockwise on a
    /// y-down image), or nil when the crop shows no even grey blob in its middle.
    static func corners(in image: GreyImage) -> [PlanePoint]? {
        let width = image.width, height = image.height
        let side = min(width, height)
        guard side >= 24 else { return nil }
        let blurred = boxAverage(image, radius: max(2, side / 70))
        // Paper: the light end of the crop (the region search leaves a margin round the symbol).
        // Symbol: the middle of the crop.
        let paper = percentile(blurred, 0.9)
        let middle = (0..<(side / 5)).flatMap { j in
            (0..<(side / 5)).map { i in blurred[(height / 2 - side / 10 + j) * width + width / 2 - side / 10 + i] }
        }
        let symbol = percentile(middle, 0.5)
        guard paper - symbol > 20 else { return nil }
        let level = (paper + symbol) / 2
        guard let blob = blobAt(width / 2, height / 2, blurred: blurred, width: width, height: height, level: level),
              blob.area > side * side / 16
        else { return nil }
        let hull = convexHull(blob.boundary.map { PlanePoint(x: Double($0 % width) + 0.5, y: Double($0 / width) + 0.5) })
        guard let rough = quadrilateral(hull) else { return nil }
        return refined(rough, blurred: blurred, width: width, height: height, level: level) ?? rough
    }

    /// Each pixel's mean over a square of side `2 radius + 1` (clipped at the borders).
    static func boxAverage(_ image: GreyImage, radius: Int) -> [Double] {
        let w = image.width, h = image.height
        var integral = [Double](repeating: 0, count: (w + 1) * (h + 1))
        for y in 0..<h {
            var row = 0.0
            for x in 0..<w {
                row += Double(image.pixels[y * w + x])
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row
            }
        }
        var out = [Double](repeating: 0, count: w * h)
        for y in 0..<h {
            let y0 = max(0, y - radius), y1 = min(h, y + radius + 1)
            for x in 0..<w {
                let x0 = max(0, x - radius), x1 = min(w, x + radius + 1)
                let sum = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1] - integral[y1 * (w + 1) + x0] + integral[y0 * (w + 1) + x0]
                out[y * w + x] = sum / Double((y1 - y0) * (x1 - x0))
            }
        }
        return out
    }

    static func percentile(_ values: [Double], _ share: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * share))]
    }

    /// The boundary pixels (indices) and the area of the 4-connected blob below `level` holding
    /// (x, y), or the one nearest it within a tenth of the crop.
    static func blobAt(_ x: Int, _ y: Int, blurred: [Double], width: Int, height: Int, level: Double) -> (boundary: [Int], area: Int)? {
        let reach = min(width, height) / 10
        var seed: Int?
        search: for r in 0...reach {
            for dy in -r...r {
                for dx in -r...r where max(abs(dx), abs(dy)) == r {
                    let px = x + dx, py = y + dy
                    guard px >= 0, py >= 0, px < width, py < height else { continue }
                    if blurred[py * width + px] < level { seed = py * width + px; break search }
                }
            }
        }
        guard let seed else { return nil }
        var inside = [Bool](repeating: false, count: width * height)
        inside[seed] = true
        var stack = [seed], boundary: [Int] = [], area = 0
        while let index = stack.popLast() {
            area += 1
            let px = index % width, py = index / width
            var edge = false
            for (nx, ny) in [(px - 1, py), (px + 1, py), (px, py - 1), (px, py + 1)] {
                guard nx >= 0, ny >= 0, nx < width, ny < height else { edge = true; continue }
                let next = ny * width + nx
                if blurred[next] >= level { edge = true; continue }
                if !inside[next] { inside[next] = true; stack.append(next) }
            }
            if edge { boundary.append(index) }
        }
        // A blob reaching the crop's border is not a symbol with its quiet zone.
        guard !boundary.contains(where: { $0 % width == 0 || $0 % width == width - 1 || $0 / width == 0 || $0 / width == height - 1 })
        else { return nil }
        return (boundary, area)
    }

    /// Andrew's monotone chain: the hull's vertices, clockwise on a y-down image.
    static func convexHull(_ points: [PlanePoint]) -> [PlanePoint] {
        let sorted = points.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
        guard sorted.count >= 3 else { return sorted }
        func half(_ list: [PlanePoint]) -> [PlanePoint] {
            var chain: [PlanePoint] = []
            for p in list {
                while chain.count >= 2, (chain[chain.count - 1] - chain[chain.count - 2]).cross(p - chain[chain.count - 2]) <= 0 {
                    chain.removeLast()
                }
                chain.append(p)
            }
            return chain
        }
        let lower = half(sorted), upper = half(sorted.reversed())
        return Array(lower.dropLast()) + Array(upper.dropLast())
    }

    /// Four hull vertices: the farthest pair (a diagonal of a near-square) and the farthest from
    /// it on each side; nil unless they make a plausible symbol (sides within a factor 1.5).
    static func quadrilateral(_ hull: [PlanePoint]) -> [PlanePoint]? {
        guard hull.count >= 4 else { return nil }
        var best = (0, 1, 0.0)
        for i in 0..<hull.count {
            for j in (i + 1)..<hull.count where hull[i].distance(to: hull[j]) > best.2 {
                best = (i, j, hull[i].distance(to: hull[j]))
            }
        }
        let a = hull[best.0], c = hull[best.1]
        let axis = c - a
        func farthest(_ range: [PlanePoint]) -> PlanePoint? { range.max { abs(axis.cross($0 - a)) < abs(axis.cross($1 - a)) } }
        guard let b = farthest(Array(hull[(best.0 + 1)..<best.1])),
              let d = farthest(Array(hull[(best.1 + 1)...] + hull[..<best.0]))
        else { return nil }
        var quad = [a, b, c, d]
        if (b - a).cross(c - a) < 0 { quad = [a, d, c, b] }
        let sides = (0..<4).map { quad[$0].distance(to: quad[($0 + 1) % 4]) }
        guard let shortest = sides.min(), let longest = sides.max(), longest < shortest * 1.5 else { return nil }
        return quad
    }

    /// The corners again, each side refitted as the straight line through the level crossings
    /// along its middle 70 % (the blob's corners are rounded by the averaging).
    static func refined(_ quad: [PlanePoint], blurred: [Double], width: Int, height: Int, level: Double) -> [PlanePoint]? {
        func value(_ p: PlanePoint) -> Double {
            let x = min(max(Int(p.x), 0), width - 1), y = min(max(Int(p.y), 0), height - 1)
            return blurred[y * width + x]
        }
        var lines: [(point: PlanePoint, direction: PlanePoint)] = []
        for k in 0..<4 {
            let a = quad[k], b = quad[(k + 1) % 4]
            let length = a.distance(to: b)
            let along = (b - a) * (1 / length)
            // Outward for a clockwise (y-down) outline.
            let outward = PlanePoint(x: along.y, y: -along.x)
            let reach = length * 0.08
            var crossings: [PlanePoint] = []
            for step in 0...24 {
                let base = a + (b - a) * (0.15 + 0.7 * Double(step) / 24)
                // From outside inwards, the first place below the level.
                var t = reach
                var previous = value(base + outward * t)
                while t > -reach {
                    let next = value(base + outward * (t - 0.5))
                    if previous >= level, next < level {
                        let share = (previous - level) / max(1e-9, previous - next)
                        crossings.append(base + outward * (t - 0.5 * share))
                        break
                    }
                    previous = next
                    t -= 0.5
                }
            }
            guard crossings.count >= 8, let line = fitLine(crossings) else { return nil }
            lines.append(line)
        }
        var corners: [PlanePoint] = []
        for k in 0..<4 {
            let first = lines[(k + 3) % 4], second = lines[k]
            let denominator = first.direction.cross(second.direction)
            guard abs(denominator) > 1e-6 else { return nil }
            let t = (second.point - first.point).cross(second.direction) / denominator
            let corner = first.point + first.direction * t
            guard corner.distance(to: quad[k]) < quad[k].distance(to: quad[(k + 2) % 4]) * 0.1 else { return nil }
            corners.append(corner)
        }
        return corners
    }

    /// The least-squares line through `points` (principal axis), refitted once without the points
    /// more than twice the spread off it.
    static func fitLine(_ points: [PlanePoint]) -> (point: PlanePoint, direction: PlanePoint)? {
        func fit(_ list: [PlanePoint]) -> (point: PlanePoint, direction: PlanePoint)? {
            guard list.count >= 2 else { return nil }
            let n = Double(list.count)
            let mean = PlanePoint(x: list.map(\.x).reduce(0, +) / n, y: list.map(\.y).reduce(0, +) / n)
            var sxx = 0.0, sxy = 0.0, syy = 0.0
            for p in list {
                let d = p - mean
                sxx += d.x * d.x; sxy += d.x * d.y; syy += d.y * d.y
            }
            let angle = 0.5 * atan2(2 * sxy, sxx - syy)
            return (mean, PlanePoint(x: cos(angle), y: sin(angle)))
        }
        guard let first = fit(points) else { return nil }
        let offsets = points.map { abs(first.direction.cross($0 - first.point)) }
        let spread = max(0.5, (offsets.map { $0 * $0 }.reduce(0, +) / Double(offsets.count)).squareRoot())
        return fit(zip(points, offsets).filter { $0.1 <= 2 * spread }.map(\.0)) ?? first
    }
}
