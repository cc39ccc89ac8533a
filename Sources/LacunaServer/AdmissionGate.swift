/// Lets at most `slots` analyses run at once and at most `queueLength` wait; a request that
/// finds the queue full is refused at once with `503` and `Retry-After`.
///
/// Laws: `running <= slots`, `waiting.count <= queueLength`; every successful `enter` is
/// matched by one `leave`, which hands the slot to the longest-waiting request.
actor AdmissionGate {
    let slots: Int
    let queueLength: Int
    let retryAfter: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(slots: Int, queueLength: Int, retryAfter: Int) {
        self.slots = max(1, slots)
        self.queueLength = max(0, queueLength)
        self.retryAfter = retryAfter
    }

    func enter() async throws {
        if running < slots {
            running += 1
            return
        }
        guard waiting.count < queueLength else {
            throw Refusal(.serviceUnavailable, "the server is busy: \(running) analyses running and \(waiting.count) waiting; try again in \(retryAfter) s",
                          retryAfter: retryAfter)
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }

    /// Analyses running and waiting now (for `/api/health`).
    var load: (running: Int, waiting: Int) { (running, waiting.count) }
}
