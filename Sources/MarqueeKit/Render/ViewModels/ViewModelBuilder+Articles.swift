import MarqueeTemplates

/// The view models of articles: their cards (rendered once, through `article-card`), the items of
/// the lists that mix them with reviews, and an article page's `article`.
extension ViewModelBuilder {
    func makeArticleCard(at index: Int, templates: TemplateSet) -> ArticleCardView {
        let article = site.articles[index]
        let fragment = ArticleCardFragmentView(entry: ArticleEntryView(article, links: links, translation: translation), excerpt: article.excerpt.html,
                                               tags: articleTerms(TaxonomyDefinition.ID.tags, of: index), words: words.templateValue)
        // (Should it fail, the lists show nothing for it: the article's own page reports why.)
        let html = templates.render(fragment.templateValue, template: PageKind.articleCard.template) ?? ""
        return ArticleCardView(card: fragment, html: html)
    }

    /// A list's items, each with its card.
    func items(_ posts: [Post]) -> [TemplateValue] {
        posts.map { post in
            switch post {
            case .review(let index): cards[index].itemValue
            case .article(let index): articleCards[index].itemValue
            }
        }
    }

    /// Article `index`'s terms in a taxonomy, each with its page (its names unlinked when the
    /// taxonomy is switched off).
    func articleTerms(_ taxonomyID: String, of index: Int) -> [NameLinkView] {
        guard let taxonomy = site.taxonomies.first(where: { $0.definition.id == taxonomyID }),
              taxonomy.termsOfArticle.indices.contains(index) else { return nameLinks(site.articles[index].names(taxonomyID), taxonomyID) }
        return taxonomy.termsOfArticle[index].enumerated().map { offset, term in
            NameLinkView(name: taxonomy.terms[term].name, url: links.link(taxonomy.route(ofTerm: term)), isFirst: offset == 0)
        }
    }

    /// The absolute URL of the article's social card (og:image, twitter:image), as a review's.
    func socialImage(of article: Article) -> String? {
        article.image.flatMap { socialImage($0, source: article.source, link: articleImageLink($0, of: article)) }
    }

    /// An article page's `article` variable.
    func articleView(at index: Int) -> ArticleView {
        let article = site.articles[index]
        typealias ID = TaxonomyDefinition.ID
        let categories = articleTerms(ID.categories, of: index)
        let added: [TaxonomyTermsView] = site.taxonomies.filter { !$0.definition.isBuiltIn }.compactMap { taxonomy in
            let terms = articleTerms(taxonomy.definition.id, of: index)
            guard !terms.isEmpty else { return nil }
            return TaxonomyTermsView(id: taxonomy.definition.id, title: taxonomy.definition.title, singular: taxonomy.definition.singular, terms: terms)
        }
        let categoriesDefinition = site.taxonomies.first { $0.definition.id == ID.categories }?.definition ?? TaxonomyDefinition.builtIn(ID.categories)
        let ownReviewer = article.reviewer.flatMap { site.config.authors[$0] }
        let author = ownReviewer ?? site.config.author
        var view = ArticleView(
            card: articleCards[index],
            categories: categories,
            otherTaxonomies: added,
            categoriesLabel: categoriesDefinition?.label(count: categories.count) ?? ID.categories,
            body: article.body.html,
            wordCount: article.body.wordCount,
            params: article.params,
            image: article.image.map { articleImageLink($0, of: article) },
            poster: article.image.map { PosterView($0, source: article.source, alt: article.imageAlt ?? article.title, site: site,
                                                   link: articleImageLink($0, of: article), sizes: PosterView.pageSizes, lazy: false) },
            tableOfContents: article.tableOfContents ?? site.config.tableOfContents ? TableOfContentsEntry.entries(article.body.headings) : [],
            reviewer: author.map { AuthorView(name: $0.name, bio: $0.bio, url: $0.url) },
            hasOwnReviewer: ownReviewer != nil,
            byline: ownReviewer.map { translation.phrase("review.by", ["name": $0.name]) },
            scheduledText: article.isScheduled ? translation.phrase("review.scheduled", ["date": translation.date(article.date)]) : "")
        view.comments = CommentsFields(article.comments, title: article.title, provider: site.config.comments, translation: translation)
        return view
    }

    /// `image: x.jpg` sits beside a folder article; `image: /img/x.jpg` is under static/; an
    /// address elsewhere is used as written.
    func articleImageLink(_ image: String, of article: Article) -> String {
        if ImageReference.isRemote(image) { return image }
        let segments = image.split(separator: "/").map { Permalinks.encode(String($0)) }.joined(separator: "/")
        return image.hasPrefix("/") ? links.link(segments) : links.link(Route.article(article.slug).url + segments)
    }
}
