import Foundation
/// Reads the number at the start of a phrase: `20`, `four`, `fourteen`, `twenty-five`,
/// `6.5`. Used by rules whose evidence depends on a quantity (penalties, ages).
enum NumberWords {
    static let units: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
    ]
    static let tens: [String: Double] = ["twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                                         "seventy": 70, "eighty": 80, "ninety": 90]

    static func parse(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        var digits = ""
        for c in trimmed {
            if c.isNumber || (c == "." && !digits.isEmpty) { digits.append(c) } else if c == "," && !digits.isEmpty { continue } else { break }
        }
        if let d = Double(digits.hasSuffix(".") ? String(digits.dropLast()) : digits) { return d }
        let words = trimmed.split { $0 == " " || $0 == "-" || $0 == "\u{2011}" }.map(String.init)
        guard let first = words.first else { return nil }
        if let t = tens[first] {
            if words.count > 1, let u = units[words[1]], u < 10 { return t + u }
            return t
        }
        return units[first]
    }
}
