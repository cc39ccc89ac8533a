import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LacunaCore
@testable import LacunaServer
import NIOCore
import Testing

/// Bounded concurrency, the queue, and the time limit.
@Suite struct LimitTests {
    /// With every slot taken and no room in the queue, a request is refused at once: 503
    /// with Retry-After, not left to hang.
    @Test func aFullQueueIsAnswered503WithRetryAfter() async throws {
        var settings = ServerSettings()
        settings.concurrency = 1
        settings.queueLength = 0
        settings.retryAfter = 7
        let server = try S.server(settings)
        try await server.runner.gate.enter()
        try await S.test(server) { client in
            try await client.execute(uri: "/api/analyze", method: .post, body: ByteBuffer(bytes: try S.bytes("weak-draft"))) { r in
                #expect(r.status == .serviceUnavailable)
                #expect(r.headers[.retryAfter] == "7")
                #expect(S.errorMessage(r.body)?.hasPrefix("the server is busy") == true)
            }
            await server.runner.gate.leave()
            try await client.execute(uri: "/api/analyze", method: .post, body: ByteBuffer(bytes: try S.bytes("weak-draft"))) { r in
                #expect(r.status == .ok)
            }
            try await client.execute(uri: "/api/health", method: .get) { r in
                let running = try S.json(r.body)["running"] as? Int
                #expect(running == 0)
            }
        }
    }

    /// A waiting request gets the slot the running one leaves, in order.
    @Test func theGateHandsASlotToTheRequestThatWaited() async throws {
        let gate = AdmissionGate(slots: 1, queueLength: 1, retryAfter: 1)
        try await gate.enter()
        let waiter = Task { try await gate.enter(); return true }
        while await gate.load.waiting == 0 { await Task.yield() }
        await #expect(throws: Refusal.self) { try await gate.enter() }
        await gate.leave()
        #expect(try await waiter.value)
        #expect(await gate.load.running == 1)
        await gate.leave()
        #expect(await gate.load.running == 0)
    }

    /// Work that outlives the limit is answered with a refusal while it still holds its
    /// slot; the slot is freed when the work ends.
    @Test func workPastTheTimeLimitIsRefusedAndKeepsItsSlotUntilItEnds() async throws {
        let gate = AdmissionGate(slots: 1, queueLength: 0, retryAfter: 1)
        let runner = PipelineRunner(gate: gate, limit: .milliseconds(50))
        let release = DispatchSemaphore(value: 0)
        do {
            _ = try await runner.run("slow.txt") { release.wait(); return 1 }
            Issue.record("the time limit did not answer")
        } catch let r as Refusal {
            #expect(r.status == .unprocessableContent)
            #expect(r.message.hasPrefix("slow.txt: the analysis took longer than the server's"))
        }
        #expect(await gate.load.running == 1)
        release.signal()
        while await gate.load.running > 0 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(try await runner.run("quick.txt") { 42 } == 42)
    }

    /// The limit cancels the work: work that checks its cancellation ends by itself (here it
    /// would otherwise wait forever) and frees its slot.
    @Test func workPastTheTimeLimitIsCancelled() async throws {
        let gate = AdmissionGate(slots: 1, queueLength: 0, retryAfter: 1)
        let runner = PipelineRunner(gate: gate, limit: .milliseconds(50))
        let stopped = Cancellation()
        do {
            _ = try await runner.run("endless.txt") { (cancellation: Cancellation) in
                while !cancellation.isCancelled { Thread.sleep(forTimeInterval: 0.005) }
                stopped.cancel()
                try cancellation.check()
                return 1
            }
            Issue.record("the time limit did not answer")
        } catch let r as Refusal {
            #expect(r.status == .unprocessableContent)
        }
        while await gate.load.running > 0 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(stopped.isCancelled)
    }

    /// A cancelled analysis stops with `Cancelled` instead of a report.
    @Test func aCancelledAnalysisThrowsCancelled() throws {
        let cancellation = Cancellation()
        cancellation.cancel()
        let source = SourceText(path: "bill.txt", text: "A person who recruits another person for exploitation commits an offence.", contentHash: "")
        #expect(throws: Cancelled.self) { try S.analyzer.analyze(source, cancellation: cancellation) }
        #expect(try S.analyzer.analyze(source, cancellation: Cancellation()).report.findings.count == S.analyzer.catalog.requirements.count)
    }
}
