import Testing

@testable import SecretScanner

private let T = SirportlyTestValues.token

/// What `StructureReader.walkStructure` finds: the enclosing openers (innermost first, as the
/// bracket characters) and the indentation parents (nearest first).
struct Enclosure: Equatable, Sendable {
    var openers: String
    var labels: [[String]] = []
}

let structureCases: [ReaderCase<Enclosure>] = [
    ReaderCase("call with nested objects", "fetch(url, { headers: { 'X': '«\(T)»' } })", Enclosure(openers: "{{(")),
    ReaderCase("closed brackets before the value", "f(a)[0] = g({x}, '«\(T)»'", Enclosure(openers: "(")),
    ReaderCase("multi-line JSON", "{\n  \"a\": {\n    \"b\": [\n      \"«\(T)»\"", Enclosure(openers: "[{{")),
    ReaderCase("brackets in strings do not count", "f(\"(\", '«\(T)»'", Enclosure(openers: "(")),
    ReaderCase("YAML parents", "a:\n  b:\n    # note\n    c: «\(T)»", Enclosure(openers: "", labels: [["b"], ["a"]])),
    ReaderCase("YAML sibling is no parent", "a:\n  x: 1\n  c: «\(T)»", Enclosure(openers: "", labels: [["a"]])),
    ReaderCase("Python class", "class SirportlyConfig(Base):\n    token = \"«\(T)»\"", Enclosure(openers: "", labels: [["SirportlyConfig"]])),
    ReaderCase("Ruby block", "Sirportly.configure do |c|\n  c.token = '«\(T)»'", Enclosure(openers: "", labels: [["Sirportly.configure"]])),
    ReaderCase("unrelated line above", "x = 1\ntoken = '«\(T)»'", Enclosure(openers: "")),
    ReaderCase("XML tags", "<a>\n  <b>\n    <token>«\(T)»", Enclosure(openers: "<<<")),
]

let blockLabelCases: [ReaderCase<[String]?>] = [
    ReaderCase("JSON key", "\"sirportly\": {«\(T)»", ["sirportly"]),
    ReaderCase("hash rocket", "'sirportly' => [«\(T)»", ["sirportly"]),
    ReaderCase("assignment", "$config = [«\(T)»", ["config"]),
    ReaderCase("HCL block", "variable \"sirportly_token\" {«\(T)»", ["sirportly_token"]),
    ReaderCase("Go composite literal", "sirportly.Config{«\(T)»", ["sirportly.Config"]),
    ReaderCase("typed Swift dictionary", "let headers: String = [«\(T)»", ["headers"]),
    ReaderCase("block keyword", "else {«\(T)»", nil),
    ReaderCase("control flow", "for {«\(T)»", nil),
    ReaderCase("bare bracket", "[«\(T)»", nil),
]

let indentationParentCases: [ReaderCase<String?>] = [
    ReaderCase("YAML key", "«sirportly:»", "sirportly"),
    ReaderCase("quoted YAML key with comment", "«\"sirportly\": # creds»", "sirportly"),
    ReaderCase("YAML anchor", "«defaults: &defaults»", "defaults"),
    ReaderCase("block scalar", "«script: |»", "script"),
    ReaderCase("Python class", "«class SirportlySettings(BaseSettings):»", "SirportlySettings"),
    ReaderCase("Python def", "«def sirportly_client():»", "sirportly_client"),
    ReaderCase("Ruby do block", "«Sirportly.configure do |config|»", "Sirportly.configure"),
    ReaderCase("block keyword", "«else:»", nil),
    ReaderCase("Ruby scope operator", "«Foo::»", nil),
    ReaderCase("not a parent", "«token = x»", nil),
]

let recordNameCases: [ReaderCase<String?>] = [
    ReaderCase("HAR record", #"{"name": "X-Auth-Token", "value": "«\#(T)»"}"#, "X-Auth-Token"),
    ReaderCase("Postman key", #"{"key":"X-Auth-Application","value":"«\#(T)»"}"#, "X-Auth-Application"),
    ReaderCase(".NET add", "<add key=\"SirportlyToken\" value=\"«\(T)»\" />", "SirportlyToken"),
    ReaderCase("Ruby hash", "{ 'header' => 'X-Auth-Token', 'value' => '«\(T)»' }", "X-Auth-Token"),
    ReaderCase("bare name", "name = sirportly.token, value = «\(T)»", "sirportly.token"),
    ReaderCase("id field", "\"id\": \"/helpdesk/sirportly/secret\", \"value\": \"«\(T)»\"", "/helpdesk/sirportly/secret"),
    ReaderCase("a longer word is not a name key", "{\"username\": \"bob\", \"value\": \"«\(T)»\"}", nil),
    ReaderCase("no name field", "{\"value\": \"«\(T)»\"}", nil),
]

let yamlRecordCases: [ReaderCase<String>] = [
    ReaderCase("Kubernetes env item", "env:\n  - name: A\n    value: «\(T)»\n  - name: B\n    value: x", "  - name: A\n    value: \(T)"),
    ReaderCase("item with more fields", "- name: A\n  kind: x\n  value: «\(T)»\n  note: y\n- name: B", "- name: A\n  kind: x\n  value: \(T)\n  note: y"),
]

@Suite struct ContextStructureReaderTests {
    @Test(arguments: structureCases)
    func structureReader(_ row: ReaderCase<Enclosure>) {
        let found = withMarkedWindow(row.text) { window -> Enclosure in
            let ls = window.lineStart(of: window.value.lowerBound)
            let xml = row.text.contains("<")
            let (openers, labels) = StructureReader(window: window).walkStructure(valueLineStart: ls, xml: xml)
            return Enclosure(
                openers: String(decoding: openers.map(\.kind), as: UTF8.self), labels: labels.map(\.parts))
        }
        #expect(found == row.expected)
    }

    @Test(arguments: blockLabelCases)
    func blockLabelBeforeBracket(_ row: ReaderCase<[String]?>) {
        let label = withMarkedWindow(row.text) { BlockLabelReader(window: $0).label(before: $0.value.lowerBound - 1) }
        #expect(label == row.expected)
    }

    @Test(arguments: indentationParentCases)
    func indentationParent(_ row: ReaderCase<String?>) {
        let name = withMarkedWindow(row.text) { BlockLabelReader(window: $0).indentationParent($0.value.lowerBound, $0.value.upperBound) }
        #expect(name == row.expected)
    }

    @Test(arguments: recordNameCases)
    func recordNameField(_ row: ReaderCase<String?>) {
        let name = withMarkedWindow(row.text) { window in
            RecordReader(window: window).nameField(in: 0..<window.ceiling, excluding: window.value)
        }
        #expect(name == row.expected)
    }

    @Test(arguments: yamlRecordCases)
    func yamlRecord(_ row: ReaderCase<String>) {
        let record = withMarkedWindow(row.text) { window in
            window.text(RecordReader(window: window).yamlRecord(valueLineStart: window.lineStart(of: window.value.lowerBound)))
        }
        #expect(record == row.expected)
    }
}
