// Times rebuilds in one process, as `marquee serve` does them: one full build of a site, then
// edits to review bodies (after the excerpt, and in it) and to a review's front matter, each
// followed by a rebuild told which file changed. Every file it edits is restored before it exits.
//
// usage: marquee-rebuild-bench <site folder> <output folder> [edits per kind, default 5]
import Foundation
import MarqueeKit

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: marquee-rebuild-bench <site folder> <output folder> [edits per kind]\n".utf8))
    exit(2)
}
let site = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])
let edits = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 5) : 5

var options = BuildOptions(sourceDirectory: site, outputDirectory: output)
options.force = true
let session = IncrementalBuild(options: options)

@MainActor func timed(_ label: String, changed: Set<String>?) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = session.build(changed: changed)
    let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    if case .failure(let failure) = result {
        FileHandle.standardError.write(Data("\(label): the build failed\n\(failure.diagnostics.prefix(10).map(\.description).joined(separator: "\n"))\n".utf8))
        exit(1)
    }
    let stats = session.lastStats
    print(String(format: "%@ %.1f ms (%@, %d jobs run, %d files written)", label, milliseconds,
                 stats?.kind == .bodyOnly ? "body only" : "full", stats?.rendered ?? 0, stats?.rewritten.count ?? 0))
    return milliseconds
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

let reviewsFolder = site.appendingPathComponent("content/reviews")
let names = ((try? FileManager.default.contentsOfDirectory(atPath: reviewsFolder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
guard !names.isEmpty else {
    FileHandle.standardError.write(Data("no content/reviews/*.md in \(site.path)\n".utf8))
    exit(1)
}
_ = timed("first build:", changed: nil)

// Evenly spread over the site, so both old and new reviews are edited.
let picked = (0..<edits).map { names[$0 * names.count / edits] }
var originals: [String: Data] = [:]
defer { for (path, data) in originals { try? data.write(to: site.appendingPathComponent(path)) } }

@MainActor func edit(_ name: String, _ change: (String) -> String) -> String {
    let path = "content/reviews/\(name)"
    let url = site.appendingPathComponent(path)
    let data = (try? Data(contentsOf: url)) ?? Data()
    if originals[path] == nil { originals[path] = data }
    try? Data(change(String(decoding: data, as: UTF8.self)).utf8).write(to: url)
    return path
}

/// The body starts after the second `---` line.
func bodyStart(_ text: String) -> String.Index? {
    guard let first = text.range(of: "---\n"), let second = text.range(of: "\n---\n", range: first.upperBound..<text.endIndex) else { return nil }
    return second.upperBound
}

var after: [Double] = []
var opening: [Double] = []
var frontMatter: [Double] = []
for (number, name) in picked.enumerated() {
    let path = edit(name) { $0 + "\nA sentence the benchmark added at the end, number \(number).\n" }
    after.append(timed("body edit after the excerpt, \(name):", changed: [path]))
}
for (number, name) in picked.enumerated() {
    let path = edit(name) { text in
        guard let start = bodyStart(text) else { return text }
        return String(text[..<start]) + "\nAn opening the benchmark added, number \(number).\n" + String(text[start...])
    }
    opening.append(timed("body edit in the excerpt, \(name):", changed: [path]))
}
for (number, name) in picked.prefix(2).enumerated() {
    let path = edit(name) { text in
        guard let start = bodyStart(text) else { return text }
        // A summary: a new excerpt on the review's cards and page, and in the feed.
        return String(text[..<text.index(start, offsetBy: -4)]) + "\nsummary: A summary the benchmark added, number \(number).\n---\n" + String(text[start...])
    }
    frontMatter.append(timed("front matter edit, \(name):", changed: [path]))
}
print(String(format: "median: body edit after the excerpt %.1f ms; in the excerpt %.1f ms; front matter %.1f ms",
             median(after), median(opening), median(frontMatter)))
