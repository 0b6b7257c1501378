public import EInvoiceBasics
public import QRCodec

/// Reads QR symbols zbar's own finder misses — modules of one or two pixels, photos at an angle,
/// defocus, a stamp over a corner — by doing the geometry itself: it locates the finder
/// patterns, fits the module grid through the alignment patterns, samples every module and
/// hands zbar (which still does the Reed–Solomon decoding) a clean redraw of the symbol.
///
/// Every parameter comes from the symbol: module size and version from the finders' size and
/// spacing, the grid from the patterns the standard puts at known places, the threshold from the
/// modules around each module, the blur from the finders' profile.
public struct GeometricReader: Sendable {
    public init() {}

    /// The name the cascade reports for reads by this reader.
    public static let stepName = "geometric sampler"

    /// One way of turning a sampled grid into modules; tried in this order (cheapest and most
    /// often successful first on the corpus, see docs/scan-decode-rates.md).
    enum Readout: CaseIterable {
        case localMean, midpoint, deconvolved, localMeanShifted
    }

    /// What one image gave: the symbol read (if any), whether finder patterns were seen at all
    /// (the caller spends more only where they were), and how many zbar passes it took.
    public struct Read: Sendable {
        public var symbols: [DecodedSymbol]
        public var sawFinders: Bool
        public var attempts: Int
    }

    /// Every symbol it can read in `image`, positions in `image`'s pixels; gives up at `deadline`,
    /// a time of ``ThreadCPUClock`` (this thread's CPU seconds, the same on a busy and an idle machine).
    public func read(_ image: GreyImage, deadline: Double) -> Read {
        var result = Read(symbols: [], sawFinders: false, attempts: 0)
        for inverted in [false, true] {
            let source = inverted ? ImageFilters.invert(image) : image
            // Finders are searched at the image's own scale, then at twice it (modules of a pixel
            // or so lose the finder's 1:1:3:1:1 runs to thresholding) when the image is small
            // enough to hold nothing but such a symbol.
            for upscale in [1, 2] where upscale == 1 || Self.mayHoldPixelModules(image) {
                guard ThreadCPUClock.now() < deadline else { return result }
                let finders = Self.finders(in: source, upscale: upscale)
                if finders.count >= 2 { result.sawFinders = true }
                if let symbol = read(source, finders: finders, deadline: deadline, attempts: &result.attempts) {
                    result.symbols = [symbol]
                    return result
                }
            }
        }
        return result
    }

    /// Whether `image` (a region crop) is small enough that a symbol filling it has modules of
    /// under 1.5 px, where the 1:1:3:1:1 runs need the twice-upscaled search: the largest symbol
    /// (version 40, 177 modules and a 4-module quiet zone each side) at 1.5 px a module, with the
    /// region finder's margin of a quarter of the box each side. Larger crops (text blocks, QRs
    /// of bigger modules) skip the search that costs four times the first.
    static func mayHoldPixelModules(_ image: GreyImage) -> Bool {
        let largestSymbol = Double(SymbolGeometry(version: 40).map { $0.dimension + 8 } ?? 185)
        return Double(min(image.width, image.height)) <= largestSymbol * 1.5 * 1.5
    }

    /// Whether a region crop shows at least one finder pattern, dark on light or light on dark, at
    /// its own scale or (when it may hold modules of a pixel) at twice it: the cascade spends
    /// nothing beyond one plain zbar look on regions without (blocks of text, tables, logos).
    public static func hasFinderEvidence(_ crop: GreyImage) -> Bool {
        let inverted = ImageFilters.invert(crop)
        for upscale in [1, 2] where upscale == 1 || mayHoldPixelModules(crop) {
            if !finders(in: crop, upscale: upscale).isEmpty || !finders(in: inverted, upscale: upscale).isEmpty { return true }
        }
        return false
    }

    /// Whether a whole page shows at least two finder-like patterns (at about 1 000 px across):
    /// a page without any is given up at once.
    public static func pageHasFinders(_ page: GreyImage) -> Bool {
        let longest = max(page.width, page.height)
        let small = longest > 1000 ? page.resized(by: 1000 / Double(longest)) : page
        return finders(in: small, upscale: 1).count >= 2 || finders(in: ImageFilters.invert(small), upscale: 1).count >= 2
    }

    /// Finder candidates in `image`'s pixels.
    static func finders(in image: GreyImage, upscale: Int) -> [FinderPattern] {
        let working = upscale == 1 ? image : image.resized(by: Double(upscale))
        let found = FinderPatternLocator.locate(in: working)
        guard upscale > 1 else { return found }
        let k = 1 / Double(upscale)
        return found.map { FinderPattern(centre: $0.centre * k, runModule: $0.runModule * k, hits: $0.hits) }
    }

    func read(_ image: GreyImage, finders: [FinderPattern], deadline: Double, attempts: inout Int) -> DecodedSymbol? {
        for arrangement in FinderArrangement.triples(finders) {
            for version in versions(for: arrangement, in: image) {
                guard ThreadCPUClock.now() < deadline else { return nil }
                if let symbol = read(image, arrangement: arrangement, version: version, attempts: &attempts) { return symbol }
            }
        }
        // A finder hidden (stamp, fold): infer the third corner from two and the timing patterns.
        for hypothesis in MissingFinder.hypotheses(finders, in: image) {
            guard ThreadCPUClock.now() < deadline else { return nil }
            if let symbol = read(image, arrangement: hypothesis.arrangement, version: hypothesis.version, attempts: &attempts) {
                return symbol
            }
        }
        return nil
    }

    /// The candidate versions, those whose version-information block (versions 7 and up) reads
    /// back as themselves first.
    func versions(for arrangement: FinderArrangement, in image: GreyImage) -> [Int] {
        let candidates = arrangement.candidateVersions
        let confirmed = candidates.filter { version in
            guard version >= 7, let geometry = SymbolGeometry(version: version),
                  let affine = Homography.affine(from: geometry.finderCentres, to: arrangement.points)
            else { return false }
            let dark = arrangement.points.map { image.sample($0) }.reduce(0, +) / 3
            let light = [PlanePoint(x: 7.5, y: 3.5), PlanePoint(x: 3.5, y: 7.5)].map { image.sample(affine.apply($0)) }.max() ?? 255
            let level = (dark + light) / 2
            let n = geometry.dimension
            var first = 0, second = 0
            for bit in 0..<18 {
                let a = Double(bit / 3) + 0.5, b = Double(n - 11 + bit % 3) + 0.5
                if image.sample(affine.apply(PlanePoint(x: a, y: b))) < level { first |= 1 << bit }
                if image.sample(affine.apply(PlanePoint(x: b, y: a))) < level { second |= 1 << bit }
            }
            return SymbolGeometry.versionFromBits(first) == version || SymbolGeometry.versionFromBits(second) == version
        }
        return confirmed + candidates.filter { !confirmed.contains($0) }
    }

    func read(_ image: GreyImage, arrangement: FinderArrangement, version: Int, attempts: inout Int) -> DecodedSymbol? {
        guard let geometry = SymbolGeometry(version: version),
              let fit = GridFitter(image: image, geometry: geometry).fit(finders: arrangement.points)
        else { return nil }
        let grid = ModuleGrid(image: image, homography: fit.homography, geometry: geometry)
        let model = DefocusModel.measure(grid)
        for readout in Readout.allCases {
            let dark: [Bool]
            switch readout {
            case .localMean:
                dark = grid.darkByLocalMean(radius: 4, bias: 0)
            case .midpoint:
                guard let model else { continue }
                dark = grid.darkBelow(model.white - model.contrast / 2)
            case .deconvolved:
                guard let model, model.sigma >= 0.2 else { continue }
                dark = model.deconvolve(grid)
            case .localMeanShifted:
                let shifted = ModuleGrid(image: image, homography: fit.homography, geometry: geometry,
                                         offset: PlanePoint(x: 0.12, y: 0.12))
                dark = shifted.darkByLocalMean(radius: 4, bias: 0)
            }
            let redrawn = grid.redraw(dark)
            attempts += 1
            if let symbol = QRDecoder.decode(redrawn).first {
                let n = Double(geometry.dimension)
                let corners = [PlanePoint(x: 0, y: 0), PlanePoint(x: n, y: 0), PlanePoint(x: n, y: n), PlanePoint(x: 0, y: n)]
                    .map { fit.homography.apply($0) }
                var located = symbol
                located.points = corners.map { (x: Int($0.x.rounded()), y: Int($0.y.rounded())) }
                return located
            }
        }
        return nil
    }
}
