/// A post's readers' comments in its JSON-LD: `commentCount`, and `comment`, each a schema.org
/// `Comment` with its author, date and text as plain text (the sanitised HTML's words).
enum CommentsStructuredData {
    static func fields(_ comments: [Comment]) -> [(String, JSONValue)] {
        guard !comments.isEmpty else { return [] }
        let values: [JSONValue] = comments.map { comment in
            var author: [(String, JSONValue)] = [("@type", .string("Person")), ("name", .string(comment.author))]
            if let url = comment.url { author.append(("url", .string(url))) }
            var value: [(String, JSONValue)] = [("@type", .string("Comment")), ("author", .object(author))]
            if let date = comment.date { value.append(("dateCreated", .string(date.rfc3339))) }
            value.append(("text", .string(comment.text)))
            return .object(value)
        }
        return [("commentCount", .integer(comments.count)), ("comment", .array(values))]
    }
}
