import CPCRE2

/// A compiled PCRE2 pattern: compiled once (UTF + UCP, optionally caseless), JIT-compiled,
/// and safe to share across tasks and threads.
///
/// Laws:
/// - A `Pattern` is immutable after `init`; matching never mutates it, so it is `Sendable`.
///   Each call to ``matches(in:limits:)`` allocates its own match data.
/// - Every span a match reports is a half-open range of UTF-8 byte offsets into the subject
///   it was given, and always falls on scalar boundaries.
/// - A match that exceeds ``MatchLimits`` throws ``PatternError/limitExceeded(pattern:detail:)``
///   instead of running on: a pathological pattern fails, it never hangs.
public final class Pattern: @unchecked Sendable {
    /// The pattern source as written.
    public let source: String
    /// Whether the pattern was compiled caseless.
    public let caseless: Bool
    /// Names of the named capture groups, by group number.
    public let groupNames: [Int: String]
    /// Number of capture groups (not counting group 0).
    public let captureCount: Int
    /// Whether JIT compilation succeeded (it may be unavailable on some platforms).
    public let isJITCompiled: Bool

    private let code: OpaquePointer
    /// The same pattern compiled anchored (JIT cannot anchor at match time), when asked for.
    private let anchoredCode: OpaquePointer?

    /// Compiles `source`.
    ///
    /// - Parameters:
    ///   - source: PCRE2 syntax.
    ///   - caseless: match without regard to case (Unicode-aware with UCP).
    ///   - multiline: `^` and `$` match at line starts and ends.
    /// - Throws: ``PatternError/compile(pattern:offset:message:)`` with the character offset
    ///   of the error inside `source`.
    ///   - anchoredVariant: also compile an anchored copy, for
    ///     ``matches(in:startingAt:limits:accept:)``.
    public init(_ source: String, caseless: Bool = false, multiline: Bool = false, anchoredVariant: Bool = false) throws {
        self.source = source
        self.caseless = caseless
        var options = UInt32(PCRE2_UTF) | UInt32(PCRE2_UCP)
        if caseless { options |= UInt32(PCRE2_CASELESS) }
        if multiline { options |= UInt32(PCRE2_MULTILINE) }
        var errorCode: Int32 = 0
        var errorOffset: Int = 0
        let utf8 = Array(source.utf8)
        let compiled: OpaquePointer? = utf8.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            let characterOffset = String(decoding: utf8.prefix(errorOffset), as: UTF8.self).count
            throw PatternError.compile(pattern: source, offset: characterOffset,
                                       message: PatternError.message(for: errorCode))
        }
        code = compiled
        isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        if anchoredVariant {
            let anchored: OpaquePointer? = utf8.withUnsafeBufferPointer { buffer in
                pcre2_compile_8(buffer.baseAddress, buffer.count, options | UInt32(PCRE2_ANCHORED), &errorCode, &errorOffset, nil)
            }
            if let anchored { pcre2_jit_compile_8(anchored, UInt32(PCRE2_JIT_COMPLETE)) }
            anchoredCode = anchored
        } else {
            anchoredCode = nil
        }

        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        groupNames = Pattern.readGroupNames(compiled)
    }

    deinit {
        pcre2_code_free_8(code)
        if let anchoredCode { pcre2_code_free_8(anchoredCode) }
    }

    /// Every non-overlapping match of the pattern in `subject`, left to right.
    public func matches(in subject: Subject, limits: MatchLimits = .default) throws -> [Match] {
        var results: [Match] = []
        try forEachMatch(in: subject, limits: limits) { results.append($0); return true }
        return results
    }

    /// Every match that `accept` keeps. When a match is rejected, the search resumes at the
    /// next character after its start, so a rejected match (one that starts in a heading,
    /// say) cannot hide an acceptable one that overlaps it.
    public func matches(in subject: Subject, limits: MatchLimits = .default, accept: (Match) -> Bool) throws -> [Match] {
        var results: [Match] = []
        try withMatchState(limits: limits) { matchData, context in
            var from = 0
            while from <= subject.bytes.count, let m = try matchOnce(code, subject, at: from, matchData, context) {
                let kept = accept(m)
                if kept { results.append(m) }
                from = Pattern.resume(after: m, kept: kept, in: subject)
            }
        }
        return results
    }

    /// The same matches as ``matches(in:limits:accept:)``, trying only the start offsets
    /// `starts` (ascending UTF-8 offsets): for a pattern whose every match begins at one of
    /// them (see ``RequiredLiterals/leading(of:)``), this skips the search between them.
    /// Without an anchored variant, it searches as ``matches(in:limits:accept:)`` does.
    /// The offsets may be of any integer type (a screening keeps them 32-bit).
    @_specialize(where Offset == Int32)
    @_specialize(where Offset == Int)
    public func matches<Offset: BinaryInteger>(in subject: Subject, startingAt starts: [Offset], limits: MatchLimits = .default,
                                               accept: (Match) -> Bool) throws -> [Match] {
        guard let anchoredCode else { return try matches(in: subject, limits: limits, accept: accept) }
        var results: [Match] = []
        try withMatchState(limits: limits) { matchData, context in
            var from = 0
            for offset in starts {
                let start = Int(offset)
                guard start >= from && start <= subject.bytes.count else { continue }
                guard let m = try matchOnce(anchoredCode, subject, at: start, matchData, context) else { continue }
                let kept = accept(m)
                if kept { results.append(m) }
                from = Pattern.resume(after: m, kept: kept, in: subject)
            }
        }
        return results
    }

    /// Where a search goes on after `m`: past it when it was kept (past an empty match by one
    /// whole scalar), one scalar after its start when it was rejected.
    private static func resume(after m: Match, kept: Bool, in subject: Subject) -> Int {
        guard kept else { return subject.nextScalarBoundary(after: m.range.lowerBound) }
        return m.range.isEmpty ? subject.nextScalarBoundary(after: m.range.upperBound) : m.range.upperBound
    }

    /// The first match at or after `from` (a UTF-8 offset), if any.
    public func firstMatch(in subject: Subject, from: Int = 0, limits: MatchLimits = .default) throws -> Match? {
        var found: Match?
        try forEachMatch(in: subject, from: from, limits: limits) { found = $0; return false }
        return found
    }

    /// Whether the pattern matches anywhere in `subject`.
    public func isMatch(in subject: Subject, limits: MatchLimits = .default) throws -> Bool {
        try firstMatch(in: subject, limits: limits) != nil
    }

    /// Calls `body` for each non-overlapping match until it returns `false`.
    public func forEachMatch(in subject: Subject, from: Int = 0, limits: MatchLimits = .default,
                             _ body: (Match) throws -> Bool) throws {
        try withMatchState(limits: limits) { matchData, context in
            var offset = from
            while offset <= subject.bytes.count {
                guard let match = try matchOnce(code, subject, at: offset, matchData, context) else { return }
                if try !body(match) { return }
                // Step past an empty match by one whole scalar to stay on a boundary.
                offset = match.range.isEmpty ? subject.nextScalarBoundary(after: match.range.upperBound) : match.range.upperBound
            }
        }
    }

    /// Runs `body` with match data and a match context carrying `limits`, freed afterwards.
    private func withMatchState(limits: MatchLimits, _ body: (OpaquePointer, OpaquePointer) throws -> Void) throws {
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else {
            throw PatternError.outOfMemory(pattern: source)
        }
        defer { pcre2_match_data_free_8(matchData) }
        guard let context = pcre2_match_context_create_8(nil) else {
            throw PatternError.outOfMemory(pattern: source)
        }
        defer { pcre2_match_context_free_8(context) }
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
        try body(matchData, context)
    }

    /// One search (or, with the anchored code, one attempt) at `offset`.
    private func matchOnce(_ code: OpaquePointer, _ subject: Subject, at offset: Int, _ matchData: OpaquePointer,
                           _ context: OpaquePointer) throws -> Match? {
        // The subject was validated as UTF-8 when it was built, so every call skips the
        // check; without this PCRE2 re-validates the rest of the subject on each call.
        let rc = subject.bytes.withUnsafeBufferPointer { buffer in
            pcre2_match_8(code, buffer.baseAddress, buffer.count, offset, UInt32(PCRE2_NO_UTF_CHECK), matchData, context)
        }
        if rc == PCRE2_ERROR_NOMATCH { return nil }
        if rc < 0 {
            if rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT
                || rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT {
                throw PatternError.limitExceeded(pattern: source, detail: PatternError.message(for: rc))
            }
            throw PatternError.match(pattern: source, code: Int(rc), message: PatternError.message(for: rc))
        }
        let unset = lacuna_pcre2_unset()
        let ovector = pcre2_get_ovector_pointer_8(matchData)!
        let pairs = Int(pcre2_get_ovector_count_8(matchData))
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(pairs)
        for i in 0..<pairs {
            let start = ovector[2 * i], end = ovector[2 * i + 1]
            groups.append(start == unset ? nil : Int(start)..<Int(end))
        }
        guard let whole = groups[0] else { return nil }
        return Match(range: whole, groups: groups, names: groupNames)
    }

    private static func readGroupNames(_ code: OpaquePointer) -> [Int: String] {
        var count: UInt32 = 0
        var entrySize: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMECOUNT), &count)
        guard count > 0 else { return [:] }
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMEENTRYSIZE), &entrySize)
        var table: UnsafePointer<UInt8>?
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_NAMETABLE), &table)
        guard let table else { return [:] }
        var names: [Int: String] = [:]
        for i in 0..<Int(count) {
            let entry = table + i * Int(entrySize)
            let number = Int(entry[0]) << 8 | Int(entry[1])
            var nameBytes: [UInt8] = []
            var p = entry + 2
            while p.pointee != 0 { nameBytes.append(p.pointee); p += 1 }
            names[number] = String(decoding: nameBytes, as: UTF8.self)
        }
        return names
    }
}
