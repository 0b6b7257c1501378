public import EInvoiceVerification

/// Limits and address of the verification desk server.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Largest accepted request body.
    public var maxUploadBytes: Int
    /// PDF pages read per upload.
    public var maxPages: Int
    /// Seconds one request may take before it is answered 503.
    public var timeoutSeconds: Double
    /// Requests processed at once; more wait, and beyond `maxQueued` are refused with 503.
    public var maxConcurrent: Int
    public var maxQueued: Int
    public var verifier: Verifier

    public init(host: String = "127.0.0.1", port: Int = 8080, maxUploadBytes: Int = 20 << 20, maxPages: Int = 20,
                timeoutSeconds: Double = 30, maxConcurrent: Int = 2, maxQueued: Int = 256, verifier: Verifier = Verifier()) {
        self.host = host
        self.port = port
        self.maxUploadBytes = maxUploadBytes
        self.maxPages = maxPages
        self.timeoutSeconds = timeoutSeconds
        self.maxConcurrent = maxConcurrent
        self.maxQueued = maxQueued
        self.verifier = verifier
    }

    /// Whether the server listens only on this machine.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }
}
