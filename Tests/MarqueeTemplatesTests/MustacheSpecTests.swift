import Foundation
import Testing
@testable import MarqueeTemplates

/// The Mustache specification's conformance data (`../shared/spec/mustache/`): every case of every
/// module, lambdas excepted (Marquee's view models are data, never code).
@Suite struct MustacheSpecTests {
    struct SpecFile: Decodable {
        let tests: [SpecCase]
    }

    struct SpecCase: Decodable, CustomTestStringConvertible {
        let name: String
        let desc: String
        let data: JSONValue
        let template: String
        let expected: String
        let partials: [String: String]?
        var file = ""
        var testDescription: String { "\(file): \(name)" }

        enum CodingKeys: String, CodingKey { case name, desc, data, template, expected, partials }
    }

    /// JSON as the engine's values: whole numbers become `.int`, others `.double`.
    enum JSONValue: Decodable {
        case value(TemplateValue)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .value(.absent) }
            else if let flag = try? container.decode(Bool.self) { self = .value(.flag(flag)) }
            else if let number = try? container.decode(Int.self) { self = .value(.int(number)) }
            else if let number = try? container.decode(Double.self) { self = .value(.double(number)) }
            else if let text = try? container.decode(String.self) { self = .value(.text(text)) }
            else if let list = try? container.decode([JSONValue].self) { self = .value(.list(list.map(\.templateValue))) }
            else { self = .value(.object(TemplateObject(fields: try container.decode([String: JSONValue].self).mapValues(\.templateValue)))) }
        }

        var templateValue: TemplateValue {
            switch self { case .value(let value): value }
        }
    }

    static let specFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/spec/mustache")

    static let cases: [SpecCase] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: specFolder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.flatMap { name -> [SpecCase] in
            guard let data = try? Data(contentsOf: specFolder.appendingPathComponent(name)),
                  let file = try? JSONDecoder().decode(SpecFile.self, from: data) else { return [] }
            return file.tests.map { test in
                var test = test
                test.file = name
                return test
            }
        }
    }()

    @Test func theWholeSpecificationIsHere() {
        #expect(Self.cases.count == 184, "the spec folder holds \(Self.cases.count) cases: \(Self.specFolder.path)")
    }

    @Test(arguments: cases)
    func specCase(_ test: SpecCase) throws {
        var sources = [TemplateSource(name: "(test)", path: "test.mustache", text: test.template)]
        for (name, text) in test.partials ?? [:] { sources.append(TemplateSource(name: name, path: "\(name).mustache", text: text)) }
        let (loaded, problems) = TemplateLibrary.load(sources, missingTemplatesAreErrors: false)
        let library = try #require(loaded, "\(problems)")
        let output = try library.render("(test)", with: test.data.templateValue)
        #expect(String(decoding: output, as: UTF8.self) == test.expected, "\(test.desc)")
    }
}
