import Crypto
@testable import EInvoiceVerification
import EInvoiceTestSupport
import Foundation
import Testing
import _CryptoExtras

/// The IFMA RSA code (``AcceleratedRSAKey``) against a plain modular power written here, and
/// against BoringSSL's verdicts: same numbers, same verdicts, and no number at or above the modulus.
@Suite(.enabled(if: AcceleratedRSAKey.isAvailable, "the CPU has no AVX-512 IFMA: BoringSSL checks every signature"))
struct AcceleratedRSATests {
    /// The built-in keys and the test suite's own, as (modulus, exponent) bytes without leading zeros.
    static func primitives() throws -> [(modulus: [UInt8], exponent: [UInt8])] {
        var keys = TrustStore.builtIn.keys.map(\.publicKey)
        keys.append(try #require(TestSigner.shared).trustedKey.publicKey)
        return try keys.map { key in
            let primitives = try key.getKeyPrimitives()
            return (Array(primitives.modulus.drop { $0 == 0 }), Array(primitives.publicExponent.drop { $0 == 0 }))
        }
    }

    @Test func everyIRPKeyShapeIsAccelerated() throws {
        #expect(TrustStore.builtIn.keys.allSatisfy { $0.accelerated != nil })
        #expect(try #require(TestSigner.shared).trustedKey.accelerated != nil)
    }

    /// Edge values (0, 1, 2, n − 1, n − 2) and pseudo-random ones below n, for every key.
    @Test func thePublicOperationIsThePlainModularPower() throws {
        for (modulus, exponent) in try Self.primitives() {
            let key = try #require(AcceleratedRSAKey(modulus: modulus, exponent: exponent))
            let n = PlainModularPower.limbs(modulus)
            var values = [0, 1, 2].map { PlainModularPower.bytes(PlainModularPower.limbs([UInt8($0)])) }
            values.append(PlainModularPower.bytes(PlainModularPower.subtracting(1, from: n)))
            values.append(PlainModularPower.bytes(PlainModularPower.subtracting(2, from: n)))
            var seed = Array(SHA256.hash(data: modulus))
            for _ in 0..<3 {
                var value: [UInt8] = []
                while value.count < 256 {
                    seed = Array(SHA256.hash(data: seed))
                    value += seed
                }
                value[0] = value[0] % modulus[0]  // below n
                values.append(value)
            }
            for value in values {
                let expected = PlainModularPower.bytes(PlainModularPower.power65537(PlainModularPower.limbs(value), modulus: n))
                #expect(key.publicOperation(value) == expected)
            }
        }
    }

    @Test func aSignatureNotBelowTheModulusIsRefused() throws {
        for (modulus, exponent) in try Self.primitives() {
            let key = try #require(AcceleratedRSAKey(modulus: modulus, exponent: exponent))
            var above = modulus
            above[255] &+= 1  // n is odd: n + 1 without a carry
            for value in [modulus, above, [UInt8](repeating: 0xff, count: 256)] {
                #expect(key.publicOperation(value) == nil)
            }
            #expect(key.publicOperation(Array(modulus.dropFirst())) == nil)  // 255 bytes
        }
    }

    @Test func keysOfOtherShapesAreLeftToBoringSSL() throws {
        let (modulus, exponent) = try #require(try Self.primitives().first)
        #expect(AcceleratedRSAKey(modulus: Array(modulus.dropFirst()), exponent: exponent) == nil)  // 2040 bits
        #expect(AcceleratedRSAKey(modulus: modulus + [0x01], exponent: exponent) == nil)  // 2056 bits
        #expect(AcceleratedRSAKey(modulus: modulus, exponent: [0x03]) == nil)
        var even = modulus
        even[255] &= 0xfe
        #expect(AcceleratedRSAKey(modulus: even, exponent: exponent) == nil)
    }

    /// Real tokens, a token signed here, and each with one signature byte changed: the IFMA code
    /// and BoringSSL give the same verdict for every key.
    @Test func verdictsAreBoringSSLs() throws {
        let signer = try #require(TestSigner.shared)
        let tokens = Fixtures.realTokens.map(\.token) + [try signer.sign(data: TestSigner.qrData())]
        let keys = TrustStore.builtIn.keys + [signer.trustedKey]
        var valid = 0
        for token in tokens {
            let jws = try CompactJWS(token)
            var tampered = jws.signature
            tampered[100] ^= 0x01
            for signature in [jws.signature, tampered] {
                for key in keys {
                    let accelerated = try #require(key.accelerated)
                    let boringSSL = key.publicKey.isValidSignature(
                        _RSA.Signing.RSASignature(rawRepresentation: signature), for: jws.signingInputDigest, padding: .insecurePKCS1v1_5)
                    #expect(accelerated.verifiesRS256(signature: signature, digest: jws.signingInputDigest) == boringSSL)
                    if boringSSL { valid += 1 }
                }
            }
        }
        #expect(valid == tokens.count)  // each genuine signature matches exactly one key
    }
}

/// s^65537 mod n the slow, obvious way: 64-bit limbs, multiplication by doubling and adding with
/// a subtraction whenever the value reaches n. Independent of the Montgomery code it checks.
enum PlainModularPower {
    static let count = 33

    static func limbs(_ bytes: [UInt8]) -> [UInt64] {
        var limbs = [UInt64](repeating: 0, count: count)
        for (index, byte) in bytes.reversed().enumerated() { limbs[index / 8] |= UInt64(byte) << (8 * (index % 8)) }
        return limbs
    }

    static func bytes(_ limbs: [UInt64]) -> [UInt8] {
        (0..<256).reversed().map { UInt8(truncatingIfNeeded: limbs[$0 / 8] >> (8 * ($0 % 8))) }
    }

    static func subtracting(_ small: UInt64, from value: [UInt64]) -> [UInt64] {
        var result = value
        var subtrahend = [UInt64](repeating: 0, count: count)
        subtrahend[0] = small
        subtract(&result, subtrahend)
        return result
    }

    static func atLeast(_ a: [UInt64], _ b: [UInt64]) -> Bool {
        for index in (0..<count).reversed() where a[index] != b[index] { return a[index] > b[index] }
        return true
    }

    static func subtract(_ a: inout [UInt64], _ b: [UInt64]) {
        var borrow: UInt64 = 0
        for index in 0..<count {
            let (first, overflow1) = a[index].subtractingReportingOverflow(b[index])
            let (second, overflow2) = first.subtractingReportingOverflow(borrow)
            a[index] = second
            borrow = overflow1 || overflow2 ? 1 : 0
        }
    }

    static func add(_ a: inout [UInt64], _ b: [UInt64]) {
        var carry: UInt64 = 0
        for index in 0..<count {
            let (first, overflow1) = a[index].addingReportingOverflow(b[index])
            let (second, overflow2) = first.addingReportingOverflow(carry)
            a[index] = second
            carry = overflow1 || overflow2 ? 1 : 0
        }
    }

    static func product(_ a: [UInt64], _ b: [UInt64], modulus n: [UInt64]) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: count)
        for bit in (0..<2048).reversed() {
            add(&result, result)
            if atLeast(result, n) { subtract(&result, n) }
            if (b[bit / 64] >> UInt64(bit % 64)) & 1 == 1 {
                add(&result, a)
                if atLeast(result, n) { subtract(&result, n) }
            }
        }
        return result
    }

    static func power65537(_ s: [UInt64], modulus n: [UInt64]) -> [UInt64] {
        var x = s
        for _ in 0..<16 { x = product(x, x, modulus: n) }
        return product(x, s, modulus: n)
    }
}
