import CMarqueeSystem
import Foundation

/// What a build is doing, for a progress line, and how long each stage took, for `--verbose`.
/// The build marks each stage's start (a few times a build, under a lock) and counts the pages it
/// renders (an atomic add per page, no lock, nothing else); whoever shows the progress reads it
/// from a timer of its own, so the cost to the build is the same whether anyone looks or not.
public final class BuildProgress: @unchecked Sendable {
    public enum Stage: String, Sendable, CaseIterable {
        case read, assemble, render, check, write
    }

    private let lock = NSLock()
    private var stages: [(stage: Stage, started: UInt64)] = []
    private var ended: UInt64?
    private var total = 0
    private let done = UnsafeMutablePointer<CLong>.allocate(capacity: 1)

    public init() {
        done.initialize(to: 0)
    }

    deinit {
        done.deallocate()
    }

    /// A new stage; `total` is the count of pages it goes through (0 when not counted).
    func begin(_ stage: Stage, total: Int = 0) {
        lock.withLock {
            if stages.last?.stage == stage { return }
            stages.append((stage, DispatchTime.now().uptimeNanoseconds))
            self.total = total
            marquee_counter_store(done, 0)
        }
    }

    /// One more page of the current stage done; called from the rendering threads.
    @inline(__always) func advance() {
        marquee_counter_add(done, 1)
    }

    /// The build is over: the last stage's time ends here.
    func end() {
        lock.withLock { if ended == nil { ended = DispatchTime.now().uptimeNanoseconds } }
    }

    /// "Rendering 12,345 / 19,525 pages", "Reading the site"; nil before the build starts and after it ends.
    public var line: String? {
        lock.lock()
        let stage = ended == nil ? stages.last?.stage : nil
        let count = total
        lock.unlock()
        guard let stage else { return nil }
        switch stage {
        case .read: return "Reading the site"
        case .assemble: return "Assembling reviews, taxonomies and recommendations"
        case .render: return "Rendering \(min(Int(marquee_counter_load(done)), count).groupedDigits) / \(count.groupedDigits) pages"
        case .check: return "Checking links"
        case .write: return "Writing the output folder"
        }
    }

    /// Seconds each stage took, in order (the last one up to `end`, or to now).
    public var stageSeconds: [(stage: Stage, seconds: Double)] {
        lock.withLock {
            let stop = ended ?? DispatchTime.now().uptimeNanoseconds
            return stages.indices.map { index in
                let next = index + 1 < stages.count ? stages[index + 1].started : stop
                return (stages[index].stage, Double(next - stages[index].started) / 1e9)
            }
        }
    }

    /// "read 0.41 s, assemble 0.12 s, render 5.20 s, check 0.31 s, write 0.80 s".
    public var stageSummary: String {
        stageSeconds.map { "\($0.stage.rawValue) \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: ", ")
    }
}
