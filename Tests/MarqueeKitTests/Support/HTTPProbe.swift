import Foundation

/// A tiny HTTP/1.1 client over a POSIX socket, for the `serve` tests: no dependency on
/// FoundationNetworking, and full control of the raw request path (to send `..` as is). Its
/// blocking reads run on threads of their own: on the few threads that run Swift tasks they would
/// starve the in-process server that has to answer them.
struct HTTPProbe: Sendable {
    let port: Int

    struct Response {
        var status: Int
        var headers: String
        var body: String

        /// The value of one header field, if the response has it.
        func header(_ name: String) -> String? {
            for line in headers.components(separatedBy: "\r\n").dropFirst() {
                guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name.lowercased() else { continue }
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return nil
        }
    }

    func get(_ path: String) async throws -> Response {
        try await Self.onOwnThread { try getBlocking(path) }
    }

    /// Runs blocking work on a new thread, off the threads that run Swift tasks.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
        }
    }

    private func getBlocking(_ path: String) throws -> Response {
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
        private var serverClosed = false
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
                    // The receive timeout passing is not the end: the stream may be quiet for long.
                    if n < 0, errno == EAGAIN || errno == EINTR, self != nil { continue }
                    guard let self else { break }
                    self.lock.lock()
                    if n > 0 { self.received += String(decoding: buffer[0..<n], as: UTF8.self) } else { self.serverClosed = true }
                    self.lock.unlock()
                    if n <= 0 { break }
                }
            }
        }

        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return received
        }

        /// True once the server has closed the stream (or the connection failed).
        var ended: Bool {
            lock.lock()
            defer { lock.unlock() }
            return serverClosed
        }

        /// Waits up to `seconds` for `condition`.
        func wait(seconds: Double, until condition: () -> Bool) async -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition() { return true }
                try? await Task.sleep(for: .milliseconds(10))
            }
            return condition()
        }

        func count(of event: String) -> Int { text.components(separatedBy: "data: \(event)").count - 1 }

        /// Waits up to `seconds` for the `n`th occurrence of an event.
        func wait(for event: String, count n: Int, seconds: Double) async -> Bool {
            await wait(seconds: seconds) { count(of: event) >= n }
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
        // No read waits more than 5 s: a test never hangs on a server that does not answer.
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
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
