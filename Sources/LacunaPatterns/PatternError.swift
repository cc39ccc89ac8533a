import CPCRE2

/// Why a pattern could not be compiled or matched.
public enum PatternError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The pattern does not compile; `offset` is the character offset of the problem.
    case compile(pattern: String, offset: Int, message: String)
    /// A match ran past ``MatchLimits`` (likely catastrophic backtracking).
    case limitExceeded(pattern: String, detail: String)
    /// PCRE2 reported another matching error.
    case match(pattern: String, code: Int, message: String)
    /// The subject is not valid UTF-8 at this byte offset.
    case invalidUTF8(offset: Int)
    /// PCRE2 could not allocate.
    case outOfMemory(pattern: String)

    public var description: String {
        switch self {
        case let .compile(pattern, offset, message):
            return "pattern /\(pattern)/ does not compile at character \(offset): \(message)"
        case let .limitExceeded(pattern, detail):
            return "pattern /\(pattern)/ exceeded its match limits (\(detail)); simplify it (nested or adjacent unbounded repeats backtrack catastrophically)"
        case let .match(pattern, code, message):
            return "pattern /\(pattern)/ failed to match (PCRE2 error \(code)): \(message)"
        case let .invalidUTF8(offset):
            return "text is not valid UTF-8 at byte \(offset)"
        case let .outOfMemory(pattern):
            return "out of memory while matching /\(pattern)/"
        }
    }

    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, 256) }
        return n > 0 ? String(decoding: buffer.prefix(Int(n)), as: UTF8.self) : "error \(code)"
    }
}
