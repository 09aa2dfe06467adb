import MarqueeTemplates

/// Escaping for HTML text built in Swift: the same characters and entities as templates' `{{ }}`
/// (`MarqueeTemplates.HTMLEscaping`), so text is escaped one way wherever it comes from.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
