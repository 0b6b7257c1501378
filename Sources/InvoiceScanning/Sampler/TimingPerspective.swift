import EInvoiceBasics

/// The perspective the three finders cannot give, read off the timing patterns.
///
/// Three finder centres fix an affine map; a photo at an angle needs two more parameters, which
/// move the fourth corner. Row 6 and column 6 alternate dark and light from finder to finder, so
/// the grid whose module centres on those lines alternate best is the one whose perspective is
/// right: with the wrong one, the middle of a line drifts by up to half the keystone times the
/// side (several modules at 1.2 px a module) and reads data or separator instead.
///
/// The fourth corner is searched in the frame of the affine map: a shift along the symbol's
/// rows tilts the columns (their modules crowd towards one end), so it shows on column 6; a
/// shift along the columns shows on row 6. Each is searched on its own line, twice, at a quarter
/// of a module, far enough for a keystone of a quarter of the side.
enum TimingPerspective {
    /// The map through the three finder centres whose timing patterns alternate best, with that
    /// score (as ``ModuleGrid/timingScore``) and the fourth corner it puts in the image, or nil
    /// for a version without room for a search.
    ///
    /// The fourth corner is the symbol's outer corner (module (n, n)) near `outerCorner` when the
    /// outline gave one, searched `reach` modules each way; otherwise the fourth finder-like
    /// point (n − 3.5, n − 3.5) near the affine guess, searched a quarter of the side each way.
    static func fit(_ image: GreyImage, geometry: SymbolGeometry, finders: [PlanePoint], affine: Homography,
                    outerCorner: PlanePoint? = nil, reach: Double? = nil)
        -> (homography: Homography, corner: PlanePoint, timing: Double)? {
        let n = geometry.dimension
        guard n >= 25 else { return nil }
        let fourth = outerCorner == nil ? Double(n) - 3.5 : Double(n)
        let modules = geometry.finderCentres + [PlanePoint(x: fourth, y: fourth)]
        let origin = affine.apply(PlanePoint(x: 0, y: 0))
        let ex = affine.apply(PlanePoint(x: 1, y: 0)) - origin, ey = affine.apply(PlanePoint(x: 0, y: 1)) - origin
        let base = outerCorner ?? affine.apply(modules[3])
        func map(_ a: Double, _ b: Double) -> Homography? {
            Homography.fit(from: modules, to: finders + [base + ex * a + ey * b])
        }
        func timing(_ map: Homography, alongRow: Bool) -> Double {
            ModuleGrid.timingLine(image, through: map, dimension: n, alongRow: alongRow)
        }
        let reach = reach ?? Double(n) / 4
        var a = 0.0, b = 0.0
        for _ in 0..<2 {
            // Along the rows: seen on column 6.
            a = best(over: reach) { shift in map(shift, b).map { timing($0, alongRow: false) } } ?? a
            // Along the columns: seen on row 6.
            b = best(over: reach) { shift in map(a, shift).map { timing($0, alongRow: true) } } ?? b
        }
        guard let fitted = map(a, b) else { return nil }
        return (fitted, base + ex * a + ey * b, ModuleGrid.timingScore(image, through: fitted, dimension: n))
    }

    /// The shift in −reach…reach (quarter modules) with the highest score.
    private static func best(over reach: Double, _ score: (Double) -> Double?) -> Double? {
        var best: (shift: Double, score: Double)?
        var shift = -reach
        while shift <= reach + 1e-9 {
            if let s = score(shift), s > (best?.score ?? -.infinity) { best = (shift, s) }
            shift += 0.25
        }
        return best?.shift
    }
}
