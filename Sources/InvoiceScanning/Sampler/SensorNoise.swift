import EInvoiceBasics

/// How much independent per-pixel noise an image carries, and the image smoothed just enough for
/// the finder search and the module sampling to see through it.
///
/// A run of 1:1:3:1:1 is found by its edges, which must swing by a fifth of the ink-to-paper range
/// (``FinderPatternLocator/minimumSwing(_:blur:)``); sensor noise of a sixth of that range breaks
/// every run into specks, and a point sample at a module's centre is as likely wrong as right.
/// Averaging k × k pixels divides independent noise by k, so the least k that brings the noise
/// well under the swing is used: modules of a few pixels survive it, and a symbol whose modules
/// are smaller than the box could not be read through that noise anyway.
struct SensorNoise {
    /// Standard deviation of the pixel noise, in grey levels.
    let sigma: Double

    /// Estimated from the lower quartile of |3×3 second-difference| responses (Immerkær's kernel:
    /// 1 −2 1 / −2 4 −2 / 1 −2 1, which cancels every plane and so every flat or evenly shaded
    /// patch): most of a page or region is paper or the inside of a module, where the response
    /// is noise alone; edges only raise the upper quartiles. The kernel has gain 6 on
    /// independent noise, and a quarter of half-normal values lie under 0.3186 σ.
    init(_ image: GreyImage) {
        let width = image.width, height = image.height
        guard width > 4, height > 4 else { sigma = 0; return }
        var histogram = [Int](repeating: 0, count: 36 * 255 + 1)
        var count = 0
        image.pixels.withUnsafeBufferPointer { p in
            // Every other row and column: a quartile of a few tens of thousands of responses is plenty.
            for y in stride(from: 1, to: height - 1, by: 2) {
                for x in stride(from: 1, to: width - 1, by: 2) {
                    let i = y * width + x
                    let corners = Int(p[i - width - 1]) + Int(p[i - width + 1]) + Int(p[i + width - 1]) + Int(p[i + width + 1])
                    let sides = Int(p[i - width]) + Int(p[i + width]) + Int(p[i - 1]) + Int(p[i + 1])
                    histogram[abs(corners - 2 * sides + 4 * Int(p[i]))] += 1
                    count += 1
                }
            }
        }
        var seen = 0, quartile = 0
        while quartile < histogram.count - 1, seen + histogram[quartile] < count / 4 {
            seen += histogram[quartile]
            quartile += 1
        }
        sigma = Double(quartile) / (6 * 0.3186)
    }

    /// `image` averaged over the least box (odd side, 1 for none) that leaves the noise under a
    /// twelfth of the averaged image's ink-to-paper range — well under the finder search's least
    /// swing of a fifth, so noise neither fakes nor breaks an edge — and that side; at most 7
    /// (modules smaller than that are lost in noise this strong whatever is done).
    func smoothed(_ image: GreyImage) -> (image: GreyImage, side: Int) {
        guard sigma > 0 else { return (image, 1) }
        var side = 1, averaged = image
        while side < 7 {
            let (low, high) = ImageFilters.greyRange(averaged, trimmingEachEnd: 50)
            if sigma / Double(side) <= Double(high - low) / 12 { break }
            side += 2
            averaged = Self.boxSmoothed(image, side: side)
        }
        return (averaged, side)
    }

    /// `image` averaged over `side` × `side` pixels (separable running sums, edges clamped).
    static func boxSmoothed(_ image: GreyImage, side: Int) -> GreyImage {
        let width = image.width, height = image.height, radius = side / 2
        guard radius > 0, width > side, height > side else { return image }
        var across = [Int32](repeating: 0, count: width * height)
        image.pixels.withUnsafeBufferPointer { p in
            for y in 0..<height {
                let base = y * width
                var sum: Int32 = 0
                for i in -radius...radius { sum += Int32(p[base + min(max(i, 0), width - 1)]) }
                for x in 0..<width {
                    across[base + x] = sum
                    sum += Int32(p[base + min(x + radius + 1, width - 1)]) - Int32(p[base + max(x - radius, 0)])
                }
            }
        }
        var out = [UInt8](repeating: 0, count: width * height)
        let area = Int32(side * side)
        for x in 0..<width {
            var sum: Int32 = 0
            for i in -radius...radius { sum += across[min(max(i, 0), height - 1) * width + x] }
            for y in 0..<height {
                out[y * width + x] = UInt8((sum + area / 2) / area)
                sum += across[min(y + radius + 1, height - 1) * width + x] - across[max(y - radius, 0) * width + x]
            }
        }
        return GreyImage(width: width, height: height, pixels: out)
    }
}
