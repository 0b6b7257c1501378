import Crypto
import Foundation
public import Hummingbird
import HTTPTypes

/// Adds the desk's security headers to every response, errors and 404s included.
///
/// The Content-Security-Policy allows exactly the pages' own inline scripts and styles (by their
/// SHA-256, so an injected `<script>` would not run), images from `data:` URLs (the thumbnails),
/// and requests to this origin only; the page may not be framed (clickjacking).
public struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        for (name, value) in SecurityHeaders.all { response.headers[name] = value }
        return response
    }
}

/// The headers themselves; a generic type cannot hold static stored properties.
enum SecurityHeaders {
    static let all: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, contentSecurityPolicy),
        (.xContentTypeOptions, "nosniff"),
        (.named("X-Frame-Options"), "DENY"),
        (.named("Referrer-Policy"), "no-referrer"),
        (.named("Cross-Origin-Opener-Policy"), "same-origin"),
        (.named("Cross-Origin-Resource-Policy"), "same-origin"),
    ]

    /// Hashes of the pages' inline `<script>` and `<style>` blocks (the desk and its history page),
    /// computed from the pages themselves so they cannot drift.
    static let contentSecurityPolicy: String = {
        let pages = [WebPage.html, HistoryPage.html]
        let script = pages.map { hash(of: "script", in: $0) }.joined(separator: " ")
        let style = pages.map { hash(of: "style", in: $0) }.joined(separator: " ")
        return "default-src 'none'; script-src \(script); style-src \(style); img-src data:; connect-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    }()

    private static func hash(of tag: String, in html: String) -> String {
        guard let open = html.range(of: "<\(tag)>"), let close = html.range(of: "</\(tag)>", range: open.upperBound..<html.endIndex) else {
            return "'none'"
        }
        let digest = SHA256.hash(data: Data(html[open.upperBound..<close.lowerBound].utf8))
        return "'sha256-\(Data(digest).base64EncodedString())'"
    }
}

/// Refuses API requests whose Host or Origin names another site (DNS rebinding, cross-site
/// `text/plain` POSTs from a page the user happens to have open). Requests without an Origin
/// (curl, scripts) pass; browsers always send one on cross-origin POSTs.
public struct AllowedHostsMiddleware<Context: RequestContext>: RouterMiddleware {
    let allowed: Set<String>

    public init(allowed: Set<String>) {
        self.allowed = Set(allowed.map { $0.lowercased() })
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        if let refusal = Self.refusal(authority: request.head.authority, origin: request.headers[.origin],
                                      fetchSite: request.headers[.named("Sec-Fetch-Site")], allowed: allowed) {
            return DeskApplication.failure(403, refusal)
        }
        return try await next(request, context)
    }

    /// Why a request with these Host, Origin and Sec-Fetch-Site values is refused, or `nil`.
    public static func refusal(authority: String?, origin: String?, fetchSite: String?, allowed: Set<String>) -> String? {
        if let authority, !allowed.contains(hostName(authority)) {
            return "Host \(authority.prefix(100)) is not one this desk answers (--allowed-host)"
        }
        if let origin {
            let url = URL(string: origin)
            guard let host = url?.host, ["http", "https"].contains(url?.scheme ?? ""), allowed.contains(hostName(host)) else {
                return "requests from \(origin.prefix(100)) are refused: the API answers this desk's own page"
            }
        }
        if fetchSite == "cross-site" { return "cross-site requests are refused" }
        return nil
    }

    /// "localhost:8080" → "localhost", "[::1]:8080" → "::1".
    public static func hostName(_ authority: String) -> String {
        var text = authority.lowercased()
        if text.hasPrefix("[") {
            text = String(text.dropFirst().prefix { $0 != "]" })
            return text
        }
        if text.filter({ $0 == ":" }).count == 1, let colon = text.lastIndex(of: ":") { text = String(text[..<colon]) }
        return text
    }
}

extension HTTPField.Name {
    /// A header name this file spells out; the force unwrap only fails for a name that is not an
    /// HTTP token, and every call passes a literal that is.
    fileprivate static func named(_ literal: StaticString) -> HTTPField.Name {
        HTTPField.Name("\(literal)")!
    }
}
