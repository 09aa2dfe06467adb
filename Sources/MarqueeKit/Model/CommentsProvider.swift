/// A service the theme embeds under reviews and articles so that readers can write new comments
/// (`comments:` in site.yml; none by default): giscus (GitHub Discussions) or utterances (GitHub
/// issues). Marquee only writes the service's script tag, with the settings as its attributes.
public struct CommentsProvider: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case giscus, utterances

        /// The script the service serves.
        public var script: String {
            switch self {
            case .giscus: "https://giscus.app/client.js"
            case .utterances: "https://utteranc.es/client.js"
            }
        }
    }

    public struct Attribute: Hashable, Sendable {
        /// `data-repo`, `data-issue-term`…: a name of the service's own list, never the writer's.
        public var name: String
        public var value: String
    }

    public var kind: Kind
    /// The settings as the script's `data-` attributes, in the service's documented order.
    public var attributes: [Attribute]
}
