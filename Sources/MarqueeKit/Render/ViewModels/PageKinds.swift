import MarqueeTemplates

/// Every kind of thing Marquee renders through a template: the pages, and the fragments rendered
/// once and handed to pages as ready HTML. Each kind names its template and declares its root
/// schema: the variables the template (and every partial and parent it uses) can name.
///
/// Partials are not kinds of their own: they render inside a page's context and see its variables.
/// Every page uses `base` (its parent). Besides, `review` uses `credits`, `recommendations`,
/// `author-box` and `comments` (which `article` uses too); `home` and `term` use `pagination`; `ratings` uses `rating-chart` inside
/// `{{#ratings.chart}}` (so the chart's variables are at the top there).
///
/// The Atom feed (`/feed.xml`) is not a kind: `AtomFeed` builds its XML in Swift, so that escaping
/// is exact whatever a writer types, and no template renders it.
public enum PageKind: String, CaseIterable, Sendable {
    case review
    /// An article's page (`content/posts/`).
    case article
    case home
    case term
    /// A taxonomy's index of terms (`/directors/`).
    case termList = "taxonomy"
    case archive
    case ratings
    case page
    case notFound = "404"
    /// The search page (`/search/`), when site.yml does not turn search off.
    case search
    case card = "review-card"
    case articleCard = "article-card"
    case ratingBadge = "rating-badge"
    case siteHeader = "site-header"
    case siteFooter = "site-footer"

    /// The template it is rendered with; also `page.kind` for pages.
    public var template: String { rawValue }

    /// Whether it is a fragment (rendered once, handed to pages as HTML) rather than a page.
    public var isFragment: Bool {
        switch self {
        case .card, .articleCard, .ratingBadge, .siteHeader, .siteFooter: true
        default: false
        }
    }

    /// What messages call pages of this kind: "review pages have no variable 'review.ratng'".
    public var plural: String {
        switch self {
        case .review: "review pages"
        case .article: "article pages"
        case .home: "home pages"
        case .term: "term pages"
        case .termList: "taxonomy pages"
        case .archive: "archive pages"
        case .ratings: "ratings pages"
        case .page: "plain pages"
        case .notFound: "404 pages"
        case .search: "search pages"
        case .card: "review cards"
        case .articleCard: "article cards"
        case .ratingBadge: "rating badges"
        case .siteHeader: "site headers"
        case .siteFooter: "site footers"
        }
    }

    /// One line for the reference.
    public var summary: String {
        switch self {
        case .review: "a review's page (`/reviews/<slug>/`)"
        case .article: "an article's page (`/posts/<slug>/`): a dated post of `content/posts/` without a rating or credits"
        case .home: "the home page and its further pages (`/`, `/page/2/`): the newest reviews and articles as cards; also the list of the articles alone (`/posts/`)"
        case .term: "a term's pages (`/directors/majid-majidi/`): its reviews and articles as cards, with the average rating"
        case .termList: "a taxonomy's index (`/directors/`): every term with its number of reviews"
        case .archive: "the list of all reviews by year (`/reviews/`)"
        case .ratings: "the ratings table and chart (`/ratings/`)"
        case .page: "a plain page of `content/pages/` (`/about/`)"
        case .notFound: "the not-found page (`/404.html`), with links that work at any depth"
        case .search: "the search page (`/search/?q=…`): the form, the filters, and where `search.js` shows the results; not made with `search: false`"
        case .card: "a review as lists show it; rendered once per review and handed to pages as `html`"
        case .articleCard: "an article as lists show it; rendered once per article and handed to pages as `html`"
        case .ratingBadge: "the stars and `4 out of 5`; rendered once per distinct rating and handed to pages as `rating.html`"
        case .siteHeader: "the site's title, description and menu; rendered once per current menu entry and handed to pages as `site.headerHTML`"
        case .siteFooter: "the site's footer; rendered once and handed to pages as `site.footerHTML`"
        }
    }

    /// The variables at the top of its template.
    public var schema: TemplateObjectType {
        switch self {
        case .review: ReviewPageView.schema
        case .article: ArticlePageView.schema
        case .home: HomePageView.schema
        case .term: TermPageView.schema
        case .termList: TaxonomyPageView.schema
        case .archive: ArchivePageView.schema
        case .ratings: RatingsPageView.schema
        case .page: PlainPageView.schema
        case .notFound: NotFoundPageView.schema
        case .search: SearchPageView.schema
        case .card: CardFragmentView.schema
        case .articleCard: ArticleCardFragmentView.schema
        case .ratingBadge: RatingBadgeView.schema
        case .siteHeader, .siteFooter: SiteFragmentView.schema
        }
    }

    /// The partials its template uses in the default theme (besides `base`, which every page inherits).
    public var defaultPartials: [String] {
        switch self {
        case .review: ["credits", "recommendations", "author-box", "comments"]
        case .article: ["comments"]
        case .home, .term: ["pagination"]
        case .ratings: ["rating-chart"]
        default: []
        }
    }
}
