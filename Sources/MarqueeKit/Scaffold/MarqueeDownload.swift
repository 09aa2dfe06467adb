/// The shell that fetches the pinned Marquee release on a build machine (a GitHub runner, Netlify's
/// or Cloudflare's build image) and checks it before running it. Shared by every host's files, so
/// each verifies the same way. It reads MARQUEE_VERSION, MARQUEE_DOWNLOADS, MARQUEE_SHA256_X86_64
/// and MARQUEE_SHA256_AARCH64, and leaves the checked binary at "$MARQUEE_DIR/marquee".
enum MarqueeDownload {
    /// POSIX sh, indented by `indent` spaces (YAML block scalars need it).
    static func script(indent: Int = 0) -> String {
        let lines = #"""
        case "$(uname -m)" in
          x86_64|amd64) arch=x86_64; expected="$MARQUEE_SHA256_X86_64" ;;
          aarch64|arm64) arch=aarch64; expected="$MARQUEE_SHA256_AARCH64" ;;
          *) echo "error: Marquee has no Linux release for a $(uname -m) machine" >&2; exit 1 ;;
        esac
        archive="marquee-$MARQUEE_VERSION-linux-$arch-ci.tar.gz"
        MARQUEE_DIR="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/marquee-$MARQUEE_VERSION"
        mkdir -p "$MARQUEE_DIR"
        curl --fail --silent --show-error --location --retry 3 --output "$MARQUEE_DIR/$archive" "$MARQUEE_DOWNLOADS/v$MARQUEE_VERSION/$archive"
        if [ -z "$expected" ]; then
          # Written by a dev build of marquee, which knows no checksums: take the release's own list.
          curl --fail --silent --show-error --location --retry 3 --output "$MARQUEE_DIR/SHA256SUMS" "$MARQUEE_DOWNLOADS/v$MARQUEE_VERSION/SHA256SUMS"
          expected="$(awk -v name="$archive" '$2 == name { print $1 }' "$MARQUEE_DIR/SHA256SUMS")"
        fi
        # The archive is used only if its SHA-256 is the one pinned: a changed release asset fails here.
        (cd "$MARQUEE_DIR" && echo "$expected  $archive" | sha256sum --check --strict)
        tar -xzf "$MARQUEE_DIR/$archive" -C "$MARQUEE_DIR" --strip-components=1
        "$MARQUEE_DIR/marquee" --version
        """#
        let pad = String(repeating: " ", count: indent)
        return lines.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar: every value written into a workflow goes through it.
    static func yamlQuoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\x%02X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A shell single-quoted word.
    static func shellQuoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
