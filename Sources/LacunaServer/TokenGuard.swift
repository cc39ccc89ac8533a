import Foundation
import Hummingbird

/// With a token set, lets a request through only when it carries it: as a bearer token
/// (`Authorization: Bearer …`, for the API) or in the login cookie the sign-in page sets.
/// The sign-in page and the style sheet are open; any other page sends the browser to sign in.
///
/// Laws: the token is compared in constant time; without a token the guard lets everything
/// through (a loopback-only server).
struct TokenGuard<Context: RequestContext>: RouterMiddleware {
    let token: String?

    static var cookieName: String { "lacuna_token" }
    static var open: Set<String> { ["/login", "/assets/style.css", "/api/health"] }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token, !Self.open.contains(request.uri.path) else { return try await next(request, context) }
        if let presented = Self.presented(request), Self.same(presented, token) { return try await next(request, context) }
        if request.uri.path.hasPrefix("/api/") || request.method != .get { throw Refusal.unauthorized() }
        return Response(status: .seeOther, headers: [.location: "/login"])
    }

    /// The token a request carries, from its `Authorization` header or its cookie.
    static func presented(_ request: Request) -> String? {
        if let auth = request.headers[.authorization], auth.lowercased().hasPrefix("bearer ") {
            return String(auth.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        }
        return request.cookies[cookieName]?.value.removingPercentEncoding
    }

    /// Equal strings, in time that depends only on their lengths.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    /// The `Set-Cookie` value that signs a browser in.
    static func cookie(_ token: String) -> String {
        let value = token.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return "\(cookieName)=\(value); Path=/; HttpOnly; SameSite=Strict"
    }
}
