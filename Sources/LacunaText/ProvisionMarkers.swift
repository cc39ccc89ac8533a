/// The provision numbers the segmenter recognises, for the readers (an HTML list item that
/// already starts with its own number is not numbered again).
///
/// Laws: answers exactly as the segmenter's marker grammar (`MarkerScanner`) does.
public enum ProvisionMarkers {
    /// Whether `text` starts with a provision number: parenthesised (`(1)`, `(a)`), a point
    /// (`a)`, `1.`), or structural (`Article 3`, `Section 4`, `Chapter II`).
    public static func startsWithMarker(_ text: String) -> Bool {
        var scanner = MarkerScanner(text)
        if scanner.parenthesised() != nil { return true }
        scanner = MarkerScanner(text)
        if scanner.point() != nil { return true }
        scanner = MarkerScanner(text)
        return scanner.structural() != nil
    }
}
