import Foundation
import Hummingbird
import MarqueeKit
import NIOCore

/// Answers the browser: files of the last good build (under the base path, and at `/` too, so a
/// sub-path site works locally), the reload event stream, and 404 for anything outside the build.
struct DevResponder: Sendable {
    let state: ServerState
    static let eventsPath = "/__marquee/events"

    func respond(to request: Request, context: some RequestContext) async throws -> Response {
        // Read per request: editing base_url in site.yml moves the site while serving.
        let basePath = await state.basePath
        let rawPath = String(request.uri.path.split(separator: "?", maxSplits: 1).first ?? "/")
        if rawPath == Self.eventsPath || rawPath == basePath + String(Self.eventsPath.dropFirst()) {
            return await events()
        }
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let output = state.output
        let resolver = FileResolver(root: output, basePath: basePath)
        if !rawPath.hasSuffix("/"), resolver.resolve(rawPath + "/") != nil {
            // A folder asked for without its slash: send the browser to the folder, as static hosts do.
            return Response(status: .movedPermanently, headers: [.location: rawPath + "/"])
        }
        guard let file = resolver.resolve(rawPath) else {
            return await notFound(output: output, basePath: basePath, head: request.method == .head)
        }
        guard var data = try? Data(contentsOf: file) else { return await notFound(output: output, basePath: basePath, head: request.method == .head) }
        let type = MediaType.of(file.lastPathComponent)
        if type.hasPrefix("text/html") { data = await inject(into: data, basePath: basePath) }
        var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
        headers[.contentLength] = String(data.count)
        return Response(status: .ok, headers: headers, body: request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func notFound(output: URL, basePath: String, head: Bool) async -> Response {
        var data = (try? Data(contentsOf: output.appendingPathComponent("404.html"))) ?? Data("<!DOCTYPE html><title>Not found</title><p>Not found</p>".utf8)
        data = await inject(into: data, basePath: basePath)
        return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Server-Sent Events: one `reload` per finished build, and a comment every 15 s to keep the connection open.
    private func events() async -> Response {
        let state = self.state
        let (id, stream) = await state.subscribe()
        let body = ResponseBody { writer in
            defer { Task { await state.unsubscribe(id) } }
            try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                let (ticks, tick) = AsyncStream<String>.makeStream()
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(15))
                        tick.yield(": keep-alive\n\n")
                    }
                }
                group.addTask {
                    for await event in stream { tick.yield("data: \(event)\n\n") }
                    tick.finish()
                }
                for await chunk in ticks {
                    try await writer.write(ByteBuffer(string: chunk))
                }
                group.cancelAll()
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    /// The reload script (only in served pages, never in built files) and, after a failed
    /// rebuild, the errors over the page.
    private func inject(into data: Data, basePath: String) async -> Data {
        let errors = await state.errors
        var html = String(decoding: data, as: UTF8.self)
        let script = """
        <script>(function(){var s=new EventSource("\(basePath)__marquee/events");s.onmessage=function(e){if(e.data==="reload"){s.close();location.reload();}};})();</script>
        """
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: script, at: end.lowerBound)
        } else {
            html += script
        }
        if !errors.isEmpty, let bodyStart = html.range(of: "<body")?.upperBound, let close = html[bodyStart...].firstIndex(of: ">") {
            html.insert(contentsOf: ErrorOverlay.html(errors), at: html.index(after: close))
        }
        return Data(html.utf8)
    }
}

/// Maps a request path to a file of the build, refusing anything that would leave it: `..` and `.`
/// segments (also percent-encoded), NUL bytes, and symbolic links resolving outside.
struct FileResolver {
    let root: URL
    let basePath: String

    func resolve(_ rawPath: String) -> URL? {
        var path = rawPath
        if basePath != "/", path.hasPrefix(basePath) { path = "/" + path.dropFirst(basePath.count) }
        else if basePath != "/", path + "/" == basePath { path = "/" }
        var segments: [String] = []
        for raw in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = String(raw).removingPercentEncoding,
                  segment != "..", segment != ".", !segment.contains("/"), !segment.contains("\\"), !segment.contains("\0") else { return nil }
            segments.append(segment)
        }
        var url = segments.reduce(root) { $0.appendingPathComponent($1) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            guard rawPath.hasSuffix("/") || segments.isEmpty else { return nil }
            url.appendPathComponent("index.html")
        }
        guard let real = realpath(url.path, nil), let realRoot = realpath(root.path, nil) else { return nil }
        defer { free(real); free(realRoot) }
        let (file, top) = (String(cString: real), String(cString: realRoot))
        guard file.hasPrefix(top + "/") else { return nil }
        return URL(fileURLWithPath: file)
    }
}

enum MediaType {
    static func of(_ name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "xml": return name == "feed.xml" ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}

/// The errors of a failed rebuild, shown over the last good page until the file is fixed.
enum ErrorOverlay {
    static func html(_ errors: [Diagnostic]) -> String {
        let items = errors.prefix(50).map { "<li>\(HTMLText.escape($0.description))</li>" }.joined()
        return """
        <div id="marquee-errors" role="alert" style="position:fixed;inset:0 0 auto 0;z-index:2147483647;max-height:80vh;overflow:auto;background:#2b0b0b;color:#fff;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.5rem;border-bottom:4px solid #e53935"><strong>The site did not build; this is the last good version. Fix the file and save: the page reloads.</strong><ul style="margin:.5rem 0 0;padding-left:1.2rem">\(items)</ul></div>
        """
    }
}
