import Testing
@testable import SecretRules

/// Regression: a hostile `.tokenaudit.toml` crashed or hung the scanner — 20,000 levels of `[`
/// overflowed the stack (SIGSEGV), 100,000 dotted keys hung (8,000 took 2 s: every key part
/// rescanned its line for its column and rebuilt its dotted path), and 20,000 `[[rules]]` took 4 s
/// (each append copied the whole array of tables). Inputs are generated here, never committed.
@Suite("TOML parser on hostile configs")
struct TOMLHostileConfigTests {
    enum Shape: String, CaseIterable, Sendable {
        case nestedArrays, nestedInlineTables, dottedKey, dottedHeader, nestedArraysAfterDottedKey, inlineTablesWithDottedKeys
    }

    /// Text nested `levels` deep in the given shape.
    static func nested(_ shape: Shape, levels: Int) -> String {
        switch shape {
        case .nestedArrays: "a = " + String(repeating: "[", count: levels) + String(repeating: "]", count: levels) + "\n"
        case .nestedInlineTables: "a = " + String(repeating: "{b = ", count: levels) + "1" + String(repeating: "}", count: levels) + "\n"
        case .dottedKey: Array(repeating: "k", count: levels).joined(separator: ".") + " = 1\n"
        case .dottedHeader: "[" + Array(repeating: "k", count: levels).joined(separator: ".") + "]\n"
        case .nestedArraysAfterDottedKey:
            Array(repeating: "k", count: levels / 2).joined(separator: ".") + " = "
                + String(repeating: "[", count: levels - levels / 2 + 1) + String(repeating: "]", count: levels - levels / 2 + 1) + "\n"
        case .inlineTablesWithDottedKeys: "a = " + String(repeating: "{b.c.d = ", count: levels / 3 + 1) + "1" + String(repeating: "}", count: levels / 3 + 1) + "\n"
        }
    }

    @Test(arguments: Shape.allCases, [TOMLDocument.maxNesting + 1, 20_000, 100_000])
    func nestingPastTheLimitIsAnErrorWithAPosition(_ shape: Shape, levels: Int) {
        #expect {
            _ = try TOMLDocument(parsing: Self.nested(shape, levels: levels))
        } throws: { error in
            guard let error = error as? TOMLError else { return false }
            return error.message.contains("deeper than \(TOMLDocument.maxNesting) levels") && error.line == 1 && error.column > 1
        }
    }

    @Test(arguments: [Shape.nestedArrays, .nestedInlineTables, .dottedKey, .dottedHeader])
    func nestingAtTheLimitParses(_ shape: Shape) throws {
        // The header and dotted key use every level for the key itself.
        let levels = shape == .nestedArrays || shape == .nestedInlineTables ? TOMLDocument.maxNesting - 1 : TOMLDocument.maxNesting
        _ = try TOMLDocument(parsing: Self.nested(shape, levels: levels))
    }

    @Test func nestingErrorPointsAtTheFirstLevelPastTheLimit() {
        let text = "x = 1\n" + Self.nested(.nestedArrays, levels: 200)
        #expect {
            _ = try TOMLDocument(parsing: text)
        } throws: { error in
            // `a = ` then 64 allowed `[`: the 65th `[` is column 5 + 64.
            (error as? TOMLError)?.position == SourcePosition(line: 2, column: 5 + TOMLDocument.maxNesting)
        }
    }

    @Test func twentyThousandRulesParseWithEveryRuleKept() throws {
        var text = ""
        for k in 0..<20_000 {
            text += "[[rules]]\nid = \"rule-\(k)\"\nregex = '''tok\(k)[a-z]{8}'''\n"
        }
        let document = try TOMLDocument(parsing: text)
        guard case .array(let rules)? = document.root["rules"]?.node.value else {
            Issue.record("no rules array")
            return
        }
        #expect(rules.count == 20_000)
        #expect(tomlValue(document, "rules.19999.id")?.value == .string("rule-19999"))
        #expect(tomlValue(document, "rules.19999.id")?.position == SourcePosition(line: 3 * 19_999 + 2, column: 6))
    }

    @Test func longLinePositionsStayExact() throws {
        // 10,000 keys in one inline table on one line: each keeps its column.
        let keys = (0..<10_000).map { "k\($0) = \"é\($0)\"" }.joined(separator: ", ")
        let document = try TOMLDocument(parsing: "t = { " + keys + " }\n")
        let prefix = "t = { " + (0..<9_999).map { "k\($0) = \"é\($0)\"" }.joined(separator: ", ") + ", "
        #expect(document.root["t"].flatMap { entry -> SourcePosition? in
            guard case .table(let t) = entry.node.value else { return nil }
            return t["k9999"]?.keyPosition
        } == SourcePosition(line: 1, column: prefix.unicodeScalars.count + 1))
    }
}

/// The same hostile configs through `ConfigFile`: the limit is reported as `path:line:column`, and
/// a config with 20,000 rules decodes with every rule (the decoder is linear too).
@Suite("config file on hostile input")
struct ConfigFileHostileInputTests {
    @Test func nestingPastTheLimitNamesTheFileLineAndColumn() {
        #expect {
            _ = try ConfigFile.parse(TOMLHostileConfigTests.nested(.nestedArrays, levels: 20_000), path: "repo/.tokenaudit.toml")
        } throws: { error in
            "\(error)".hasPrefix("repo/.tokenaudit.toml:1:\(5 + TOMLDocument.maxNesting): error: nesting is deeper than")
        }
    }

    @Test func twentyThousandRulesDecode() throws {
        var text = ""
        for k in 0..<20_000 {
            text += "[[rules]]\nid = \"rule-\(k)\"\nregex = '''tok\(k)[a-z]{8}'''\nkeywords = [\"tok\(k)\"]\n"
        }
        let config = try ConfigFile.parse(text, path: ".tokenaudit.toml", compilePatterns: false)
        #expect(config.rules.count == 20_000)
        #expect(config.rules.last?.id == "rule-19999")
    }
}
