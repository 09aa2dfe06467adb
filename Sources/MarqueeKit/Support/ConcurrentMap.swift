import Dispatch
import Foundation

/// Maps independent items on all cores, keeping the input order so that output stays deterministic.
enum ConcurrentMap {
    static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        return withoutActuallyEscaping(transform) { transform in
            // The closures only read `items` and call `transform`, which callers keep free of shared
            // mutable state; each result slot is written by one worker.
            nonisolated(unsafe) let transform = transform
            nonisolated(unsafe) let items = items
            let results = ResultBox<R>(count: items.count)
            let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count))
            let chunk = max(1, items.count / (workers * 8))
            let chunks = (items.count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunk
                let end = min(start + chunk, items.count)
                for i in start..<end { results.set(i, transform(items[i])) }
            }
            return results.values()
        }
    }

    /// `0..<count` cut into ranges, a few per core and each at least `minimum` long: for work that
    /// sets something up once per range (a copy of the templates, a memo) before its items.
    static func ranges(of count: Int, atLeast minimum: Int) -> [Range<Int>] {
        let size = max(minimum, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}

/// Each slot is written by exactly one worker, so no lock is needed; reads happen after all workers finish.
private final class ResultBox<R>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<R?>
    private let count: Int
    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }
    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
    func set(_ index: Int, _ value: R) { storage[index] = value }
    func values() -> [R] { (0..<count).compactMap { storage[$0] } }
}
