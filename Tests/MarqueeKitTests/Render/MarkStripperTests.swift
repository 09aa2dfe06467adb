import Foundation
import Testing
@testable import MarqueeKit

/// Marks come out of a file completely, leaving the bytes an unmarked render makes, and each
/// marked value is found where it is, with the escaping it went through.
@Suite struct MarkStripperTests {
    let marks = BodyMarks(nonce: Array("0123456789abcdef".utf8))
    var nonce: [UInt8] { marks.nonce ?? [] }

    func strip(_ text: String) -> MarkStripper.Result? {
        MarkStripper.strip(Data(text.utf8), nonce: nonce)
    }

    @Test func aFileWithoutMarksIsLeftAlone() {
        #expect(strip("<p>Nothing marked, not even \u{FFFD} or é.</p>") == nil)
        #expect(BodyMarks.off.mark("value", review: 1, part: .body) == "value")
        #expect(marks.mark("", review: 1, part: .body) == "", "an empty value is never marked: templates test it")
    }

    @Test func eachEscapingIsRecognisedByItsProbe() throws {
        let value = "Tom & \"Jerry\" <3 'cats'\\"
        let marked = marks.mark(value, review: 7, part: .excerpt)
        for encoding in BodyMarks.Encoding.allCases {
            let page = "<head>" + encoding.encode(marked) + "</head>"
            let result = try #require(strip(page))
            let expected = "<head>" + encoding.encode(value) + "</head>"
            #expect(String(decoding: result.bytes, as: UTF8.self) == expected)
            #expect(result.ranges == [MarkedRange(offset: 6, length: encoding.encode(value).utf8.count, id: 7 * 6 + 1, encoding: encoding)])
            #expect(result.unreadable.isEmpty)
        }
    }

    @Test func marksInsideMarksAndUnknownEscapingAreCutButNotRecorded() throws {
        let inner = marks.mark("inner", review: 1, part: .body)
        let outer = marks.mark("a \(inner) b", review: 2, part: .excerpt)
        let nested = try #require(strip("x\(outer)y"))
        #expect(String(decoding: nested.bytes, as: UTF8.self) == "xa inner by")
        #expect(nested.ranges.isEmpty)
        #expect(nested.unreadable == [6, 13])

        let doubled = BodyMarks.Encoding.html.encode(BodyMarks.Encoding.html.encode(marks.mark("v&", review: 3, part: .body)))
        let unknown = try #require(strip(doubled))
        #expect(String(decoding: unknown.bytes, as: UTF8.self) == "v&amp;amp;")
        #expect(unknown.ranges.isEmpty)
        #expect(unknown.unreadable == [18])
    }

    @Test func anotherBuildsMarksAndLookalikesAreText() throws {
        let other = BodyMarks(nonce: Array("fedcba9876543210".utf8)).mark("v", review: 1, part: .body)
        #expect(strip("a \(other) b") == nil)
        let mine = marks.mark("w", review: 0, part: .body)
        let result = try #require(strip("\(other)|\(mine)"))
        #expect(String(decoding: result.bytes, as: UTF8.self) == "\(other)|w")
        #expect(result.ranges.map(\.offset) == [other.utf8.count + 1])
    }
}
