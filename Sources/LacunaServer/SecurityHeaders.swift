import HTTPTypes
import Hummingbird

/// Adds the security headers to every response, refusals included: a strict content
/// security policy (nothing but this origin's style sheet and the page's own forms; no script,
/// no frame, no plug-in), no MIME sniffing, no referrer, no framing, and no caching.
///
/// Laws: every response leaves with all of these headers, whatever the route answered.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    static var headers: [(HTTPField.Name, String)] {
        [
            (.contentSecurityPolicy, policy),
            (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
            (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
            (HTTPField.Name("X-Frame-Options")!, "DENY"),
            (.cacheControl, "no-store"),
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = Responses.refusal(Refusal.from(error), api: request.uri.path.hasPrefix("/api/"))
        }
        for (name, value) in Self.headers { response.headers[name] = value }
        return response
    }
}
