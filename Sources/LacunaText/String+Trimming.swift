/// Trimming of spaces and tabs only (not line breaks or other white space), as lines are trimmed.
extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
    func trimmingLeadingSpaces() -> String {
        String(self.drop { $0 == " " || $0 == "\t" })
    }
}
