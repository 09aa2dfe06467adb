import CLibXML2
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a WordPress export with Foundation's streaming `XMLParser` (never patterns over the XML):
/// the channel's authors and categories, and every item with its post meta and comments.
/// A file that is not well-formed XML, or not a WordPress export, is one diagnostic at the
/// parser's line and column. Bytes that are not UTF-8 are replaced first (`NotUTF8Bytes`), and
/// their places kept for the report.
public enum WXRReader {
    public static func read(_ data: Data, path: String) -> Result<WXRExport, Diagnostic> {
        let (text, notUTF8) = NotUTF8Bytes.replacing(in: data)
        let parser = XMLParser(data: text)
        let delegate = WXRParserDelegate(parser: parser)
        parser.delegate = delegate
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        let parsed = parser.parse()
        if !parsed || delegate.failure != nil {
            let (line, column, reason) = delegate.failure ?? (parser.lineNumber, parser.columnNumber, describe(parser.parserError))
            // Bytes that are not UTF-8 may be what broke it (a name with one in it no longer
            // matches its closing tag): the error says where the first one was.
            let encoding = notUTF8.first.map { " (the file also has bytes that are not UTF-8, first at line \($0.line), column \($0.column): convert it to UTF-8 first)" } ?? ""
            return .failure(.error(SourceLocation(path: path, line: line, column: column),
                                   "the export is not well-formed XML: \(reason)\(encoding)",
                                   hint: "export the site again (WordPress: Tools → Export → All content); an export cut short or edited by hand cannot be read"))
        }
        guard delegate.sawChannel, delegate.sawWordPressNamespace else {
            return .failure(.error(SourceLocation(path: path), "this is not a WordPress export: no <channel> with WordPress's wp: elements",
                                   hint: "give the file WordPress writes with Tools → Export (WXR 1.0 to 1.2)"))
        }
        var export = delegate.export
        export.notUTF8 = notUTF8.map { SourceLocation(path: path, line: $0.line, column: $0.column) }
        return .success(export)
    }

    /// The parser's error as words: Foundation passes libxml2's error number through (and on
    /// Linux says only "the operation could not be completed").
    static func describe(_ error: Error?) -> String {
        guard let error = error as NSError? else { return "unknown error" }
        switch xmlParserErrors(rawValue: UInt32(clamping: max(0, error.code))) {
        case XML_ERR_DOCUMENT_END, XML_ERR_DOCUMENT_EMPTY: return "the file ends before the document does (is it cut short?)"
        case XML_ERR_TAG_NAME_MISMATCH: return "a closing tag does not match the element it closes"
        case XML_ERR_TAG_NOT_FINISHED: return "an element is not closed before the file ends"
        case XML_ERR_LT_REQUIRED, XML_ERR_GT_REQUIRED: return "a tag is not closed with '>'"
        case XML_ERR_ENTITYREF_SEMICOL_MISSING, XML_ERR_NAME_REQUIRED: return "an '&' that starts no entity (write &amp;)"
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY: return "an entity XML does not define (only &amp; &lt; &gt; &quot; &apos; and numeric ones)"
        case XML_ERR_INVALID_CHAR, XML_ERR_INVALID_DEC_CHARREF, XML_ERR_INVALID_HEX_CHARREF, XML_ERR_INVALID_CHARREF: return "a character XML cannot hold"
        case XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_ATTRIBUTE_NOT_FINISHED, XML_ERR_ATTRIBUTE_WITHOUT_VALUE, XML_ERR_ATTRIBUTE_REDEFINED: return "a malformed attribute"
        case XML_ERR_DOCUMENT_START: return "the file holds no XML document"
        case XML_ERR_NOT_WELL_BALANCED: return "the elements are not well nested"
        case XML_ERR_EXTRA_CONTENT: return "text after the end of the document"
        case XML_ERR_CDATA_NOT_FINISHED: return "a CDATA section is not closed"
        case XML_ERR_COMMENT_NOT_FINISHED: return "a comment is not closed"
        case XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING: return "the XML declaration names an encoding that cannot be read"
        case XML_ERR_STRING_NOT_STARTED, XML_ERR_STRING_NOT_CLOSED: return "a quoted value is not opened or not closed"
        case XML_ERR_LT_IN_ATTRIBUTE: return "a '<' inside an attribute's value (write &lt;)"
        case XML_NS_ERR_UNDEFINED_NAMESPACE: return "an element's prefix (wp:, dc:, content:) names no namespace the file declares"
        default: return "XML error \(error.code)"
        }
    }
}

/// The SAX delegate: keeps a stack of open elements and the text of the innermost one.
final class WXRParserDelegate: NSObject, XMLParserDelegate {
    private unowned let parser: XMLParser
    var export = WXRExport()
    var sawChannel = false
    var sawWordPressNamespace = false
    var failure: (Int, Int, String)?

    private var stack: [String] = []
    private var text = ""
    private var item: WXRItem?
    private var comment: WXRComment?
    private var author: WXRAuthor?
    private var category: WXRTerm?
    private var itemTerm: WXRTerm?
    private var metaKey = ""
    private var metaValue = ""

    init(parser: XMLParser) { self.parser = parser }

    /// Elements are named `prefix:local` with a fixed prefix per namespace, whatever prefix the
    /// export declared: WXR 1.0, 1.1 and 1.2 differ in the wp: namespace's URI only.
    private func qualified(_ local: String, _ namespace: String?) -> String {
        guard var namespace, !namespace.isEmpty else { return local }
        // Exports of recent WordPress versions write the namespaces with https.
        if namespace.hasPrefix("https://") { namespace = "http://" + namespace.dropFirst(8) }
        if namespace.hasPrefix("http://wordpress.org/export/") {
            if namespace.hasSuffix("/excerpt/") { return "excerpt:\(local)" }
            sawWordPressNamespace = true
            return "wp:\(local)"
        }
        if namespace == "http://purl.org/rss/1.0/modules/content/" { return "content:\(local)" }
        if namespace == "http://purl.org/dc/elements/1.1/" { return "dc:\(local)" }
        return "other:\(local)"
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        let name = qualified(elementName, namespaceURI)
        stack.append(name)
        text = ""
        switch name {
        case "channel": sawChannel = true
        case "item": item = WXRItem(line: parser.lineNumber)
        case "wp:comment" where item != nil: comment = WXRComment()
        case "wp:author" where item == nil: author = WXRAuthor()
        case "wp:category" where item == nil: category = WXRTerm(domain: "category")
        case "wp:tag" where item == nil: category = WXRTerm(domain: "post_tag")
        case "category" where item != nil:
            itemTerm = WXRTerm(domain: attributes["domain"] ?? "category", nicename: attributes["nicename"] ?? "")
        case "wp:postmeta": metaKey = ""; metaValue = ""
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        let name = stack.popLast() ?? elementName
        let value = text
        text = ""
        let parent = stack.last ?? ""
        if comment != nil, parent == "wp:comment" || name == "wp:comment" {
            endCommentField(name, value)
        } else if author != nil {
            endAuthorField(name, value)
        } else if category != nil {
            endCategoryField(name, value)
        } else if item != nil {
            endItemField(name, value, parent: parent)
        } else if parent == "channel" {
            switch name {
            case "title": export.title = value
            case "link": export.link = value
            case "description": export.description = value
            case "language": export.language = value
            case "wp:base_blog_url": export.baseBlogURL = value
            case "wp:base_site_url": export.baseSiteURL = value
            case "wp:wxr_version": export.wxrVersion = value
            default: break
            }
        }
    }

    private func endItemField(_ name: String, _ value: String, parent: String) {
        guard var current = item else { return }
        if name == "item" {
            export.items.append(current)
            item = nil
            return
        }
        if parent == "wp:postmeta" {
            if name == "wp:meta_key" { metaKey = value } else if name == "wp:meta_value" { metaValue = value }
            return
        }
        switch name {
        case "title": current.title = value
        case "link": current.link = value
        case "guid": current.guid = value
        case "dc:creator": current.creator = value
        case "content:encoded": current.content = value
        case "excerpt:encoded": current.excerpt = value
        case "wp:post_id": current.postID = value.trimmed
        case "wp:post_date": current.postDate = value.trimmed
        case "wp:post_date_gmt": current.postDateGMT = value.trimmed
        case "wp:post_name": current.postName = value.trimmed
        case "wp:status": current.status = value.trimmed
        case "wp:post_parent": current.postParent = value.trimmed
        case "wp:post_type": current.postType = value.trimmed
        case "wp:post_password": current.password = value
        case "wp:attachment_url": current.attachmentURL = value.trimmed
        case "wp:postmeta": current.meta.append((metaKey, metaValue))
        case "category":
            if var term = itemTerm {
                term.name = value
                current.terms.append(term)
            }
            itemTerm = nil
        default: break
        }
        item = current
    }

    private func endCommentField(_ name: String, _ value: String) {
        guard var current = comment else { return }
        switch name {
        case "wp:comment":
            item?.comments.append(current)
            comment = nil
            return
        case "wp:comment_id": current.id = value.trimmed
        case "wp:comment_author": current.author = value
        case "wp:comment_author_url": current.authorURL = value.trimmed
        case "wp:comment_date": current.date = value.trimmed
        case "wp:comment_date_gmt": current.dateGMT = value.trimmed
        case "wp:comment_content": current.content = value
        case "wp:comment_approved": current.approved = value.trimmed
        case "wp:comment_type": current.type = value.trimmed
        case "wp:comment_parent": current.parent = value.trimmed
        default: break
        }
        comment = current
    }

    private func endAuthorField(_ name: String, _ value: String) {
        guard var current = author else { return }
        switch name {
        case "wp:author":
            export.authors.append(current)
            author = nil
            return
        case "wp:author_login": current.login = value.trimmed
        case "wp:author_display_name": current.displayName = value
        case "wp:author_first_name": current.firstName = value
        case "wp:author_last_name": current.lastName = value
        default: break
        }
        author = current
    }

    private func endCategoryField(_ name: String, _ value: String) {
        guard var current = category else { return }
        switch name {
        case "wp:category", "wp:tag":
            export.categories.append(current)
            category = nil
            return
        case "wp:category_nicename", "wp:tag_slug": current.nicename = value.trimmed
        case "wp:cat_name", "wp:tag_name": current.name = value
        case "wp:category_parent": current.parent = value.trimmed
        default: break
        }
        category = current
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if failure == nil { failure = (parser.lineNumber, parser.columnNumber, WXRReader.describe(parseError)) }
    }
}

extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
