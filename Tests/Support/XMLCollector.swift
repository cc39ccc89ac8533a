import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an HTML report as XML (Lacuna's pages are well-formed), collecting element names
/// and attributes; fails on malformed markup. Shared by the report and CLI tests.
public final class XMLCollector: NSObject, XMLParserDelegate {
    public var elements: [String] = []
    public var attributes: [[String: String]] = []
    public func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                       attributes: [String: String]) {
        elements.append(name)
        self.attributes.append(attributes)
    }
    public static func parse(_ html: String) -> (ok: Bool, XMLCollector, String?) {
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        let ok = parser.parse()
        return (ok, collector, parser.parserError.map { "\($0)" })
    }
}
