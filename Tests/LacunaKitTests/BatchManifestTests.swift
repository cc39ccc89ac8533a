import Foundation
import Testing
import LacunaCore
@testable import LacunaKit

@Suite struct BatchManifestTests {
    static let known = PluginRegistry.standard.traditions

    func parse(_ text: String, _ format: ManifestFormat? = nil, file: String = "m.csv", base: String? = "/laws") throws -> [BatchItem] {
        try Manifest.parse(text, format: format, file: file, base: base, knownTraditions: Self.known)
    }

    func error(_ text: String, _ format: ManifestFormat? = nil, file: String = "m.csv") -> ManifestError? {
        do {
            _ = try parse(text, format, file: file)
            return nil
        } catch let e as ManifestError {
            return e
        } catch {
            return ManifestError(file: "?", line: 0, problem: "unexpected \(error)")
        }
    }

    @Test func csvWithQuotesCommasAndLineBreaks() throws {
        let items = try parse("""
        Path,Jurisdiction,Tradition,Title,Year,notes\r
        norland/act.txt,Norland,common,"Trafficking in Persons Act, 2019",2019,x\r
        "valdoria/code.txt","Valdoria","civil-law","The ""Penal"" Code
        (extract)","2005 (as amended to 2019)",\r
        \r
        /abs/doc.txt,,mixed,,,\r

        """)
        #expect(items.count == 3)
        #expect(items[0] == BatchItem(path: "/laws/norland/act.txt", key: "norland/act.txt", jurisdiction: "Norland", tradition: "common-law",
                                      title: "Trafficking in Persons Act, 2019", year: 2019, line: 2))
        #expect(items[1].title == "The \"Penal\" Code\n(extract)")
        #expect(items[1].year == 2005)
        #expect(items[1].tradition == "civil-law")
        #expect(items[1].line == 3)
        #expect(items[2].path == "/abs/doc.txt")
        #expect(items[2].jurisdiction == nil && items[2].title == nil && items[2].year == nil)
        #expect(items[2].tradition == "auto")
        #expect(items[2].line == 6, "line numbers count the line break inside the quoted title")
    }

    @Test func tsvWithTheSharedStatutesColumns() throws {
        let items = try parse("""
        file\tjurisdiction\tlegal_tradition\tlanguage\ttitle\tyear
        ca-criminal-code-279.txt\tCanada (federal)\tcommon\ten\tCriminal Code, ss. 279.01-279.04\t2005 (as amended to 2019)
        de-stgb-232.txt\tGermany\tcivil\ten\t"Strafgesetzbuch § 232"\t2016
        qa-law.txt\tQatar\tislamic\ten\tLaw No. 15 of 2011\t2011
        """, file: "MANIFEST.tsv", base: "statutes")
        #expect(items.map(\.path) == ["statutes/ca-criminal-code-279.txt", "statutes/de-stgb-232.txt", "statutes/qa-law.txt"])
        #expect(items.map(\.key) == ["ca-criminal-code-279.txt", "de-stgb-232.txt", "qa-law.txt"])
        #expect(items.map(\.tradition) == ["common-law", "civil-law", "islamic-law"])
        #expect(items.map(\.year) == [2005, 2016, 2011])
        #expect(items[1].title == "Strafgesetzbuch § 232")
    }

    @Test func jsonLines() throws {
        let items = try parse("""
        {"path": "a.txt", "jurisdiction": "Norland", "tradition": "common-law+islamic-law", "year": 2019}

        {"file": "b.txt", "country": "Valdoria", "title": "Code", "year": "2005", "extra": [1, 2]}
        """, file: "m.jsonl", base: nil)
        #expect(items.count == 2)
        #expect(items[0].path == "a.txt" && items[0].jurisdiction == "Norland" && items[0].tradition == "common-law+islamic-law" && items[0].year == 2019)
        #expect(items[0].line == 1)
        #expect(items[1].path == "b.txt" && items[1].jurisdiction == "Valdoria" && items[1].title == "Code" && items[1].year == 2005)
        #expect(items[1].line == 3)
    }

    @Test func theFormatIsGuessedFromTheContentWithoutAnExtension() throws {
        #expect(try parse("{\"path\": \"a.txt\"}\n", file: "-").map(\.path) == ["/laws/a.txt"])
        #expect(try parse("path\tyear\na.txt\t2001\n", file: "-").map(\.year) == [2001])
        #expect(try parse("path,year\na.txt,2002\n", file: "-").map(\.year) == [2002])
    }

    /// A tradition of only `+` (or an empty part) trapped when the batch began: now the
    /// manifest's line, with the value quoted as written.
    @Test func anEmptyTraditionIsAnErrorOnItsLine() throws {
        let e = try #require(error("path,tradition\na.txt,common\nb.txt,+\n"))
        #expect(e.line == 3)
        #expect(e.problem.contains("\"+\""), "\(e.problem)")
        #expect(error("path,tradition\na.txt,common+\n")?.line == 2)
        #expect(error("{\"path\": \"a.txt\", \"tradition\": \"+\"}\n", file: "m.jsonl")?.line == 1)
    }

    @Test func errorsNameTheFileAndLine() {
        #expect(error("path,title\na.txt,\"never closed\nb.txt,x\n")?.line == 2)
        #expect(error("path,title\na.txt,\"never closed\nb.txt,x\n")?.problem.contains("never closed") == true)
        #expect(error("title,year\nAct,2001\n") == ManifestError(file: "m.csv", line: 1, problem: "the header row names no path column (expected one of: path, file, document)"))
        #expect(error("path,year\na.txt,2001\n,2002\n")?.line == 3)
        #expect(error("path,year\na.txt,2001\nb.txt,sometime\n")?.line == 3)
        #expect(error("path,year\na.txt,2001\nb.txt,sometime\n")?.problem.contains("not a year") == true)
        #expect(error("path,tradition\na.txt,common\nb.txt,roman-law\n")?.line == 3)
        #expect(error("path,tradition\na.txt,common\nb.txt,roman-law\n")?.problem.contains("unknown tradition") == true)
        #expect(error("path,year\na.txt,2001,extra\n")?.problem == "3 fields, but the header row has 2")
        #expect(error("path,title\na.txt,\"quoted\"trailing\n")?.line == 2)
        #expect(error("{\"path\": \"a.txt\"}\n{\"path\": \"b.txt\"\n", file: "m.jsonl")?.line == 2)
        #expect(error("{\"path\": \"a.txt\"}\n[1, 2]\n", file: "m.jsonl")?.problem == "not a JSON object")
        #expect(error("", file: "m.csv")?.line == 1)
        #expect(error("path\n", file: "m.csv") == nil)
        #expect(error("{\"path\": \"a.txt\"}\n", file: "m.jsonl")?.description == nil)
        #expect(ManifestError(file: "m.csv", line: 7, problem: "no path").description == "m.csv:7: no path")
    }

    @Test func shardsPartitionDeterministically() throws {
        let items = (0..<300).map { BatchItem(path: "/x/\($0).txt", key: "j\($0 % 7)/doc-\($0).txt") }
        var seen = Set<String>()
        var sizes: [Int] = []
        for k in 1...3 {
            let shard = try Shard(parsing: "\(k)/3")
            let part = items.filter(shard.contains)
            sizes.append(part.count)
            for item in part { #expect(seen.insert(item.key).inserted, "\(item.key) is in two shards") }
        }
        #expect(seen.count == items.count)
        #expect(sizes.allSatisfy { $0 > 60 }, "roughly even: \(sizes)")
        // Stable across runs and machines: FNV-1a of the key.
        #expect(Shard.bucket("norland/act.txt", count: 8) == Shard.bucket("norland/act.txt", count: 8))
        #expect(throws: UsageError.self) { try Shard(parsing: "0/3") }
        #expect(throws: UsageError.self) { try Shard(parsing: "4/3") }
        #expect(throws: UsageError.self) { try Shard(parsing: "1-3") }
    }

    @Test func aFolderIsWalkedRecursivelyWithJurisdictionsFromFolders() throws {
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        for sub in ["norland/acts", "valdoria", ".hidden"] {
            try fm.createDirectory(at: dir.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        for name in ["norland/acts/b.txt", "norland/a.TXT", "valdoria/code.docx", "valdoria/notes.yml", ".hidden/x.txt",
                     "valdoria/.draft.txt", "top.txt"] {
            _ = try Support.write("text", name, in: dir)
        }
        let items = try BatchInput.walk(dir.path)
        #expect(items.map(\.key) == ["norland/a.TXT", "norland/acts/b.txt", "top.txt", "valdoria/code.docx"])
        #expect(items.map(\.jurisdiction) == ["norland", "norland", "top", "valdoria"])
        #expect(items[0].path == dir.path + "/norland/a.TXT")
    }
}
