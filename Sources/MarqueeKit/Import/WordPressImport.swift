import Foundation

public struct WordPressImportOptions: Sendable {
    /// A post meta key that holds the rating (`--rating-key`), read before the body's lines.
    public var ratingKey: String?
    /// The site's rating scale: ratings written on another ("8/10") are put on it.
    public var ratingScale: Int
    /// With `--media`: a file of the uploads by its path under `uploads/` → the full path to copy
    /// from, or nil when the copy does not have it.
    public var media: (@Sendable (String) -> String?)?

    public init(ratingKey: String? = nil, ratingScale: Int = 5, media: (@Sendable (String) -> String?)? = nil) {
        self.ratingKey = ratingKey
        self.ratingScale = ratingScale
        self.media = media
    }
}

public struct ImportedFile: Sendable, Equatable {
    public var path: String
    public var text: String
}

/// A file of the old blog's uploads copied into the site.
public struct ImportedCopy: Sendable, Equatable {
    public var path: String
    public var source: String
}

/// `marquee import wordpress`: a WordPress export becomes a Marquee site's files. Pure: values in
/// (the read export), files and a report out; `ImportWriter` puts them on disk.
public enum WordPressImport {
    public static func plan(_ export: WXRExport, options: WordPressImportOptions = WordPressImportOptions()) -> (files: [ImportedFile], report: ImportReport) {
        let (files, _, report) = planWithMedia(export, options: options)
        return (files, report)
    }

    public static func planWithMedia(_ export: WXRExport, options: WordPressImportOptions) -> (files: [ImportedFile], copies: [ImportedCopy], report: ImportReport) {
        var report = ImportReport()
        var addresses = OldAddresses(export: export)
        let attachments = Self.attachments(export)
        var entries: [ImportedEntry] = []
        var usedSlugs: Set<String> = []

        // 1. What each item is, its slug and its old address.
        for item in export.items {
            let kind = ImportKind.of(item)
            let draft: Bool, section: ImportedEntry.Section
            switch kind {
            case .skipped(let reason): report.skip(reason); continue
            case .post(let isDraft): (draft, section) = (isDraft, .post)
            case .page(let isDraft): (draft, section) = (isDraft, .page)
            }
            var title = Self.plainText(item.title)
            let slug = Self.slug(for: item, title: title, page: section == .page, used: &usedSlugs)
            if title.isEmpty {
                title = "Untitled"
                report.note("", "the post at line \(item.line) of the export (\(slug)) has no title: titled “Untitled”; give it one")
            }
            let entry = ImportedEntry(item: item, title: title, slug: slug, section: section, draft: draft,
                                      date: ImportDate.frontMatter(local: item.postDate, gmt: item.postDateGMT))
            if !item.password.isEmpty { report.note(title, "password-protected in WordPress: imported as a draft, so it is not published in the clear") }
            if item.status == "private" { report.note(title, "private in WordPress: imported as a draft") }
            addresses.add(item, entry: entries.count)
            entries.append(entry)
        }

        // 2. Bodies, with internal links as placeholders until every entry's section is known.
        var linkTargets: [LinkTarget] = []
        for index in entries.indices {
            let item = entries[index].item
            let rewrite: (String) -> String = { url in
                if let upload = ImportMedia.uploadPath(of: url) {
                    linkTargets.append(.media(upload, original: url))
                } else if let target = addresses.target(of: url) {
                    linkTargets.append(.page(target, original: url))
                } else {
                    return url
                }
                return "\u{E010}\(linkTargets.count - 1)\u{E011}"
            }
            var shortcodes = Shortcodes(attachment: { attachments.byID[$0] }, attachedImages: attachments.byParent[item.postID] ?? [])
            let html = shortcodes.expand(item.content)
            var converter = HTMLToMarkdown(classic: !item.content.contains("<!-- wp:"), rewrite: rewrite)
            entries[index].blocks = converter.convert(HTMLTree.parse(html))
            for name in shortcodes.unknown { report.note(entries[index].title, "the shortcode [\(name)] has no HTML equivalent and was left as text") }
            if !converter.invalid.isEmpty {
                report.note(entries[index].title, "the export's own HTML is invalid here (\(converter.invalid.sorted().joined(separator: "; "))): kept as it was; fix it in \(entries[index].file)")
            }
            if !converter.modernised.isEmpty {
                let obsolete = converter.modernised.filter { !$0.hasPrefix("cite=") }.sorted()
                let cites = converter.modernised.filter { $0.hasPrefix("cite=") }.sorted()
                if !obsolete.isEmpty { report.note(entries[index].title, "obsolete HTML (\(obsolete.joined(separator: ", "))) written as its HTML5 equivalent") }
                if !cites.isEmpty { report.note(entries[index].title, "the export's own HTML is invalid here (\(cites.joined(separator: ", ")): a cite is an address): left out") }
            }
            var metaRating: ImportedRating?
            if let key = options.ratingKey, let value = item.metaValue(key)?.trimmed, !value.isEmpty {
                metaRating = ImportedRating.parse(bare: value, scale: options.ratingScale)
                if metaRating == nil { report.note(entries[index].title, "the \(key) post meta '\(value)' is not a rating") }
            }
            entries[index].lines = ReviewLines.find(in: entries[index].blocks, scale: options.ratingScale, ratingFromMeta: metaRating)
            if entries[index].section == .post, let rating = entries[index].lines.rating {
                entries[index].section = .review
                if rating.rounded {
                    report.note(entries[index].title, "the rating '\(rating.written)' is \(ImportedFiles.number(rating.value)) on the site's scale of \(options.ratingScale) after rounding to a half step")
                }
                entries[index].blocks = Self.removing(entries[index].lines.positions, from: entries[index].blocks)
            } else if let unread = entries[index].lines.unreadRating {
                report.note(entries[index].title, "the rating '\(unread)' could not be read: imported as an article; write rating: in its front matter to make it a review")
            }
            Self.terms(item, into: &entries[index])
            entries[index].categories = Self.merged(entries[index].categories, entries[index].section == .review ? entries[index].lines.categories : [])
            let excerpt = Self.plainText(item.excerpt)
            if !excerpt.isEmpty { entries[index].summary = excerpt }
        }

        // 3. Links, aliases, recommendations, authors and comments, now that every page's address is known.
        let newPaths = Set(entries.map { $0.path.lowercased() })
        var aliasSeen: Set<String> = []
        for index in entries.indices {
            guard let old = addresses.permalinkPath(entries[index].item.link), !newPaths.contains(old.lowercased()),
                  !old.contains("?"), !old.contains("#") else { continue }
            // An old address inside a folder the new site writes (/tags/…) would be a second page there.
            let first = old.split(separator: "/").first.map { String($0).lowercased() } ?? ""
            if reservedSlugs.contains(first) {
                report.note(entries[index].title, "its old address \(old) is inside the new site's /\(first)/: no alias was made for it")
                continue
            }
            if aliasSeen.insert(old.lowercased()).inserted {
                entries[index].aliases = [old]
                report.aliases += 1
            }
        }
        var copies: [String: String] = [:]
        Self.resolveLinks(&entries, targets: linkTargets, media: options.media, copies: &copies, report: &report)
        Self.resolveRecommendations(&entries, addresses: addresses, report: &report)
        let (main, others) = Self.authors(export, entries: &entries)
        var files: [ImportedFile] = []
        for index in entries.indices {
            var entry = entries[index]
            if let thumbnail = entry.item.metaValue("_thumbnail_id"), let image = attachments.byID[thumbnail], entry.section != .page {
                if let upload = ImportMedia.uploadPath(of: image.url), let source = options.media?(upload) {
                    let (path, url) = Self.mediaPlace(upload, source: source, for: entry, copies: &copies)
                    entry.image = entry.section == .review ? (path.components(separatedBy: "/").last ?? url) : "/" + path.dropFirst("static/".count)
                    if !image.alt.isEmpty { entry.imageAlt = image.alt }
                } else {
                    report.note(entry.title, "its featured image \(image.url) was not copied\(options.media == nil ? " (pass --media with a copy of wp-content/uploads)" : ": it is not in the --media folder"); copy it and set image:")
                }
            }
            if !entry.missingMedia.isEmpty {
                let names = entry.missingMedia.count <= 3 ? ": " + entry.missingMedia.joined(separator: ", ") : ""
                report.note(entry.title, options.media == nil
                    ? "uses \(entry.missingMedia.count == 1 ? "an image" : "\(entry.missingMedia.count) images") of the old blog, still linked there (pass --media with a copy of wp-content/uploads to copy them)"
                    : "\(entry.missingMedia.count == 1 ? "a file" : "\(entry.missingMedia.count) files") of the old blog not in the --media folder, still linked there\(names)")
            }
            Self.comments(of: &entry, report: &report)
            switch entry.section {
            case .review: report.reviews += 1; if entry.draft { report.reviewDrafts += 1 }
            case .post: report.articles += 1; if entry.draft { report.articleDrafts += 1 }
            case .page: report.pages += 1; if entry.draft { report.pageDrafts += 1 }
            }
            if entry.date == nil, entry.section != .page {
                entry.date = "2000-01-01"
                report.note(entry.title, "has no date in the export: dated 2000-01-01; set date:")
            }
            entry.isFolder = entry.section == .review && copies.keys.contains { $0.hasPrefix("content/reviews/\(entry.slug)/") }
            files.append(ImportedFile(path: entry.file, text: ImportedFiles.content(entry)))
            if !entry.comments.isEmpty {
                report.comments += entry.comments.count
                files.append(ImportedFile(path: entry.commentsFile, text: ImportedFiles.comments(entry)))
            }
        }
        let title = plainText(export.title)
        files.append(ImportedFile(path: "site.yml", text: ImportedSiteConfig.text(export: export, title: title, description: plainText(export.description),
                                                                                main: main, others: others, ratingScale: options.ratingScale)))
        let copyList = copies.sorted { $0.key < $1.key }.map { ImportedCopy(path: $0.key, source: $0.value) }
        return (files, copyList, report)
    }

    // MARK: Steps

    enum LinkTarget {
        case page(Int, original: String)
        case media(String, original: String)
    }

    /// Where a copied upload goes and the address the entry links it by: beside a review (which
    /// becomes a folder review), else under `static/uploads/`, by a relative address that works
    /// from the page itself (Marquee resolves the Markdown ones for lists and the feed).
    /// A resized copy missing from `--media` is replaced by its original, under the original's name.
    static func mediaPlace(_ wanted: String, source: String, for entry: ImportedEntry, copies: inout [String: String]) -> (path: String, url: String) {
        let upload = source.hasSuffix("/" + wanted) ? wanted : ImportMedia.originalName(of: wanted) ?? wanted
        let encoded = upload.split(separator: "/").map { Permalinks.encode(String($0)) }.joined(separator: "/")
        switch entry.section {
        case .review:
            // By its own name beside the review; with its year and month when two share a name.
            var name = String(upload.split(separator: "/").last ?? "")
            if let other = copies["content/reviews/\(entry.slug)/\(name)"], other != source {
                name = upload.split(separator: "/").map(String.init).joined(separator: "-")
            }
            copies["content/reviews/\(entry.slug)/\(name)"] = source
            return ("content/reviews/\(entry.slug)/\(name)", Permalinks.encode(name))
        case .post:
            copies["static/uploads/\(upload)"] = source
            return ("static/uploads/\(upload)", "../../uploads/\(encoded)")
        case .page:
            copies["static/uploads/\(upload)"] = source
            return ("static/uploads/\(upload)", "../uploads/\(encoded)")
        }
    }

    struct Attachments {
        var byID: [String: Shortcodes.Attachment] = [:]
        var byParent: [String: [Shortcodes.Attachment]] = [:]
    }

    static func attachments(_ export: WXRExport) -> Attachments {
        var result = Attachments()
        for item in export.items where item.postType == "attachment" && !item.attachmentURL.isEmpty {
            let attachment = Shortcodes.Attachment(url: item.attachmentURL, alt: item.metaValue("_wp_attachment_image_alt") ?? plainText(item.title))
            result.byID[item.postID] = attachment
            if !item.postParent.isEmpty, item.postParent != "0" { result.byParent[item.postParent, default: []].append(attachment) }
        }
        return result
    }

    /// Text as a reader sees it: titles, term names and excerpts hold HTML entities and tags in WordPress.
    static func plainText(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else {
            return html.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        return HTMLTree.parse(html).map(\.textContent).joined().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Slugs that name a folder of the site's own: a page may not take them.
    static let reservedSlugs: Set<String> = ["reviews", "posts", "page", "categories", "directors", "writers", "years", "tags", "ratings",
                                            "cast", "authors", "artists", "feed.xml", "sitemap.xml", "robots.txt", "404.html", "index.html"]

    static func slug(for item: WXRItem, title: String, page: Bool, used: inout Set<String>) -> String {
        var slug = (item.postName.removingPercentEncoding ?? item.postName).trimmed
        if slug.hasSuffix("__trashed") { slug = String(slug.dropLast(9)) }
        if Slug.problem(with: slug) != nil { slug = Slug.make(from: slug) }
        if slug.isEmpty { slug = Slug.make(from: title) }
        if slug.count > 120 { slug = String(slug.prefix(120)) }
        if slug.isEmpty || Slug.problem(with: slug) != nil { slug = "post-\(item.postID.isEmpty ? "untitled" : item.postID)" }
        if page && reservedSlugs.contains(slug.lowercased()) { slug += "-page" }
        var candidate = slug
        var number = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(slug)-\(number)"
            number += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    static func terms(_ item: WXRItem, into entry: inout ImportedEntry) {
        var categories: [String] = [], tags: [String] = []
        for term in item.terms {
            let name = plainText(term.name)
            guard !name.isEmpty, name.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
            switch term.domain {
            case "category" where term.nicename.lowercased() != "uncategorized" && name.lowercased() != "uncategorized":
                categories.append(name)
            case "post_tag", "tag":
                tags.append(name)
            default:
                break
            }
        }
        entry.categories = merged(categories, [])
        entry.tags = merged(tags, [])
    }

    /// Names in order, each once (Marquee takes names that differ only in case as one).
    static func merged(_ first: [String], _ second: [String]) -> [String] {
        var seen: Set<String> = []
        return (first + second).filter { seen.insert(Slug.make(from: $0)).inserted }
    }

    static func removing(_ positions: [(block: Int, line: Int)], from blocks: [MarkdownBlock]) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        for (index, block) in blocks.enumerated() {
            guard case .paragraph(let lines) = block else { result.append(block); continue }
            let gone = Set(positions.filter { $0.block == index }.map(\.line))
            let kept = lines.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
            if !kept.isEmpty { result.append(.paragraph(kept)) }
        }
        return result
    }
}
