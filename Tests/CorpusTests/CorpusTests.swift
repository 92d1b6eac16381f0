import Foundation
import ScanResults
import SecretLint
import SecretRules
import SecretScanner
import Testing

// Detection quality on the labelled corpus (Corpus/, labels in Corpus/labels.json, format in
// docs/CONTRACTS.md). The corpus is scanned once, the way `tokenaudit scan Corpus/` scans it: the
// SecretLint setup, walker and target scan (gzip, binary skipping) with the default rules. Findings are
// compared with the labels per class; a class below `CorpusScore.threshold` in precision or recall
// fails, and so does any finding on a hard-negative line.

/// The classes precision and recall are measured for.
enum LabelClass: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sirportlyToken = "sirportly-token"
    case sirportlySecret = "sirportly-secret"
    case sirportlyApplicationToken = "sirportly-application-token"
    case password
    case other

    /// The class of a rule id: the three Sirportly ids are their own class, every `password-*` id
    /// is `password`, everything else is `other`.
    init(ruleID: String) {
        if let sirportly = LabelClass(rawValue: ruleID), sirportly != .password, sirportly != .other {
            self = sirportly
        } else if ruleID.hasPrefix("password-") {
            self = .password
        } else {
            self = .other
        }
    }

    var testDescription: String { rawValue }
}

/// `Corpus/labels.json`.
struct CorpusLabels: Decodable, Sendable {
    struct Finding: Decodable, Sendable, Hashable {
        var file: String
        var line: Int
        var rule: String
    }

    struct Negative: Decodable, Sendable, Hashable {
        var file: String
        var line: Int
        var why: String
    }

    var findings: [Finding]
    var negatives: [Negative]
}

/// Where the corpus lives: `Corpus/` at the package root, found from this file's path.
enum CorpusLocation {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // CorpusTests.swift, CorpusTests, Tests
        return url.appendingPathComponent("Corpus").path
    }()

    /// Files under Corpus/ that are about the corpus rather than part of it.
    static func isExcluded(_ relativePath: String) -> Bool {
        ["labels.json", "README.md", ".tokenauditignore"].contains(relativePath) || relativePath.hasPrefix("tools/")
    }

    static func labels() throws -> CorpusLabels {
        let data = try Data(contentsOf: URL(fileURLWithPath: root + "/labels.json"))
        return try JSONDecoder().decode(CorpusLabels.self, from: data)
    }
}

/// The scan of the corpus compared with its labels.
struct CorpusScore: Sendable {
    static let threshold = 0.97

    struct Row: Sendable {
        var truePositives = 0
        var falsePositives = 0
        var falseNegatives = 0
        var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
    }

    var rows: [LabelClass: Row] = [:]
    /// `file:line:column: rule secret` of reported values no label accounts for, per class.
    var falsePositives: [LabelClass: [String]] = [:]
    /// `file:line: rule` of labelled values nothing was reported for, per class.
    var falseNegatives: [LabelClass: [String]] = [:]
    /// Findings on hard-negative lines, with the label's reason.
    var negativeViolations: [String] = []
    var skipped: [String] = []
    var warnings: [String] = []
    var filesScanned = 0

    /// The table and every FP and FN, for the test log.
    var summary: String {
        var text = "Corpus: \(filesScanned) files scanned, \(skipped.count) skipped\n"
        text += "class                         TP    FP    FN  precision  recall\n"
        for cls in LabelClass.allCases {
            let row = rows[cls] ?? Row()
            text += cls.rawValue.padding(toLength: 28, withPad: " ", startingAt: 0)
            text += [row.truePositives, row.falsePositives, row.falseNegatives].map { String($0).leftPadded(6) }.joined()
            text += String(format: "%11.3f%8.3f", row.precision, row.recall) + "\n"
        }
        for cls in LabelClass.allCases {
            for line in falsePositives[cls] ?? [] { text += "FP [\(cls.rawValue)] \(line)\n" }
            for line in falseNegatives[cls] ?? [] { text += "FN [\(cls.rawValue)] \(line)\n" }
        }
        for violation in negativeViolations { text += "hard negative hit: \(violation)\n" }
        for skip in skipped { text += "skipped: \(skip)\n" }
        return text
    }

    /// Scans the corpus once per test process.
    static let shared: Result<CorpusScore, CorpusScanFailure> = {
        do {
            return .success(try CorpusScore.measure())
        } catch {
            return .failure(CorpusScanFailure(description: "\(error)"))
        }
    }()

    /// Scans the way `Linter.run` (and so `tokenaudit scan Corpus/`) does -- config and default
    /// rules from `ScanSetup`, the directory walk, gzip and binary handling of the target scan --
    /// minus the files that describe the corpus.
    static func measure() throws -> CorpusScore {
        let labels = try CorpusLocation.labels()
        let request = ScanRequest(paths: ["."], useIgnoreFiles: true, workingDirectory: CorpusLocation.root)
        let setup = try ScanSetup.load(request)
        var plan = try Linter.plan(request)
        plan.targets.removeAll { CorpusLocation.isExcluded($0.relativePath) }
        let engine = setup.engine
        let report = Linter.execute(plan, request: request, maxFileSize: setup.maxFileSize, failOn: setup.failOn) {
            EngineContentScanner(worker: engine.makeWorker())
        }
        return score(report, labels: labels)
    }

    struct LineKey: Hashable {
        var file: String
        var line: Int
        var cls: LabelClass
    }

    /// Compares findings with labels. A finding matches a label when file, line and class agree.
    /// Two findings of one class whose spans overlap are one reported value (two rules naming the
    /// same secret); every other reported value is counted.
    static func score(_ report: ScanReport, labels: CorpusLabels) -> CorpusScore {
        var score = CorpusScore()
        score.filesScanned = report.stats.filesScanned
        score.skipped = report.skipped.map { "\($0.path) (\($0.reason))" }
        score.warnings = report.warnings

        var expected: [LineKey: [CorpusLabels.Finding]] = [:]
        for label in labels.findings {
            expected[LineKey(file: label.file, line: label.line, cls: LabelClass(ruleID: label.rule)), default: []].append(label)
        }
        var reported: [LineKey: [ReportedFinding]] = [:]
        for finding in report.findings {
            reported[LineKey(file: relative(finding), line: finding.line, cls: LabelClass(ruleID: finding.ruleID)), default: []]
                .append(finding)
        }
        let negatives = Dictionary(labels.negatives.map { ("\($0.file):\($0.line)", $0.why) }, uniquingKeysWith: { a, _ in a })

        for cls in LabelClass.allCases { score.rows[cls] = Row() }
        for key in Set(expected.keys).union(reported.keys).sorted(by: { ($0.file, $0.line, $0.cls.rawValue) < ($1.file, $1.line, $1.cls.rawValue) }) {
            let labelled = expected[key] ?? []
            let values = distinctValues(reported[key] ?? [])
            let matched = min(labelled.count, values.count)
            score.rows[key.cls]!.truePositives += matched
            if values.count > matched {
                score.rows[key.cls]!.falsePositives += values.count - matched
                for finding in values.dropFirst(matched) {
                    score.falsePositives[key.cls, default: []].append(
                        "\(key.file):\(key.line):\(finding.column): \(finding.ruleID) \(finding.secret)")
                }
            }
            if labelled.count > matched {
                score.rows[key.cls]!.falseNegatives += labelled.count - matched
                for label in labelled.dropFirst(matched) {
                    score.falseNegatives[key.cls, default: []].append("\(label.file):\(label.line): \(label.rule)")
                }
            }
        }
        for finding in report.findings {
            let place = "\(relative(finding)):\(finding.line)"
            if let why = negatives[place] {
                score.negativeViolations.append("\(place):\(finding.column): \(finding.ruleID) \(finding.secret) -- labelled: \(why)")
            }
        }
        return score
    }

    static func relative(_ finding: ReportedFinding) -> String {
        var path = Substring(finding.relativePath)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        return String(path)
    }

    /// One finding per reported value: findings whose spans overlap collapse into the first.
    static func distinctValues(_ findings: [ReportedFinding]) -> [ReportedFinding] {
        var kept: [ReportedFinding] = []
        for finding in findings {
            let overlaps = kept.contains { other in
                (finding.line, finding.column) <= (other.endLine, other.endColumn)
                    && (other.line, other.column) <= (finding.endLine, finding.endColumn)
            }
            if !overlaps { kept.append(finding) }
        }
        return kept
    }
}

struct CorpusScanFailure: Error, CustomStringConvertible {
    var description: String
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

@Suite("Corpus precision and recall")
struct CorpusTests {
    @Test("Summary table, every false positive and false negative")
    func summary() throws {
        let score = try CorpusScore.shared.get()
        print(score.summary)
        #expect(score.filesScanned >= 100, "only \(score.filesScanned) corpus files were scanned")
    }

    @Test("Precision and recall at least 0.97", arguments: LabelClass.allCases)
    func meetsThreshold(_ cls: LabelClass) throws {
        let score = try CorpusScore.shared.get()
        let row = score.rows[cls] ?? CorpusScore.Row()
        let details = ((score.falsePositives[cls] ?? []).map { "FP \($0)" } + (score.falseNegatives[cls] ?? []).map { "FN \($0)" })
            .joined(separator: "\n")
        #expect(
            row.precision >= CorpusScore.threshold,
            "\(cls.rawValue): precision \(row.precision) (TP \(row.truePositives), FP \(row.falsePositives))\n\(details)")
        #expect(
            row.recall >= CorpusScore.threshold,
            "\(cls.rawValue): recall \(row.recall) (TP \(row.truePositives), FN \(row.falseNegatives))\n\(details)")
    }

    @Test("No finding on a hard-negative line")
    func hardNegativesStayQuiet() throws {
        let score = try CorpusScore.shared.get()
        #expect(
            score.negativeViolations.isEmpty,
            "\(score.negativeViolations.count) findings on hard-negative lines:\n\(score.negativeViolations.joined(separator: "\n"))")
    }

    @Test("Every label names an existing corpus file and line")
    func labelsPointIntoTheCorpus() throws {
        let labels = try CorpusLocation.labels()
        var lineCounts: [String: Int] = [:]
        var problems: [String] = []
        let places = labels.findings.map { ($0.file, $0.line) } + labels.negatives.map { ($0.file, $0.line) }
        for (file, line) in places {
            if lineCounts[file] == nil {
                lineCounts[file] = try Self.lineCount(of: CorpusLocation.root + "/" + file)
            }
            let count = lineCounts[file] ?? 0
            if line < 1 || line > count { problems.append("\(file):\(line) (file has \(count) lines)") }
        }
        #expect(problems.isEmpty, "labels outside their files:\n\(problems.joined(separator: "\n"))")
        let findingPlaces = Set(labels.findings.map { "\($0.file):\($0.line)" })
        let both = labels.negatives.map { "\($0.file):\($0.line)" }.filter(findingPlaces.contains)
        #expect(both.isEmpty, "lines labelled both as a finding and as a hard negative: \(both)")
    }

    /// Lines in a corpus file; `.gz` files are counted after decompression (labels use those lines).
    static func lineCount(of path: String) throws -> Int {
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        if path.hasSuffix(".gz") {
            let gunzip = Process()
            gunzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            gunzip.arguments = ["gzip", "-dc", path]
            let pipe = Pipe()
            gunzip.standardOutput = pipe
            try gunzip.run()
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            gunzip.waitUntilExit()
        }
        let newlines = data.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        return data.last == 0x0A ? newlines : newlines + 1
    }
}
