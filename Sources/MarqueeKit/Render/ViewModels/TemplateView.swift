import MarqueeTemplates

/// A typed view model: a value a template is rendered with (or a part of one), and the schema that
/// says which variables it offers. `templateObject` holds exactly the schema's fields, an empty
/// optional written as `.absent` (never left out: a left-out name would be looked up in the
/// enclosing contexts); `ViewModelSchemaTests` holds every model to its schema.
protocol TemplateView {
    var templateObject: TemplateObject { get }
    /// `.object(templateObject)`; views shown on many pages (a card, an entry) keep it made once.
    var templateValue: TemplateValue { get }
    static var schema: TemplateObjectType { get }
}

extension TemplateView {
    var templateValue: TemplateValue { .object(templateObject) }
    /// The model's kind in another schema: `TemplateField("date", DateView.type, …)`.
    static var type: TemplateType { .object(schema) }
    static var listType: TemplateType { .list(.object(schema)) }
}

extension TemplateObjectType {
    /// This type's fields followed by `more`, under a new name: a card is an entry and more.
    func extended(as name: String, with more: [TemplateField]) -> TemplateObjectType {
        TemplateObjectType(name, fields + more)
    }
}

extension TemplateObject {
    /// This object with `more` fields set (a card is an entry and more).
    func adding(_ more: KeyValuePairs<String, TemplateValue>) -> TemplateObject {
        var object = self
        object.reserveCapacity(object.count + more.count)
        for (name, value) in more { object[name] = value }
        return object
    }
}

extension TemplateValue {
    /// Text, or `.absent` for nil.
    static func text(orAbsent value: String?) -> TemplateValue { value.map { .text($0) } ?? .absent }
    /// Trusted HTML, or `.absent` for nil.
    static func html(orAbsent value: String?) -> TemplateValue { value.map { .html($0) } ?? .absent }
    static func list<View: TemplateView>(_ views: [View]) -> TemplateValue { .list(views.map(\.templateValue)) }
    /// A view, or `.absent` for nil.
    static func view<View: TemplateView>(_ view: View?) -> TemplateValue { view?.templateValue ?? .absent }
}
