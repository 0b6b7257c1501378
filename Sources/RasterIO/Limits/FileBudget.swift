import EInvoiceBasics
import Foundation

/// Something the loader did not read, said in words: pages past a budget, an embedded image over
/// the size limit, a page whose drawing is built to stall readers.
public struct RasterNote: Sendable, Hashable, Codable {
    /// The 1-based pages the note is about (`nil` for the whole file).
    public var pages: ClosedRange<Int>?
    public var message: String

    public init(pages: ClosedRange<Int>?, message: String) {
        self.pages = pages
        self.message = message
    }

    /// "pages 51–55", "page 3" or "".
    public var label: String {
        guard let pages else { return "" }
        return pages.count == 1 ? "page \(pages.lowerBound)" : "pages \(pages.lowerBound)–\(pages.upperBound)"
    }
}

/// What one file may still spend: pixels, pages and time. One per file, shared by every image
/// and page in it, so that many images each under the per-image limit cannot add up to gigabytes.
struct FileBudget {
    let limits: RasterLimits
    let deadline: ContinuousClock.Instant
    private(set) var pixelsSpent = 0

    init(limits: RasterLimits, start: ContinuousClock.Instant = .now) {
        self.limits = limits
        self.deadline = start.advanced(by: .milliseconds(Int(limits.maxSeconds * 1000)))
    }

    var isOverTime: Bool { ContinuousClock.now >= deadline }

    /// Why an image may not be decoded now, and whether that ends the file.
    struct Refusal {
        var message: String
        /// Budget or time spent: no later page can be read either.
        var endsFile: Bool
    }

    /// Charges an image of `size` to the budget, or says why it may not be decoded (`what` names it).
    mutating func admit(_ size: ImageHeader.Size, what: String) -> Refusal? {
        if size.pixels > limits.maxPixels || size.pixels <= 0 {
            return Refusal(message: "not read: \(what) is \(size.width)×\(size.height) pixels, over the "
                + "\(ImageLimits.megapixels(limits.maxPixels)) limit for one image (--max-image-megapixels)", endsFile: false)
        }
        if size.pixels > limits.maxFilePixels - pixelsSpent { return Refusal(message: budgetSpent, endsFile: true) }
        if isOverTime { return Refusal(message: timeSpent, endsFile: true) }
        pixelsSpent += size.pixels
        return nil
    }

    var budgetSpent: String {
        "not read: the file's budget of \(ImageLimits.megapixels(limits.maxFilePixels)) decoded is spent (--max-file-megapixels)"
    }

    var timeSpent: String {
        "not read: the file's time budget of \(Self.seconds(limits.maxSeconds)) is spent (--max-seconds)"
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}

/// Which pages of a multi-page file are read, and the notes for those that are not; runs of
/// pages refused for the same reason share one note.
struct PagePlan {
    let pageCount: Int
    let limits: RasterLimits
    private(set) var admitted: [Int] = []
    var notes: [RasterNote] = []

    init(pageCount: Int, limits: RasterLimits) {
        self.pageCount = pageCount
        self.limits = limits
        if pageCount > limits.maxPages {
            notes.append(RasterNote(pages: (limits.maxPages + 1)...pageCount,
                                    message: "not read: the file has \(pageCount) pages and \(limits.maxPages) are read (--max-pages)"))
        }
    }

    /// Records page `index` (0-based) as admitted, or its refusal; `false` when no later page can be read.
    mutating func admit(_ index: Int, _ refusal: FileBudget.Refusal?) -> Bool {
        guard let refusal else {
            admitted.append(index)
            return true
        }
        let last = refusal.endsFile ? min(pageCount, limits.maxPages) : index + 1
        notes.append(RasterNote(pages: (index + 1)...last, message: refusal.message))
        return !refusal.endsFile
    }
}
