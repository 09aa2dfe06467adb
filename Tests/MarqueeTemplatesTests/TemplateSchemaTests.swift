import Testing
@testable import MarqueeTemplates

@Suite struct TemplateSchemaTests {
    static let person = TemplateObjectType("person", [
        TemplateField("name", .text, "The name."),
        TemplateField("url", .text, "A link, when there is one."),
    ])

    @Test func aMatchingValueHasNoProblems() {
        let value = TemplateValue.object(TemplateObject(["name": "Ada", "url": .absent]))
        #expect(TemplateType.object(Self.person).problems(with: value) == [])
    }

    @Test func missingExtraAndMistypedFieldsAreNamed() {
        let value = TemplateValue.object(TemplateObject(["name": 3, "nick": "A"]))
        #expect(TemplateType.object(Self.person).problems(with: value) == [
            "name: expected text, found a number",
            "url: missing (use .absent for no value)",
            "nick: not in the schema of person",
        ])
        #expect(TemplateType.list(.object(Self.person)).problems(with: .list([value])).first == "[0].name: expected text, found a number")
    }
}
