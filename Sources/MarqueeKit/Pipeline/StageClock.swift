import Foundation

/// Prints how long each stage took to standard error when MARQUEE_TIMINGS=1: for profiling a
/// build without a profiler. Silent otherwise.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private let enabled = ProcessInfo.processInfo.environment["MARQUEE_TIMINGS"] == "1"

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        FileHandle.standardError.write(Data(String(format: "%-9@ %8.3f s\n", stage, Double(now - last) / 1e9).utf8))
        last = now
    }
}
