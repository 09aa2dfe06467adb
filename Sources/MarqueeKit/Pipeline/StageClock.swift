import Foundation

/// Prints how long each stage took (wall and CPU time, all threads) to standard error when
/// MARQUEE_TIMINGS=1: for profiling a build without a profiler. Silent otherwise.
struct StageClock {
    private let enabled = ProcessInfo.processInfo.environment["MARQUEE_TIMINGS"] == "1"
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = StageClock.cpuSeconds()

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.cpuSeconds()
        FileHandle.standardError.write(Data(String(format: "%-9@ %8.3f s  (CPU %.3f s)\n", stage, Double(now - last) / 1e9, cpu - lastCPU).utf8))
        last = now
        lastCPU = cpu
    }

    /// A line of its own (why a shortcut was not taken, say), when timings are on.
    func note(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
