// A libFuzzer target for the reader: front matter + Markdown → review, and on through assemble and
// render, all in memory. Build and run it with scripts/fuzz.sh, which compiles this target with
// `-sanitize=fuzzer,address -D MARQUEE_FUZZING`; libFuzzer then provides `main` and calls
// `LLVMFuzzerTestOneInput` for every input.
//
// In an ordinary `swift build` this target is a small executable that says how to run the fuzzer
// (or replays input files once), so that the package builds and `swift test` runs with it present.
//
// Input format: the bytes are the review file `content/reviews/x.md` of a small fixed site. If they
// contain the line `=== site.yml`, what follows that line replaces the site's `site.yml`, so the
// configuration reader is fuzzed too (the dictionary in scripts/fuzz.dict holds the separator).

import Foundation
import MarqueeKit

enum FuzzSite {
    static let separator = Array("\n=== site.yml\n".utf8)

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
        return [
            "site.yml": site,
            "content/reviews/x.md": Data(review),
            "content/reviews/other.md": Data(otherReview.utf8),
        ]
    }

    static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start..<(start + needle.count) }
        }
        return nil
    }

    /// Builds the site; success and failure are both fine, only a crash (or a sanitizer report) is a finding.
    static func run(_ input: [UInt8]) {
        let result = Build.render(InMemoryFileSystem(data: files(for: input)), publishing: PublishingOptions(now: 1_893_456_000))
        switch result {
        case .success(let (files, warnings)):
            var total = 0
            for file in files { if case .data(let data) = file.content { total &+= data.count } }
            for warning in warnings { total &+= warning.description.utf8.count }
            blackHole(total)
        case .failure(let failure):
            blackHole(failure.diagnostics.map(\.description).joined(separator: "\n").utf8.count)
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

#if MARQUEE_FUZZING
/// libFuzzer's driver (compiler-rt, linked in by `-sanitize=fuzzer`):
/// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *, size_t))`.
/// Only pointers and an `int` cross the boundary, so the Swift declaration is ABI-compatible.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

/// SwiftPM (tools version 5.5 and later) renames an executable's entry point to `MarqueeFuzz_main`
/// and links `main` to it, which would hide libFuzzer's own `main`; so this target keeps a Swift
/// `main` in both builds. With MARQUEE_FUZZING it hands the command line to libFuzzer's driver
/// (all the usual libFuzzer flags work); without, it explains how to fuzz, or runs the given input
/// files through the target once (to replay a crash without sanitizers).
@main
enum MarqueeFuzzMain {
    static func main() {
        #if MARQUEE_FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
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
            FuzzSite.run(Array(data))
            print("ok: \(path)")
        }
        #endif
    }
}
