/// Where a new site is published, and the files `marquee new site` writes for it: a GitHub Pages
/// workflow, or a Netlify or Cloudflare Pages configuration with the build script both run.
/// Each downloads the Marquee release that wrote it (`MarqueeRelease`), so a site made by 1.2.0
/// builds with 1.2.0 until the writer changes the pinned version.
public enum PublishingHost: String, CaseIterable, Sendable {
    case github, netlify, cloudflare

    /// Path → text of the files this host needs.
    func files(release: MarqueeRelease) -> [(String, String)] {
        switch self {
        case .github: [(".github/workflows/pages.yml", SitePublishing.pagesWorkflow(release))]
        case .netlify: [("netlify.toml", SitePublishing.netlifyConfig), ("marquee-build.sh", SitePublishing.buildScript(release))]
        case .cloudflare: [("wrangler.toml", SitePublishing.wranglerConfig), ("marquee-build.sh", SitePublishing.buildScript(release))]
        }
    }

    /// What the writer still has to do, one line each.
    public func notes(release: MarqueeRelease) -> [String] {
        var notes: [String]
        switch self {
        case .github:
            notes = ["GitHub Pages: push to main, with Settings → Pages → Source set to \"GitHub Actions\"; .github/workflows/pages.yml builds, checks and deploys."]
        case .netlify:
            notes = ["Netlify: link the repository in Netlify; netlify.toml runs marquee-build.sh, which builds for the site's Netlify address (set BASE_URL in the site's environment variables for a custom domain)."]
        case .cloudflare:
            notes = ["Cloudflare Pages: connect the repository, set the build command to \"sh marquee-build.sh\", the output folder to public and the variable BASE_URL to the site's address (wrangler.toml names the output folder)."]
        }
        if !release.isPinned {
            notes.append("This marquee is a dev build: the download is checked against the SHA256SUMS of release v\(release.version), not a checksum of its own; run marquee new site from a release to pin one.")
        }
        return notes
    }
}

enum SitePublishing {
    static func checksumLines(_ release: MarqueeRelease, indent: String, assign: String, quote: (String) -> String) -> String {
        MarqueeRelease.linuxArchitectures.map { arch in
            "\(indent)MARQUEE_SHA256_\(arch.uppercased())\(assign)\(quote(release.linuxArchiveChecksums[arch] ?? ""))"
        }.joined(separator: "\n")
    }

    /// `.github/workflows/pages.yml`: build, check and deploy on every push to main.
    static func pagesWorkflow(_ release: MarqueeRelease) -> String {
        let quote = MarqueeDownload.yamlQuoted
        return """
        # Publishes the site on GitHub Pages on every push to main (and by hand from the Actions tab):
        # downloads Marquee \(release.version), checks its SHA-256, builds the site for the address GitHub
        # Pages gives it, checks every page and internal link, and deploys public/.
        #
        # One-time set-up: Settings → Pages → Build and deployment → Source: "GitHub Actions".
        # To move to a newer Marquee, run `marquee new site` with it in an empty folder and copy the
        # env: block below from the workflow it writes (it pins that release's checksums).
        name: Publish to GitHub Pages

        on:
          push:
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read

        # One deployment at a time; a deployment that has started is never cancelled halfway.
        concurrency:
          group: pages
          cancel-in-progress: false

        env:
          MARQUEE_VERSION: \(quote(release.version))
          MARQUEE_DOWNLOADS: \(quote(release.downloadsURL))
          # SHA-256 of marquee-VERSION-linux-ARCH-ci.tar.gz, pinned by the marquee that wrote this file.
        \(checksumLines(release, indent: "  ", assign: ": ", quote: quote))

        jobs:
          build:
            runs-on: ubuntu-24.04
            timeout-minutes: 15
            permissions:
              contents: read
              # actions/configure-pages reads the Pages settings.
              pages: read
            steps:
              - name: Check out the repository
                uses: actions/checkout@v7
                with:
                  persist-credentials: false

              - name: Download Marquee and check its checksum
                run: |
                  set -eu
        \(MarqueeDownload.script(indent: 10))
                  echo "$MARQUEE_DIR" >> "$GITHUB_PATH"

              # The site's address: https://USER.github.io/REPO/, or the custom domain of Settings → Pages.
              - name: Read the GitHub Pages settings
                id: pages
                uses: actions/configure-pages@v6

              - name: Build the site
                env:
                  BASE_URL: ${{ steps.pages.outputs.base_url }}
                run: marquee build --output public --base-url "$BASE_URL"

              # Every problem and broken internal link; an error fails the run, so nothing is deployed.
              - name: Check the site
                env:
                  BASE_URL: ${{ steps.pages.outputs.base_url }}
                run: marquee check --base-url "$BASE_URL"

              - name: Upload public/ for GitHub Pages
                uses: actions/upload-pages-artifact@v5
                with:
                  path: public/

          deploy:
            needs: build
            runs-on: ubuntu-24.04
            timeout-minutes: 10
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - name: Deploy to GitHub Pages
                id: deployment
                uses: actions/deploy-pages@v5

        """
    }

    /// `marquee-build.sh`: what Netlify's and Cloudflare's build images run.
    static func buildScript(_ release: MarqueeRelease) -> String {
        let quote = MarqueeDownload.shellQuoted
        return """
        #!/bin/sh
        # Builds the site on Netlify or Cloudflare Pages: downloads Marquee \(release.version), checks its
        # SHA-256, builds public/ for the site's address and checks every page and internal link.
        # The address: BASE_URL when set (a custom domain), else the one the host gives the build.
        set -eu
        MARQUEE_VERSION=\(quote(release.version))
        MARQUEE_DOWNLOADS=\(quote(release.downloadsURL))
        # SHA-256 of marquee-VERSION-linux-ARCH-ci.tar.gz, pinned by the marquee that wrote this file.
        \(checksumLines(release, indent: "", assign: "=", quote: quote))
        # Netlify's production build is for the site's own address (URL); its previews and branch
        # deploys for theirs (DEPLOY_PRIME_URL); Cloudflare gives each deploy CF_PAGES_URL.
        if [ "${CONTEXT:-}" = production ]; then
          base_url="${BASE_URL:-${URL:-}}"
        else
          base_url="${BASE_URL:-${DEPLOY_PRIME_URL:-${URL:-${CF_PAGES_URL:-}}}}"
        fi
        if [ -z "$base_url" ]; then
          echo "error: no address to build for — set BASE_URL to the site's address, e.g. https://example.org/" >&2
          exit 1
        fi
        \(MarqueeDownload.script())
        "$MARQUEE_DIR/marquee" build --output public --base-url "$base_url"
        "$MARQUEE_DIR/marquee" check --base-url "$base_url"

        """
    }

    static let netlifyConfig = """
    # Netlify builds the site with marquee-build.sh (it downloads the pinned Marquee release) and
    # publishes public/.
    [build]
      command = "sh marquee-build.sh"
      publish = "public"

    # A missing address gets Marquee's not-found page, with status 404.
    [[redirects]]
      from = "/*"
      to = "/404.html"
      status = 404

    # The Atom feed, with its own media type.
    [[headers]]
      for = "/feed.xml"
      [headers.values]
        Content-Type = "application/atom+xml; charset=utf-8"

    """

    static let wranglerConfig = """
    # Cloudflare Pages: the build command (sh marquee-build.sh) is set in the project's settings;
    # this names the folder it publishes. Missing addresses get public/404.html with status 404.
    name = "my-reviews"
    pages_build_output_dir = "public"

    """
}
