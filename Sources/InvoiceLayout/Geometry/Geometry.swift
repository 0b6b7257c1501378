/// Lengths in PDF points (1/72 inch). Layout works in points; templates speak millimetres.
public typealias Points = Double

extension Points {
    /// Millimetres to points.
    public static func mm(_ millimetres: Double) -> Points { millimetres * 72 / 25.4 }
    /// This length in millimetres.
    public var inMillimetres: Double { self * 25.4 / 72 }
}

public struct Point: Sendable, Hashable {
    public var x: Points
    public var y: Points
    public init(x: Points, y: Points) {
        self.x = x
        self.y = y
    }
}

public struct Size: Sendable, Hashable {
    public var width: Points
    public var height: Points
    public init(width: Points, height: Points) {
        self.width = width
        self.height = height
    }
}

/// A rectangle with its origin at the top left (y grows downwards, as on the page).
public struct Rect: Sendable, Hashable {
    public var x: Points
    public var y: Points
    public var width: Points
    public var height: Points

    public init(x: Points, y: Points, width: Points, height: Points) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Points { x + width }
    public var maxY: Points { y + height }

    /// Whether `other` overlaps this rectangle (touching edges do not count).
    public func intersects(_ other: Rect) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    public func contains(_ other: Rect) -> Bool {
        other.x >= x - 0.01 && other.y >= y - 0.01 && other.maxX <= maxX + 0.01 && other.maxY <= maxY + 0.01
    }
}

/// An sRGB colour, 0…1 per channel.
public struct Color: Sendable, Hashable, Codable {
    public var red: Double
    public var green: Double
    public var blue: Double

    public init(red: Double, green: Double, blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)

    /// `#RRGGBB`; `nil` for anything else.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let value = Int(digits, radix: 16) else { return nil }
        self.init(red: Double((value >> 16) & 0xff) / 255, green: Double((value >> 8) & 0xff) / 255,
                  blue: Double(value & 0xff) / 255)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let color = Color(hex: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "colour \(text) is not #RRGGBB"))
        }
        self = color
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        let hex = [red, green, blue].map { channel -> String in
            let value = Int((channel * 255).rounded())
            return (value < 16 ? "0" : "") + String(value, radix: 16)
        }.joined()
        try container.encode("#" + hex.uppercased())
    }
}
