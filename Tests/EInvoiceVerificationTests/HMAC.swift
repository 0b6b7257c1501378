import Crypto

/// HMAC-SHA256, to build the HS256 key-confusion attack token.
enum HMACSHA256 {
    static func mac(message: String, key: String) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: Array(key.utf8))))
    }
}
