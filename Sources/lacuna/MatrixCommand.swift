import ArgumentParser
import Foundation
import LacunaCore
import LacunaKit
import LacunaReports

struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "The jurisdiction × requirement matrix of a store, as CSV or as a self-contained HTML heat map.",
        discussion: """
        Rows are jurisdictions, columns the requirements of the catalog (grouped by area in HTML). Where a \
        jurisdiction has several documents, a cell holds the best status any of them reaches (met, then partial, \
        missing, conflict) — with --worst the worst — from the latest result of each document still in its \
        source (documents a complete batch run retired are left out). For other questions, query the store's \
        views (docs/store.md).
        """
    )

    @Option(help: ArgumentHelp("The SQLite store written by `lacuna batch`.", valueName: "file"))
    var db: String = "lacuna.sqlite"

    @Option(help: "Output format: csv or html.")
    var format: String = "csv"

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Each cell: the worst status among the jurisdiction's documents (conflict, then missing, partial, met) instead of the best.")
    var worst = false

    @Option(help: "The title of the HTML page.")
    var title: String = "Lacuna — jurisdictions × requirements"

    func validate() throws {
        guard ["csv", "html"].contains(format) else { throw ValidationError("unknown format \(format) (csv, html)") }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: db) else {
            throw UsageError("\(db): no such store (run `lacuna batch PATH --db \(db)` first)")
        }
        if let output { try OutputTarget.check(output, against: [db]) }
        let matrix = try Store(path: db).matrix(worst ? .worst : .best)
        if matrix.rows.allSatisfy({ $0.documents == 0 }) {
            Say.line("\(db): no analysed document yet; the matrix is empty")
        }
        let text = format == "html" ? MatrixRenderer.html(matrix, title: title) : MatrixRenderer.csv(matrix)
        try Output(path: output).write(text)
    }
}
