// A dev build's: scripts/stamp-release.sh rewrites this file in the release workflow, before
// building, with the tag's commit and (for the second round of builds) the checksums of the first
// round's Linux archives. Kept as a source file, not read from git or the environment at build or
// run time, so two builds of one checkout are byte-identical and the binary needs nothing at run time.
enum ReleaseStamp {
    /// The commit the release was built from; nil in a dev build.
    static let commit: String? = nil
    /// `<server>/<owner>/<repository>/releases/download` of the repository released from.
    static let downloadsURL: String? = nil
    /// SHA-256 of `marquee-VERSION-linux-ARCH-ci.tar.gz` by ARCH: what `marquee new site` pins.
    static let ciArchiveChecksums: [String: String] = [:]
}
