public import EInvoiceBasics
import Foundation

/// The image clean-ups the reading cascade tries, on grey images. Plain loops over bytes:
/// each is one or two passes, fast enough to try several per page.
public enum ImageFilters {
    /// Local (adaptive) threshold: a pixel is black when darker than its neighbourhood's mean
    /// minus `offset`. Uneven lighting, faded thermal prints and low contrast become crisp.
    /// The mean comes from an integral image, so the window size costs nothing.
    public static func adaptiveThreshold(_ image: GreyImage, window: Int, offset: Int = 10) -> GreyImage {
        let width = image.width, height = image.height
        guard width > 2, height > 2 else { return image }
        var integral = [Int](repeating: 0, count: (width + 1) * (height + 1))
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<height {
                var rowSum = 0
                for x in 0..<width {
                    rowSum += Int(pixels[y * width + x])
                    integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1] + rowSum
                }
            }
        }
        let half = max(1, window / 2)
        var out = [UInt8](repeating: 255, count: width * height)
        image.pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<height {
                let y0 = max(0, y - half), y1 = min(height, y + half + 1)
                for x in 0..<width {
                    let x0 = max(0, x - half), x1 = min(width, x + half + 1)
                    let sum = integral[y1 * (width + 1) + x1] - integral[y0 * (width + 1) + x1]
                        - integral[y1 * (width + 1) + x0] + integral[y0 * (width + 1) + x0]
                    let mean = sum / ((x1 - x0) * (y1 - y0))
                    out[y * width + x] = Int(pixels[y * width + x]) < mean - offset ? 0 : 255
                }
            }
        }
        return GreyImage(width: width, height: height, pixels: out)
    }

    /// The darkest and lightest grey levels once `1/divisor` of the pixels is set aside at each end
    /// (ink-to-paper range without specks and glare): shared by contrast stretching and the
    /// edge thresholds of the region finder and the finder-pattern locator.
    static func greyRange(_ image: GreyImage, trimmingEachEnd divisor: Int) -> (low: Int, high: Int) {
        var histogram = [Int](repeating: 0, count: 256)
        for pixel in image.pixels { histogram[Int(pixel)] += 1 }
        let cut = image.pixels.count / divisor
        var low = 0, high = 255, seen = 0
        while low < 255, seen + histogram[low] <= cut { seen += histogram[low]; low += 1 }
        seen = 0
        while high > 0, seen + histogram[high] <= cut { seen += histogram[high]; high -= 1 }
        return (low, high)
    }

    /// Stretches the grey levels so the darkest 1 % is black and the lightest 1 % white.
    public static func normalizeContrast(_ image: GreyImage) -> GreyImage {
        let (low, high) = ImageFilters.greyRange(image, trimmingEachEnd: 100)
        guard high > low + 8 else { return image }
        let scale = 255.0 / Double(high - low)
        let table = (0..<256).map { UInt8(max(0, min(255, (Double($0 - low) * scale).rounded()))) }
        return GreyImage(width: image.width, height: image.height, pixels: image.pixels.map { table[Int($0)] })
    }

    /// Unsharp mask with a 3×3 box blur: restores module edges softened by focus blur.
    public static func sharpen(_ image: GreyImage, amount: Double = 1.5) -> GreyImage {
        let width = image.width, height = image.height
        guard width > 2, height > 2 else { return image }
        var out = image.pixels
        image.pixels.withUnsafeBufferPointer { p in
            for y in 1..<(height - 1) {
                for x in 1..<(width - 1) {
                    var sum = 0
                    for dy in -1...1 {
                        let row = (y + dy) * width + x
                        sum += Int(p[row - 1]) + Int(p[row]) + Int(p[row + 1])
                    }
                    let value = Double(p[y * width + x])
                    let sharpened = value + amount * (value - Double(sum) / 9)
                    out[y * width + x] = UInt8(max(0, min(255, sharpened.rounded())))
                }
            }
        }
        return GreyImage(width: width, height: height, pixels: out)
    }

    /// Light on dark becomes dark on light.
    public static func invert(_ image: GreyImage) -> GreyImage {
        GreyImage(width: image.width, height: image.height, pixels: image.pixels.map { 255 - $0 })
    }

    /// 3×3 median: removes salt-and-pepper sensor noise without blurring module edges much.
    public static func median(_ image: GreyImage) -> GreyImage {
        let width = image.width, height = image.height
        guard width > 2, height > 2 else { return image }
        var out = image.pixels
        var window = [UInt8](repeating: 0, count: 9)
        image.pixels.withUnsafeBufferPointer { p in
            for y in 1..<(height - 1) {
                for x in 1..<(width - 1) {
                    var i = 0
                    for dy in -1...1 {
                        for dx in -1...1 {
                            window[i] = p[(y + dy) * width + x + dx]
                            i += 1
                        }
                    }
                    window.sort()
                    out[y * width + x] = window[4]
                }
            }
        }
        return GreyImage(width: width, height: height, pixels: out)
    }

    /// The angle (degrees, −45…45) by which a grid-like pattern such as a QR is turned, from the
    /// gradient directions: a square grid's edges point along θ and θ + 90°, which coincide at 4θ.
    public static func gridAngle(_ image: GreyImage) -> Double {
        let small = max(image.width, image.height) > 500 ? image.resized(by: 500 / Double(max(image.width, image.height))) : image
        let width = small.width, height = small.height
        guard width > 4, height > 4 else { return 0 }
        var c = 0.0, s = 0.0
        small.pixels.withUnsafeBufferPointer { p in
            for y in 1..<(height - 1) {
                for x in 1..<(width - 1) {
                    let i = y * width + x
                    let gx = Double(Int(p[i + 1]) - Int(p[i - 1])), gy = Double(Int(p[i + width]) - Int(p[i - width]))
                    let magnitude = gx * gx + gy * gy
                    guard magnitude > 400 else { continue }
                    let phi = atan2(gy, gx)
                    c += magnitude * cos(4 * phi)
                    s += magnitude * sin(4 * phi)
                }
            }
        }
        return atan2(s, c) / 4 * 180 / .pi
    }

    /// Unsharp mask against a wide, nearly Gaussian blur (a box of `radius` applied twice, separably,
    /// with running sums): `out = in + amount × (in − blur)`. Recovers module edges from focus blur
    /// of a few pixels, the kind phone photos and worn scanners produce.
    public static func unsharp(_ image: GreyImage, radius: Int, amount: Double) -> GreyImage {
        var blurred = image.pixels.map { Int32($0) }
        let width = image.width, height = image.height
        guard width > 2 * radius + 1, height > 2 * radius + 1 else { return image }
        var scratch = blurred
        func boxPass(_ source: [Int32], _ target: inout [Int32], count: Int, lines: Int, stride: Int, step: Int) {
            let window = Int32(2 * radius + 1)
            for line in 0..<lines {
                let base = line * stride
                var sum: Int32 = 0
                for i in -radius...radius { sum += source[base + min(max(i, 0), count - 1) * step] }
                for i in 0..<count {
                    target[base + i * step] = sum / window
                    let leaving = source[base + max(i - radius, 0) * step]
                    let entering = source[base + min(i + radius + 1, count - 1) * step]
                    sum += entering - leaving
                }
            }
        }
        for _ in 0..<2 {
            boxPass(blurred, &scratch, count: width, lines: height, stride: width, step: 1)
            boxPass(scratch, &blurred, count: height, lines: width, stride: 1, step: width)
        }
        var out = [UInt8](repeating: 0, count: width * height)
        for i in 0..<out.count {
            let value = Double(image.pixels[i])
            out[i] = UInt8(max(0, min(255, (value + amount * (value - Double(blurred[i]))).rounded())))
        }
        return GreyImage(width: width, height: height, pixels: out)
    }

    /// Unsharp mask with a wider (5×5) blur and a strong amount, for heavy focus blur.
    public static func strongSharpen(_ image: GreyImage) -> GreyImage {
        let width = image.width, height = image.height
        guard width > 4, height > 4 else { return image }
        var out = image.pixels
        image.pixels.withUnsafeBufferPointer { p in
            for y in 2..<(height - 2) {
                for x in 2..<(width - 2) {
                    var sum = 0
                    for dy in -2...2 {
                        let row = (y + dy) * width + x
                        sum += Int(p[row - 2]) + Int(p[row - 1]) + Int(p[row]) + Int(p[row + 1]) + Int(p[row + 2])
                    }
                    let value = Double(p[y * width + x])
                    out[y * width + x] = UInt8(max(0, min(255, (value + 3 * (value - Double(sum) / 25)).rounded())))
                }
            }
        }
        return GreyImage(width: width, height: height, pixels: out)
    }

    /// Rotated by `degrees` about the centre (bilinear), on a white background large enough to
    /// hold the whole image: for QRs photographed at an angle zbar's finder does not take.
    public static func rotate(_ image: GreyImage, degrees: Double) -> GreyImage {
        let radians = degrees * .pi / 180
        let c = cos(radians), s = sin(radians)
        let w = Double(image.width), h = Double(image.height)
        let newWidth = Int((abs(w * c) + abs(h * s)).rounded(.up)), newHeight = Int((abs(w * s) + abs(h * c)).rounded(.up))
        var out = [UInt8](repeating: 255, count: newWidth * newHeight)
        let cx = w / 2, cy = h / 2, ncx = Double(newWidth) / 2, ncy = Double(newHeight) / 2
        image.pixels.withUnsafeBufferPointer { p in
            for y in 0..<newHeight {
                for x in 0..<newWidth {
                    let dx = Double(x) - ncx, dy = Double(y) - ncy
                    let sx = c * dx + s * dy + cx, sy = -s * dx + c * dy + cy
                    let x0 = Int(sx.rounded(.down)), y0 = Int(sy.rounded(.down))
                    guard x0 >= 0, y0 >= 0, x0 + 1 < image.width, y0 + 1 < image.height else { continue }
                    let fx = sx - Double(x0), fy = sy - Double(y0)
                    let top = Double(p[y0 * image.width + x0]) * (1 - fx) + Double(p[y0 * image.width + x0 + 1]) * fx
                    let bottom = Double(p[(y0 + 1) * image.width + x0]) * (1 - fx) + Double(p[(y0 + 1) * image.width + x0 + 1]) * fx
                    out[y * newWidth + x] = UInt8(max(0, min(255, (top * (1 - fy) + bottom * fy).rounded())))
                }
            }
        }
        return GreyImage(width: newWidth, height: newHeight, pixels: out)
    }
}
