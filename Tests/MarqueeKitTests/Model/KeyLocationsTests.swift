import Testing
@testable import MarqueeKit

/// A review's key locations give back what the reader recorded, in its file or another.
struct KeyLocationsTests {
    @Test func eachKeyGivesBackItsPlace() {
        let path = "content/reviews/baran.md"
        let recorded = [
            "title": SourceLocation(path: path, line: 2, column: 1),
            "slug": SourceLocation(path: path, line: 9, column: 3),
            "image": SourceLocation(path: "content/reviews/baran/comments.yml", line: 4, column: 7),
        ]
        let locations = KeyLocations(path: path, recorded)
        for (key, location) in recorded { #expect(locations[key] == location, "\(key)") }
        #expect(locations["rating"] == nil)
        #expect(KeyLocations(path: path) == KeyLocations(path: path, [:]))
        #expect(locations == KeyLocations(path: path, recorded))
    }
}
