import Foundation

/// `marquee new review "Title"`: a review file with its front matter filled in, as a draft.
public enum NewReview {
    public struct Created: Sendable {
        public var path: String
        public var slug: String
    }

    /// Writes `content/reviews/<slug>.md` in `site`; never overwrites. `now` is the current time.
    public static func create(title: String, in site: URL, now: Date = Date()) -> Result<Created, Diagnostic> {
        let slug = Slug.make(from: title)
        let here = SourceLocation(path: "content/reviews")
        guard !slug.isEmpty, Slug.problem(with: slug) == nil else {
            return .failure(.error(here, "cannot make a file name from the title '\(Slug.printable(title))'", hint: "use a title with letters or digits"))
        }
        let relative = "content/reviews/\(slug).md"
        let manager = FileManager.default
        for existing in [relative, "content/reviews/\(slug)/index.md"] where manager.fileExists(atPath: site.appendingPathComponent(existing).path) {
            return .failure(.error(SourceLocation(path: existing), "\(existing) already exists; nothing was written",
                                   hint: "choose another title, or edit the existing review"))
        }
        let (config, _) = SiteConfigReader.read(text: (try? DiskFileSystem(root: site).contents(of: SiteConfigReader.path)).map { String(decoding: $0, as: UTF8.self) },
                                                baseURLOverride: nil)
        let zone = config?.timeZone ?? TimeZone(identifier: "UTC") ?? .current
        let scale = config?.ratingScale ?? 5
        let text = template(title: title, day: day(now, in: zone), scale: scale)
        do {
            try manager.createDirectory(at: site.appendingPathComponent("content/reviews"), withIntermediateDirectories: true)
            // `withoutOverwriting`: if another process made the file in the meantime, fail rather than replace it.
            try Data(text.utf8).write(to: site.appendingPathComponent(relative), options: .withoutOverwriting)
        } catch {
            return .failure(.error(SourceLocation(path: relative), "cannot write the review: \(SiteReader.describe(error))", hint: "check the folder's permissions"))
        }
        return .success(Created(path: relative, slug: slug))
    }

    static func day(_ date: Date, in zone: TimeZone) -> String {
        let seconds = Int64(date.timeIntervalSince1970) + Int64(zone.secondsFromGMT(for: date))
        return PublicationDate(secondsSince1970: seconds, utcOffset: 0).isoDay
    }

    static func template(title: String, day: String, scale: Int) -> String {
        """
        ---
        title: \(yamlQuoted(title))
        movie: \(yamlQuoted(title))
        # year: 2024
        # director: Name of the director        (or a list: [One, Two])
        # writer: Name of the writer
        # category: Drama
        # tags: [first-tag, second-tag]
        rating: 0                               # from 0 to \(scale), halves allowed: 3.5
        date: \(day)
        # recommend: slug-of-another-review      "Liked this? You'll love that"
        draft: true                             # remove this line to publish
        ---

        The first paragraph is the excerpt shown on the home page.

        <!--more-->

        The rest of the review.

        """
    }

    /// A YAML double-quoted string: safe for any title.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 { out += String(format: "\\x%02X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
