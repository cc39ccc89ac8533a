import Foundation
import LacunaCore
@testable import LacunaReaders
@testable import LacunaText

// libFuzzer entry point: every input goes through ingest (format detection and the reader
// it picks: text, Word, HTML, Akoma Ntoso), then segmentation with both numbering
// conventions and resolution. Input errors are expected; crashes, hangs, memory blow-ups
// and broken invariants are findings. Built only by scripts/fuzz.sh.
//
// The first byte chooses how the rest is named, so that the extension checks are fuzzed too.

enum Harness {
    static let names = ["fuzz", "fuzz.txt", "fuzz.docx", "fuzz.html", "fuzz.xml", "fuzz.pdf"]
    static let ingester = Ingester(maxBytes: 1 << 20, maxExpandedBytes: 8 << 20, toolSearchPath: "")
    static let resolver = try! Resolver()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data + 1, count: count - 1))
    // Selectors 6 and 7 reach the Word readers' XML directly, past the ZIP checksums that
    // random mutations rarely get right.
    switch data[0] % 8 {
    case 6: return wordPart(bytes, document: true)
    case 7: return wordPart(bytes, document: false)
    default: break
    }
    let name = Harness.names[Int(data[0] % 8) % Harness.names.count]
    let source: SourceText
    do {
        source = try Harness.ingester.decode(bytes, path: name)
    } catch let error as InputError {
        precondition(error.path == name && !error.problem.isEmpty, "an input error must name the file and the problem")
        return 0
    } catch {
        fatalError("ingest threw something other than an InputError: \(error)")
    }
    for conventions in [SegmentationConventions.commonLaw, .civilLaw] {
        let segmentation = Segmenter(conventions: conventions).segment(source)
        check(segmentation, source)
        do {
            let document = try Harness.resolver.resolve(segmentation, source: source)
            for span in document.excluded { precondition(span.range.upperBound <= source.utf8.count) }
        } catch {
            // A pattern hitting its match limit is an error, not a crash.
        }
    }
    return 0
}

/// `word/document.xml` (with the test bill's numbering) or `word/numbering.xml` (with the
/// test bill's document), straight into the Word readers.
func wordPart(_ bytes: [UInt8], document: Bool) -> CInt {
    do {
        var numbering = DocxNumbering()
        let numberingXML = document ? Array(Bill.numberingXML.utf8) : bytes
        let parser = DocxNumberingParser(numbering: numbering)
        try SafeXMLParser.parse(try XMLSafety.prepare(numberingXML, path: "n.xml"), handler: parser, path: "n.xml")
        numbering = parser.numbering
        let builder = DocxDocumentBuilder(revisions: bytes.count % 2 == 0 ? .current : .original, numbering: numbering)
        let documentXML = document ? bytes : Array(Bill.docxDocument.utf8)
        try SafeXMLParser.parse(try XMLSafety.prepare(documentXML, path: "d.xml"), handler: builder, path: "d.xml")
        let text = builder.finish()
        let source = SourceText(path: "d.xml", text: text, format: "docx", contentHash: "")
        check(Segmenter(conventions: .commonLaw).segment(source), source)
    } catch let error as InputError {
        precondition(!error.problem.isEmpty)
    } catch {
        fatalError("a Word reader threw something other than an InputError: \(error)")
    }
    return 0
}

/// The segmenter's laws: spans within the text, parents before and around their children,
/// exclusions sorted and disjoint.
func check(_ s: Segmentation, _ source: SourceText) {
    let n = source.utf8.count
    for (i, p) in s.provisions.enumerated() {
        precondition(p.range.lowerBound >= 0 && p.range.upperBound <= n, "provision \(i) outside the text")
        if let parent = p.parent {
            precondition(parent < i, "parent after child")
            let outer = s.provisions[parent].range
            precondition(outer.lowerBound <= p.range.lowerBound && p.range.upperBound <= outer.upperBound, "child outside its parent")
        }
    }
    var last = 0
    for span in s.excluded {
        precondition(span.range.lowerBound >= last && span.range.upperBound <= n, "exclusions overlap or leave the text")
        last = span.range.upperBound
    }
}

// SwiftPM links an executable's entry point as `<module>_main` (it renames `main` so tests
// can link the module). libFuzzer's driver is started from there.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("IngestFuzzer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    if let directory = ProcessInfo.processInfo.environment["LACUNA_FUZZ_SEEDS"] {
        do {
            try writeSeeds(to: directory)
            return 0
        } catch {
            print("cannot write seeds: \(error)")
            return 1
        }
    }
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}

/// The seed corpus: the test suite's bill in every format, with the first byte naming it.
func writeSeeds(to directory: String) throws {
    let dir = URL(fileURLWithPath: directory)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    var utf16: [UInt8] = [0xFF, 0xFE]
    for u in Bill.text.utf16 { utf16 += [UInt8(u & 0xFF), UInt8(u >> 8)] }
    let latin = Bill.text.replacingOccurrences(of: "—", with: "-").unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
    let seeds: [(String, UInt8, [UInt8])] = [
        ("text", 1, Array(Bill.text.utf8)),
        ("utf16", 1, utf16),
        ("latin1", 0, latin),
        ("docx", 2, try Bill.docx()),
        ("docx-stored", 2, try Bill.zip([("word/document.xml", Array(Bill.docxDocument.utf8)),
                                         ("word/numbering.xml", Array(Bill.numberingXML.utf8))], compression: .none)),
        ("html", 3, Array(Bill.html.utf8)),
        ("akn", 4, Array(Bill.akomaNtoso.utf8)),
        ("pdf", 5, Bill.pdf("Section 1. Text.")),
        ("word-document", 6, Array(Bill.docxDocument.utf8)),
        ("word-numbering", 7, Array(Bill.numberingXML.utf8)),
    ]
    for (name, selector, bytes) in seeds {
        try Data([selector] + bytes).write(to: dir.appendingPathComponent("seed-\(name)"))
    }
}
