import Foundation
import Testing
@testable import MarqueeKit

@Suite struct ImageProcessorTests {
    let processor = ImageProcessor()

    @Test func variantWidthsAreNeverLargerThanTheImage() {
        let settings = ImageSettings.standard
        #expect(settings.variantWidths(forWidth: 4000) == [320, 640, 960, 1280])
        #expect(settings.variantWidths(forWidth: 1280) == [320, 640, 960, 1280])
        #expect(settings.variantWidths(forWidth: 700) == [320, 640, 700])
        #expect(settings.variantWidths(forWidth: 320) == [320])
        #expect(settings.variantWidths(forWidth: 200) == [200])
    }

    @Test func aJPEGBecomesJPEGAndWebPVariantsAndASocialCard() throws {
        guard case .success(let (image, files)) = processor.process(TestImages.jpeg, declared: .jpeg) else {
            Issue.record("the poster was refused")
            return
        }
        #expect((image.width, image.height) == (700, 1050))
        #expect(image.own.map(\.width) == [320, 640, 700])
        #expect(image.webp.map(\.width) == [320, 640, 700])
        // The height follows the width: 2:3.
        #expect(image.own.map(\.height) == [480, 960, 1050])
        #expect(image.own.allSatisfy { $0.path.hasSuffix(".jpg") } && image.webp.allSatisfy { $0.path.hasSuffix(".webp") })
        // Never upscaled: the card is the image's own width when it is narrower than 1200.
        #expect(image.social?.width == 700 && image.social?.path.hasSuffix("-social.jpg") == true)
        #expect(files.count == 7)
        for variant in image.allVariants {
            let bytes = try #require(files[ImageStore.fileName(variant)])
            let data = Data(bytes)
            #expect(Vips.format(of: data).format == variant.format)
            let size = try Vips.dimensions(of: data)
            #expect(size.width == variant.width && size.height == variant.height)
        }
    }

    @Test func aSmallPNGIsKeptAtItsOwnWidth() {
        guard case .success(let (image, _)) = processor.process(TestImages.smallPNG, declared: .png) else {
            Issue.record("the image was refused")
            return
        }
        #expect(image.own.map(\.width) == [200] && image.own.first?.path.hasSuffix("-200.png") == true)
        #expect(image.webp.map(\.width) == [200])
        #expect(image.social?.width == 200)
    }

    @Test func namesCarryAHashOfTheBytesAndTheSettings() {
        let key = processor.key(of: TestImages.jpeg)
        #expect(key.count == 16)
        #expect(key == processor.key(of: TestImages.jpeg))
        #expect(key != processor.key(of: TestImages.smallPNG))
        var other = ImageProcessor()
        other.settings.webpQuality = 50
        #expect(key != other.key(of: TestImages.jpeg))
        var changed = TestImages.jpeg
        changed[changed.count - 3] ^= 1
        #expect(key != processor.key(of: changed))
    }

    @Test func aDecompressionBombIsRefusedFromItsHeader() {
        #expect(processor.process(TestImages.bombPNG, declared: .png).problem == .tooManyPixels(width: 30000, height: 30000, limit: 100_000_000))
    }

    @Test func aTruncatedJPEGIsDamaged() {
        guard case .damaged(let why) = processor.process(TestImages.truncatedJPEG, declared: .jpeg).problem else {
            Issue.record("the truncated JPEG was not refused as damaged")
            return
        }
        #expect(!why.isEmpty)
    }

    @Test func aFileThatIsNotWhatItsExtensionSaysIsRefused() {
        #expect(processor.process(TestImages.smallPNG, declared: .jpeg).problem == .wrongFormat(actual: .png, declared: .jpeg))
        #expect(processor.process(Data("not an image".utf8), declared: .jpeg).problem == .notAnImage)
    }

    @Test func theStoreKeepsAndFindsTheVariants() throws {
        let folder = Paths.temporaryFolder("images")
        let store = ImageStore(siteDirectory: folder.path)
        guard case .success(let (image, files)) = processor.process(TestImages.smallPNG, declared: .png) else { return }
        let key = processor.key(of: TestImages.smallPNG)
        #expect(store.cached(key) == nil)
        #expect(store.keep(key, image, files: files))
        // The next build's store finds them (a store is the folder as its build began).
        #expect(ImageStore(siteDirectory: folder.path).cached(key) == image)
        // A variant gone: the source is not cached any more.
        try FileManager.default.removeItem(atPath: "\(folder.path)/\(ImageStore.folder)/\(ImageStore.fileName(image.webp[0]))")
        #expect(ImageStore(siteDirectory: folder.path).cached(key) == nil)
        // Nor is it when a variant is a symbolic link (the output would link it).
        let social = "\(folder.path)/\(ImageStore.folder)/\(ImageStore.fileName(try #require(image.social)))"
        #expect(store.keep(key, image, files: files))
        #expect(ImageStore(siteDirectory: folder.path).cached(key) == image)
        try FileManager.default.removeItem(atPath: social)
        try FileManager.default.createSymbolicLink(atPath: social, withDestinationPath: "/etc/passwd")
        #expect(ImageStore(siteDirectory: folder.path).cached(key) == nil)
    }
}

extension Result where Failure == ImageProblem {
    var problem: ImageProblem? {
        if case .failure(let problem) = self { return problem }
        return nil
    }
}
