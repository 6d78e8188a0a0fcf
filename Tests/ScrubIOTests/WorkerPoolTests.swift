import ScrubIO
import ScrubTestSupport
import Testing

private struct JobFailed: Error, Equatable {
    var index: Int
}

/// Something every job holds, so a test can see when no job holds anything any more.
private final class Token: Sendable {}

/// Jobs that wait for a test's go-ahead, and record the order in which they finish.
private struct Gates: Sendable {
    var open: Set<Int> = []
    var finished: [Int] = []
}

@Suite("Worker pool and ordered jobs", .timeLimit(.minutes(1)))
struct WorkerPoolTests {
    @Test("results come back in submission order when jobs finish in the opposite order", arguments: [2, 4])
    func orderWhenFinishingOutOfOrder(threads: Int) throws {
        let pool = WorkerPool(threads: threads)
        let jobs = OrderedJobs<Int, Never>(pool: pool, maxInFlight: threads)
        let gates = GuardedState(Gates())
        for index in 0..<threads {
            jobs.submit {
                gates.wait(until: { $0.open.contains(index) })
                gates.update { $0.finished.append(index) }
                return index * 10
            }
        }
        // Each job has a thread of its own: let the last finish first, then the one before, ...
        for index in (0..<threads).reversed() {
            gates.update { _ = $0.open.insert(index) }
            gates.wait(until: { $0.finished.contains(index) })
        }
        #expect(gates.update { $0.finished } == Array((0..<threads).reversed()))
        var results: [Int] = []
        while let result = jobs.next() { results.append(result) }
        #expect(results == (0..<threads).map { $0 * 10 })
    }

    @Test("many jobs of uneven cost keep their order on any pool", arguments: [1, 2, 3, 8])
    func orderUnderLoad(threads: Int) throws {
        let pool = WorkerPool(threads: threads)
        let jobs = OrderedJobs<[Int], Never>(pool: pool, maxInFlight: 2 * threads)
        var expected = 0
        var next = 0
        while expected < 500 {
            while jobs.hasRoom && next < 500 {
                let index = next
                jobs.submit { (0..<((index * 7_919) % 3_000)).reduce(into: [index]) { $0[0] &+= $1 & 0 } }
                next += 1
            }
            let result = try #require(jobs.next())
            #expect(result.first == expected)
            expected += 1
        }
        #expect(jobs.next() == nil)
    }

    @Test("in flight stays at the bound: no room until a result is taken")
    func boundedInFlight() throws {
        let pool = WorkerPool(threads: 2)
        let jobs = OrderedJobs<Int, Never>(pool: pool, maxInFlight: 3)
        for index in 0..<3 {
            #expect(jobs.hasRoom)
            jobs.submit { index }
        }
        #expect(!jobs.hasRoom)
        #expect(jobs.inFlight == 3)
        #expect(jobs.next() == 0)
        #expect(jobs.hasRoom)
        #expect(jobs.inFlight == 2)
    }

    @Test(
        "a job failing at any position: the results before it, then its error; released, nothing is left holding",
        arguments: [1, 2, 3], [0, 1, 5, 11, 19])
    func jobFailsAtEveryPosition(threads: Int, failing: Int) throws {
        weak var weakToken: Token?
        do {
            let token = Token()
            weakToken = token
            let pool = WorkerPool(threads: threads)
            let jobs = OrderedJobs<Int, JobFailed>(pool: pool, maxInFlight: 4)
            var taken: [Int] = []
            var caught: JobFailed?
            var next = 0
            do throws(JobFailed) {
                while true {
                    while jobs.hasRoom && next < 20 {
                        let index = next
                        jobs.submit { () throws(JobFailed) -> Int in
                            withExtendedLifetime(token) {}
                            if index == failing { throw JobFailed(index: index) }
                            return index
                        }
                        next += 1
                    }
                    guard let result = try jobs.next() else { break }
                    taken.append(result)
                }
            } catch { caught = error }
            #expect(caught == JobFailed(index: failing))
            #expect(taken == Array(0..<failing))
        }
        #expect(weakToken == nil, "the queue and the pool let go of every job")
    }

    @Test("the consumer stopping at any moment, jobs in flight, tears everything down", arguments: [1, 2, 3, 8])
    func consumerStops(threads: Int) throws {
        for stopAfter in [0, 1, 4, 9] {
            weak var weakToken: Token?
            do {
                let token = Token()
                weakToken = token
                let pool = WorkerPool(threads: threads)
                let jobs = OrderedJobs<[UInt8], Never>(pool: pool, maxInFlight: 2 * threads)
                var taken = 0
                var submitted = 0
                while taken < stopAfter {
                    while jobs.hasRoom {
                        let index = submitted
                        jobs.submit {
                            withExtendedLifetime(token) {}
                            return [UInt8](repeating: UInt8(index % 256), count: 10_000)
                        }
                        submitted += 1
                    }
                    #expect(jobs.next()?.first == UInt8(taken % 256))
                    taken += 1
                }
                while jobs.hasRoom { jobs.submit { withExtendedLifetime(token) { [] } } }
            }
            #expect(weakToken == nil, "\(threads) threads, stopped after \(stopAfter)")
        }
    }

    @Test("queues sharing a pool keep their own order")
    func queuesShareAPool() throws {
        let pool = WorkerPool(threads: 3)
        let a = OrderedJobs<String, Never>(pool: pool, maxInFlight: 4)
        let b = OrderedJobs<String, Never>(pool: pool, maxInFlight: 2)
        var fromA: [String] = []
        var fromB: [String] = []
        for index in 0..<40 {
            if !a.hasRoom { fromA.append(a.next()!) }
            a.submit { "a\(index)" }
            if !b.hasRoom { fromB.append(b.next()!) }
            b.submit { "b\(index)" }
        }
        while let result = a.next() { fromA.append(result) }
        while let result = b.next() { fromB.append(result) }
        #expect(fromA == (0..<40).map { "a\($0)" })
        #expect(fromB == (0..<40).map { "b\($0)" })
    }
}
