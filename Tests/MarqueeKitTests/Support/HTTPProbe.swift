import Foundation

/// A tiny HTTP/1.1 client over a POSIX socket, for the `serve` tests: no dependency on
/// FoundationNetworking, and full control of the raw request path (to send `..` as is).
struct HTTPProbe {
    let port: Int

    struct Response {
        var status: Int
        var headers: String
        var body: String
    }

    func get(_ path: String) throws -> Response {
        let fd = try connect()
        defer { close(fd) }
        try send(fd, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        var body = parts.dropFirst().joined(separator: "\r\n\r\n")
        if head.lowercased().contains("transfer-encoding: chunked") { body = Self.dechunk(body) }
        return Response(status: status, headers: head, body: body)
    }

    /// Opens the event stream and collects what arrives, on a background thread, until closed.
    final class EventStream: @unchecked Sendable {
        private let lock = NSLock()
        private var received = ""
        private let fd: Int32

        init(port: Int, path: String) throws {
            let probe = HTTPProbe(port: port)
            fd = try probe.connect()
            try probe.send(fd, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
            let fd = self.fd
            Thread.detachNewThread { [weak self] in
                var buffer = [UInt8](repeating: 0, count: 4096)
                while true {
                    let n = read(fd, &buffer, buffer.count)
                    if n <= 0 { break }
                    guard let self else { break }
                    self.lock.lock()
                    self.received += String(decoding: buffer[0..<n], as: UTF8.self)
                    self.lock.unlock()
                }
            }
        }

        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return received
        }

        func count(of event: String) -> Int { text.components(separatedBy: "data: \(event)").count - 1 }

        /// Waits up to `seconds` for the `n`th occurrence of an event.
        func wait(for event: String, count n: Int, seconds: Double) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if count(of: event) >= n { return true }
                usleep(10_000)
            }
            return false
        }

        func close() { shutdown(fd, Int32(SHUT_RDWR)); Glibc.close(fd) }
    }

    func connect() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(fd); throw POSIXError(.ECONNREFUSED) }
        return fd
    }

    func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
    }

    static func dechunk(_ body: String) -> String {
        var out = ""
        var rest = Substring(body)
        while let lineEnd = rest.range(of: "\r\n") {
            guard let size = Int(rest[..<lineEnd.lowerBound], radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            let utf8 = rest[start...].utf8
            let end = utf8.index(utf8.startIndex, offsetBy: min(size, utf8.count))
            out += String(rest[start..<end])
            rest = rest[end...].dropFirst(2)
        }
        return out
    }
}
