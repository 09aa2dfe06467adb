/// Marquee's version, printed by `marquee --version`. The one place it is written: the release
/// workflow refuses a tag that does not match it (scripts/release-version.sh reads it from here).
public enum MarqueeVersion {
    public static let string = "0.1.0"

    /// "0.1.0 (commit 1a2b3c4d5e6f)" for a release build, "0.1.0 (dev build)" otherwise.
    public static var description: String {
        "\(string) (\(ReleaseStamp.commit.map { "commit \($0.prefix(12))" } ?? "dev build"))"
    }
}

/// What a build of Marquee knows of its own release: the version, where its archives are published,
/// and the checksums of the archives that the workflows `marquee new site` writes download.
public struct MarqueeRelease: Sendable, Equatable {
    public var version: String
    /// The folder of release downloads, `…/releases/download`: a tag's archives are under `v<version>/`.
    public var downloadsURL: String
    /// SHA-256 (hex) of `marquee-VERSION-linux-ARCH-ci.tar.gz` by ARCH (x86_64, aarch64); empty in a
    /// dev build, whose workflows check the download against the release's SHA256SUMS instead.
    public var linuxArchiveChecksums: [String: String]

    public init(version: String, downloadsURL: String, linuxArchiveChecksums: [String: String]) {
        self.version = version
        self.downloadsURL = downloadsURL
        self.linuxArchiveChecksums = linuxArchiveChecksums
    }

    /// The running binary's own. A release build carries the repository it was released from (a
    /// fork's binaries download the fork's releases); a dev build names the project's.
    public static let current = MarqueeRelease(version: MarqueeVersion.string,
                                               downloadsURL: ReleaseStamp.downloadsURL ?? "https://github.com/marquee-ssg/marquee/releases/download",
                                               linuxArchiveChecksums: ReleaseStamp.ciArchiveChecksums)

    /// Whether the checksums are pinned (a release build), rather than read from the release.
    public var isPinned: Bool { Self.linuxArchitectures.allSatisfy { linuxArchiveChecksums[$0] != nil } }

    /// The architectures a runner may have, as the archives name them.
    public static let linuxArchitectures = ["x86_64", "aarch64"]

    /// The archive a workflow downloads for `architecture`.
    public static func ciArchiveName(version: String, architecture: String) -> String {
        "marquee-\(version)-linux-\(architecture)-ci.tar.gz"
    }
}
