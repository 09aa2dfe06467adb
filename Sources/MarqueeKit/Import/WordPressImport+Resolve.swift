import Foundation

/// The steps of an import that need every entry: links and uploads, recommendations, authors, comments.
extension WordPressImport {
    /// Placeholders become the new page's path, or the old address again when that page is not
    /// published (a link to a draft would be a broken link on the new site); uploads the copied
    /// file's address, or the old one when there is no copy.
    static func resolveLinks(_ entries: inout [ImportedEntry], targets: [LinkTarget], media: ((String) -> String?)?,
                             copies: inout [String: String], report: inout ImportReport) {
        guard !targets.isEmpty else { return }
        for index in entries.indices {
            let title = entries[index].title
            let owner = entries[index]
            var missing: [String] = []
            func resolve(_ text: String) -> String {
                guard text.contains("\u{E010}") else { return text }
                var out = ""
                var rest = Substring(text)
                while let open = rest.firstIndex(of: "\u{E010}"), let close = rest[open...].firstIndex(of: "\u{E011}") {
                    out += rest[..<open]
                    if let number = Int(rest[rest.index(after: open)..<close]), number < targets.count {
                        switch targets[number] {
                        case .page(let target, let original):
                            if entries[target].draft {
                                out += original
                                report.note(title, "links to “\(entries[target].title)”, a draft: the link still leads to the old blog")
                            } else {
                                out += entries[target].path
                            }
                        case .media(let upload, let original):
                            if let source = media?(upload) {
                                out += mediaPlace(upload, source: source, for: owner, copies: &copies).url
                            } else {
                                out += original
                                let name = String(upload.split(separator: "/").last ?? "")
                                if !missing.contains(name) { missing.append(name) }
                            }
                        }
                    }
                    rest = rest[rest.index(after: close)...]
                }
                return out + rest
            }
            entries[index].blocks = entries[index].blocks.map { block in
                switch block {
                case .paragraph(let lines): return .paragraph(lines.map(resolve))
                case .other(let text): return .other(resolve(text))
                case .list(let text): return .list(resolve(text))
                case .more: return .more
                }
            }
            entries[index].missingMedia = missing
        }
    }

    /// "Liked X? You'll love Y": the slug of the review titled Y, else Y's link, else left in the text.
    static func resolveRecommendations(_ entries: inout [ImportedEntry], addresses: OldAddresses, report: inout ImportReport) {
        var byTitle: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where entry.section == .review && !entry.draft {
            for name in [entry.title, entry.lines.work ?? "", entry.slug] where !name.isEmpty {
                let key = Slug.make(from: name)
                if byTitle[key] == nil { byTitle[key] = index }
            }
        }
        for index in entries.indices where entries[index].section == .review {
            guard let liked = entries[index].lines.liked else { continue }
            var found: ImportedEntry.Recommendation?
            if let target = byTitle[Slug.make(from: liked.target)], target != index {
                found = .slug(entries[target].slug)
            } else if let url = liked.url, url.hasPrefix("/reviews/"),
                      let target = entries.firstIndex(where: { $0.path == url && $0.section == .review && !$0.draft }), target != index {
                found = .slug(entries[target].slug)
            } else if let url = liked.url, Shortcodes.isWebURL(url), addresses.target(of: url) == nil {
                found = .external(title: liked.target, url: url)
            }
            guard let found else {
                report.note(entries[index].title, "“\(liked.text)”: no published review is titled “\(liked.target)” and the line links nowhere: left in the text; write recommend: yourself")
                continue
            }
            entries[index].recommend = found
            // Found again by its text: the review lines taken out before moved the blocks.
            for (blockIndex, block) in entries[index].blocks.enumerated() {
                guard case .paragraph(let lines) = block, let lineIndex = lines.firstIndex(where: { ReviewLines.plain($0) == liked.text }) else { continue }
                entries[index].blocks = removing([(blockIndex, lineIndex)], from: entries[index].blocks)
                break
            }
        }
    }

    /// The author of most posts is the site's `author`; the others become `authors:`, and their
    /// posts name them with `reviewer:`.
    static func authors(_ export: WXRExport, entries: inout [ImportedEntry]) -> (ImportedSiteConfig.Author?, [ImportedSiteConfig.Author]) {
        var counts: [String: Int] = [:]
        let logins = export.authors.map(\.login)
        // An export can hold a creator spelt with stray characters (">themereviewteam" in
        // WordPress's own test data): it is the login it spells.
        func login(_ creator: String) -> String {
            let trimmed = creator.trimmed
            if logins.contains(trimmed) { return trimmed }
            let letters = trimmed.filter { $0.isLetter || $0.isNumber || "._@-".contains($0) }
            return logins.contains(letters) ? letters : trimmed
        }
        for entry in entries where entry.section != .page { counts[login(entry.item.creator), default: 0] += 1 }
        let order = logins + counts.keys.sorted().filter { !logins.contains($0) }
        guard let mainLogin = order.max(by: { (counts[$0] ?? 0, -(order.firstIndex(of: $0) ?? 0)) < (counts[$1] ?? 0, -(order.firstIndex(of: $1) ?? 0)) }) else {
            return (nil, [])
        }
        func name(_ login: String) -> String { export.authors.first { $0.login == login }.map { plainText($0.name) } ?? login }
        var others: [ImportedSiteConfig.Author] = []
        var ids: [String: String] = [:]
        for login in order where login != mainLogin && (counts[login] ?? 0) > 0 {
            var id = String(Slug.make(from: login).unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") })
            if id.isEmpty { id = "author" }
            var candidate = id, number = 2
            while ids.values.contains(candidate) { candidate = "\(id)-\(number)"; number += 1 }
            ids[login] = candidate
            others.append(.init(id: candidate, name: name(login)))
        }
        for index in entries.indices { entries[index].reviewer = ids[login(entries[index].item.creator)] }
        return (.init(id: mainLogin, name: name(mainLogin)), others)
    }

    /// Approved readers' comments only: never pending, spam or trashed ones, pingbacks or trackbacks.
    static func comments(of entry: inout ImportedEntry, report: inout ImportReport) {
        var kept: [WXRComment] = []
        for comment in entry.item.comments {
            let type = comment.type.trimmed
            if type == "pingback" || type == "trackback" { report.skip("\(type)s"); continue }
            if !type.isEmpty && type != "comment" { report.skip("comments of type \(type)"); continue }
            switch comment.approved.trimmed {
            case "1": kept.append(comment)
            case "spam": report.skip("spam comments")
            case "trash": report.skip("trashed comments")
            default: report.skip("pending comments")
            }
        }
        if entry.section == .page && !kept.isEmpty {
            report.skip("comments on pages", kept.count)
            kept = []
        }
        entry.comments = kept
    }
}
