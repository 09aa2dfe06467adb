// Why two threads render less than twice as fast: every `as?` to a protocol looks up the Swift
// runtime's conformance cache, whose readers increment and decrement one shared counter
// (ConcurrentReadableHashMap's reader count; swiftlang/swift#33487). swift-mustache makes several
// such casts for each tag it renders, so two cores rendering at once keep taking that counter's
// cache line from each other. This program does only such casts, on 1 or more threads, so that the
// effect can be seen apart from Marquee:
//
//   swiftc -O scripts/bench/cast-contention.swift -o /tmp/cast-contention
//   /tmp/cast-contention 1; /tmp/cast-contention 2      # threads in one process
//   taskset -c 0 /tmp/cast-contention 1 & taskset -c 1 /tmp/cast-contention 1 & wait   # two processes
//
// Each thread does the same work, so with no contention every line shows about the same time.
// On the project machine (2 vCPUs): 0.8-1.2 s with one thread, 2.4-2.6 s with two threads, and
// 0.9 s for each of two processes side by side.
import Dispatch
import Foundation

protocol Absent {}
protocol Present {}
extension Dictionary: Present where Key == String {}

let values: [Any] = [["a": 1] as [String: Any], "text", true, [1, 2] as [Any]]

func casts(_ count: Int) -> Int {
    var hits = 0
    for i in 0..<count {
        let value = values[i & 3]
        if value as? Absent != nil { hits += 1 }
        if value as? Present != nil { hits += 1 }
    }
    return hits
}

let count = 4_000_000
let threads = max(1, Int(CommandLine.arguments.dropFirst().first ?? "1") ?? 1)
let start = Date()
DispatchQueue.concurrentPerform(iterations: threads) { _ in _ = casts(count) }
print("\(threads) thread(s), \(count) iterations each: \(String(format: "%.3f", Date().timeIntervalSince(start))) s")
