import Testing
@testable import MarqueeKit

@Suite struct URLSchemeTests {
    /// RFC 3986: a letter, then letters, digits, `+`, `-` or `.`, up to the first colon; lowercased.
    @Test(arguments: [
        ("https://example.org/", "https"), ("HTTP://EXAMPLE.ORG", "http"), ("mailto:someone@example.org", "mailto"),
        ("tel:+123", "tel"), ("c++:x", "c++"), ("a.b-c+d9:rest", "a.b-c+d9"), ("x:", "x"),
    ])
    func schemes(link: String, scheme: String) {
        #expect(URLSafety.scheme(of: link) == scheme)
    }

    /// Paths, fragments and queries with a colon later on, and words that only look like schemes.
    @Test(arguments: ["", "/reviews/a:b/", "reviews/a:b", "#note:1", "?q=a:b", "1abc:x", ":x", "é:x", "a b:x", "%5Bx%5D:y", "[url](https://example.org/)",
                      "no-scheme-here", "../up:x", "a/b:c"])
    func notSchemes(link: String) {
        #expect(URLSafety.scheme(of: link) == nil)
    }
}
