extension ThemeWord {
    /// The search field and the `/search/` page (`static/search.js` gets the phrases from the page).
    static let search: [ThemeWord] = [
        ThemeWord("search.title", "Search", "the search page's title, the header's search button", template: true),
        ThemeWord("search.label", "Search the reviews", "the label of the search field", template: true),
        ThemeWord("search.noscript", "Searching needs JavaScript: browse {archive} or {ratings} instead.",
                  "the search page without JavaScript, with links", split: true),
        ThemeWord("search.archive", "all reviews", "the text of that message's link to the archive", template: true),
        ThemeWord("search.ratings", "the ratings", "the text of that message's link to the ratings page", template: true),
        ThemeWord("search.filters", "Filters", "the legend of the search page's filters", template: true),
        ThemeWord("search.rating", "Rating", "the filter by rating", template: true),
        ThemeWord("search.category", "Category", "the filter by category", template: true),
        ThemeWord("search.decade", "Decade", "the filter by decade", template: true),
        ThemeWord("search.any", "Any", "a filter's choice of everything", template: true),
        ThemeWord("search.more", "More results", "the button showing the next results", template: true),
        ThemeWord("search.at_least", "{rating} or more", "a choice of the rating filter"),
        ThemeWord("search.decade_value", "{decade}s", "a choice of the decade filter: 1990s"),
        ThemeWord("search.results.one", "{count} result", "the number of results, announced as it changes"),
        ThemeWord("search.results.other", "{count} results", "the number of results, announced as it changes"),
        ThemeWord("search.none", "No results.", "what the page says when nothing matches"),
        ThemeWord("search.prompt", "Type a title, a name or a tag.", "what the page says before a query"),
        ThemeWord("search.failed", "Search could not load. Try again later.", "what the page says when its index cannot be fetched"),
    ]
}
