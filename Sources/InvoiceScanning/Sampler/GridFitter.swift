import EInvoiceBasics

/// Fits a symbol's module grid to the image: from the three finder centres (an affine guess)
/// to a homography through every alignment pattern that can be found, nearest first, so each
/// search starts from a prediction already corrected by the patterns found before it.
struct GridFitter {
    let image: GreyImage
    let geometry: SymbolGeometry

    /// Finder centres in image pixels, in the order top-left, top-right, bottom-left.
    func fit(finders: [PlanePoint], outerCorner: PlanePoint? = nil) -> (homography: Homography, anchors: Int)? {
        let modules = geometry.finderCentres
        guard var transform = Homography.affine(from: modules, to: finders) else { return nil }
        var source = modules, target = finders
        // A photo at an angle: the affine guess's timing patterns drift off the alternation
        // towards the far corner. The corner the timing patterns place is then an anchor like an
        // alignment pattern (and the perspective is known before any is searched).
        let n = Double(geometry.dimension)
        if let outerCorner, let perspective = Homography.fit(from: source + [PlanePoint(x: n, y: n)], to: target + [outerCorner]) {
            transform = perspective
            source.append(PlanePoint(x: n, y: n))
            target.append(outerCorner)
        } else if let perspective = perspectiveFromTiming(affine: transform, finders: finders) {
            transform = perspective.homography
            source.append(PlanePoint(x: n - 3.5, y: n - 3.5))
            target.append(perspective.corner)
        }
        // Contrast of the finders, to tell a found alignment pattern from data modules.
        let dark = finders.map { image.sample($0) }.reduce(0, +) / 3
        let light = [PlanePoint(x: 3.5, y: 7.5), PlanePoint(x: Double(geometry.dimension) - 3.5, y: 7.5),
                     PlanePoint(x: 7.5, y: 3.5)].map { image.sample(transform.apply($0)) }.max() ?? 255
        let contrast = max(8, light - dark)
        // Nearest the finders first: the affine guess is good there, and each pattern found
        // corrects the prediction for the next one out.
        let centres = geometry.alignmentCentres.sorted { a, b in
            (modules.map { $0.distance(to: a) }.min() ?? 0) < (modules.map { $0.distance(to: b) }.min() ?? 0)
        }
        for centre in centres {
            // Before the perspective is known, predictions far from the finders are rough.
            let interiorKnown = source.dropFirst(3).contains { $0.x > 7 && $0.y > 7 }
            let radius = interiorKnown && source.count >= 6 ? 1.5 : 3.0
            guard let found = locateAlignment(near: centre, transform: transform, radius: radius, contrast: contrast)
            else { continue }
            source.append(centre)
            target.append(found)
            // Perspective is determined once an anchor lies off the finders' row and column.
            let interior = source.dropFirst(3).contains { $0.x > 7 && $0.y > 7 }
            let refitted = interior ? Homography.fit(from: source, to: target) : Homography.fitAffine(from: source, to: target)
            if let refitted { transform = refitted }
        }
        return (transform, source.count)
    }

    /// The timing patterns' perspective (``TimingPerspective``) where the affine guess from the
    /// finders leaves them poorly alternating and the search makes them plainly better; nil where
    /// the affine guess is good enough (flat scans, the common case) or nothing better is found.
    func perspectiveFromTiming(affine: Homography, finders: [PlanePoint]) -> (homography: Homography, corner: PlanePoint)? {
        let affineTiming = ModuleGrid.timingScore(image, through: affine, dimension: geometry.dimension)
        guard affineTiming < Self.plainTiming,
              let found = TimingPerspective.fit(image, geometry: geometry, finders: finders, affine: affine),
              found.timing > affineTiming + 0.15
        else { return nil }
        return (found.homography, found.corner)
    }

    /// The timing score above which an affine grid already follows the symbol.
    static let plainTiming = 0.7

    /// The alignment pattern (dark centre module, light ring, dark ring) best matching near the
    /// predicted place, searched over module offsets with the local scale and skew of `transform`.
    func locateAlignment(near centre: PlanePoint, transform: Homography, radius: Double, contrast: Double) -> PlanePoint? {
        let origin = transform.apply(centre)
        let ex = transform.apply(centre + PlanePoint(x: 1, y: 0)) - origin
        let ey = transform.apply(centre + PlanePoint(x: 0, y: 1)) - origin
        func score(_ du: Double, _ dv: Double) -> Double {
            var inner = 0.0, ring = 0.0, outer = 0.0
            for j in -2...2 {
                for i in -2...2 {
                    let u = du + Double(i), v = dv + Double(j)
                    let value = image.sample(origin + ex * u + ey * v)
                    switch max(abs(i), abs(j)) {
                    case 0: inner += value
                    case 1: ring += value / 8
                    default: outer += value / 16
                    }
                }
            }
            return ring - (inner + outer) / 2
        }
        var best = (score: -Double.infinity, du: 0.0, dv: 0.0)
        var step = 0.25
        var span = radius
        var centreU = 0.0, centreV = 0.0
        for _ in 0..<2 {
            var du = centreU - span
            while du <= centreU + span + 1e-9 {
                var dv = centreV - span
                while dv <= centreV + span + 1e-9 {
                    let s = score(du, dv)
                    if s > best.score { best = (s, du, dv) }
                    dv += step
                }
                du += step
            }
            centreU = best.du
            centreV = best.dv
            span = step
            step = 0.08
        }
        guard best.score > contrast * 0.25 else { return nil }
        return origin + ex * best.du + ey * best.dv
    }
}
