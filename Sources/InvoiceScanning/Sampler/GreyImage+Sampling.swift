import EInvoiceBasics

extension GreyImage {
    /// The grey level at a continuous point (pixel (x, y) covers x…x+1, y…y+1), interpolated
    /// bilinearly between the four nearest pixel centres; paper white outside the image.
    func sample(_ point: PlanePoint) -> Double {
        let sx = point.x - 0.5, sy = point.y - 0.5
        guard sx > -1, sy > -1, sx < Double(width), sy < Double(height) else { return 255 }
        let x0 = Int(sx.rounded(.down)), y0 = Int(sy.rounded(.down))
        let fx = sx - Double(x0), fy = sy - Double(y0)
        func at(_ x: Int, _ y: Int) -> Double {
            Double(pixels[min(max(y, 0), height - 1) * width + min(max(x, 0), width - 1)])
        }
        let top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
        let bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
        return top * (1 - fy) + bottom * fy
    }
}
