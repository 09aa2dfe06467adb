import Foundation

/// `marquee new site DIR`: a ready-to-build site with two sample reviews (each the other's "You'll
/// love", so the first `marquee check` is clean), an About page, and the files that publish it on
/// `host` with the Marquee `release` given (the running binary's own).
public enum NewSite {
    public static func create(at folder: URL, now: Date = Date(), host: PublishingHost = .github,
                              release: MarqueeRelease = .current) -> Result<[String], Diagnostic> {
        let manager = FileManager.default
        let location = SourceLocation(path: folder.path)
        if let entries = try? manager.contentsOfDirectory(atPath: folder.path), !entries.isEmpty {
            return .failure(.error(location, "\(folder.path) exists and is not empty; nothing was written", hint: "choose a new folder name"))
        }
        let day = NewReview.day(now, in: TimeZone(identifier: "UTC") ?? .current)
        let files: [(String, String)] = [
            ("site.yml", """
            title: My Film Reviews
            description: Films I have loved, liked and endured.
            base_url: https://example.org/
            language: en  # the theme speaks en, fr, de, es and fa (Marquee's docs/guide/languages.md)
            timezone: UTC
            author:
              name: Your Name
              bio: One sentence about you and the films you write about.
            rating_scale: 5
            paginate: 10

            """),
            ("content/reviews/my-first-review.md", """
            ---
            title: "My first review: the film that started it all"
            movie: The Film
            year: 2001
            director: A. Director
            category: Drama
            tags: [first]
            rating: 4.5
            recommend: [the-second-film]
            date: \(day)
            ---

            Write the first paragraph here: it is the excerpt on the home page.

            <!--more-->

            Then the rest of the review. Markdown works: *emphasis*, **strong**, [links](https://example.org/),
            lists and quotes. Run `marquee new review "Title"` for the next one.

            """),
            ("content/reviews/the-second-film.md", """
            ---
            title: The second film
            movie: The Second Film
            year: 2004
            director: A. Director
            category: Drama
            tags: [first]
            rating: 4
            recommend: [my-first-review]
            date: \(day)
            ---

            A second review, so that each has a "You'll love" link: `recommend:` names the reviews a reader
            of this one will love. Replace both with your own.

            """),
            ("content/pages/about.md", """
            ---
            title: About
            ---

            Who writes here, and what about.

            """),
            (".gitignore", "public/\n.marquee/\n"),
        ] + host.files(release: release)
        do {
            for (path, text) in files {
                let url = folder.appendingPathComponent(path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
                if path.hasSuffix(".sh") { try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path) }
            }
            try manager.createDirectory(at: folder.appendingPathComponent("static"), withIntermediateDirectories: true)
            try manager.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: true)
        } catch {
            return .failure(.error(location, "cannot create the site: \(SiteReader.describe(error))", hint: "check the folder's permissions"))
        }
        return .success(files.map(\.0) + ["static/", "templates/"])
    }
}
