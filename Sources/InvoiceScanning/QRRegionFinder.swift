public import EInvoiceBasics

/// Finds where QR codes probably are on a page, cheaply, so the expensive reading steps run on
/// small crops instead of a whole 300-DPI page.
///
/// The page is shrunk to about 1 000 px; each 8×8 cell counts strong light/dark transitions across
/// and down. A QR is busy in both directions over a roughly square block; text is busy in lines,
/// blank paper not at all. Connected busy cells whose box is squarish and well filled are returned,
/// largest first, in the original image's pixels.
public enum QRRegionFinder {
    public struct Region: Sendable, Hashable {
        public var x: Int
        public var y: Int
        public var width: Int
        public var height: Int
    }

    /// - Parameter flatteningLight: look at the page with its lighting flattened
    ///   (``ImageFilters/flattenLighting(_:block:)``): under a shadow's edge a QR's transitions are
    ///   weaker than the page's ink-to-paper range, and the edge itself is one long transition.
    public static func candidates(in image: GreyImage, workingSize: Int = 1000, limit: Int = 6,
                                  flatteningLight: Bool = false) -> [Region] {
        let longest = max(image.width, image.height)
        let factor = min(1, Double(workingSize) / Double(longest))
        let shrunk = factor < 1 ? image.resized(by: factor) : image
        let small = flatteningLight ? ImageFilters.flattenLighting(shrunk, block: 6) : shrunk
        let cell = 8
        let columns = small.width / cell, rows = small.height / cell
        guard columns > 2, rows > 2 else { return [] }
        var busy = [Bool](repeating: false, count: columns * rows)
        // A strong transition is a fifth of the page's ink-to-paper range: faded thermal prints
        // and grey photos have far less contrast than laser prints.
        let strong = transitionThreshold(small)
        small.pixels.withUnsafeBufferPointer { p in
            for row in 0..<rows {
                for column in 0..<columns {
                    var across = 0, down = 0
                    for dy in 0..<cell {
                        let y = row * cell + dy
                        for dx in 0..<cell {
                            let x = column * cell + dx
                            let value = Int(p[y * small.width + x])
                            if x + 1 < small.width, abs(value - Int(p[y * small.width + x + 1])) > strong { across += 1 }
                            if y + 1 < small.height, abs(value - Int(p[(y + 1) * small.width + x])) > strong { down += 1 }
                        }
                    }
                    busy[row * columns + column] = min(across, down) >= 6
                }
            }
        }
        // Close small gaps (a blurred or faded module row) before grouping.
        var grown = busy
        for row in 1..<(rows - 1) {
            for column in 1..<(columns - 1) where !busy[row * columns + column] {
                let neighbours = [busy[(row - 1) * columns + column], busy[(row + 1) * columns + column],
                                  busy[row * columns + column - 1], busy[row * columns + column + 1]].filter { $0 }.count
                if neighbours >= 3 { grown[row * columns + column] = true }
            }
        }
        // An opening (erode, then dilate, 3×3) removes thin busy strips — lines of text that run
        // into a QR — so the QR's block stands alone; the unopened mask catches small QRs.
        let opened = dilate(erode(grown, columns: columns, rows: rows), columns: columns, rows: rows)
        var regions = components(opened, columns: columns, rows: rows, cell: cell, factor: factor, image: image)
        for extra in components(grown, columns: columns, rows: rows, cell: cell, factor: factor, image: image)
        where !regions.contains(where: { overlap($0.0, extra.0) > 0.5 }) {
            regions.append(extra)
        }
        return regions.sorted { $0.1 > $1.1 }.prefix(limit).map(\.0)
    }

    /// A fifth of the spread between the 2nd and 98th grey percentiles, between 12 and 48.
    static func transitionThreshold(_ image: GreyImage) -> Int {
        let (low, high) = ImageFilters.greyRange(image, trimmingEachEnd: 50)
        return max(12, min(48, (high - low) / 5))
    }

    private static func erode(_ mask: [Bool], columns: Int, rows: Int) -> [Bool] {
        var out = [Bool](repeating: false, count: mask.count)
        for row in 1..<(rows - 1) {
            for column in 1..<(columns - 1) {
                var all = true
                for dr in -1...1 where all {
                    for dc in -1...1 where !mask[(row + dr) * columns + column + dc] { all = false }
                }
                out[row * columns + column] = all
            }
        }
        return out
    }

    private static func dilate(_ mask: [Bool], columns: Int, rows: Int) -> [Bool] {
        var out = mask
        for row in 0..<rows {
            for column in 0..<columns where mask[row * columns + column] {
                for dr in -1...1 {
                    for dc in -1...1 {
                        let r = row + dr, c = column + dc
                        if r >= 0, r < rows, c >= 0, c < columns { out[r * columns + c] = true }
                    }
                }
            }
        }
        return out
    }

    /// Fraction of the smaller region (or, with `ofLarger`, of the larger) covered by their intersection.
    static func overlap(_ a: Region, _ b: Region, ofLarger: Bool = false) -> Double {
        let width = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
        let height = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
        guard width > 0, height > 0 else { return 0 }
        let areas = (a.width * a.height, b.width * b.height)
        return Double(width * height) / Double(ofLarger ? max(areas.0, areas.1) : min(areas.0, areas.1))
    }

    /// Squarish, well-filled connected groups of busy cells, as regions of the original image.
    private static func components(_ grown: [Bool], columns: Int, rows: Int, cell: Int, factor: Double,
                                   image: GreyImage) -> [(Region, Int)] {
        var seen = [Bool](repeating: false, count: columns * rows)
        var regions: [(Region, Int)] = []
        for start in 0..<(columns * rows) where grown[start] && !seen[start] {
            var stack = [start]
            seen[start] = true
            var minX = columns, minY = rows, maxX = 0, maxY = 0, count = 0
            while let index = stack.popLast() {
                let row = index / columns, column = index % columns
                count += 1
                minX = min(minX, column); maxX = max(maxX, column); minY = min(minY, row); maxY = max(maxY, row)
                for (dr, dc) in [(-1, 0), (1, 0), (0, -1), (0, 1)] {
                    let r = row + dr, c = column + dc
                    guard r >= 0, r < rows, c >= 0, c < columns else { continue }
                    let next = r * columns + c
                    if grown[next], !seen[next] {
                        seen[next] = true
                        stack.append(next)
                    }
                }
            }
            let boxWidth = maxX - minX + 1, boxHeight = maxY - minY + 1
            let aspect = Double(boxWidth) / Double(boxHeight)
            let fill = Double(count) / Double(boxWidth * boxHeight)
            guard boxWidth >= 3, boxHeight >= 3, (0.5...2).contains(aspect), fill >= 0.45 else { continue }
            // Back to original pixels, with a margin of a quarter of the box for the quiet zone.
            let scale = Double(cell) / factor
            let marginX = Double(boxWidth) * scale / 4, marginY = Double(boxHeight) * scale / 4
            let x = max(0, Int(Double(minX) * scale - marginX)), y = max(0, Int(Double(minY) * scale - marginY))
            let region = Region(x: x, y: y, width: min(image.width - x, Int(Double(boxWidth) * scale + 2 * marginX)),
                                height: min(image.height - y, Int(Double(boxHeight) * scale + 2 * marginY)))
            // QRs are square: rank squarish blocks above text-like ones of the same size.
            let squareness = min(aspect, 1 / aspect)
            regions.append((region, Int(Double(count) * squareness * squareness)))
        }
        return regions
    }
}
