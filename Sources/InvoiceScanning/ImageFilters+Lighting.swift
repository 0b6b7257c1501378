public import EInvoiceBasics

extension ImageFilters {
    /// Divides each pixel by the paper's brightness around it, so a shadow across the symbol (a
    /// hand or a phone over the page) no longer splits it into a bright half and a dark half that
    /// no single threshold separates: paper comes out white on both sides, modules dark on both.
    ///
    /// The paper's brightness is the lightest pixel of each `block` × `block` tile, then the
    /// lightest of each tile's 3 × 3 neighbourhood (so a tile inside a finder's black centre still
    /// sees paper), interpolated bilinearly between tile centres: smooth, in one pass over the pixels.
    /// `block` should span a module or two: ``QRRegionFinder`` uses 6 px on its 1 000-px page.
    public static func flattenLighting(_ image: GreyImage, block: Int) -> GreyImage {
        let width = image.width, height = image.height
        let block = max(2, block)
        let columns = (width + block - 1) / block, rows = (height + block - 1) / block
        guard columns >= 2, rows >= 2 else { return image }
        var tileMax = [Int](repeating: 0, count: columns * rows)
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<height {
                let tileRow = (y / block) * columns
                for x in 0..<width {
                    let tile = tileRow + x / block
                    tileMax[tile] = max(tileMax[tile], Int(pixels[y * width + x]))
                }
            }
        }
        // The lightest of each tile's neighbourhood, floored so a black page edge does not blow up noise.
        var paper = [Int](repeating: 0, count: columns * rows)
        for row in 0..<rows {
            for column in 0..<columns {
                var lightest = 0
                for r in max(0, row - 1)...min(rows - 1, row + 1) {
                    for c in max(0, column - 1)...min(columns - 1, column + 1) { lightest = max(lightest, tileMax[r * columns + c]) }
                }
                paper[row * columns + column] = max(lightest, 24)
            }
        }
        var out = [UInt8](repeating: 255, count: width * height)
        image.pixels.withUnsafeBufferPointer { pixels in
            out.withUnsafeMutableBufferPointer { target in
                for y in 0..<height {
                    // Position between tile centres, in 1/256 of a tile.
                    let fy = max(0, min((rows - 1) * 256, ((2 * y + 1 - block) * 128) / block))
                    let r0 = fy >> 8, r1 = min(rows - 1, r0 + 1), wy = fy & 255
                    for x in 0..<width {
                        let fx = max(0, min((columns - 1) * 256, ((2 * x + 1 - block) * 128) / block))
                        let c0 = fx >> 8, c1 = min(columns - 1, c0 + 1), wx = fx & 255
                        let top = paper[r0 * columns + c0] * (256 - wx) + paper[r0 * columns + c1] * wx
                        let bottom = paper[r1 * columns + c0] * (256 - wx) + paper[r1 * columns + c1] * wx
                        let level = max(1, (top * (256 - wy) + bottom * wy) >> 16)
                        target[y * width + x] = UInt8(min(255, Int(pixels[y * width + x]) * 255 / level))
                    }
                }
            }
        }
        return GreyImage(width: width, height: height, pixels: out)
    }
}
