public import EInvoiceModel
import Foundation

/// Checks a parsed template against a ``SchemaNode``, collecting every mistake with its key path.
///
/// Foundation's decoder ignores unknown keys and stops at the first wrong type; a desk editing a
/// template wants all the mistakes at once, each saying where and what was expected.
public struct TemplateValidator {
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// Dotted path to the key, with list indices: `company.logo`, `columns[3]`.
        public var keyPath: String
        public var message: String
        public var description: String { "\(keyPath.isEmpty ? "(top level)" : keyPath): \(message)" }
    }

    /// Folder that relative image paths are resolved against; `nil` skips the file checks.
    public var baseDirectory: String?

    public init(baseDirectory: String?) { self.baseDirectory = baseDirectory }

    public func problems(_ value: JSONValue, against node: SchemaNode = TemplateSchema.root) -> [Problem] {
        var problems: [Problem] = []
        check(value, node, path: "", into: &problems)
        return problems
    }

    private func check(_ value: JSONValue, _ node: SchemaNode, path: String, into problems: inout [Problem]) {
        func fail(_ message: String) { problems.append(Problem(keyPath: path, message: message)) }
        func wrongType() { fail("expected \(node.expectation), found \(Self.kind(of: value))") }
        switch (node, value) {
        case (.nullable, .null):
            return
        case (.nullable(let inner), _):
            check(value, inner, path: path, into: &problems)
        case (.string(_, let allowed, let format), .string(let text)):
            if let allowed, !allowed.contains(text) { fail("\"\(text)\" is not allowed; expected \(node.expectation)") }
            if format == .color, Color(hex: text) == nil || !text.hasPrefix("#") { fail("\"\(text)\" is not \(node.expectation)") }
            if format == .pngPath, let problem = imageProblem(text) { fail(problem) }
        case (.number(_, let minimum, let maximum), .number(let number)):
            let double = NSDecimalNumber(decimal: number).doubleValue
            if let minimum, double < minimum { fail("\(number) is too small; expected \(node.expectation)") }
            if let maximum, double > maximum { fail("\(number) is too large; expected \(node.expectation)") }
        case (.integer(_, let minimum, let maximum), .number(let number)):
            guard number == number.wholePart, let integer = Int(exactly: NSDecimalNumber(decimal: number).doubleValue) else {
                return fail("\(number) is not \(node.expectation)")
            }
            if let minimum, integer < minimum { fail("\(integer) is too small; expected \(node.expectation)") }
            if let maximum, integer > maximum { fail("\(integer) is too large; expected \(node.expectation)") }
        case (.boolean, .bool):
            return
        case (.array(_, let item, let minItems), .array(let items)):
            if items.count < minItems { fail("expected at least \(minItems) item\(minItems == 1 ? "" : "s")") }
            for (index, element) in items.enumerated() { check(element, item, path: "\(path)[\(index)]", into: &problems) }
        case (.object(_, let properties), .object(let members)):
            let known = Set(properties.map(\.name))
            for key in members.keys.sorted() where !known.contains(key) {
                let suggestion = Self.closest(key, in: properties.map(\.name)).map { " (did you mean \"\($0)\"?)" } ?? ""
                problems.append(Problem(keyPath: Self.join(path, key), message: "unknown key\(suggestion); expected one of "
                    + properties.map(\.name).joined(separator: ", ")))
            }
            for property in properties {
                let childPath = Self.join(path, property.name)
                guard let member = members[property.name] else {
                    if property.required {
                        problems.append(Problem(keyPath: childPath, message: "missing; expected \(property.node.expectation)"))
                    }
                    continue
                }
                check(member, property.node, path: childPath, into: &problems)
            }
        case (.map(_, let item, let keys), .object(let members)):
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                if let keys, !keys.contains(key) {
                    problems.append(Problem(keyPath: Self.join(path, key), message: "unknown key; expected one of " + keys.joined(separator: ", ")))
                } else {
                    check(member, item, path: Self.join(path, key), into: &problems)
                }
            }
        default:
            wrongType()
        }
    }

    /// A PNG that cannot be found or is not a PNG is a template mistake, not a blank on the page.
    private func imageProblem(_ relative: String) -> String? {
        guard let baseDirectory else { return nil }
        let path = relative.hasPrefix("/") ? relative : baseDirectory + "/" + relative
        guard FileManager.default.fileExists(atPath: path) else {
            return "image \(relative) not found (looked for \(path)); expected the path of a PNG file, relative to the template"
        }
        guard PNGHeader.size(atPath: path) != nil else {
            return "\(relative) is not a readable PNG image; expected the path of a PNG file, relative to the template"
        }
        return nil
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): "the number \(number)"
        case .string(let text): "the string \"\(text.prefix(40))\""
        case .array: "a list"
        case .object: "an object"
        }
    }

    /// A known key one or two edits away from a mistyped one.
    static func closest(_ key: String, in candidates: [String]) -> String? {
        candidates.map { ($0, distance(key.lowercased(), $0.lowercased())) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension Decimal {
    fileprivate var wholePart: Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, 0, .plain)
        return result
    }
}
