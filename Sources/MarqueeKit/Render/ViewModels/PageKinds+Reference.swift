extension PageKind {
    /// Every kind as the reference for theme authors describes it, in `PageKind` order: pages
    /// first, then the fragments.
    public static var referenceKinds: [TemplateVariablesReference.Kind] {
        allCases.map { kind in
            TemplateVariablesReference.Kind(name: kind.template, summary: kind.summary, template: kind.template,
                                            root: kind.schema, isFragment: kind.isFragment,
                                            partials: kind.defaultPartials)
        }
    }
}
