import Foundation
import Testing
@testable import MarqueeKit

@Suite struct ShortcodesTests {
    @Test func captionBecomesAFigure() {
        var shortcodes = Shortcodes()
        #expect(shortcodes.expand(#"[caption id="attachment_1" align="alignnone" width="300"]<img src="a.jpg" alt="A"> A <em>caption</em>[/caption]"#)
            == #"<figure><img src="a.jpg" alt="A"><figcaption>A <em>caption</em></figcaption></figure>"#)
        #expect(shortcodes.expand(#"[caption caption="From the attribute"]<a href="b.jpg"><img src="a.jpg"></a>[/caption]"#)
            == #"<figure><a href="b.jpg"><img src="a.jpg"></a><figcaption>From the attribute</figcaption></figure>"#)
    }

    @Test func galleryAudioVideoAndEmbed() {
        var shortcodes = Shortcodes(attachment: { $0 == "7" ? .init(url: "https://x.org/a&b.jpg", alt: "Alt \"q\"") : nil },
                                    attachedImages: [.init(url: "https://x.org/c.jpg", alt: "")])
        #expect(shortcodes.expand("[gallery ids=\"7,8\"]") == #"<figure class="gallery"><a href="https://x.org/a&amp;b.jpg"><img src="https://x.org/a&amp;b.jpg" alt="Alt &quot;q&quot;"></a></figure>"#)
        #expect(shortcodes.expand("[gallery columns=2]") == #"<figure class="gallery"><a href="https://x.org/c.jpg"><img src="https://x.org/c.jpg" alt=""></a></figure>"#)
        #expect(shortcodes.expand("[audio https://x.org/a.mp3]") == #"<audio controls src="https://x.org/a.mp3"></audio>"#)
        #expect(shortcodes.expand("[audio mp3=\"https://x.org/b.mp3\"][/audio]") == #"<audio controls src="https://x.org/b.mp3"></audio>"#)
        #expect(shortcodes.expand("[embed]https://www.youtube.com/watch?v=abc123[/embed]")
            == #"<iframe src="https://www.youtube-nocookie.com/embed/abc123" title="Video" width="560" height="315" allowfullscreen></iframe>"#)
        #expect(shortcodes.unknown.isEmpty)
    }

    @Test func videoAddressesOnALineOfTheirOwn() {
        var shortcodes = Shortcodes()
        #expect(shortcodes.expand("Watch:\nhttps://vimeo.com/12345\n\nhttps://twitter.com/x/status/1\nnot https://youtu.be/x inline")
            == "Watch:\n<iframe src=\"https://player.vimeo.com/video/12345\" title=\"Video\" width=\"560\" height=\"315\" allowfullscreen></iframe>\n\n<a href=\"https://twitter.com/x/status/1\">https://twitter.com/x/status/1</a>\nnot https://youtu.be/x inline")
        #expect(shortcodes.expand("<pre>\nhttps://youtu.be/abc\n</pre>") == "<pre>\nhttps://youtu.be/abc\n</pre>")
    }

    @Test func unknownShortcodesAreLeftAndNamedButProseIsNot() {
        var shortcodes = Shortcodes()
        #expect(shortcodes.expand("[pullquote]x[/pullquote] [contact-form] [sic] [1] [[gallery]] [gallery]") == "[pullquote]x[/pullquote] [contact-form] [sic] [1] [gallery] [gallery]")
        #expect(shortcodes.unknown == ["pullquote", "contact-form", "gallery"])
    }

    /// Each "[" used to search the rest of the body for "]]": a body of brackets took 20 s. (No
    /// timing here — speed lives in the benchmark —, but a return to that would show as a test
    /// that takes that long.)
    @Test func aBodyOfBracketsIsLeftAsWritten() {
        var shortcodes = Shortcodes()
        let body = String(repeating: "[", count: 50_000) + String(repeating: "[a b", count: 5_000)
        #expect(shortcodes.expand(body) == body)
        #expect(shortcodes.unknown == [])
    }
}
