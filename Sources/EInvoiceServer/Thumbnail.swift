import CairoGraphics
import Foundation
import QRCodec

/// Page thumbnails as PNG, through Cairo (no hand-written encoder).
enum Thumbnail {
    static func png(_ image: GreyImage, width: Int) -> Data? {
        let small = image.width > width ? image.resized(by: Double(width) / Double(image.width)) : image
        guard let surface = try? Surface(imageWidth: small.width, height: small.height) else { return nil }
        surface.setGrey(small.pixels)
        return try? surface.pngData()
    }
}
