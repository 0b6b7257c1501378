import Foundation
public import EInvoiceBasics
public import PrintedText

/// What is done to a page image before Tesseract sees it, for the two ways paper reaches a
/// camera or scanner badly: turned (sideways, upside down, leaning) and unevenly lit or faint.
/// A clean, upright scan passes through untouched.
public enum PagePreparation {
    /// The image turned upright (by `-orientation.angle`, bilinear) on a white canvas that holds
    /// all of it, and the map from a point of the original image to the turned one.
    public static func turned(_ image: GreyImage, _ orientation: PageOrientation)
        -> (image: GreyImage, map: @Sendable (Double, Double) -> (x: Double, y: Double))
    {
        guard orientation.needsTurning else { return (image, { (x: $0, y: $1) }) }
        let c = cos(orientation.angle), s = sin(orientation.angle)
        let w = Double(image.width), h = Double(image.height)
        let newWidth = Int((abs(w * c) + abs(h * s)).rounded()), newHeight = Int((abs(w * s) + abs(h * c)).rounded())
        let cx = w / 2, cy = h / 2, ncx = Double(newWidth) / 2, ncy = Double(newHeight) / 2
        var out = [UInt8](repeating: 255, count: newWidth * newHeight)
        let width = image.width, height = image.height
        image.pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for y in 0..<newHeight {
                    // Pixel centres: a quarter turn then lands every sample on a source pixel exactly.
                    let dy = Double(y) + 0.5 - ncy
                    for x in 0..<newWidth {
                        let dx = Double(x) + 0.5 - ncx
                        // Rounded to a millionth so that exact quarter turns do not blend neighbours.
                        let sx = ((c * dx - s * dy + cx - 0.5) * 1e6).rounded() / 1e6
                        let sy = ((s * dx + c * dy + cy - 0.5) * 1e6).rounded() / 1e6
                        let x0 = Int(sx.rounded(.down)), y0 = Int(sy.rounded(.down))
                        guard x0 >= 0, y0 >= 0, x0 < width, y0 < height else { continue }
                        let x1 = min(x0 + 1, width - 1), y1 = min(y0 + 1, height - 1)
                        let fx = Int((sx - Double(x0)) * 256), fy = Int((sy - Double(y0)) * 256)
                        let top = Int(source[y0 * width + x0]) * (256 - fx) + Int(source[y0 * width + x1]) * fx
                        let bottom = Int(source[y1 * width + x0]) * (256 - fx) + Int(source[y1 * width + x1]) * fx
                        target[y * newWidth + x] = UInt8((top * (256 - fy) + bottom * fy + 32768) >> 16)
                    }
                }
            }
        }
        let map: @Sendable (Double, Double) -> (x: Double, y: Double) = { x, y in
            let dx = x - cx, dy = y - cy
            return (x: c * dx + s * dy + ncx, y: -s * dx + c * dy + ncy)
        }
        return (GreyImage(width: newWidth, height: newHeight, pixels: out), map)
    }

    /// A box of the original image as the level box around it in the turned one.
    public static func mapped(_ box: WordBox, _ map: (Double, Double) -> (x: Double, y: Double)) -> WordBox {
        let corners = [map(box.minX, box.minY), map(box.maxX, box.minY), map(box.maxX, box.maxY), map(box.minX, box.maxY)]
        return WordBox(minX: corners.map(\.x).min() ?? 0, minY: corners.map(\.y).min() ?? 0,
                       maxX: corners.map(\.x).max() ?? 0, maxY: corners.map(\.y).max() ?? 0)
    }

    /// The page with its paper made white and its ink black again, when the light on it was
    /// uneven (a phone photo's shading) or its contrast poor (grey paper, faint print); `nil` when
    /// the page is already even, so clean scans and rendered pages reach Tesseract unchanged.
    ///
    /// The paper's brightness is estimated in blocks of about a fiftieth of the page (each block's
    /// 90th percentile: paper outnumbers ink in all but the densest print), spread into blocks of
    /// solid ink by a maximum over neighbours, smoothed, and divided out; the darkest ink left is
    /// then stretched to black. Tesseract binarises the page with one global threshold (Otsu),
    /// which a shaded photo or a 50-level contrast defeats.
    public static func evenedLight(_ image: GreyImage) -> GreyImage? {
        let width = image.width, height = image.height
        guard width >= 64, height >= 64 else { return nil }
        let block = max(8, min(width, height) / 48)
        let columns = (width + block - 1) / block, rows = (height + block - 1) / block
        var paper = [Double](repeating: 255, count: columns * rows)
        var histogram = [Int](repeating: 0, count: 256)
        var page = [Int](repeating: 0, count: 256)
        image.pixels.withUnsafeBufferPointer { pixels in
            for row in 0..<rows {
                for column in 0..<columns {
                    for i in 0..<256 { histogram[i] = 0 }
                    let x0 = column * block, x1 = min(width, x0 + block), y0 = row * block, y1 = min(height, y0 + block)
                    for y in y0..<y1 { for x in x0..<x1 { histogram[Int(pixels[y * width + x])] += 1 } }
                    for i in 0..<256 { page[i] += histogram[i] }
                    paper[row * columns + column] = Double(percentile(histogram, 0.9, of: (x1 - x0) * (y1 - y0)))
                }
            }
        }
        let spread = smoothed(maximum(paper, columns: columns, rows: rows), columns: columns, rows: rows)
        let brightest = spread.max() ?? 255, dullest = spread.min() ?? 255
        let ink = Double(percentile(page, 0.01, of: width * height))
        // Even, white paper with dark ink: Tesseract's threshold does well, leave the page alone.
        guard brightest - dullest > 32 || dullest < 200 || dullest - ink < 130 else { return nil }
        // The ink's level relative to its paper, to stretch to black: the 1st percentile of the ratios.
        var ratios = [Int](repeating: 0, count: 256)
        // The paper's brightness between block centres, bilinear: columns' blocks and weights once, then row by row.
        let place = { (position: Int, count: Int) -> (Int, Int, Double) in
            let g = max(0, min(Double(count - 1), (Double(position) + 0.5) / Double(block) - 0.5))
            return (Int(g), min(count - 1, Int(g) + 1), g - Double(Int(g)))
        }
        let across = (0..<width).map { place($0, columns) }
        var levelled = [UInt8](repeating: 255, count: width * height)
        var gridRow = [Double](repeating: 255, count: columns)
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<height {
                let (r0, r1, fy) = place(y, rows)
                for c in 0..<columns { gridRow[c] = spread[r0 * columns + c] * (1 - fy) + spread[r1 * columns + c] * fy }
                for x in 0..<width {
                    let (c0, c1, fx) = across[x]
                    let background = max(1, gridRow[c0] * (1 - fx) + gridRow[c1] * fx)
                    let value = min(255, Double(pixels[y * width + x]) * 255 / background)
                    levelled[y * width + x] = UInt8(value)
                    ratios[Int(value)] += 1
                }
            }
        }
        let darkest = Double(min(200, percentile(ratios, 0.01, of: width * height)))
        let scale = 255 / (255 - darkest)
        var out = [UInt8](repeating: 255, count: width * height)
        levelled.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for i in 0..<(width * height) {
                    target[i] = UInt8(max(0, min(255, (Double(source[i]) - darkest) * scale)))
                }
            }
        }
        return GreyImage(width: width, height: height, pixels: out)
    }

    /// The grey level below which `fraction` of `count` pixels lie.
    static func percentile(_ histogram: [Int], _ fraction: Double, of count: Int) -> Int {
        let wanted = Int(Double(count) * fraction)
        var seen = 0
        for (level, number) in histogram.enumerated() {
            seen += number
            if seen > wanted { return level }
        }
        return histogram.count - 1
    }

    /// Each block as the brightest of itself and its eight neighbours.
    static func maximum(_ grid: [Double], columns: Int, rows: Int) -> [Double] {
        neighbourhood(grid, columns: columns, rows: rows) { $0.max() ?? 255 }
    }

    /// Each block as the mean of itself and its eight neighbours.
    static func smoothed(_ grid: [Double], columns: Int, rows: Int) -> [Double] {
        neighbourhood(grid, columns: columns, rows: rows) { $0.reduce(0, +) / Double($0.count) }
    }

    private static func neighbourhood(_ grid: [Double], columns: Int, rows: Int, _ combine: ([Double]) -> Double) -> [Double] {
        var out = grid
        for row in 0..<rows {
            for column in 0..<columns {
                var values: [Double] = []
                for r in max(0, row - 1)...min(rows - 1, row + 1) {
                    for c in max(0, column - 1)...min(columns - 1, column + 1) { values.append(grid[r * columns + c]) }
                }
                out[row * columns + column] = combine(values)
            }
        }
        return out
    }
}
