/// A template's nodes laid out flat for rendering: plain values in buffers of their own, which
/// rendering only reads.
///
/// Why not walk the `TemplateNode` tree: every node of it is a box, and its text, names and
/// children are arrays; Swift counts the references to each as it is read, by an atomic write to
/// the object. Two threads rendering the same template were writing the same cache lines for every
/// node, each taking them from the other core: on two cores a page took a fifth more CPU time than
/// on one (10,000-review bench, `perf record -e cpu-clock`: the renderer's own time went from 29 to
/// 551 samples). Here a node is an `Op` (no references) in a buffer allocated once, its text a
/// range of one byte buffer, its name a range of parts; reading them writes nothing, so the cache
/// lines stay shared by all cores. The tree stays what the checker and the graph walk.
///
/// A section's children follow it, up to `end`; so do a block's default content and a parent
/// tag's blocks.
final class TemplateProgram: @unchecked Sendable {
    enum Kind: UInt8 {
        case text, variable, section, partial, parent, block
    }

    /// One node. `c`..<`c + d` of `bytes` is its text or its indentation; the other fields'
    /// meaning depends on the kind:
    /// - text: the text in `c`, `d`;
    /// - variable: name `a`, `flag` when escaped;
    /// - section: name `a`, `flag` when inverted, children up to `end`;
    /// - partial: reference `a`, indentation in `c`, `d`;
    /// - parent: parent `a` (its reference and blocks), the blocks' contents up to `end`, indentation in `c`, `d`;
    /// - block: block name `a`, its default content up to `end`, the site's indentation in `c`,
    ///   `d`, `flag` when the first line gets it too.
    struct Op {
        var kind: Kind
        var flag = false
        var a: Int32 = 0
        var end: Int32 = 0
        var c: Int32 = 0
        var d: Int32 = 0
    }

    /// A partial or parent tag's template: fixed, or the text of a name in the data.
    enum Reference {
        case named(String)
        case dynamic(name: Int)
    }

    struct Parent {
        let reference: Reference
        let offset: Int
        /// Block name → its content's ops in this program.
        let blocks: [String: Range<Int>]
    }

    let ops: UnsafeBufferPointer<Op>
    let bytes: UnsafeBufferPointer<UInt8>
    /// Name → its parts: `start`, `count` in `partNames`/`partHashes` (no parts: `.`).
    let names: UnsafeBufferPointer<(start: Int32, count: Int32)>
    let partNames: UnsafeBufferPointer<String>
    let partHashes: UnsafeBufferPointer<UInt64>
    /// Partial tags' references and where they are.
    let references: UnsafeBufferPointer<(reference: Reference, offset: Int)>
    let parents: UnsafeBufferPointer<Parent>
    let blockNames: UnsafeBufferPointer<String>

    init(_ nodes: [TemplateNode]) {
        var builder = Builder()
        builder.add(nodes)
        ops = Self.buffer(builder.ops)
        bytes = Self.buffer(builder.bytes)
        names = Self.buffer(builder.names)
        partNames = Self.buffer(builder.partNames)
        partHashes = Self.buffer(builder.partHashes)
        references = Self.buffer(builder.references)
        parents = Self.buffer(builder.parents)
        blockNames = Self.buffer(builder.blockNames)
    }

    deinit {
        Self.free(ops)
        Self.free(bytes)
        Self.free(names)
        Self.free(partNames)
        Self.free(partHashes)
        Self.free(references)
        Self.free(parents)
        Self.free(blockNames)
    }

    var count: Int { ops.count }

    /// `c`..<`c + d` of `bytes`: an op's text or indentation.
    func bytes(of op: Op) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(op.c)..<Int(op.c + op.d)])
    }

    private static func buffer<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        let storage = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
        _ = storage.initialize(from: array)
        return UnsafeBufferPointer(storage)
    }

    private static func free<T>(_ buffer: UnsafeBufferPointer<T>) {
        let storage = UnsafeMutableBufferPointer(mutating: buffer)
        storage.deinitialize()
        storage.deallocate()
    }

    /// Lays the tree out, depth first.
    private struct Builder {
        var ops: [Op] = []
        var bytes: [UInt8] = []
        var names: [(start: Int32, count: Int32)] = []
        var partNames: [String] = []
        var partHashes: [UInt64] = []
        var references: [(reference: Reference, offset: Int)] = []
        var parents: [Parent] = []
        var blockNames: [String] = []

        mutating func add(_ nodes: [TemplateNode]) {
            for node in nodes { add(node) }
        }

        private mutating func add(_ node: TemplateNode) {
            switch node {
            case .text(let text, _):
                let (start, count) = store(text)
                ops.append(Op(kind: .text, c: start, d: count))
            case .variable(let name, let escaped):
                ops.append(Op(kind: .variable, flag: escaped, a: store(name)))
            case .section(let name, let children, let inverted):
                let at = ops.count
                ops.append(Op(kind: .section, flag: inverted, a: store(name)))
                add(children)
                ops[at].end = Int32(ops.count)
            case .partial(let reference, let indent):
                let (start, count) = store(indent)
                references.append((self.reference(reference), reference.offset))
                ops.append(Op(kind: .partial, a: Int32(references.count - 1), c: start, d: count))
            case .parent(let reference, let blocks, let indent):
                let (start, count) = store(indent)
                let at = ops.count
                ops.append(Op(kind: .parent, c: start, d: count))
                var contents: [String: Range<Int>] = [:]
                for name in blocks.keys.sorted() {
                    let first = ops.count
                    add(blocks[name]?.nodes ?? [])
                    contents[name] = first..<ops.count
                }
                parents.append(Parent(reference: self.reference(reference), offset: reference.offset, blocks: contents))
                ops[at].a = Int32(parents.count - 1)
                ops[at].end = Int32(ops.count)
            case .block(let name, let fallback, let site):
                let (start, count) = store(site.indent)
                blockNames.append(name)
                let at = ops.count
                ops.append(Op(kind: .block, flag: site.indentsFirstLine, a: Int32(blockNames.count - 1), c: start, d: count))
                add(fallback.nodes)
                ops[at].end = Int32(ops.count)
            }
        }

        private mutating func store(_ text: [UInt8]) -> (Int32, Int32) {
            let start = bytes.count
            bytes += text
            return (Int32(start), Int32(text.count))
        }

        private mutating func store(_ name: TemplateName) -> Int32 {
            names.append((Int32(partNames.count), Int32(name.parts.count)))
            partNames += name.parts
            partHashes += name.hashes
            return Int32(names.count - 1)
        }

        private mutating func reference(_ reference: TemplateReference) -> Reference {
            switch reference {
            case .named(let name, _): .named(name)
            case .dynamic(let name): .dynamic(name: Int(store(name)))
            }
        }
    }
}
