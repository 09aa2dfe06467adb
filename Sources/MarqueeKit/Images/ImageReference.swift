/// What an `image:` value names: a file of the site (beside a folder review, or under static/
/// when it starts with "/"), or an address elsewhere, used as it is.
enum ImageReference: Equatable {
    case remote(String)
    /// The path in the site folder ("content/reviews/baran/poster.jpg", "static/posters/baran.jpg").
    case local(String)

    init(_ image: String, postSource: String) {
        let lowered = image.lowercased()
        if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || image.hasPrefix("//") {
            self = .remote(image)
        } else if image.hasPrefix("/") {
            self = .local("static" + image)
        } else {
            let folder = postSource.split(separator: "/").dropLast().joined(separator: "/")
            self = .local(folder.isEmpty ? image : folder + "/" + image)
        }
    }

    static func isRemote(_ image: String) -> Bool {
        if case .remote = ImageReference(image, postSource: "") { return true }
        return false
    }
}
