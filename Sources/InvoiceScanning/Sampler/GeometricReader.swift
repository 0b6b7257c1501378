public import EInvoiceBasics
public import QRCodec

/// Reads QR symbols zbar's own finder misses — modules of one or two pixels, photos at an angle,
/// defocus, a stamp over a corner — by doing the geometry itself: it locates the finder
/// patterns (or, where their runs are lost, the symbol's outline, ``SymbolOutline``), fits the
/// module grid through the alignment patterns (the perspective from the timing patterns where the
/// finders alone leave it open, ``TimingPerspective``), samples every module and hands zbar
/// (which still does the Reed–Solomon decoding) a clean redraw of the symbol.
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
        // Through strong sensor noise every stage works on the image averaged just enough
        // (``SensorNoise``): the finders' runs keep their edges and each sample is a module's mean.
        let (seen, smoothing) = SensorNoise(image).smoothed(image)
        for inverted in [false, true] {
            let source = inverted ? ImageFilters.invert(seen) : seen
            // Finders are searched at the image's own scale, then at twice it (modules of a pixel
            // or so lose the finder's 1:1:3:1:1 runs to thresholding) when the image is small
            // enough to hold nothing but such a symbol and quiet enough for modules of a pixel to
            // be told apart at all.
            for upscale in [1, 2] where upscale == 1 || (smoothing == 1 && Self.mayHoldPixelModules(image)) {
                guard ThreadCPUClock.now() < deadline else { return result }
                let finders = Self.finders(in: source, upscale: upscale)
                if finders.count >= 2 { result.sawFinders = true }
                if let symbol = read(source, finders: finders, deadline: deadline, attempts: &result.attempts) {
                    result.symbols = [symbol]
                    return result
                }
            }
        }
        // Symbols whose finders no run search found (modules of a pixel or so, softened), placed
        // by their outline: after both searches, which read a negative print sooner.
        for inverted in [false, true] {
            guard ThreadCPUClock.now() < deadline else { return result }
            if let symbol = readByOutline(inverted ? ImageFilters.invert(seen) : seen, deadline: deadline, attempts: &result.attempts) {
                result.symbols = [symbol]
                return result
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
    /// Searched as ``read(_:deadline:)`` searches, through the same noise averaging: speckle on
    /// paper or text fakes the runs of finders of a pixel a module.
    public static func hasFinderEvidence(_ crop: GreyImage) -> Bool {
        let (seen, smoothing) = SensorNoise(crop).smoothed(crop)
        let inverted = ImageFilters.invert(seen)
        for upscale in [1, 2] where upscale == 1 || (smoothing == 1 && mayHoldPixelModules(crop)) {
            if !finders(in: seen, upscale: upscale).isEmpty || !finders(in: inverted, upscale: upscale).isEmpty { return true }
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
        guard upscale > 1 else { return FinderPatternLocator.locate(in: working) }
        // The upscaled search is for modules of about a pixel. Sharp ones show every run: the
        // plain search finds them, and first. Blurred ones are spread by the pixel itself: their
        // edges are those of a finder blurred by σ 0.7 module (half a pixel of lens blur on the
        // pixel's own box at 1.2 px a module), and their corners are gone (no diagonal
        // cross-check); those candidates follow, where not already found.
        let sharp = FinderPatternLocator.locate(in: working)
        let soft = FinderPatternLocator.locate(in: working, swing: FinderPatternLocator.minimumSwing(image, blur: maximumBlur),
                                               diagonals: false)
        let found = sharp + soft.filter { candidate in
            !sharp.contains { $0.centre.distance(to: candidate.centre) < 3.5 * max($0.runModule, candidate.runModule) }
        }
        let k = 1 / Double(upscale)
        return found.map { FinderPattern(centre: $0.centre * k, runModule: $0.runModule * k, hits: $0.hits) }
    }

    /// A grid fitted for one arrangement and version that the centre-sample readouts did not read.
    struct Unread {
        var homography: Homography
        var geometry: SymbolGeometry
        /// The module centres sampled through `homography`.
        var grid: ModuleGrid
        /// The finders' measured blur in modules (``DefocusModel``), if it could be measured.
        var blur: Double?
        /// How well row 6 and column 6 of the grid alternate as timing patterns do (the worse of the
        /// two; 1 perfectly, about 0 for data): a wrong version's grid drifts off the alternation
        /// within a few modules, the right one keeps it from finder to finder.
        var timing: Double
    }

    /// How many unread grids the model readout is spent on, best timing first: it costs tens of
    /// zbar passes' time, and the right version's grid is almost always the first.
    static let modelledGrids = 2

    /// How many grids get the centre-sample readouts (four zbar passes each), best timing first:
    /// the right grid of a symbol they can read shows its timing patterns plainly.
    static let sampledGrids = 4

    func read(_ image: GreyImage, finders: [FinderPattern], deadline: Double, attempts: inout Int) -> DecodedSymbol? {
        var candidates: [(arrangement: FinderArrangement, version: Int)] = []
        for arrangement in FinderArrangement.triples(finders) {
            candidates += versions(for: arrangement, in: image).map { (arrangement, $0) }
        }
        // A finder hidden (stamp, fold): infer the third corner from two and the timing patterns.
        candidates += MissingFinder.hypotheses(finders, in: image).map { ($0.arrangement, $0.version) }
        return read(image, candidates: candidates, deadline: deadline, attempts: &attempts)
    }

    /// The symbol whose finders the run search did not find, placed from its outline
    /// (``SymbolOutline``): modules of a pixel or so, softened.
    func readByOutline(_ image: GreyImage, deadline: Double, attempts: inout Int) -> DecodedSymbol? {
        guard let corners = SymbolOutline.corners(in: image) else { return nil }
        let candidates = SymbolOutline.arrangements(corners, in: image)
        return read(image, candidates: candidates, deadline: deadline, attempts: &attempts)
    }

    /// Fits a grid for each arrangement and version, then reads the grids whose timing patterns
    /// show best: centre samples first, then the pixel model on the grids it explains best.
    func read(_ image: GreyImage, candidates: [(arrangement: FinderArrangement, version: Int)], deadline: Double,
              attempts: inout Int) -> DecodedSymbol? {
        var grids: [Unread] = []
        for candidate in candidates {
            guard ThreadCPUClock.now() < deadline else { return nil }
            if let grid = fit(image, arrangement: candidate.arrangement, version: candidate.version) { grids.append(grid) }
        }
        // Stable: among equal timings, the arrangement and version order above.
        let unread = grids.enumerated().sorted { ($0.element.timing, -$0.offset) > ($1.element.timing, -$1.offset) }.map(\.element)
        for grid in unread.prefix(Self.sampledGrids) {
            guard ThreadCPUClock.now() < deadline else { return nil }
            if let symbol = readCentres(image, grid, attempts: &attempts) { return symbol }
        }
        // Each grid placed by its function patterns alone; the grids they explain best are read.
        var placed: [(grid: Unread, explained: Double)] = []
        for var grid in unread {
            guard ThreadCPUClock.now() < deadline else { break }
            let footprint = Self.footprint(blur: grid.blur)
            let pixels = PixelModel.pixels(in: image, homography: grid.homography, geometry: grid.geometry,
                                           stride: Self.pixelStride(grid.homography, grid.geometry), functionOnly: true)
            guard let fit = GridRefiner.refine(image, pixels: pixels, homography: grid.homography, geometry: grid.geometry,
                                               footprint: footprint, darkness: PixelModel.knownDarkness(grid.geometry),
                                               iterations: 3)
            else { continue }
            grid.homography = fit.homography
            placed.append((grid, fit.explained))
        }
        for (grid, _) in placed.sorted(by: { $0.explained > $1.explained }).prefix(Self.modelledGrids) {
            if let symbol = readByPixelModel(image, homography: grid.homography, geometry: grid.geometry, blur: grid.blur,
                                             deadline: deadline, attempts: &attempts) {
                return symbol
            }
        }
        return nil
    }

    /// A module's footprint in modules: its own square (variance 1/12 a side) spread by the blur
    /// measured on the finders; half a module when they gave no measure (the middle of what they
    /// can show). The finder search admits no more blur than 0.7 module (see
    /// ``finders(in:upscale:)``): a larger measure is a grid not yet placed, not blur.
    static func footprint(blur: Double?) -> Double {
        let sigma = min(blur ?? 0.5, maximumBlur)
        return (1.0 / 12 + sigma * sigma).squareRoot()
    }

    /// The largest blur (σ in modules) whose finders the search still finds.
    static let maximumBlur = 0.7

    /// Two pixels or so a module carry what there is to read; more only cost time.
    static func pixelStride(_ homography: Homography, _ geometry: SymbolGeometry) -> Int {
        let n = Double(geometry.dimension)
        let module = homography.apply(PlanePoint(x: 0, y: 0)).distance(to: homography.apply(PlanePoint(x: n, y: 0))) / n
        return max(1, Int(module / 1.5))
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

    /// The grid fitted for `arrangement` at `version` (finders, then alignment patterns).
    func fit(_ image: GreyImage, arrangement: FinderArrangement, version: Int) -> Unread? {
        guard let geometry = SymbolGeometry(version: version),
              let fit = GridFitter(image: image, geometry: geometry).fit(finders: arrangement.points, outerCorner: arrangement.outerCorner)
        else { return nil }
        let grid = ModuleGrid(image: image, homography: fit.homography, geometry: geometry)
        return Unread(homography: fit.homography, geometry: geometry, grid: grid, blur: DefocusModel.measure(grid)?.sigma,
                      timing: grid.timingScore)
    }

    /// The centre-sample readouts on one grid, cheapest first.
    func readCentres(_ image: GreyImage, _ unread: Unread, attempts: inout Int) -> DecodedSymbol? {
        let grid = unread.grid, geometry = unread.geometry
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
                let shifted = ModuleGrid(image: image, homography: unread.homography, geometry: geometry,
                                         offset: PlanePoint(x: 0.12, y: 0.12))
                dark = shifted.darkByLocalMean(radius: 4, bias: 0)
            }
            if let symbol = decode(grid.redraw(dark), homography: unread.homography, geometry: geometry, attempts: &attempts) {
                return symbol
            }
        }
        return nil
    }

    /// The model readout (``PixelModel``) with the grid refined between readings
    /// (``GridRefiner``): for modules so small or so blurred that no centre sample separates them.
    /// `homography` must already be placed by the function patterns (to a fraction of a module).
    /// `blur` is the finders' measured spread in modules (``DefocusModel``).
    func readByPixelModel(_ image: GreyImage, homography: Homography, geometry: SymbolGeometry, blur: Double?,
                          deadline: Double, attempts: inout Int) -> DecodedSymbol? {
        let footprint = Self.footprint(blur: blur)
        let pixels = PixelModel.pixels(in: image, homography: homography, geometry: geometry,
                                       stride: Self.pixelStride(homography, geometry))
        var map = homography
        for round in 0..<3 {
            guard ThreadCPUClock.now() < deadline,
                  let model = PixelModel(image: image, pixels: pixels, homography: map, geometry: geometry, footprint: footprint),
                  let darkness = model.solve()
            else { return nil }
            if let symbol = decode(ModuleGrid.redraw(darkness.map { $0 > 0.5 }, geometry: geometry), homography: map,
                                   geometry: geometry, attempts: &attempts) {
                return symbol
            }
            guard round < 2, ThreadCPUClock.now() < deadline,
                  let refined = GridRefiner.refine(image, pixels: pixels, homography: map, geometry: geometry,
                                                   footprint: footprint, darkness: darkness.map { min(1, max(0, $0)) })
            else { return nil }
            map = refined.homography
        }
        return nil
    }

    /// zbar on a redrawn symbol; the symbol's corners placed in the image through `homography`.
    private func decode(_ redrawn: GreyImage, homography: Homography, geometry: SymbolGeometry, attempts: inout Int) -> DecodedSymbol? {
        attempts += 1
        guard let symbol = QRDecoder.decode(redrawn).first else { return nil }
        let n = Double(geometry.dimension)
        let corners = [PlanePoint(x: 0, y: 0), PlanePoint(x: n, y: 0), PlanePoint(x: n, y: n), PlanePoint(x: 0, y: n)]
            .map { homography.apply($0) }
        var located = symbol
        located.points = corners.map { (x: Int($0.x.rounded()), y: Int($0.y.rounded())) }
        return located
    }
}
