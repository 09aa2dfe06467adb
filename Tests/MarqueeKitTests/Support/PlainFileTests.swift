import Foundation
import Testing
@testable import MarqueeKit

@Suite struct PlainFileTests {
    /// Writes the bytes whole, and a shorter file replaces a longer one without leaving its tail.
    @Test func writesAndTruncates() throws {
        let folder = Paths.temporaryFolder("plain")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.path + "/page.html"
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: 300_000)
        try PlainFile.write(long, to: path)
        #expect(FileManager.default.contents(atPath: path) == Data(long))
        try PlainFile.write(Data("short\n".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("short\n".utf8))
    }

    /// A failed write says what went wrong and where, as a build reports it.
    @Test func aFailureNamesThePath() {
        let path = Paths.temporaryFolder("missing").path + "/page.html"
        do {
            try PlainFile.write(Data("x".utf8), to: path)
            Issue.record("the write succeeded")
        } catch {
            #expect(SiteReader.describe(error) == "no such file or directory (\(path))")
            #expect(OutputWriter.writeError(error, path: "page.html").message.hasSuffix("no such file or directory (\(path))"))
        }
    }
}
