import ScanResults

/// What the HTML report counts while findings stream past: by severity, by rule, by directory, by
/// commit day and by commit, and the credential pairs. Memory grows with the number of distinct
/// rules, directories, days, commits and groups, never with the text of the findings.
struct FindingTally {
    /// Severity names most severe first; a finding's severity index in the page data is its
    /// position. (SecretReport reads severities through ScanResults and names them by raw value.)
    static let severities = ["critical", "high", "medium", "low"]

    /// The index of a severity by its raw value; an unknown name counts as the least severe.
    static func index(of severity: String) -> Int { severities.firstIndex(of: severity) ?? severities.count - 1 }

    struct Rule { var id: String; var title: String; var counts = [0, 0, 0, 0] }
    struct Commit { var author: String; var date: String; var findings = 0; var removed = 0 }

    private(set) var total = 0
    private(set) var bySeverity = [0, 0, 0, 0]
    /// Rules in order of first appearance (their index is the `r` of the page data).
    private(set) var rules: [Rule] = []
    private var ruleIndex: [String: Int] = [:]
    private(set) var directories: [String: [Int]] = [:]
    /// Commit author dates, `YYYY-MM-DD`, for findings with provenance.
    private(set) var days: [String: [Int]] = [:]
    private(set) var commits: [String: Commit] = [:]
    /// Findings per group id; a credential pair is a group with two or more findings.
    private var groupSizes: [String: Int] = [:]
    /// Credential pairs (groups with at least two findings).
    private(set) var pairs = 0

    /// Counts `f` and returns the index of its rule.
    mutating func add(_ f: ReportedFinding) -> Int {
        let severity = Self.index(of: f.severity.rawValue)
        total += 1
        bySeverity[severity] += 1
        let rule: Int
        if let known = ruleIndex[f.ruleID] {
            rule = known
        } else {
            rule = rules.count
            ruleIndex[f.ruleID] = rule
            rules.append(Rule(id: f.ruleID, title: f.title))
        }
        rules[rule].counts[severity] += 1
        directories[Self.directory(of: f.relativePath.isEmpty ? f.path : f.relativePath), default: [0, 0, 0, 0]][severity] += 1
        if let p = f.provenance {
            if let day = Self.day(p.date) { days[day, default: [0, 0, 0, 0]][severity] += 1 }
            commits[p.commit, default: Commit(author: p.author, date: p.date)].findings += 1
            if p.removedFromHead == true { commits[p.commit]?.removed += 1 }
        }
        if let group = f.group {
            groupSizes[group, default: 0] += 1
            if groupSizes[group] == 2 { pairs += 1 }
        }
        return rule
    }

    /// The directory a finding is counted under: the first two directories of its path relative to
    /// the scan root (`src/app` for `src/app/models/user.rb`), or `.` for a file at the top.
    static func directory(of path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).dropLast()
        let kept = parts.filter { $0 != "." }.prefix(2)
        return kept.isEmpty ? "." : kept.joined(separator: "/")
    }

    /// `YYYY-MM-DD` from an ISO 8601 date, or nil when `date` does not start with one.
    static func day(_ date: String) -> String? {
        let prefix = Array(date.utf8.prefix(10))
        guard prefix.count == 10, prefix[4] == UInt8(ascii: "-"), prefix[7] == UInt8(ascii: "-"),
              [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ (0x30...0x39).contains(prefix[$0]) })
        else { return nil }
        return String(decoding: prefix, as: UTF8.self)
    }
}

/// The report's charts, drawn as inline SVG: no script, no images, no external fonts. Colours come
/// from the stylesheet through classes (`f-critical` …); every label from scanned data is escaped
/// by `HTMLText.text` and shortened, with the full text in an SVG `<title>` (shown on hover).
enum HTMLCharts {
    static let classes = ["critical", "high", "medium", "low"]

    /// A ring of the four severities with the total in the middle and a legend beside it.
    static func severityDonut(_ counts: [Int]) -> String {
        let total = counts.reduce(0, +)
        let radius = 54.0, circumference = 2 * Double.pi * 54.0
        var svg = #"<svg viewBox="0 0 520 170" role="img" aria-label="Findings by severity">"#
        svg += #"<circle cx="85" cy="85" r="54" fill="none" stroke-width="22" class="s-empty"/>"#
        var offset = 0.0
        for (i, count) in counts.enumerated() where count > 0 && total > 0 {
            let length = circumference * Double(count) / Double(total)
            svg += #"<circle cx="85" cy="85" r="\#(fmt(radius))" fill="none" stroke-width="22" class="s-\#(classes[i])" "#
                + #"stroke-dasharray="\#(fmt(length)) \#(fmt(circumference - length))" stroke-dashoffset="\#(fmt(-offset))" "#
                + #"transform="rotate(-90 85 85)"><title>\#(HTMLText.count(count)) \#(classes[i])</title></circle>"#
            offset += length
        }
        svg += #"<text x="85" y="89" text-anchor="middle" class="big">\#(HTMLText.count(total))</text>"#
        svg += #"<text x="85" y="105" text-anchor="middle" class="axis">\#(total == 1 ? "finding" : "findings")</text>"#
        for (i, count) in counts.enumerated() {
            let y = 46 + i * 28
            svg += #"<rect x="200" y="\#(y - 10)" width="12" height="12" rx="2" class="f-\#(classes[i])"/>"#
            svg += #"<text x="220" y="\#(y)">\#(FindingTally.severities[i].capitalizedWord)</text>"#
            let share = total > 0 ? " (\(NumberText.fixed(100 * Double(count) / Double(total), 0))%)" : ""
            svg += #"<text x="420" y="\#(y)" text-anchor="end" class="n">\#(HTMLText.count(count))\#(share)</text>"#
        }
        return svg + "</svg>"
    }

    /// Horizontal bars, one per label, split by severity; at most `limit` bars, largest first (ties
    /// by label), and a line saying how many labels and findings were left out.
    static func bars(_ items: [(label: String, counts: [Int])], limit: Int = 10, noun: String, aria: String) -> String {
        let sorted = items.sorted {
            let a = $0.counts.reduce(0, +), b = $1.counts.reduce(0, +)
            return a != b ? a > b : $0.label.utf8.lexicographicallyPrecedes($1.label.utf8)
        }
        let shown = sorted.prefix(limit)
        let maximum = max(1, shown.map { $0.counts.reduce(0, +) }.max() ?? 1)
        let rowHeight = 24, labelWidth = 200.0, barWidth = 250.0
        let height = shown.count * rowHeight + 4
        var svg = #"<svg viewBox="0 0 520 \#(height)" role="img" aria-label="\#(HTMLText.text(aria))">"#
        for (row, item) in shown.enumerated() {
            let y = row * rowHeight + 4
            let total = item.counts.reduce(0, +)
            svg += "<g><title>" + HTMLText.text(item.label) + ": " + HTMLText.count(total) + "</title>"
            svg += #"<text x="0" y="\#(y + 13)">\#(HTMLText.text(HTMLText.shortened(item.label, limit: 32)))</text>"#
            svg += #"<rect x="\#(fmt(labelWidth))" y="\#(y + 2)" width="\#(fmt(barWidth))" height="14" rx="2" class="track"/>"#
            var x = labelWidth
            for (i, count) in item.counts.enumerated() where count > 0 {
                let width = barWidth * Double(count) / Double(maximum)
                svg += #"<rect x="\#(fmt(x))" y="\#(y + 2)" width="\#(fmt(width))" height="14" class="f-\#(classes[i])"/>"#
                x += width
            }
            svg += #"<text x="\#(fmt(labelWidth + barWidth + 8))" y="\#(y + 13)" class="n">\#(HTMLText.count(total))</text></g>"#
        }
        svg += "</svg>"
        if sorted.count > limit {
            let rest = sorted.dropFirst(limit)
            let findings = rest.reduce(0) { $0 + $1.counts.reduce(0, +) }
            svg += #"<div class="more">and \#(HTMLText.count(rest.count)) more \#(noun) "#
                + #"with \#(HTMLText.count(findings)) \#(findings == 1 ? "finding" : "findings")</div>"#
        }
        return svg
    }

    /// Columns over time, split by severity: by day within one month, by month up to ten years,
    /// by year beyond. Empty periods between the first and the last are drawn as gaps.
    static func timeline(_ days: [String: [Int]]) -> String {
        let buckets = timeBuckets(days)
        guard !buckets.isEmpty else { return "" }
        let maximum = max(1, buckets.map { $0.counts.reduce(0, +) }.max() ?? 1)
        let left = 34.0, width = 480.0, top = 10.0, plot = 130.0
        let step = width / Double(buckets.count)
        let barWidth = max(1.0, min(28.0, step * 0.7))
        var svg = #"<svg viewBox="0 0 520 172" role="img" aria-label="Findings by commit date">"#
        svg += #"<line x1="\#(fmt(left))" y1="\#(fmt(top + plot))" x2="\#(fmt(left + width))" y2="\#(fmt(top + plot))" class="rule"/>"#
        svg += #"<line x1="\#(fmt(left))" y1="\#(fmt(top))" x2="\#(fmt(left + width))" y2="\#(fmt(top))" class="rule"/>"#
        svg += #"<text x="\#(fmt(left - 6))" y="\#(fmt(top + 4))" text-anchor="end" class="axis">\#(HTMLText.count(maximum))</text>"#
        svg += #"<text x="\#(fmt(left - 6))" y="\#(fmt(top + plot + 4))" text-anchor="end" class="axis">0</text>"#
        let labelEvery = max(1, Int((Double(buckets.count) / 8).rounded(.up)))
        for (i, bucket) in buckets.enumerated() {
            let x = left + step * Double(i) + (step - barWidth) / 2
            var y = top + plot
            let total = bucket.counts.reduce(0, +)
            svg += "<g><title>" + HTMLText.text(bucket.label) + ": " + HTMLText.count(total) + "</title>"
            for (s, count) in bucket.counts.enumerated().reversed() where count > 0 {
                let h = plot * Double(count) / Double(maximum)
                y -= h
                svg += #"<rect x="\#(fmt(x))" y="\#(fmt(y))" width="\#(fmt(barWidth))" height="\#(fmt(h))" class="f-\#(classes[s])"/>"#
            }
            svg += "</g>"
            if i % labelEvery == 0 {
                svg += #"<text x="\#(fmt(x + barWidth / 2))" y="\#(fmt(top + plot + 16))" text-anchor="middle" class="axis">\#(HTMLText.text(bucket.label))</text>"#
            }
        }
        return svg + "</svg>"
    }

    /// Buckets from the first to the last day: days when all fall in one month, months when they
    /// span at most ten years, else years.
    static func timeBuckets(_ days: [String: [Int]]) -> [(label: String, counts: [Int])] {
        guard let first = days.keys.min(), let last = days.keys.max() else { return [] }
        func add(_ a: [Int], _ b: [Int]) -> [Int] { zip(a, b).map { $0 + $1 } }
        let firstYear = Int(first.prefix(4)) ?? 0, lastYear = Int(last.prefix(4)) ?? 0
        if first.prefix(7) == last.prefix(7) {
            let daysIn = CalendarDay.daysInMonth(year: firstYear, month: Int(first.dropFirst(5).prefix(2)) ?? 1)
            let from = Int(first.suffix(2)) ?? 1, to = min(daysIn, Int(last.suffix(2)) ?? 1)
            return (from...max(from, to)).map { d in
                let key = first.prefix(8) + (d < 10 ? "0" : "") + String(d)
                return (key, days[key] ?? [0, 0, 0, 0])
            }
        }
        let byYear = lastYear - firstYear >= 10
        var totals: [String: [Int]] = [:]
        for (day, counts) in days {
            let key = String(day.prefix(byYear ? 4 : 7))
            totals[key] = add(totals[key] ?? [0, 0, 0, 0], counts)
        }
        var out: [(label: String, counts: [Int])] = []
        if byYear {
            for year in firstYear...lastYear { out.append((String(year), totals[String(year)] ?? [0, 0, 0, 0])) }
            return out
        }
        var year = firstYear, month = Int(first.dropFirst(5).prefix(2)) ?? 1
        let end = String(last.prefix(7))
        while true {
            let key = String(year) + "-" + (month < 10 ? "0" : "") + String(month)
            out.append((key, totals[key] ?? [0, 0, 0, 0]))
            if key >= end { break }
            month += 1
            if month > 12 { month = 1; year += 1 }
        }
        return out
    }

    /// A coordinate with at most one decimal ("12", "12.5").
    static func fmt(_ value: Double) -> String {
        let text = NumberText.fixed(value, 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

enum CalendarDay {
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
