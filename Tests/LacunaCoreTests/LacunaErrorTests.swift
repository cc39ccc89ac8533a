import Testing
import LacunaCore

@Suite struct LacunaErrorTests {
    struct FileProblem: LacunaError {
        var location: String?
        var problem: String
    }

    @Test func oneLineWithTheLocationFirst() {
        #expect(FileProblem(location: "pack.yml:12:5", problem: "missing key requirements").description == "pack.yml:12:5: missing key requirements")
        #expect(FileProblem(location: nil, problem: "unknown tradition x").description == "unknown tradition x")
        #expect(UsageError("unknown format pdf").description == "unknown format pdf")
        #expect(UsageError("unknown format pdf").location == nil)
    }

    @Test func anyLacunaErrorIsRecognisedAsOne() {
        let errors: [any Error] = [UsageError("a"), FileProblem(location: "f", problem: "b")]
        #expect(errors.map { ($0 as? any LacunaError)?.description } == ["a", "f: b"])
    }
}
