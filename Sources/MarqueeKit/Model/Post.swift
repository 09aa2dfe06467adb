/// A dated item of the lists that show reviews and articles together (home page, term pages,
/// archive, feed): an index into `Site.reviews` or `Site.articles`.
public enum Post: Hashable, Sendable {
    case review(Int)
    case article(Int)
}

extension Site {
    /// Reviews and articles, newest first; at one moment a review before an article, then by slug.
    /// `reviews` and `articles` are each sorted that way already: this merges them.
    func posts(reviews: [Int], articles: [Int]) -> [Post] {
        var result: [Post] = []
        result.reserveCapacity(reviews.count + articles.count)
        var r = 0, a = 0
        while r < reviews.count || a < articles.count {
            guard a < articles.count else { result.append(.review(reviews[r])); r += 1; continue }
            guard r < reviews.count else { result.append(.article(articles[a])); a += 1; continue }
            let review = self.reviews[reviews[r]], article = self.articles[articles[a]]
            if article.date < review.date || (article.date == review.date && review.slug <= article.slug) {
                result.append(.review(reviews[r])); r += 1
            } else {
                result.append(.article(articles[a])); a += 1
            }
        }
        return result
    }

    /// Every published review and article, newest first.
    var allPosts: [Post] { posts(reviews: Array(reviews.indices), articles: Array(articles.indices)) }

    /// When it last changed: an article's `updated`, else its date.
    func updated(of post: Post) -> PublicationDate {
        if case .article(let index) = post { return articles[index].updated ?? articles[index].date }
        return date(of: post)
    }

    func date(of post: Post) -> PublicationDate {
        switch post {
        case .review(let index): reviews[index].date
        case .article(let index): articles[index].date
        }
    }
}
