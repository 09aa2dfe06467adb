// A libFuzzer target for the reader: front matter + Markdown → review, and on through assemble and
// render, all in memory. Build and run it with scripts/fuzz.sh, which compiles the package with
// libFuzzer and AddressSanitizer (`-sanitize=fuzzer,address`, `-DMARQUEE_FUZZING`); libFuzzer
// then provides `main` and calls `LLVMFuzzerTestOneInput` for every input.
//
// In an ordinary `swift build` this target is a small executable that says how to run the fuzzer
// (or replays input files once), so that the package builds and `swift test` runs with it present.
//
// Input format: the bytes are the review file `content/reviews/x.md` of a small fixed site. If they
// contain the line `=== site.yml`, what follows that line replaces the site's `site.yml`, so the
// configuration reader is fuzzed too (the dictionary in scripts/fuzz.dict holds the separator).
// Before it, the line `=== comments` starts the review's comments file (`x.comments.yml`), so the
// comments reader and the HTML allow-list of their text are fuzzed as well.

import Foundation
import MarqueeKit

enum FuzzSite {
    static let separator = Array("\n=== site.yml\n".utf8)
    static let commentsSeparator = Array("\n=== comments\n".utf8)

    static let siteYML = """
        title: Fuzz Reviews
        base_url: https://example.org/blog/
        author:
          name: Fuzzer
        paginate: 2
        rating_scale: 5

        """

    /// A second, valid review, so that `recommend: other` resolves and the home page has two entries.
    static let otherReview = """
        ---
        title: Other
        date: 2020-01-01
        rating: 4
        tags: [drama]
        category: French
        ---
        Another *review*.

        """

    /// The site for one input: path → bytes.
    static func files(for input: [UInt8]) -> [String: Data] {
        var review = input[...]
        var site = Data(siteYML.utf8)
        if let range = firstRange(of: separator, in: input) {
            review = input[..<range.lowerBound]
            site = Data(input[range.upperBound...])
        }
        var files = [
            "site.yml": site,
            "content/reviews/other.md": Data(otherReview.utf8),
        ]
        if let range = firstRange(of: commentsSeparator, in: Array(review)) {
            files["content/reviews/x.comments.yml"] = Data(review.dropFirst(range.upperBound))
            review = review.prefix(range.lowerBound)
        }
        files["content/reviews/x.md"] = Data(review)
        return files
    }

    static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start..<(start + needle.count) }
        }
        return nil
    }

    /// Builds the site; success and failure are both fine, only a crash (or a sanitizer report) is a
    /// finding. Returns a one-line summary of the outcome, for replays.
    @discardableResult
    static func run(_ input: [UInt8]) -> String {
        let result = Build.render(InMemoryFileSystem(data: files(for: input)), publishing: PublishingOptions(now: 1_893_456_000))
        switch result {
        case .success(let site):
            var total = 0
            for file in site.files { if case .bytes(let bytes) = file.content { total &+= bytes.count } }
            for warning in site.warnings { total &+= warning.description.utf8.count }
            blackHole(total)
            return "built \(site.files.count) files, \(site.warnings.count) warnings"
        case .failure(let failure):
            let text = failure.diagnostics.map(\.description).joined(separator: "\n")
            blackHole(text.utf8.count)
            return "failed: \(failure.diagnostics.first?.description ?? "no diagnostics")"
        }
    }

    /// Keeps the optimiser from dropping the work above.
    @inline(never) static func blackHole(_ value: Int) {
        if value == -1 { print("") }
    }
}

/// The libFuzzer entry point: called once per input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzSite.run(input)
    return 0
}

// The fuzzing build (scripts/fuzz.sh: `--sanitize=fuzzer`, `-Xswiftc -DMARQUEE_FUZZING` and more)
// must not define `main`: libFuzzer's own `main` drives the target. SwiftPM compiles this file with
// `-parse-as-library` and, under `--sanitize=fuzzer`, leaves the entry point alone, so an `@main`
// here would clash with libFuzzer's. The ordinary build needs one, hence the condition.
#if !MARQUEE_FUZZING
/// The ordinary build has no libFuzzer: explain how to fuzz, or run the given input files through
/// the target once (to replay a crash without sanitizers: `swift run MarqueeFuzz FILE...`).
@main
enum MarqueeFuzzMain {
    static func main() {
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            print("""
                MarqueeFuzz: this is the ordinary build of the fuzz target, without libFuzzer.
                To fuzz: scripts/fuzz.sh [SECONDS]   (builds with -sanitize=fuzzer,address into .build-fuzz)
                To replay inputs here: swift run MarqueeFuzz FILE...
                """)
            return
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(1)
            }
            print("\(path): \(FuzzSite.run(Array(data)))")
        }
    }
}
#endif
