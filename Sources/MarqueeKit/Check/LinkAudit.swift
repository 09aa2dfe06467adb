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

    /// Checks files in memory. `referenced`, when given, is filled with the output paths some page
    /// links to (for the unused-file check).
    func audit(_ files: [OutputFile], referenced: UnsafeMutablePointer<Set<String>>? = nil) -> [Diagnostic] {
        let pages = files.filter { $0.path.hasSuffix(".html") }
        let scanned: [ScannedPage] = ConcurrentMap.map(pages) { page in
            guard case .data(let data) = page.content else { return ScannedPage(path: page.path, origin: page.origin, scan: HTMLScanner.Result()) }
            return ScannedPage(path: page.path, origin: page.origin, scan: data.withUnsafeBytes { HTMLScanner.scan($0) })
        }
        return audit(scanned, paths: Set(files.map(\.path)), referenced: referenced)
    }

    /// Checks pages already read back (`scanned`, in any order) against the files of the site
    /// (`paths`) and the ids of its pages (`ids` by page when given, else those of `scanned`).
    func audit(_ scanned: [ScannedPage], paths: Set<String>, ids known: [String: Set<String>]? = nil,
               referenced: UnsafeMutablePointer<Set<String>>? = nil) -> [Diagnostic] {
        let pages = scanned.sorted { $0.path < $1.path }
        let ids = known ?? Self.ids(of: pages)

        // Where the writer typed each URL, to report a broken one there rather than on every page
        // showing it. Gathered at the first broken link: most builds have none.
        var typedAt: [String: [String: Int]] = [:] // origin → url → line
        var firstTyped: [String: SourceLocation] = [:]
        var gathered = false

        // Pages are checked in chunks on all cores. Most links repeat on thousands of pages (the
        // menu, cards, terms): within a chunk each distinct link is resolved once per folder it is
        // relative to (once in all for absolute ones).
        let chunkSize = max(64, pages.count / (ProcessInfo.processInfo.activeProcessorCount * 4) + 1)
        let chunks = stride(from: 0, to: pages.count, by: chunkSize).map { $0..<min($0 + chunkSize, pages.count) }
        let checked = ConcurrentMap.map(chunks) { chunk -> (findings: [(page: Int, link: String, problem: Problem)], targets: Set<String>) in
            var findings: [(page: Int, link: String, problem: Problem)] = []
            var verdicts: [String: Problem?] = [:]
            var targets: [String: String?] = [:]
            var referencedHere = Set<String>()
            for index in chunk {
                let page = pages[index]
                var folder: String?
                for link in page.scan.links {
                    let key: String
                    if link.hasPrefix("/") || Self.scheme(of: link) != nil {
                        key = link
                    } else if link.hasPrefix("#") {
                        key = page.path + "|" + link
                    } else {
                        if folder == nil { folder = page.path.split(separator: "/").dropLast().joined(separator: "/") }
                        key = (folder ?? "") + "|" + link
                    }
                    if referenced != nil {
                        let target: String?
                        if let known = targets[key] { target = known } else { target = resolvedPath(of: link, on: page.path); targets[key] = target }
                        if let target { referencedHere.insert(target) }
                    }
                    let problem: Problem?
                    if let known = verdicts[key] { problem = known } else {
                        problem = self.problem(with: link, on: page.path, paths: paths, ids: ids)
                        verdicts[key] = problem
                    }
                    if let problem { findings.append((index, link, problem)) }
                }
            }
            return (findings, referencedHere)
        }
        if let referenced { for chunk in checked { referenced.pointee.formUnion(chunk.targets) } }

        var diagnostics: [Diagnostic] = []
        var seen = Set<String>()
        let severity: Diagnostic.Severity = policy == .error ? .error : .warning
        for (index, link, problem) in checked.flatMap(\.findings) {
            let page = pages[index]
            if !gathered {
                for review in site.reviews { record(review.source, review.body.links, &typedAt, &firstTyped) }
                for page in site.pages { record(page.source, page.body.links, &typedAt, &firstTyped) }
                gathered = true
            }
            let location: SourceLocation
            var hint = problem.hint
            if let line = typedAt[page.origin]?[link] {
                location = SourceLocation(path: page.origin, line: line)
            } else if let typed = firstTyped[link] {
                location = typed // shown in a list or feed; reported where it was typed
            } else {
                location = SourceLocation(path: page.origin)
                hint += "; the link comes from the templates of /\(page.path)"
            }
            guard seen.insert("\(location)|\(link)").inserted else { continue }
            diagnostics.append(Diagnostic(problem.isSyntax ? .error : severity, at: location, problem.message, hint: hint, stage: .check))
        }
        return diagnostics
    }

    /// The ids on each page.
    static func ids(of pages: some Sequence<ScannedPage>) -> [String: Set<String>] {
        var ids: [String: Set<String>] = [:]
        for page in pages { ids[page.path] = Set(page.scan.ids) }
        return ids
    }

    private func record(_ origin: String, _ links: [BodyLink], _ typedAt: inout [String: [String: Int]], _ first: inout [String: SourceLocation]) {
        for link in links {
            if typedAt[origin]?[link.url] == nil { typedAt[origin, default: [:]][link.url] = link.line }
            if first[link.url] == nil { first[link.url] = SourceLocation(path: origin, line: link.line) }
        }
    }

    struct Problem {
        var message: String
        var hint: String
        var isSyntax = false
    }

    func problem(with link: String, on page: String, paths: Set<String>, ids: [String: Set<String>]) -> Problem? {
        let basePath = site.permalinks.basePath
        if link.isEmpty { return Problem(message: "an empty link", hint: "give the link a target") }
        if link.hasPrefix("#") {
            let fragment = String(link.dropFirst())
            if fragment.isEmpty || ids[page]?.contains(fragment.removingPercentEncodingIfAny ?? fragment) == true { return nil }
            return Problem(message: "the link '\(Slug.printable(link))' names no id on its own page", hint: "add the id, or fix the anchor")
        }
        if let scheme = Self.scheme(of: link) {
            guard scheme == "http" || scheme == "https" else { return nil } // mailto:, tel:, … are not checked
            guard let components = URLComponents(string: link), let host = components.host, !host.isEmpty else {
                return Problem(message: "'\(Slug.printable(link))' is not a valid URL", hint: "write a full address such as https://example.org/page", isSyntax: true)
            }
            return nil
        }
        if link.hasPrefix("//") {
            return URLComponents(string: "https:" + link)?.host == nil
                ? Problem(message: "'\(Slug.printable(link))' is not a valid URL", hint: "write a full address such as https://example.org/page", isSyntax: true) : nil
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
        guard absolute.hasPrefix(basePath) || absolute + "/" == basePath else {
            return Problem(message: "the link '\(Slug.printable(link))' leaves the site's base path \(basePath)", hint: "site links are written from the site root, such as /reviews/baran/; Marquee adds the base path")
        }
        var target = absolute.utf8.starts(with: basePath.utf8) ? String(decoding: absolute.utf8.dropFirst(basePath.utf8.count), as: UTF8.self)
                                                               : String(absolute.dropFirst(min(basePath.count, absolute.count)))
        if target.isEmpty || target.hasSuffix("/") { target += "index.html" }
        if !paths.contains(target) {
            if paths.contains(target + "/index.html") { target += "/index.html" } else {
                return Problem(message: "the link '\(Slug.printable(link))' leads to no page of the site", hint: "fix the address, or remove the link")
            }
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html"), ids[target]?.contains(fragment.removingPercentEncodingIfAny ?? fragment) != true {
            return Problem(message: "the link '\(Slug.printable(link))' names no id on /\(target)", hint: "add the id to that page, or fix the anchor")
        }
        return nil
    }

    /// The output path an internal link names, if it is one.
    func resolvedPath(of link: String, on page: String) -> String? {
        guard Self.scheme(of: link) == nil, !link.hasPrefix("//"), !link.hasPrefix("#") else { return nil }
        let basePath = site.permalinks.basePath
        var path = String(link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0])
        if !path.hasPrefix("/") {
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            path = MarkdownRenderer.resolve(path, against: basePath + (folder.isEmpty ? "" : folder + "/")) ?? path
        }
        path = path.removingPercentEncodingIfAny ?? path
        guard path.hasPrefix(basePath) else { return nil }
        return String(path.dropFirst(basePath.count))
    }

    static func scheme(of link: String) -> String? {
        guard let colon = link.firstIndex(of: ":") else { return nil }
        let scheme = link[..<colon]
        guard let first = scheme.first, first.isLetter, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return scheme.lowercased()
    }
}

/// A page read back for the link check: its links and ids, without its bytes.
struct ScannedPage {
    var path: String
    var origin: String
    var scan: HTMLScanner.Result
}
