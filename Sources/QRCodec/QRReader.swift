public import EInvoiceBasics
/// Reads QR codes robustly: tries the image as given, then resampled to module sizes zbar reads
/// well, stopping at the first scale that yields anything (clean images stay fast).
///
/// zbar's success on large QR versions depends on pixels per module in a non-monotonic way
/// (DOMAIN.md §8): one pass is not a reader.
public enum QRReader {
    /// Scale factors tried after the image as given, in order.
    public static let defaultScales: [Double] = [1, 0.75, 0.5, 1.5, 0.62, 0.85, 2, 0.4, 1.25]

    public static func read(_ image: GreyImage, scales: [Double] = defaultScales) -> [DecodedSymbol] {
        for scale in scales {
            let candidate = scale == 1 ? image : image.resized(by: scale)
            let symbols = QRDecoder.decode(candidate)
            if !symbols.isEmpty {
                // Report positions in the original image's pixels.
                return symbols.map { symbol in
                    var copy = symbol
                    copy.points = symbol.points.map { (x: Int(Double($0.x) / scale), y: Int(Double($0.y) / scale)) }
                    return copy
                }
            }
        }
        return []
    }
}
