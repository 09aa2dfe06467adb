import Foundation

/// Real image files for the tests (Fixtures/images, drawn with libvips for this project).
enum TestImages {
    static let folder = Paths.packageRoot.appendingPathComponent("Tests/MarqueeKitTests/Fixtures/images")

    static func named(_ name: String) -> Data {
        (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data()
    }

    /// 700 × 1050, a gradient.
    static var jpeg: Data { named("poster-700x1050.jpg") }
    /// 200 × 300, one colour.
    static var smallPNG: Data { named("small-200x300.png") }
    /// The first half of `jpeg`.
    static var truncatedJPEG: Data { named("truncated.jpg") }
    /// 274 bytes whose header says 30,000 × 30,000 pixels.
    static var bombPNG: Data { named("bomb-30000.png") }
}
