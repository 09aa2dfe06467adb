import Testing
@testable import MarqueeKit

@Suite struct SlugTests {
    /// Slugs that can be a path segment, ASCII (checked by bytes) or not (checked by Unicode properties).
    @Test(arguments: ["baran", "children-of-heaven-1997", "A_B.c", "x", "v1.2", "agnès-varda", "اصغر-فرهادی", "東京物語",
                      String(repeating: "a", count: 200)])
    func acceptable(slug: String) {
        #expect(Slug.problem(with: slug) == nil)
    }

    /// Each refusal says what is wrong, the same for an ASCII slug as for any other.
    @Test(arguments: [
        ("", "the slug is empty"),
        (String(repeating: "a", count: 201), "the slug is longer than 200 characters"),
        (String(repeating: "é", count: 201), "the slug is longer than 200 characters"),
        (".hidden", "the slug '.hidden' starts with a dot or contains '..'"),
        (".", "the slug '.' starts with a dot or contains '..'"),
        ("a..b", "the slug 'a..b' starts with a dot or contains '..'"),
        ("é..b", "the slug 'é..b' starts with a dot or contains '..'"),
        ("a/b", "the slug 'a/b' contains a slash"),
        ("a b", "the slug 'a b' contains spaces"),
        ("a?b", "the slug 'a?b' contains characters other than letters, digits, '-', '_' and '.'"),
    ])
    func refused(slug: String, problem: String) {
        #expect(Slug.problem(with: slug) == problem)
    }
}
