import CLibXML2
import Foundation

/// A body's HTML as a small Swift tree, parsed by libxml2's HTML parser (which mends what
/// browsers mend: unclosed `<p>` and `<li>`, stray end tags), so the converter never sees text
/// patterns instead of elements.
indirect enum HTMLNode: Equatable, Sendable {
    case element(name: String, attributes: [(String, String)], children: [HTMLNode])
    case text(String)
    case comment(String)

    static func == (lhs: HTMLNode, rhs: HTMLNode) -> Bool {
        switch (lhs, rhs) {
        case let (.element(a, x, c), .element(b, y, d)):
            return a == b && c == d && x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
        case let (.text(a), .text(b)), let (.comment(a), .comment(b)): return a == b
        default: return false
        }
    }

    var name: String? {
        if case .element(let name, _, _) = self { return name }
        return nil
    }

    var children: [HTMLNode] {
        if case .element(_, _, let children) = self { return children }
        return []
    }

    func attribute(_ key: String) -> String? {
        guard case .element(_, let attributes, _) = self else { return nil }
        return attributes.first { $0.0 == key }?.1
    }

    /// The text of the node and its descendants, as a reader sees it (no tags).
    var textContent: String {
        switch self {
        case .text(let text): return text
        case .comment: return ""
        case .element(_, _, let children): return children.map(\.textContent).joined()
        }
    }
}

enum HTMLTree {
    /// The children of `<body>` for an HTML fragment.
    static func parse(_ fragment: String) -> [HTMLNode] {
        // An explicit <body> keeps libxml2 from wrapping top-level text in an implied <p>: the
        // paragraphs are ours to make (WordPress's rule for classic bodies, see WordPressBody).
        let wrapped = "<html><head><meta charset=\"utf-8\"></head><body>" + fragment + "</body></html>"
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let bytes = Array(wrapped.utf8)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options) } } ?? nil
        }) else { return [.text(fragment)] }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), let body = findBody(root) else { return [] }
        return convertChildren(of: body)
    }

    private static func findBody(_ node: xmlNodePtr) -> xmlNodePtr? {
        if node.pointee.type == XML_ELEMENT_NODE, name(of: node) == "body" { return node }
        var child = node.pointee.children
        while let current = child {
            if let found = findBody(current) { return found }
            child = current.pointee.next
        }
        return nil
    }

    private static func name(of node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) }?.lowercased() ?? ""
    }

    private static func convertChildren(of node: xmlNodePtr) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                result.append(.element(name: name(of: current), attributes: attributes(of: current), children: convertChildren(of: current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = current.pointee.content.map { String(cString: $0) } ?? ""
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + text)
                } else {
                    result.append(.text(text))
                }
            case XML_COMMENT_NODE:
                result.append(.comment(current.pointee.content.map { String(cString: $0) } ?? ""))
            default:
                break
            }
            child = current.pointee.next
        }
        return result
    }

    private static func attributes(of node: xmlNodePtr) -> [(String, String)] {
        var result: [(String, String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            let key = current.pointee.name.map { String(cString: $0) }?.lowercased() ?? ""
            var value = ""
            if let raw = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                value = String(cString: raw)
                free(raw)
            }
            if !key.isEmpty { result.append((key, value)) }
            attribute = current.pointee.next
        }
        return result
    }
}
