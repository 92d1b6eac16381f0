import Foundation
import SecretLint
import Testing

/// git's machine-readable output, parsed without a repository.
@Suite struct GitParserTests {
    @Test func rawEntriesWithRenamesAndOddPaths() throws {
        let zero = String(repeating: "0", count: 40), a = String(repeating: "a", count: 40), b = String(repeating: "b", count: 40)
        var bytes: [UInt8] = []
        bytes += Array(":000000 100644 \(zero) \(a) A".utf8) + [0] + Array("new\nline.txt".utf8) + [0]
        bytes += Array(":100644 100644 \(a) \(b) R087".utf8) + [0] + Array("old name".utf8) + [0] + [0xFF, 0x2E] + [0]
        bytes += Array(":160000 160000 \(a) \(b) M".utf8) + [0] + Array("vendor/sub".utf8) + [0]
        let entries = try GitOutputParser.rawEntries(bytes)
        #expect(entries.count == 3)
        #expect(entries[0].status == UInt8(ascii: "A") && entries[0].path == Array("new\nline.txt".utf8))
        #expect(entries[1].sourcePath == Array("old name".utf8) && entries[1].path == [0xFF, 0x2E])
        #expect(entries[1].newID.hex == b)
        #expect(entries[2].isSubmodule)
    }

    @Test func truncatedRawOutputIsAnError() {
        #expect(throws: GitError.self) { try GitOutputParser.rawEntries(Array(":100644 100644".utf8)) }
    }

    @Test func addedLinesPerSection() {
        let patch = """
            diff --git a/one b/one
            index 1..2 100644
            --- a/one
            +++ b/one
            @@ -1,0 +2,3 @@ context
            +a
            +b
            +diff --git not a header
            @@ -9 +12 @@
            -x
            +y
            diff --git a/two b/two
            deleted file mode 100644
            @@ -1,2 +0,0 @@
            -gone
            -gone
            diff --git a/img b/img
            Binary files a/img and b/img differ

            """
        let sections = GitOutputParser.addedLines(patch: Array(patch.utf8))
        #expect(sections.count == 3)
        #expect(sections[0]?.ranges == [2..<5, 12..<13])
        #expect(sections[1]?.ranges == [0..<0])
        #expect(sections[2] == nil)
        #expect(sections[0]?.contains(lines: 4, 4) == true)
        #expect(sections[0]?.contains(lines: 5, 11) == false)
    }

    @Test(arguments: [
        (0, "+0000", "1970-01-01T00:00:00+00:00"),
        (1_700_000_060, "+0000", "2023-11-14T22:14:20+00:00"),
        (1_700_000_060, "+0530", "2023-11-15T03:44:20+05:30"),
        (951_782_400, "-0800", "2000-02-28T16:00:00-08:00"),
    ])
    func authorDates(seconds: Int, offset: String, expected: String) {
        #expect(GitOutputParser.isoDate(seconds: seconds, offset: offset) == expected)
    }

    @Test func commitObject() {
        let object = "tree abc\nparent def\nauthor Ann Example <ann@example.com> 1700000060 +0000\ncommitter C <c@x> 1 +0000\n\nSubject\n\nBody\n"
        let commit = GitOutputParser.commit(Array(object.utf8))
        #expect(commit.author == "Ann Example <ann@example.com>")
        #expect(commit.date == "2023-11-14T22:14:20+00:00")
        #expect(commit.message == Array("Subject\n\nBody\n".utf8))
    }

    @Test(arguments: [
        ([UInt8]("plain/path.txt".utf8), "plain/path.txt"),
        ([UInt8]("dir ü/ä.env".utf8), "dir ü/ä.env"),
        ([UInt8]("a\nb".utf8), "a\\nb"),
        ([UInt8]("x".utf8) + [0xFF, 0xC3], "x\\xff\\xc3"),
        ([UInt8]("esc\u{1B}[31m".utf8), "esc\\x1b[31m"),
        ([UInt8]("back\\slash".utf8), "back\\\\slash"),
    ])
    func displayPaths(bytes: [UInt8], expected: String) {
        #expect(GitOutputParser.displayPath(bytes) == expected)
    }
}

/// `install-hook` / `uninstall-hook` on real repositories.
@Suite struct HookInstallerTests {
    func hook(_ repo: TemporaryRepository, _ relative: String = ".git/hooks/pre-commit") -> String? {
        try? String(contentsOf: repo.root.appendingPathComponent(relative), encoding: .utf8)
    }

    @Test func installWritesAnExecutableHookAndUninstallRemovesIt() throws {
        let repo = try TemporaryRepository()
        let installer = HookInstaller(directory: repo.path)
        let outcome = try installer.install(command: "/opt/it's here/tokenaudit", force: false)
        guard case .installed(let path, nil) = outcome else { Issue.record("\(outcome)"); return }
        #expect(path.hasSuffix(".git/hooks/pre-commit"))
        let text = try #require(hook(repo))
        #expect(text.contains(HookInstaller.marker))
        #expect(text.contains("exec '/opt/it'\\''s here/tokenaudit' git staged --hook"))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o755)
        #expect(try installer.install(command: "/opt/it's here/tokenaudit", force: false) == .alreadyInstalled(path: path))
        #expect(try installer.uninstall() == .removed(path: path, restored: nil))
        #expect(hook(repo) == nil)
        #expect(try installer.uninstall() == .notInstalled(path: path))
    }

    @Test func foreignHookIsKeptUnlessForcedAndThenRestored() throws {
        let repo = try TemporaryRepository()
        try repo.write(".git/hooks/pre-commit", "#!/bin/sh\necho mine\n")
        let installer = HookInstaller(directory: repo.path)
        #expect(throws: HookInstaller.HookError.self) { try installer.install(command: "tokenaudit", force: false) }
        #expect(hook(repo) == "#!/bin/sh\necho mine\n")
        let outcome = try installer.install(command: "tokenaudit", force: true)
        guard case .installed(_, let backup?) = outcome else { Issue.record("\(outcome)"); return }
        #expect(backup.hasSuffix("pre-commit.tokenaudit-backup"))
        #expect(hook(repo, ".git/hooks/pre-commit.tokenaudit-backup") == "#!/bin/sh\necho mine\n")
        _ = try installer.uninstall()
        #expect(hook(repo) == "#!/bin/sh\necho mine\n")
    }

    @Test func coreHooksPathIsHonoured() throws {
        let repo = try TemporaryRepository()
        try repo.git("config", "core.hooksPath", "tools/hooks")
        guard case .installed(let path, _) = try HookInstaller(directory: repo.path).install(command: "tokenaudit", force: false)
        else { Issue.record("not installed"); return }
        #expect(path.hasSuffix("tools/hooks/pre-commit"))
        #expect(hook(repo, "tools/hooks/pre-commit")?.contains(HookInstaller.marker) == true)
    }
}
