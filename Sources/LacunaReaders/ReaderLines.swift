/// The lines a reader (HTML, Akoma Ntoso) produces, joined into the text it returns.
enum ReaderLines {
    /// Joins the lines a reader produced: runs of blank lines become one, and none lead or
    /// trail; the text ends with a line break.
    static func joinCollapsingBlanks(_ lines: [String]) -> String {
        var out: [String] = []
        for l in lines {
            if l.isEmpty && (out.isEmpty || out.last!.isEmpty) { continue }
            out.append(l)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }
}
