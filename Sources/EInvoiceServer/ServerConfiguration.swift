import EInvoiceBasics
public import EInvoiceVerification
public import InvoiceLedger
public import RasterIO
public import Foundation

/// The Templates/ and Fonts/ folders the desk renders with.
public struct RenderResources: Sendable {
    public var templatesDirectory: URL
    public var fontsDirectory: String
    /// The sRGB ICC profile of `archive=1` renders, from the resource root (`nil`: beside the templates).
    public var colorProfile: Data?
    /// The template used when a request names none.
    public var defaultTemplate: String

    public init(templatesDirectory: URL, fontsDirectory: String, colorProfile: Data? = nil, defaultTemplate: String = "standard") {
        self.templatesDirectory = templatesDirectory
        self.fontsDirectory = fontsDirectory
        self.colorProfile = colorProfile
        self.defaultTemplate = defaultTemplate
    }
}

/// Limits and address of the verification desk server.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Largest accepted request body.
    public var maxUploadBytes: Int
    /// PDF pages read per upload.
    public var maxPages: Int
    /// Seconds one request may take, from its arrival to its answer; past it the answer is 503
    /// and the work is stopped.
    public var timeoutSeconds: Double
    /// Requests processed at once; more wait, and beyond `maxQueued` are refused with 503.
    public var maxConcurrent: Int
    public var maxQueued: Int
    /// Seconds a connection may stay silent (including while sending its headers) before it is closed.
    public var idleTimeoutSeconds: Double
    /// Open connections; past it new ones wait in the listen backlog.
    public var maxConnections: Int
    /// Host names the API answers to (besides the loopback names and `host`); see ``hostsAllowed``.
    public var allowedHosts: [String]
    /// Per-upload limits on decoding; `maxPages` and the timeout are applied on top.
    public var limits: RasterLimits
    public var verifier: Verifier
    /// Where `POST /api/v1/render` finds templates and fonts; `nil` turns the endpoint off.
    public var resources: RenderResources?
    /// Where every check is recorded (the history page reads it); `nil` for `serve --no-ledger`.
    public var ledger: InvoiceLedger?

    public init(host: String = "127.0.0.1", port: Int = 8080, maxUploadBytes: Int = 20 << 20, maxPages: Int = 20,
                timeoutSeconds: Double = 30, maxConcurrent: Int = 2, maxQueued: Int = 256, idleTimeoutSeconds: Double = 15,
                maxConnections: Int = 4096, allowedHosts: [String] = [], limits: RasterLimits = RasterLimits(),
                verifier: Verifier = Verifier(), ledger: InvoiceLedger? = nil) {
        self.host = host
        self.port = port
        self.maxUploadBytes = maxUploadBytes
        self.maxPages = maxPages
        self.timeoutSeconds = timeoutSeconds
        self.maxConcurrent = maxConcurrent
        self.maxQueued = maxQueued
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maxConnections = maxConnections
        self.allowedHosts = allowedHosts
        self.limits = limits
        self.verifier = verifier
        self.ledger = ledger
    }

    /// Whether the server listens only on this machine.
    public var isLoopback: Bool { ["127.0.0.1", "::1", "localhost"].contains(host) }

    /// The names a request's Host and Origin may carry: loopback, the listening address, and `allowedHosts`.
    public var hostsAllowed: Set<String> {
        Set(["localhost", "127.0.0.1", "::1", host] + allowedHosts)
    }

    /// The decoding limits for one upload: the file's time budget ends a little before the
    /// request's, so a page cut short is reported inside the answer rather than by a 503.
    public func uploadLimits(cancellation: DecodeCancellation?, maxPages: Int? = nil) -> RasterLimits {
        var limits = self.limits
        limits.maxPages = min(limits.maxPages, maxPages ?? self.maxPages)
        limits.maxSeconds = min(limits.maxSeconds, max(0.5, timeoutSeconds * 0.8))
        limits.isolation?.cancellation = cancellation
        return limits
    }
}
