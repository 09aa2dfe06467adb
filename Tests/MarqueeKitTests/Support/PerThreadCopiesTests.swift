import Foundation
import Testing
@testable import MarqueeKit

@Suite struct PerThreadCopiesTests {
    /// A box that counts how many threads are inside `with` holding it at once.
    final class Holder: @unchecked Sendable {
        let id: Int
        private let lock = NSLock()
        private var users = 0
        private(set) var mostAtOnce = 0
        init(id: Int) { self.id = id }
        func enter() { lock.withLock { users += 1; mostAtOnce = max(mostAtOnce, users) } }
        func leave() { lock.withLock { users -= 1 } }
    }

    /// Run alone, only the original is used and no copy is made.
    @Test func oneThreadUsesTheOriginal() {
        let made = Counter()
        let copies = PerThreadCopies(Holder(id: 0)) { Holder(id: made.next()) }
        for _ in 0..<100 { #expect(copies.with { $0.id } == 0) }
        #expect(made.value == 0)
    }

    /// Under concurrent use no value is ever held by two threads at once, and copies are reused:
    /// there are never more values than threads working.
    @Test func noValueIsShared() {
        let made = Counter()
        let all = Locked<[Holder]>([])
        let original = Holder(id: 0)
        all.mutate { $0.append(original) }
        let copies = PerThreadCopies(original) {
            let holder = Holder(id: made.next())
            all.mutate { $0.append(holder) }
            return holder
        }
        let workers = 4
        DispatchQueue.concurrentPerform(iterations: workers * 50) { _ in
            copies.with { holder in
                holder.enter()
                usleep(200)
                holder.leave()
            }
        }
        let holders = all.value
        #expect(holders.allSatisfy { $0.mostAtOnce <= 1 })
        #expect(holders.count <= max(workers, ProcessInfo.processInfo.activeProcessorCount) + 1)
        #expect(original.mostAtOnce == 1)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var value = 0
        func next() -> Int { lock.withLock { value += 1; return value } }
    }

    final class Locked<T>: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: T
        init(_ value: T) { stored = value }
        var value: T { lock.withLock { stored } }
        func mutate(_ change: (inout T) -> Void) { lock.withLock { change(&stored) } }
    }
}
