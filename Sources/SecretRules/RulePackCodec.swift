// The compiled form of the built-in rules: what the EmbedRulePacks plugin's tool (RulePackEmbedder,
// which compiles this file too) writes at build time after parsing and checking every TOML pack,
// and what `BuiltinRules.forScanning()` reads at run time instead of parsing ~600 KB of TOML.
//
// Text, one field after another in the order of `write(_:)`, no separators between fields:
//   string   <UTF-8 byte count> ":" <bytes>          e.g. `5:token`
//   integer  <decimal> ";"                           e.g. `-3;`
//   optional "-" (none) or "+" followed by the value
//   array    <count as integer> then the elements
// Enumerations are their raw value as a string; `entropy` is its shortest round-trip decimal.
// Examples and negative examples are left out: only `rules check`, `rules list` and the tests
// read them, from the TOML (`BuiltinRules.all()`).

enum RulePackCodec {
    /// The format's version, first in every encoding; a different one is not decoded.
    static let version = 1

    static func encode(_ rules: [Rule]) -> String {
        var writer = Writer()
        writer.int(version)
        writer.array(rules) { writer, rule in writer.rule(rule) }
        return writer.text
    }

    /// The rules in `text`, or nil when it is not an encoding of this version (the caller then
    /// parses the TOML).
    static func decode(_ text: String) -> [Rule]? {
        var text = text
        return text.withUTF8 { bytes -> [Rule]? in
            var reader = Reader(bytes: bytes)
            guard let found = reader.int(), found == version,
                let rules = reader.array({ reader in reader.rule() }), reader.atEnd
            else { return nil }
            return rules
        }
    }

    struct Writer {
        var text = ""

        mutating func string(_ s: String) { text += "\(s.utf8.count):"; text += s }
        mutating func int(_ n: Int) { text += "\(n);" }
        mutating func bool(_ b: Bool) { text += b ? "1" : "0" }
        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            guard let value else { text += "-"; return }
            text += "+"
            write(&self, value)
        }
        mutating func array<T>(_ values: [T], _ write: (inout Writer, T) -> Void) {
            int(values.count)
            for value in values { write(&self, value) }
        }
        mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
        mutating func optionalString(_ value: String?) { optional(value) { $0.string($1) } }

        mutating func rule(_ r: Rule) {
            string(r.id); string(r.title); string(r.description); string(r.severity.rawValue)
            strings(r.keywords); optionalString(r.regex); optional(r.secretGroup) { $0.int($1) }
            optionalString(r.shape?.rawValue); optionalString(r.entropy.map { "\($0)" }); optionalString(r.path)
            array(r.context) { w, c in
                w.strings(c.near); w.strings(c.notNear); w.strings(c.fileMentions); w.optionalString(c.key)
                w.int(c.linesBefore); w.int(c.linesAfter)
            }
            optionalString(r.decode?.rawValue); optionalString(r.decodedRegex); optionalString(r.pairWith)
            array(r.allowlists) { w, a in
                w.optionalString(a.description); w.strings(a.regexes); w.string(a.regexTarget.rawValue)
                w.strings(a.paths); w.strings(a.stopwords); w.strings(a.fingerprints); w.bool(a.matchAll)
            }
            strings(r.references); strings(r.tags); string(r.kind.rawValue); string(r.yields.rawValue)
            string(r.value.rawValue); string(r.window.rawValue); string(r.anchor.rawValue)
            optional(r.maxKeywordDistance) { $0.int($1) }; optionalString(r.keywordGuard); strings(r.base64Documents)
        }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        var atEnd: Bool { i == bytes.count }

        /// Digits (with an optional leading `-`) up to `terminator`.
        private mutating func number(until terminator: UInt8) -> Int? {
            var negative = false
            if i < bytes.count, bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            var n = 0
            var digits = 0
            while i < bytes.count, bytes[i] != terminator {
                let d = Int(bytes[i]) - 48
                guard d >= 0, d <= 9, digits < 18 else { return nil }
                n = n * 10 + d
                digits += 1
                i += 1
            }
            guard digits > 0, i < bytes.count else { return nil }
            i += 1
            return negative ? -n : n
        }

        mutating func int() -> Int? { number(until: UInt8(ascii: ";")) }

        mutating func string() -> String? {
            guard let count = number(until: UInt8(ascii: ":")), count >= 0, count <= bytes.count - i else { return nil }
            defer { i += count }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<i + count]), as: UTF8.self)
        }

        mutating func bool() -> Bool? {
            guard i < bytes.count else { return nil }
            defer { i += 1 }
            switch bytes[i] {
            case UInt8(ascii: "1"): return true
            case UInt8(ascii: "0"): return false
            default: return nil
            }
        }

        /// `.some(nil)` for an absent value, nil for a malformed one.
        mutating func optional<T>(_ read: (inout Reader) -> T?) -> T?? {
            guard i < bytes.count else { return nil }
            i += 1
            switch bytes[i - 1] {
            case UInt8(ascii: "-"): return .some(nil)
            case UInt8(ascii: "+"): return read(&self).map { .some($0) }
            default: return nil
            }
        }

        mutating func array<T>(_ read: (inout Reader) -> T?) -> [T]? {
            guard let count = int(), count >= 0, count <= bytes.count - i else { return nil }
            var values: [T] = []
            values.reserveCapacity(count)
            for _ in 0..<count {
                guard let value = read(&self) else { return nil }
                values.append(value)
            }
            return values
        }

        mutating func strings() -> [String]? { array { $0.string() } }
        mutating func optionalString() -> String?? { optional { $0.string() } }
        mutating func raw<T: RawRepresentable<String>>(_: T.Type) -> T? { string().flatMap(T.init(rawValue:)) }
        mutating func optionalRaw<T: RawRepresentable<String>>(_: T.Type) -> T?? { optional { $0.raw(T.self) } }

        mutating func rule() -> Rule? {
            guard let id = string(), let title = string(), let description = string(), let severity = raw(Severity.self),
                let keywords = strings(), let regex = optionalString(), let secretGroup = optional({ $0.int() }),
                let shape = optionalRaw(Shape.self), let entropyText = optionalString(), let path = optionalString(),
                let context = array({ r -> ContextRequirement? in
                    guard let near = r.strings(), let notNear = r.strings(), let fileMentions = r.strings(),
                        let key = r.optionalString(), let before = r.int(), let after = r.int()
                    else { return nil }
                    return ContextRequirement(
                        near: near, notNear: notNear, fileMentions: fileMentions, key: key, linesBefore: before, linesAfter: after)
                }),
                let decode = optionalRaw(Encoding.self), let decodedRegex = optionalString(), let pairWith = optionalString(),
                let allowlists = array({ r -> Allowlist? in
                    guard let description = r.optionalString(), let regexes = r.strings(), let target = r.raw(AllowlistTarget.self),
                        let paths = r.strings(), let stopwords = r.strings(), let fingerprints = r.strings(), let matchAll = r.bool()
                    else { return nil }
                    return Allowlist(
                        description: description, regexes: regexes, regexTarget: target, paths: paths, stopwords: stopwords,
                        fingerprints: fingerprints, matchAll: matchAll)
                }),
                let references = strings(), let tags = strings(), let kind = raw(RuleKind.self), let yields = raw(RuleYielding.self),
                let value = raw(ValueForm.self), let window = raw(RuleWindow.self), let anchor = raw(RuleAnchor.self),
                let maxKeywordDistance = optional({ $0.int() }), let keywordGuard = optionalString(), let base64Documents = strings()
            else { return nil }
            var entropy: Double?
            if let entropyText {
                guard let parsed = Double(entropyText) else { return nil }
                entropy = parsed
            }
            return Rule(
                id: id, title: title, description: description, severity: severity, keywords: keywords, regex: regex,
                secretGroup: secretGroup, shape: shape, entropy: entropy, path: path, context: context, decode: decode,
                decodedRegex: decodedRegex, pairWith: pairWith, allowlists: allowlists, references: references, tags: tags,
                kind: kind, yields: yields, value: value, window: window, anchor: anchor,
                maxKeywordDistance: maxKeywordDistance, keywordGuard: keywordGuard, base64Documents: base64Documents)
        }
    }
}
