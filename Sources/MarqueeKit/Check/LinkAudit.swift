import Foundation

/// What to do about an internal link that leads nowhere (`broken_links:` in site.yml).
public enum BrokenLinkPolicy: String, Sendable {
    case error
    case warning
}

/// The check stage: reads the rendered pages back and verifies every link a reader can click.
/// Internal links (the writer's Markdown links, the theme's, `#anchors`) must name a file of the
/// built site and, with a fragment, an `id` on that page. External URLs are checked for syntax only.
struct LinkAudit {
    let site: Site
    let policy: BrokenLinkPolicy

    struct Problem {
        var message: String
        var hint: String
        var isSyntax = false
    }

    /// What one link comes to before the ids of other pages are known.
    enum Verdict {
        case fine
        case broken(Problem)
        /// Fine if the page `target` (an output path) has the id `fragment` (decoded).
        case needsID(target: String, fragment: String)
    }

    /// One page's links, checked as soon as the page is made: the problems found, the `#fragment`
    /// links into other pages (checked once every page's ids are known), and the page's own ids.
    struct CheckedPage {
        var origin: String
        var ids: [String]
        var problems: [(link: String, problem: Problem)] = []
        var fragments: [(link: String, target: String, fragment: String)] = []
    }

    /// Verdicts already reached, by link (and by folder for relative links). Each worker keeps
    /// its own: most links repeat on thousands of pages (the menu, cards, terms).
    struct Memo {
        var verdicts: [String: Verdict] = [:]
    }

    /// Checks the links of the page at `path` against the files of the site (`paths`); a link in
    /// `direct` (see `directLinks(to:)`) is fine without a look at it.
    func check(_ scan: HTMLScanner.Result, page path: String, origin: String, paths: Set<String>, direct: DirectLinks = DirectLinks(capacity: 0), memo: inout Memo) -> CheckedPage {
        var checked = CheckedPage(origin: origin, ids: scan.ids)
        var folder: String?
        for link in scan.links {
            if direct.contains(link) { continue }
            if link.hasPrefix("#") {
                // An id of this page (a skip link on every page): its ids are at hand, no verdict to keep.
                let fragment = String(link.dropFirst())
                if !fragment.isEmpty, !scan.ids.contains(fragment.removingPercentEncodingIfAny ?? fragment) {
                    checked.problems.append((link, Self.missingID(link, on: path, samePage: true)))
                }
                continue
            }
            let key: String
            if link.hasPrefix("/") || URLSafety.scheme(of: link) != nil {
                key = link
            } else if link.hasPrefix("#") {
                key = path + "|" + link
            } else {
                if folder == nil { folder = path.split(separator: "/").dropLast().joined(separator: "/") }
                key = (folder ?? "") + "|" + link
            }
            let verdict: Verdict
            if let known = memo.verdicts[key] { verdict = known } else {
                verdict = self.verdict(link, on: path, paths: paths)
                memo.verdicts[key] = verdict
            }
            switch verdict {
            case .fine:
                break
            case .broken(let problem):
                checked.problems.append((link, problem))
            case .needsID(let target, let fragment) where target == path:
                if !scan.ids.contains(fragment) { checked.problems.append((link, Self.missingID(link, on: target, samePage: link.hasPrefix("#")))) }
            case .needsID(let target, let fragment):
                checked.fragments.append((link, target, fragment))
            }
        }
        return checked
    }

    static func missingID(_ link: String, on target: String, samePage: Bool) -> Problem {
        samePage ? Problem(message: "the link '\(Slug.printable(link))' names no id on its own page", hint: "add the id, or fix the anchor")
                 : Problem(message: "the link '\(Slug.printable(link))' names no id on /\(target)", hint: "add the id to that page, or fix the anchor")
    }

    /// The diagnostics for checked pages: their problems, and their links to ids on other pages
    /// (looked up in `ids`, which holds every page of the site). Reported in the order of the
    /// pages' paths, each broken link once, where the writer typed it when they did: at its line,
    /// or, for a link of a body that no line is known for, at the body's first line. Only a link
    /// that is in no body is blamed on the templates.
    func report(_ pages: [String: CheckedPage], ids: (String) -> [String]?) -> [Diagnostic] {
        // Where the writer typed each URL, to report a broken one there rather than on every page
        // showing it. Gathered at the first broken link: most builds have none. URLs are compared
        // decoded: cmark percent-encodes a typed "[x]" as "%5Bx%5D" when it writes the page.
        var typedAt: [String: [String: Int]] = [:] // origin → url → line
        var firstTyped: [String: SourceLocation] = [:]
        var bodies: [String: RenderedMarkdown] = [:] // origin → its body
        var linksOfBody: [String: Set<String>] = [:] // origin → every link its body's HTML holds, when asked
        var gathered = false
        var ownLinks: [String: String] = [:] // origin → the link of its own page
        var diagnostics: [Diagnostic] = []
        var seen = Set<String>()
        let severity: Diagnostic.Severity = policy == .error ? .error : .warning
        for path in pages.keys.sorted() {
            guard let page = pages[path] else { continue }
            var problems = page.problems
            for (link, target, fragment) in page.fragments where ids(target)?.contains(fragment) != true {
                problems.append((link, Self.missingID(link, on: target, samePage: false)))
            }
            for (link, problem) in problems {
                if !gathered {
                    for review in site.reviews { record(review.source, review.body, &typedAt, &firstTyped, &bodies) }
                    for article in site.articles { record(article.source, article.body, &typedAt, &firstTyped, &bodies) }
                    for page in site.pages { record(page.source, page.body, &typedAt, &firstTyped, &bodies) }
                    for review in site.reviews { ownLinks[review.source] = site.permalinks.link(Route.review(review.slug)) }
                    for article in site.articles { ownLinks[article.source] = site.permalinks.link(Route.article(article.slug)) }
                    for page in site.pages { ownLinks[page.source] = site.permalinks.link(Route.page(page.slug)) }
                    gathered = true
                }
                let location: SourceLocation
                var hint = problem.hint
                let typed = Self.typedForm(link)
                if let line = typedAt[page.origin]?[typed] {
                    location = SourceLocation(path: page.origin, line: line)
                } else if let first = firstTyped[typed] {
                    location = first // shown in a list or feed; reported where it was typed
                } else if let body = bodies[page.origin], Self.links(of: body, origin: page.origin, &linksOfBody).contains(link) {
                    location = SourceLocation(path: page.origin, line: body.firstLine)
                } else {
                    location = SourceLocation(path: page.origin)
                    hint += "; the link comes from the templates of /\(path)"
                }
                guard seen.insert("\(location)|\(Self.sameAnchor(link, ownLink: ownLinks[location.path]))").inserted else { continue }
                diagnostics.append(Diagnostic(problem.isSyntax ? .error : severity, at: location, problem.message, hint: hint, stage: .check))
            }
        }
        return diagnostics
    }

    /// The output paths the pages in memory link to (for `marquee check`'s unused-file advice; the
    /// links themselves were checked when the pages were made).
    func referencedPaths(in files: [OutputFile]) -> Set<String> {
        var referenced = Set<String>()
        for page in files where page.path.hasSuffix(".html") {
            guard case .bytes(let bytes) = page.content else { continue }
            for link in bytes.withUnsafeBytes({ HTMLScanner.scan($0) }).links {
                if let target = resolvedPath(of: link, on: page.path) { referenced.insert(target) }
            }
        }
        return referenced
    }

    private func record(_ origin: String, _ body: RenderedMarkdown, _ typedAt: inout [String: [String: Int]],
                        _ first: inout [String: SourceLocation], _ bodies: inout [String: RenderedMarkdown]) {
        bodies[origin] = body
        for link in body.links {
            let typed = Self.typedForm(link.url)
            if typedAt[origin]?[typed] == nil { typedAt[origin, default: [:]][typed] = link.line }
            if first[typed] == nil { first[typed] = SourceLocation(path: origin, line: link.line) }
        }
    }

    /// `#x` for a link to anchor x of the writer's own page (`/blog/reviews/a/#x`, as an excerpt on a
    /// list page shows `[…](#x)`), so the one mistake is reported once; any other link as it is.
    static func sameAnchor(_ link: String, ownLink: String?) -> String {
        guard let hash = link.firstIndex(of: "#"), link[..<hash] == ownLink?[...] else { return link }
        return String(link[hash...])
    }

    /// A URL as the writer typed it, whether cmark percent-encoded it on the page or not.
    static func typedForm(_ url: String) -> String {
        url.removingPercentEncodingIfAny ?? url
    }

    /// The links of a body's HTML as the page shows them, scanned once per body when asked.
    private static func links(of body: RenderedMarkdown, origin: String, _ cache: inout [String: Set<String>]) -> Set<String> {
        if let known = cache[origin] { return known }
        let links = Set(HTMLScanner.scan(Array(body.html.utf8)).links)
        cache[origin] = links
        return links
    }

    /// The root-relative links that name a file of `paths` as the site's own links write them
    /// (`/blog/reviews/baran/`, `/blog/reviews/baran`, `/blog/reviews/baran/index.html`, `/blog/`
    /// for the home page): `verdict` finds each of them fine. Paths holding `%`, `?` or `#`, whose
    /// links mean something else, are left to `verdict`, and so is every link under a base path
    /// holding `%` (compared decoded there).
    func directLinks(to paths: Set<String>) -> DirectLinks {
        let basePath = site.permalinks.basePath
        let special = { (byte: UInt8) in byte == UInt8(ascii: "%") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") }
        guard basePath.hasPrefix("/"), !basePath.utf8.contains(where: special) else { return DirectLinks(capacity: 0) }
        var table = DirectLinks(capacity: paths.count * 3)
        // Each link is made in one reused buffer: the base path, then the file's path.
        var link = Array(basePath.utf8)
        let baseCount = link.count
        let index = Array("index.html".utf8)
        for path in paths where !path.hasPrefix("/") && !path.utf8.contains(where: special) {
            link.removeLast(link.count - baseCount)
            link.append(contentsOf: path.utf8)
            link.withUnsafeBytes { table.insert($0) }
            if path == "index.html" || path.hasSuffix("/index.html") {
                link.removeLast(index.count) // the folder: "/blog/reviews/baran/", or "/blog/"
                link.withUnsafeBytes { table.insert($0) }
                if path != "index.html" {
                    link.removeLast() // and without its last slash
                    link.withUnsafeBytes { table.insert($0) }
                }
            }
        }
        return table
    }

    /// What a link comes to before any page's ids are known.
    func verdict(_ link: String, on page: String, paths: Set<String>) -> Verdict {
        let basePath = site.permalinks.basePath
        if link.isEmpty { return .broken(Problem(message: "an empty link", hint: "give the link a target")) }
        if link.hasPrefix("#") {
            let fragment = String(link.dropFirst())
            return fragment.isEmpty ? .fine : .needsID(target: page, fragment: fragment.removingPercentEncodingIfAny ?? fragment)
        }
        if let scheme = URLSafety.scheme(of: link) {
            guard scheme == "http" || scheme == "https" else { return .fine } // mailto:, tel:, … are not checked
            guard let components = URLComponents(string: link), let host = components.host, !host.isEmpty else {
                return .broken(Problem(message: "'\(Slug.printable(link))' is not a valid URL", hint: "write a full address such as https://example.org/page", isSyntax: true))
            }
            return .fine
        }
        if link.hasPrefix("//") {
            return URLComponents(string: "https:" + link)?.host == nil
                ? .broken(Problem(message: "'\(Slug.printable(link))' is not a valid URL", hint: "write a full address such as https://example.org/page", isSyntax: true)) : .fine
        }
        // Resolve to a path in the output folder.
        // (Cut at `#` and `?` by their bytes: this runs for every distinct link of the site.)
        let hash = link.utf8.firstIndex(of: UInt8(ascii: "#"))
        let fragment = hash.map { String(link[link.utf8.index(after: $0)...]) }
        let beforeHash = link[..<(hash ?? link.endIndex)]
        let pathPart = String(beforeHash[..<(beforeHash.utf8.firstIndex(of: UInt8(ascii: "?")) ?? beforeHash.endIndex)])
        var absolute: String
        if pathPart.hasPrefix("/") {
            absolute = pathPart
        } else {
            let folder = "/" + page.split(separator: "/").dropLast().joined(separator: "/")
            absolute = MarkdownRenderer.resolve(pathPart, against: basePath + (folder == "/" ? "" : String(folder.dropFirst()) + "/"))
                .map { String($0.split(separator: "?")[0]) } ?? basePath
        }
        absolute = absolute.removingPercentEncodingIfAny ?? absolute
        // Compared decoded, like the link: a base path may hold "%20".
        let decodedBase = basePath.removingPercentEncodingIfAny ?? basePath
        guard absolute.hasPrefix(decodedBase) || absolute + "/" == decodedBase else {
            return .broken(Problem(message: "the link '\(Slug.printable(link))' leaves the site's base path \(basePath)", hint: "site links are written from the site root, such as /reviews/baran/; Marquee adds the base path"))
        }
        var target = absolute.utf8.starts(with: decodedBase.utf8) ? String(decoding: absolute.utf8.dropFirst(decodedBase.utf8.count), as: UTF8.self)
                                                               : String(absolute.dropFirst(min(decodedBase.count, absolute.count)))
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        if !paths.contains(target) {
            if paths.contains(target + "/index.html") { target += "/index.html" } else {
                return .broken(Problem(message: "the link '\(Slug.printable(link))' leads to no page of the site", hint: "fix the address, or remove the link"))
            }
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
            return .needsID(target: target, fragment: fragment.removingPercentEncodingIfAny ?? fragment)
        }
        return .fine
    }

    /// The output path an internal link names, if it is one.
    func resolvedPath(of link: String, on page: String) -> String? {
        guard URLSafety.scheme(of: link) == nil, !link.hasPrefix("//"), !link.hasPrefix("#") else { return nil }
        let basePath = site.permalinks.basePath
        var path = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        if !path.hasPrefix("/") {
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            path = MarkdownRenderer.resolve(path, against: basePath + (folder.isEmpty ? "" : folder + "/")) ?? path
        }
        path = path.removingPercentEncodingIfAny ?? path
        let decodedBase = basePath.removingPercentEncodingIfAny ?? basePath
        guard path.hasPrefix(decodedBase) else { return nil }
        return String(path.dropFirst(decodedBase.count))
    }
}

