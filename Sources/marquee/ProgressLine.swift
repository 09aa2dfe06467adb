import Foundation
import MarqueeKit

/// The one updating line on standard error that shows what a build is doing ("Rendering 12,345 /
/// 19,525 pages"): only on a terminal, never in CI (the CI variable set) or with TERM=dumb, and
/// only once the build has run for a second (MARQUEE_PROGRESS_AFTER seconds, for the tests), so a
/// quick build prints nothing but its summary. A timer of its own reads the build's counters ten
/// times a second; the build itself never waits on it.
final class ProgressLine: @unchecked Sendable {
    private let progress: BuildProgress
    private let queue = DispatchQueue(label: "marquee.progress")
    private let timer: any DispatchSourceTimer
    /// What the line shows now; "" when nothing is drawn. Touched on `queue` only.
    private var shown = ""

    /// Starts showing `progress`, or returns nil where a progress line does not belong.
    static func start(_ progress: BuildProgress, environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressLine? {
        guard isatty(STDERR_FILENO) == 1, environment["CI"].map(\.isEmpty) ?? true, environment["TERM"] != "dumb" else { return nil }
        let delay = environment["MARQUEE_PROGRESS_AFTER"].flatMap(Double.init).map { max(0, min($0, 60)) } ?? 1
        return ProgressLine(progress, after: delay)
    }

    private init(_ progress: BuildProgress, after delay: Double) {
        self.progress = progress
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + delay, repeating: .milliseconds(100))
        timer.setEventHandler { [unowned self] in draw() }
        timer.resume()
    }

    deinit {
        timer.cancel()
    }

    private func draw() {
        let line = progress.line ?? ""
        guard line != shown else { return }
        // \r to the start of the line, the text, then erase what a longer earlier text left.
        write(line.isEmpty ? "\r\u{1B}[K" : "\r\(line)\u{1B}[K")
        shown = line
    }

    /// A line of its own (a build waiting for another, say), printed over the progress line, which
    /// the next tick draws again below it.
    func say(_ text: String) {
        queue.sync {
            if !shown.isEmpty { write("\r\u{1B}[K") }
            shown = ""
            write(text + "\n")
        }
    }

    /// Stops the timer and clears the line, before the build's diagnostics and summary are printed.
    func stop() {
        queue.sync {
            timer.cancel()
            if !shown.isEmpty { write("\r\u{1B}[K") }
            shown = ""
        }
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
