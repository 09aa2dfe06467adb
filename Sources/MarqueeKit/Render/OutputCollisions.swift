/// Two sources that would write one file (a page and a static file, two reviews whose slugs differ
/// only in case on a case-insensitive disk) are an error naming both.
enum OutputCollisions {
    static func check(_ files: [RenderJob]) -> [Diagnostic] {
        var owners: [String: RenderJob] = [:]
        var diagnostics: [Diagnostic] = []
        owners.reserveCapacity(files.count)
        for file in files {
            let key = file.path.lowercased()
            if let other = owners[key] {
                let (first, second) = other.origin <= file.origin ? (other, file) : (file, other)
                diagnostics.append(.error(SourceLocation(path: second.origin),
                                          "writes /\(file.path), which \(first.origin) writes too",
                                          hint: "rename one of them so each page has its own URL", stage: .render))
            } else {
                owners[key] = file
            }
        }
        return diagnostics
    }
}
