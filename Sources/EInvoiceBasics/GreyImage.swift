/// An 8-bit greyscale image, row-major, as decoders take it.
public struct GreyImage: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "a grey image has width × height pixels")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The part inside `x, y, width, height` (clipped to the image).
    public func cropped(x: Int, y: Int, width: Int, height: Int) -> GreyImage {
        let x0 = max(0, min(x, self.width)), y0 = max(0, min(y, self.height))
        let x1 = max(x0, min(x + width, self.width)), y1 = max(y0, min(y + height, self.height))
        var out = [UInt8]()
        out.reserveCapacity((x1 - x0) * (y1 - y0))
        for row in y0..<y1 { out += pixels[(row * self.width + x0)..<(row * self.width + x1)] }
        return GreyImage(width: x1 - x0, height: y1 - y0, pixels: out)
    }

    /// Resampled by `factor` (bilinear in 8-bit fixed point; box-averaged first when shrinking by
    /// 2 or more), so that a dense QR lands on a module size the decoder reads (DOMAIN.md §8).
    public func resized(by factor: Double) -> GreyImage {
        let newWidth = max(1, Int((Double(width) * factor).rounded()))
        let newHeight = max(1, Int((Double(height) * factor).rounded()))
        if factor <= 0.5 {
            let step = Int((1 / factor).rounded(.down))
            return boxDownsampled(step).resized(by: factor * Double(step))
        }
        return resized(width: newWidth, height: newHeight)
    }

    /// Resampled to `newWidth` × `newHeight` (bilinear in 8-bit fixed point): also the stretch that
    /// makes a fax's 204 × 98 DPI pixels square. Meant for enlarging or shrinking by less than 2;
    /// ``resized(by:)`` box-averages first for more.
    public func resized(width newWidth: Int, height newHeight: Int) -> GreyImage {
        // Same size: the bilinear pass would copy every pixel (weights 0), so the copy is skipped.
        guard newWidth != width || newHeight != height else { return self }
        var out = [UInt8](repeating: 255, count: newWidth * newHeight)
        let scaleX = Double(width) / Double(newWidth), scaleY = Double(height) / Double(newHeight)
        let height = height, width = width
        // Source column pairs and weights (0…256) are the same for every row: compute them once.
        let taps = (0..<newWidth).map { x -> (left: Int, right: Int, weight: Int) in
            let sx = max(0, (Double(x) + 0.5) * scaleX - 0.5)
            let left = min(Int(sx), width - 1)
            return (left, min(left + 1, width - 1), Int((sx - Double(left)) * 256))
        }
        // Unchecked buffers: this runs over every pixel of every crop searched twice upscaled.
        pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                taps.withUnsafeBufferPointer { taps in
                    for y in 0..<newHeight {
                        let sy = max(0, (Double(y) + 0.5) * scaleY - 0.5)
                        let y0 = min(Int(sy), height - 1), y1 = min(y0 + 1, height - 1)
                        let fy = Int((sy - Double(y0)) * 256)
                        let row0 = y0 * width, row1 = y1 * width, outRow = y * newWidth
                        for x in 0..<newWidth {
                            let (a, b, fx) = taps[x]
                            let top = Int(source[row0 + a]) * (256 - fx) + Int(source[row0 + b]) * fx
                            let bottom = Int(source[row1 + a]) * (256 - fx) + Int(source[row1 + b]) * fx
                            target[outRow + x] = UInt8((top * (256 - fy) + bottom * fy + 32768) >> 16)
                        }
                    }
                }
            }
        }
        return GreyImage(width: newWidth, height: newHeight, pixels: out)
    }

    private func boxDownsampled(_ step: Int) -> GreyImage {
        guard step > 1 else { return self }
        let newWidth = max(1, width / step), newHeight = max(1, height / step)
        var out = [UInt8](repeating: 255, count: newWidth * newHeight)
        var sums = [Int](repeating: 0, count: newWidth)
        let area = step * step
        // Column by column within each source row (no division per pixel): a page is millions
        // of pixels, and this runs once per page scanned.
        pixels.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                sums.withUnsafeMutableBufferPointer { sums in
                    for y in 0..<newHeight {
                        for i in 0..<newWidth { sums[i] = 0 }
                        for dy in 0..<step {
                            var index = (y * step + dy) * width
                            for i in 0..<newWidth {
                                var sum = 0
                                for _ in 0..<step {
                                    sum += Int(source[index])
                                    index += 1
                                }
                                sums[i] += sum
                            }
                        }
                        for x in 0..<newWidth { target[y * newWidth + x] = UInt8(sums[x] / area) }
                    }
                }
            }
        }
        return GreyImage(width: newWidth, height: newHeight, pixels: out)
    }
}
