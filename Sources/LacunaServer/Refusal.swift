import Hummingbird
import LacunaCore
import LacunaReaders
import NIOCore

/// A request the server does not carry out: an HTTP status and the one line the CLI would
/// print for the same problem (`file: problem`, without the `lacuna: ` prefix).
///
/// Laws: everything a client can cause maps to a 4xx (or 503 when the queue is full); a
/// message never holds more of an upload than its name, and is never logged.
public struct Refusal: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var message: String
    /// Seconds, for `Retry-After` (a 503).
    public var retryAfter: Int?

    public init(_ status: HTTPResponse.Status, _ message: String, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    /// The refusal for an error the pipeline (or the body reader) threw.
    public static func from(_ error: any Error) -> Refusal {
        switch error {
        case let r as Refusal: r
        case let e as UsageError: Refusal(.badRequest, e.description)
        case let e as InputError where e.problem.contains("(raise it with --max-size)"): Refusal(.contentTooLarge, e.description)
        case let e as any LacunaError: Refusal(.unprocessableContent, e.description)
        case let e as HTTPError where e.status == .notFound: Refusal(.notFound, "no such page or endpoint")
        case let e as HTTPError: Refusal(e.status, e.body ?? e.status.reasonPhrase)
        case is NIOTooManyBytesError: Refusal(.contentTooLarge, "the request is larger than the server accepts")
        default: Refusal(.unprocessableContent, "the request could not be carried out")
        }
    }

    static func unauthorized() -> Refusal {
        Refusal(.unauthorized, "this server needs its access token (Authorization: Bearer, or sign in on the page)")
    }
}
