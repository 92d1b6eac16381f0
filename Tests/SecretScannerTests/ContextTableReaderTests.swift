import Testing

@testable import SecretScanner

private let T = SirportlyTestValues.token
private let T2 = SirportlyTestValues.token2

/// The table and column `SQLRowReader` names.
struct SQLColumn: Equatable, Sendable {
    var table: String?
    var column: String
}

let sqlCases: [ReaderCase<SQLColumn?>] = [
    ReaderCase("insert", "INSERT INTO integrations (id, provider, token) VALUES (7, 'sirportly', '«\(T)»');",
               SQLColumn(table: "integrations", column: "token")),
    ReaderCase("second row", "INSERT INTO `api_tokens` (`id`, `token`) VALUES\n(1, '\(T2)'),\n(2, '«\(T)»');",
               SQLColumn(table: "api_tokens", column: "token")),
    ReaderCase("schema-qualified table", "insert into app.settings (k, v) values ('sirportly', '«\(T)»')",
               SQLColumn(table: "app.settings", column: "v")),
    ReaderCase("more values than columns", "INSERT INTO t (a) VALUES (1, '«\(T)»')", nil),
    ReaderCase("no column list", "INSERT INTO t VALUES (1, '«\(T)»')", nil),
    ReaderCase("another statement", "INSERT INTO t (a, b) VALUES (1, 2); SELECT f(1, '«\(T)»')", nil),
]

let tableCases: [ReaderCase<String?>] = [
    ReaderCase("CSV", "id,provider,token\n1,sirportly,«\(T)»\n", "token"),
    ReaderCase("CSV quoted", "\"id\",\"secret\"\n\"1\",\"«\(T)»\"", "secret"),
    ReaderCase("TSV two rows down", "id\ttoken\n1\t\(T2)\n2\t«\(T)»", "token"),
    ReaderCase("semicolons", "id;token\n1;«\(T)»", "token"),
    ReaderCase("Markdown", "| env | token |\n|-----|-------|\n| prod | «\(T)» |", "token"),
    ReaderCase("first cell", "token,id\n«\(T)»,1", "token"),
    ReaderCase("no header", "1,«\(T)»,x\n", nil),
    ReaderCase("header with another cell count", "id,token,x\n1,«\(T)»", nil),
    ReaderCase("a data row above is no header", "\(T2),x\n«\(T)»,y", nil),
    ReaderCase("not a whole cell", "id,token\n1,a «\(T)»", nil),
]

let iniCases: [ReaderCase<[String]>] = [
    ReaderCase("section", "[sirportly]\ntoken = «\(T)»", ["sirportly"]),
    ReaderCase("over settings and comments", "[sirportly]\nurl = x\n; note\n\n# note\ntoken = «\(T)»", ["sirportly"]),
    ReaderCase("dotted TOML table", "[services.sirportly]\nsecret = «\(T)»", ["services", "sirportly"]),
    ReaderCase("git config subsection", "[remote \"sirportly\"]\ntoken = «\(T)»", ["remote", "sirportly"]),
    ReaderCase("TOML array of tables", "[[servers]]\ntoken = «\(T)»", ["servers"]),
    ReaderCase("prose breaks the section", "[sirportly]\nsome prose here\ntoken = «\(T)»", []),
    ReaderCase("no section", "a = 1\ntoken = «\(T)»", []),
]

@Suite struct ContextTableReaderTests {
    @Test(arguments: sqlCases)
    func sqlRowReader(_ row: ReaderCase<SQLColumn?>) {
        let column = withMarkedWindow(row.text) { window -> SQLColumn? in
            guard let paren = innermostParen(window) else { return nil }
            return SQLRowReader(window: window).sqlColumn(rowOpener: paren).map { SQLColumn(table: $0.table, column: $0.column) }
        }
        #expect(column == row.expected)
    }

    @Test(arguments: tableCases)
    func tableReader(_ row: ReaderCase<String?>) {
        let column = withMarkedWindow(row.text) { window in
            TableReader(window: window).tableColumn(valueLineStart: window.lineStart(of: window.value.lowerBound))
        }
        #expect(column == row.expected)
    }

    @Test(arguments: iniCases)
    func iniReader(_ row: ReaderCase<[String]>) {
        let section = withMarkedWindow(row.text) { window in
            INIReader(window: window).iniSection(above: window.lineStart(of: window.value.lowerBound))
        }
        #expect(section == row.expected)
    }
}
