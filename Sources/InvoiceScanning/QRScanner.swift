public import EInvoiceBasics
import Foundation
public import QRCodec

/// Reads every QR on a page through a cascade of clean-ups that stops at the first read, so a
/// clean page costs one or two zbar passes and a hard one gets the whole repertoire.
///
/// Order: likely QR regions cropped from the page; one plain zbar look at each; regions without a
/// finder pattern given up; on the rest, the other rescalings, the geometric sampler, then the
/// filters (contrast, thresholds, sharpening, de-noising, inversion, rotation), each group in the
/// order measured on the corpus (``MeasuredStepOrder``); then the whole page at reduced scales.
/// The first read of the signed QR ends the search. Positions are reported in the page's pixels.
public struct QRScanner: Sendable {
    /// CPU seconds (this thread's, see ``ThreadCPUClock``) a page may take before the cascade gives
    /// up on hostile or hopeless images; the same on an idle and a busy machine.
    public var timeBudget: Double

    /// 1 CPU second a page, measured on release builds (`docs/scan-decode-rates.md`). A debug build
    /// (the test suite's) does the same work several times slower and would give up on pages a
    /// release build reads, at random near the edge; it gets 5 s, so both read the same pages.
    public static let defaultTimeBudget: Double = {
        #if DEBUG
        5.0
        #else
        1.0
        #endif
    }()

    public init(timeBudget: Double = QRScanner.defaultTimeBudget) { self.timeBudget = timeBudget }

    /// One way of looking at an image before handing it to zbar.
    struct Step: Sendable {
        let name: String
        let transform: @Sendable (GreyImage) -> GreyImage
    }

    /// The cascade for a crop that probably holds one QR, cheapest and likeliest first.
    static let regionSteps: [Step] = {
        func scaled(_ factor: Double) -> Step {
            Step(name: "scale \(factor)") { factor == 1 ? $0 : $0.resized(by: factor) }
        }
        return [
            scaled(1), scaled(0.5), scaled(0.75), scaled(1.5),
            Step(name: "deskew") { Self.deskewed($0) },
            Step(name: "unsharp") { ImageFilters.unsharp($0, radius: 4, amount: 1.5) },
            Step(name: "threshold") { Self.threshold($0, offset: 4) },
            Step(name: "median 0.5") { ImageFilters.median($0).resized(by: 0.5) },
            Step(name: "unsharp 0.75 threshold") { Self.threshold(ImageFilters.unsharp($0.resized(by: 0.75), radius: 3, amount: 1.5), offset: 2) },
            Step(name: "deskew threshold") { Self.threshold(Self.deskewed($0), offset: 4) },
            Step(name: "contrast") { ImageFilters.normalizeContrast($0) },
            Step(name: "sharpen") { ImageFilters.sharpen($0) },
            Step(name: "strong sharpen threshold") { Self.threshold(ImageFilters.strongSharpen($0), offset: 2) },
            Step(name: "threshold 0.5") { Self.threshold($0.resized(by: 0.5), offset: 2) },
            Step(name: "deskew sharpen threshold") { Self.threshold(ImageFilters.strongSharpen(Self.deskewed($0)), offset: 2) },
            Step(name: "deskew unsharp") { ImageFilters.unsharp(Self.deskewed($0), radius: 4, amount: 1.5) },
            Step(name: "unsharp 1.25 threshold") { Self.threshold(ImageFilters.unsharp($0.resized(by: 1.25), radius: 5, amount: 1.5), offset: 2) },
            Step(name: "deskew 0.5") { Self.deskewed($0).resized(by: 0.5) },
            scaled(0.62), scaled(2),
            Step(name: "threshold 1.5") { Self.threshold($0.resized(by: 1.5), offset: 4) },
            Step(name: "invert") { ImageFilters.invert($0) },
            Step(name: "rotate 45") { ImageFilters.rotate($0, degrees: 45) },
        ]
    }()

    static func threshold(_ image: GreyImage, offset: Int) -> GreyImage {
        ImageFilters.adaptiveThreshold(image, window: max(15, min(image.width, image.height) / 10), offset: offset)
    }

    /// Turns the crop so the QR's grid is upright (photos, skewed scans).
    static func deskewed(_ image: GreyImage) -> GreyImage {
        let angle = ImageFilters.gridAngle(image)
        guard abs(angle) >= 2 else { return image }
        // Turn one way, and check the grid came upright; if not, the other way.
        let turned = ImageFilters.rotate(image, degrees: angle)
        return abs(ImageFilters.gridAngle(turned)) < abs(angle) / 2 ? turned : ImageFilters.rotate(image, degrees: -angle)
    }

    /// The whole page, when no region yields a QR: downscaled passes only (a full-page filter is slow).
    static let pageSteps: [Step] = [
        Step(name: "page") { $0.width * $0.height > 4_000_000 ? $0.resized(by: 0.5) : $0 },
        Step(name: "page 0.75") { $0.resized(by: 0.75) },
        Step(name: "page 0.35") { $0.resized(by: 0.35) },
        Step(name: "page threshold 0.5") { ImageFilters.adaptiveThreshold($0.resized(by: 0.5), window: 41) },
        Step(name: "page 1") { $0 },
    ]

    public struct Result: Sendable {
        public var symbols: [DecodedSymbol]
        /// The step that read them (for diagnostics and the decode-rate table), or the last tried.
        public var step: String
        public var attempts: Int
    }

    public func scan(_ page: GreyImage) -> Result {
        let start = ThreadCPUClock.now()
        let deadline = start + timeBudget
        var attempts = 0
        var found: [DecodedSymbol] = []
        var step = "none"
        var crops = QRRegionFinder.candidates(in: page).map { region in
            (region, page.cropped(x: region.x, y: region.y, width: region.width, height: region.height))
        }
        let pageHadRegions = !crops.isEmpty
        // A signed IRP QR ends the search: it is what the page is scanned for (a UPI QR beside it
        // does not, so the signed one is still looked for).
        var done: Bool { found.contains { ScannedCode.classify($0.text) == .irp } }
        func unread(_ region: QRRegionFinder.Region) -> Bool {
            !found.contains { symbol in
                let box = symbol.bounds
                return box.x < region.x + region.width && region.x < box.x + box.width
                    && box.y < region.y + region.height && region.y < box.y + box.height
            }
        }
        func record(_ hit: (symbols: [DecodedSymbol], step: String, image: GreyImage), _ region: QRRegionFinder.Region,
                    _ crop: GreyImage) {
            step = hit.step
            found += hit.symbols.map { Self.offset($0, by: (crop.width, crop.height), transformed: hit.image, x: region.x, y: region.y) }
        }
        // 1. One plain zbar look at each likely region, the step with the most reads per
        // millisecond: clean pages end here, and a second QR beside the signed one (UPI) is read too.
        // A region that zbar did not read and that shows no finder pattern (text, a table, a logo)
        // is given up at once, so a page without a QR costs the region search and these looks.
        let cheap = Self.cheapSteps
        var evident: [Int] = []
        for (index, (region, crop)) in crops.enumerated() where unread(region) {
            if let hit = Self.firstRead(crop, steps: Array(cheap.prefix(1)), start: start, budget: timeBudget, attempts: &attempts) {
                record(hit, region, crop)
            } else if GeometricReader.hasFinderEvidence(crop) {
                evident.append(index)
            }
        }
        // The other rescalings, on the regions with finder patterns.
        for index in evident where unread(crops[index].0) {
            let (region, crop) = crops[index]
            if let hit = Self.firstRead(crop, steps: Array(cheap.dropFirst()), start: start, budget: timeBudget, attempts: &attempts) {
                record(hit, region, crop)
            }
        }
        // A shadow across the page can split a QR's region or hide it: the regions found with the
        // lighting flattened that are new get the two likeliest rescalings, before the geometric
        // reader spends the budget on half a symbol (only on pages no rescaling has read). A
        // flattened noisy photo can look busy all over: regions over a quarter of the page (or,
        // beside regions found plainly, twice the largest) are not QRs and would cost the budget.
        if !done {
            let twiceLargest = crops.map { $0.0.width * $0.0.height }.max().map { 2 * $0 } ?? Int.max
            let plausible = min(page.width * page.height / 4, twiceLargest)
            for region in QRRegionFinder.candidates(in: page, flatteningLight: true)
            where !done && region.width * region.height <= plausible
                && !crops.contains(where: { QRRegionFinder.overlap($0.0, region, ofLarger: true) > 0.8 }) {
                let crop = page.cropped(x: region.x, y: region.y, width: region.width, height: region.height)
                crops.append((region, crop))
                if let hit = Self.firstRead(crop, steps: Array(cheap.prefix(2)), start: start, budget: timeBudget, attempts: &attempts) {
                    record(hit, region, crop)
                }
            }
        }
        // 2. The geometric reader on each region still unread: finds the finders, fits the grid, redraws.
        var withFinders: [Int] = []
        for index in evident where !done && unread(crops[index].0) {
            let (region, crop) = crops[index]
            let read = GeometricReader().read(crop, deadline: deadline)
            attempts += read.attempts
            if read.sawFinders { withFinders.append(index) }
            guard !read.symbols.isEmpty else { continue }
            step = GeometricReader.stepName
            found += read.symbols.map { symbol in
                var copy = symbol
                copy.points = symbol.points.map { (x: $0.x + region.x, y: $0.y + region.y) }
                return copy
            }
        }
        // 3. The filter repertoire, only on regions that show finder patterns (text does not).
        let steps = Self.filterSteps
        for index in withFinders where !done && unread(crops[index].0) {
            let (region, crop) = crops[index]
            if let hit = Self.firstRead(crop, steps: steps, start: start, budget: timeBudget, attempts: &attempts) {
                record(hit, region, crop)
            }
        }
        // 4. The whole page, when no region was found at all but the page shows finder patterns.
        if found.isEmpty, !pageHadRegions, GeometricReader.pageHasFinders(page),
           let hit = Self.firstRead(page, steps: Self.pageSteps, start: start, budget: timeBudget * 1.5, attempts: &attempts) {
            step = hit.step
            found = hit.symbols.map { Self.offset($0, by: (page.width, page.height), transformed: hit.image, x: 0, y: 0) }
        }
        // The same symbol read from two overlapping regions is one symbol.
        var unique: [DecodedSymbol] = []
        for symbol in found where !unique.contains(where: { $0.text == symbol.text && Self.overlaps($0, symbol) }) {
            unique.append(symbol)
        }
        return Result(symbols: unique, step: step, attempts: attempts)
    }

    /// How many of ``regionSteps`` are plain rescalings, tried on every region before any filter.
    static let cheapStepCount = 4

    /// The plain rescalings, then the filters, each group in the order of ``MeasuredStepOrder``
    /// (reads per CPU millisecond on the development corpus); steps it does not list keep their
    /// place after those it does.
    static let cheapSteps = MeasuredStepOrder.ordered(Array(regionSteps.prefix(cheapStepCount)))
    static let filterSteps = MeasuredStepOrder.ordered(Array(regionSteps.dropFirst(cheapStepCount)))

    private static func firstRead(_ image: GreyImage, steps: [Step], start: Double, budget: Double, attempts: inout Int)
        -> (symbols: [DecodedSymbol], step: String, image: GreyImage)?
    {
        for step in steps {
            guard ThreadCPUClock.now() - start < budget else { return nil }
            let candidate = step.transform(image)
            attempts += 1
            let symbols = QRDecoder.decode(candidate)
            if !symbols.isEmpty { return (symbols, step.name, candidate) }
        }
        return nil
    }

    /// Maps corner points from a transformed crop back to page pixels (scale only; rotated
    /// steps report the crop's box instead of corners).
    private static func offset(_ symbol: DecodedSymbol, by size: (Int, Int), transformed: GreyImage, x: Int, y: Int) -> DecodedSymbol {
        var copy = symbol
        let sameShape = abs(Double(transformed.width) / Double(size.0) - Double(transformed.height) / Double(size.1)) < 0.02
        if sameShape {
            let factor = Double(size.0) / Double(transformed.width)
            copy.points = symbol.points.map { (x: x + Int(Double($0.x) * factor), y: y + Int(Double($0.y) * factor)) }
        } else {
            copy.points = [(x, y), (x + size.0, y), (x + size.0, y + size.1), (x, y + size.1)]
        }
        return copy
    }

    private static func overlaps(_ a: DecodedSymbol, _ b: DecodedSymbol) -> Bool {
        let ba = a.bounds, bb = b.bounds
        return ba.x < bb.x + bb.width && bb.x < ba.x + ba.width && ba.y < bb.y + bb.height && bb.y < ba.y + ba.height
    }
}
