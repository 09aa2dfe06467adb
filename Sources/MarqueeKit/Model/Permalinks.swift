import Foundation

/// Where one page lives: its URL path below the base (percent-encoded, as links need it) and its
/// file in the output folder (plain Unicode, as file systems hold it).
public struct Route: Hashable, Sendable, Comparable {
    /// "reviews/baran/": relative to the base URL, no leading slash.
    public let url: String
    /// "reviews/baran/index.html": relative to the output folder.
    public let file: String

    /// A clean-URL folder page made of path segments: ["reviews", "baran"] → reviews/baran/index.html.
    public init(folder segments: [String]) {
        // Made as bytes: routes are made for every link of every page, and String appends of a few
        // bytes each cost hundreds of instructions.
        var url: [UInt8] = [], file: [UInt8] = []
        let bytes = segments.reduce(0) { $0 + $1.utf8.count + 1 }
        url.reserveCapacity(bytes * 3)
        file.reserveCapacity(bytes + 10)
        for segment in segments {
            Permalinks.appendEncoded(segment, to: &url)
            url.append(UInt8(ascii: "/"))
            file.append(contentsOf: segment.utf8)
            file.append(UInt8(ascii: "/"))
        }
        file.append(contentsOf: "index.html".utf8)
        self.url = String(decoding: url, as: UTF8.self)
        self.file = String(decoding: file, as: UTF8.self)
    }

    /// A plain file at the root of the site: "feed.xml".
    public init(file name: String) {
        url = Permalinks.encode(name)
        file = name
    }

    public static func < (lhs: Route, rhs: Route) -> Bool { lhs.file < rhs.file }

    public static let home = Route(folder: [])
    public static let archive = Route(folder: ["reviews"])
    public static let ratings = Route(folder: ["ratings"])
    public static func review(_ slug: String) -> Route { Route(folder: ["reviews", slug]) }
    public static func page(_ slug: String) -> Route { Route(folder: [slug]) }
    /// An article of `content/posts/`: /posts/<slug>/.
    public static func article(_ slug: String) -> Route { Route(folder: [articlesFolder, slug]) }
    /// The folder of the articles, and of the list of them.
    public static let articlesFolder = "posts"
    /// The list of the articles: /posts/.
    public static let articles = Route(folder: [articlesFolder])

    /// Page 1 of a list is the list's own folder; page N is `<folder>/page/N/`.
    public static func listPage(_ segments: [String], _ number: Int) -> Route {
        number <= 1 ? Route(folder: segments) : Route(folder: segments + ["page", String(number)])
    }
}

/// Turns routes into links. Every link the site writes goes through here, so each carries the base
/// URL's path and a site under `https://example.org/blog/` links `/blog/...` everywhere.
public struct Permalinks: Hashable, Sendable {
    /// "https://example.org/blog/"
    public let baseURL: String
    /// "/blog/"
    public let basePath: String

    public init(baseURL: String) {
        self.baseURL = baseURL
        basePath = BaseURL.path(of: baseURL)
    }

    /// "/blog/reviews/baran/"
    public func link(_ route: Route) -> String { basePath + route.url }
    public func link(_ sitePath: String) -> String { basePath + sitePath }

    /// "https://example.org/blog/reviews/baran/": canonical links, feeds, sitemaps.
    public func absolute(_ route: Route) -> String { baseURL + route.url }
    public func absolute(_ sitePath: String) -> String { baseURL + sitePath }

    /// Percent-encodes everything but unreserved ASCII, so a segment is safe in a path, an attribute and XML.
    public static func encode(_ segment: String) -> String {
        // Most segments (slugs) need no escaping: return them as they are.
        if segment.utf8.allSatisfy(isUnreserved) { return segment }
        var out: [UInt8] = []
        appendEncoded(segment, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `encode(segment)`'s bytes, appended.
    static func appendEncoded(_ segment: String, to out: inout [UInt8]) {
        func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "A") + digit - 10 }
        for byte in segment.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex(byte >> 4))
                out.append(hex(byte & 0x0F))
            }
        }
    }
}

extension Permalinks {
    /// RFC 3986's unreserved characters: letters, digits, `-`, `_`, `.` and `~`.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}

extension String {
    func leftPadded(_ width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
