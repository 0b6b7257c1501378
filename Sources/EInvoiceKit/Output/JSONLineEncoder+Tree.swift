import Foundation

extension JSONLineEncoder {
    /// What a value encodes to. Objects and arrays are classes so that nested containers can keep
    /// adding to them after they are linked into their parent, as `Encoder` requires.
    enum Node {
        case null
        case bool(Bool)
        case string(String)
        /// JSON text written as is (numbers, and what `JSONEncoder` spelled for us).
        case raw(String)
        case array(ArrayNode)
        case object(ObjectNode)
    }

    final class ObjectNode {
        /// In the order set; a key set twice is here twice, and the later value wins when written
        /// (as in `JSONEncoder`). Looking for the earlier one on every set made a report's ~30
        /// members cost hundreds of string comparisons.
        var members: [(key: String, value: Node)] = []

        func set(_ key: String, _ value: Node) {
            members.append((key, value))
        }
    }

    final class ArrayNode {
        var items: [Node] = []
    }

    /// The `Encoder` handed to `encode(to:)`; ``node`` is what it was given.
    final class TreeEncoder: Encoder {
        var node: Node?
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(codingPath: [any CodingKey] = []) { self.codingPath = codingPath }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object(let object) = node {
                return KeyedEncodingContainer(KeyedWriter(object: object, codingPath: codingPath))
            }
            let object = ObjectNode()
            node = .object(object)
            return KeyedEncodingContainer(KeyedWriter(object: object, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .array(let array) = node { return UnkeyedWriter(array: array, codingPath: codingPath) }
            let array = ArrayNode()
            node = .array(array)
            return UnkeyedWriter(array: array, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { SingleWriter(encoder: self) }
    }

    /// The node for any encodable value: strings, booleans and integers directly, the scalars
    /// `JSONEncoder` treats specially through it, everything else through its own `encode(to:)`.
    static func node(for value: some Encodable, at codingPath: [any CodingKey]) throws -> Node {
        switch value {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .raw(String(number))
        case is Double, is Float, is Decimal, is Date, is Data, is URL: return .raw(try foundationFragment(value))
        default:
            let encoder = TreeEncoder(codingPath: codingPath)
            try value.encode(to: encoder)
            return encoder.node ?? .object(ObjectNode())
        }
    }

    struct KeyedWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: ObjectNode
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) { object.set(key.stringValue, .null) }
        mutating func encode(_ value: Bool, forKey key: Key) { object.set(key.stringValue, .bool(value)) }
        mutating func encode(_ value: String, forKey key: Key) { object.set(key.stringValue, .string(value)) }
        mutating func encode(_ value: Int, forKey key: Key) { object.set(key.stringValue, .raw(String(value))) }
        mutating func encode(_ value: Int8, forKey key: Key) { object.set(key.stringValue, .raw(String(value))) }
        mutating func encode(_ value: Int16, forKey key: Key) { object.set(key.stringValue, .raw(String(value))) }
        mutating func encode(_ value: Int32, forKey key: Key) { object.set(key.stringValue, .raw(String(value))) }
        mutating func encode(_ value: Int64, forKey key: Key) { object.set(key.stringValue, .raw(String(value))) }
        mutating func encode(_ value: UInt, forKey key: Key) { object.set(key.stringValue, .raw(String(value))) }
        mutating func encode(_ value: UInt8, forKey key: Key) { object.set(key.stringValue, .raw(String(value))) }
        mutating func encode(_ value: UInt16, forKey key: Key) { object.set(key.stringValue, .raw(String(value))) }
        mutating func encode(_ value: UInt32, forKey key: Key) { object.set(key.stringValue, .raw(String(value))) }
        mutating func encode(_ value: UInt64, forKey key: Key) { object.set(key.stringValue, .raw(String(value))) }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            object.set(key.stringValue, .raw(try JSONLineEncoder.foundationFragment(value)))
        }
        mutating func encode(_ value: Float, forKey key: Key) throws {
            object.set(key.stringValue, .raw(try JSONLineEncoder.foundationFragment(value)))
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            object.set(key.stringValue, try JSONLineEncoder.node(for: value, at: codingPath + [key]))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectNode()
            object.set(key.stringValue, .object(nested))
            return KeyedEncodingContainer(KeyedWriter<NestedKey>(object: nested, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = ArrayNode()
            object.set(key.stringValue, .array(nested))
            return UnkeyedWriter(array: nested, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
        mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

        private func superEncoder(named name: String) -> any Encoder {
            let encoder = SuperEncoder(codingPath: codingPath) { [object = self.object] node in object.set(name, node) }
            return encoder
        }
    }

    struct UnkeyedWriter: UnkeyedEncodingContainer {
        let array: ArrayNode
        let codingPath: [any CodingKey]
        var count: Int { array.items.count }

        mutating func encodeNil() { array.items.append(.null) }
        mutating func encode(_ value: Bool) { array.items.append(.bool(value)) }
        mutating func encode(_ value: String) { array.items.append(.string(value)) }
        mutating func encode(_ value: Int) { array.items.append(.raw(String(value))) }
        mutating func encode(_ value: Int8) { array.items.append(.raw(String(value))) }
        mutating func encode(_ value: Int16) { array.items.append(.raw(String(value))) }
        mutating func encode(_ value: Int32) { array.items.append(.raw(String(value))) }
        mutating func encode(_ value: Int64) { array.items.append(.raw(String(value))) }
        mutating func encode(_ value: UInt) { array.items.append(.raw(String(value))) }
        mutating func encode(_ value: UInt8) { array.items.append(.raw(String(value))) }
        mutating func encode(_ value: UInt16) { array.items.append(.raw(String(value))) }
        mutating func encode(_ value: UInt32) { array.items.append(.raw(String(value))) }
        mutating func encode(_ value: UInt64) { array.items.append(.raw(String(value))) }
        mutating func encode(_ value: Double) throws { array.items.append(.raw(try JSONLineEncoder.foundationFragment(value))) }
        mutating func encode(_ value: Float) throws { array.items.append(.raw(try JSONLineEncoder.foundationFragment(value))) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            array.items.append(try JSONLineEncoder.node(for: value, at: codingPath))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = ObjectNode()
            array.items.append(.object(nested))
            return KeyedEncodingContainer(KeyedWriter<NestedKey>(object: nested, codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = ArrayNode()
            array.items.append(.array(nested))
            return UnkeyedWriter(array: nested, codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder {
            let index = array.items.count
            array.items.append(.null)
            return SuperEncoder(codingPath: codingPath) { [array = self.array] node in array.items[index] = node }
        }
    }

    struct SingleWriter: SingleValueEncodingContainer {
        let encoder: TreeEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() { encoder.node = .null }
        mutating func encode(_ value: Bool) { encoder.node = .bool(value) }
        mutating func encode(_ value: String) { encoder.node = .string(value) }
        mutating func encode(_ value: Int) { encoder.node = .raw(String(value)) }
        mutating func encode(_ value: Int8) { encoder.node = .raw(String(value)) }
        mutating func encode(_ value: Int16) { encoder.node = .raw(String(value)) }
        mutating func encode(_ value: Int32) { encoder.node = .raw(String(value)) }
        mutating func encode(_ value: Int64) { encoder.node = .raw(String(value)) }
        mutating func encode(_ value: UInt) { encoder.node = .raw(String(value)) }
        mutating func encode(_ value: UInt8) { encoder.node = .raw(String(value)) }
        mutating func encode(_ value: UInt16) { encoder.node = .raw(String(value)) }
        mutating func encode(_ value: UInt32) { encoder.node = .raw(String(value)) }
        mutating func encode(_ value: UInt64) { encoder.node = .raw(String(value)) }
        mutating func encode(_ value: Double) throws { encoder.node = .raw(try JSONLineEncoder.foundationFragment(value)) }
        mutating func encode(_ value: Float) throws { encoder.node = .raw(try JSONLineEncoder.foundationFragment(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.node = try JSONLineEncoder.node(for: value, at: codingPath)
        }
    }

    /// An encoder for `superEncoder()`: whatever it is given replaces its slot in the parent.
    final class SuperEncoder: Encoder {
        private let inner: TreeEncoder
        private let store: (Node) -> Void
        var codingPath: [any CodingKey] { inner.codingPath }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        init(codingPath: [any CodingKey], store: @escaping (Node) -> Void) {
            inner = TreeEncoder(codingPath: codingPath)
            self.store = store
        }

        deinit { store(inner.node ?? .object(ObjectNode())) }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            inner.container(keyedBy: type)
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer { inner.unkeyedContainer() }
        func singleValueContainer() -> any SingleValueEncodingContainer { inner.singleValueContainer() }
    }
}
