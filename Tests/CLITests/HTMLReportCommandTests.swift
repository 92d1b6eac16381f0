import Foundation
import Testing

/// The HTML audit report written through the binary (`scan` and `git history`): one
/// self-contained file, mode 0600, in which markup planted in file names and contents is inert.
@Suite("HTML report through the binary")
struct HTMLReportCommandTests {
    /// A directory and file name and a line of content carrying markup meant to break out of an
    /// element, an attribute, a style sheet or a script.
    static let plantedDirectory = "x</style><script>alert(1)</script>\"><img src=x onerror=alert(2)>"
    static func plantedContent(_ pair: PlantedPair) -> String {
        "SIRPORTLY_TOKEN=\(pair.token)\nSIRPORTLY_SECRET=\(pair.secret) # \"><img src=x onerror=alert(3)></style><script>alert(4)</script>\n"
    }

    static func write(into tree: TemporaryTree, pair: PlantedPair) throws {
        try tree.mkdir(plantedDirectory)
        try tree.write(plantedDirectory + "/.env", plantedContent(pair))
    }

    /// Checks `path`: mode 0600, no external resource, the planted markup present only escaped.
    static func checkReport(at path: URL, pair: PlantedPair) throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: path.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let html = try String(contentsOf: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") || html.hasPrefix("<!doctype html>"))
        // Self-contained: nothing is fetched from anywhere.
        #expect(html.range(of: #"(?i)(src|href)\s*=\s*["']?\s*(https?:)?//"#, options: .regularExpression) == nil)
        #expect(html.range(of: #"(?i)@import|url\(\s*["']?(https?:)?//"#, options: .regularExpression) == nil)
        // Inert: no planted element or handler survived as markup.
        #expect(!html.contains("<img"))
        #expect(!html.contains("<script>alert"))
        func count(_ s: String) -> Int { html.components(separatedBy: s).count - 1 }
        #expect(count("</style>") == count("<style"))
        #expect(count("</script>") == count("<script"))
        // The planted strings did reach the page (escaped), so the test saw them.
        #expect(html.contains("&lt;img src=x onerror=alert(") || html.contains(#"\u003cimg src=x onerror=alert("#))
        #expect(html.contains("x&lt;/style&gt;") || html.contains(#"x\u003c/style\u003e"#))
        #expect(!html.contains(pair.secret))
    }

    @Test func scanWritesAnInertSelfContainedFile() throws {
        let tree = try TemporaryTree()
        let pair = PlantedPair(seed: 500)
        try Self.write(into: tree, pair: pair)
        let out = try tree.scan([".", "--format", "html", "-o", "report.html"])
        #expect(out.status == 1, "\(out.stderr)")
        #expect(out.stdout.isEmpty)
        try Self.checkReport(at: tree.url("report.html"), pair: pair)
    }

    @Test func gitHistoryWritesAnInertSelfContainedFile() throws {
        let repo = try GitTree()
        let pair = PlantedPair(seed: 501)
        try Self.write(into: repo.tree, pair: pair)
        try repo.git("add", "-A")
        // The commit message and the author carry markup too.
        try repo.git("commit", "-q", "-m", "<script>alert(5)</script>\"><img src=x onerror=alert(6)>",
                     environment: ["GIT_AUTHOR_NAME": "</style><img src=x onerror=alert(7)>"])
        let out = try repo.tokenaudit(["git", "history", "--format", "html", "-o", "../\(repo.root.lastPathComponent).html"])
        let report = repo.root.deletingLastPathComponent().appendingPathComponent("\(repo.root.lastPathComponent).html")
        defer { try? FileManager.default.removeItem(at: report) }
        #expect(out.status == 1, "\(out.stderr)")
        try Self.checkReport(at: report, pair: pair)
        let html = try String(contentsOf: report, encoding: .utf8)
        // The author is shown (escaped) with the finding's provenance.
        #expect(html.contains("onerror=alert(7)"))
    }
}
