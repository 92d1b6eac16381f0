#!/usr/bin/env python3
"""Generates a large, deterministic benchmark corpus for TokenAudit and its peers.

    python3 Benchmarks/corpus/generate.py --out DIR [--size 300M] [--seed 12]
        [--repo-files 10000 --repo-commits 2000] [--huge-line 100M] [--huge-log 1G]

Writes
  DIR/files/          realistic mixed content: UUID-dense application logs, nginx access logs, HAR
                      captures, one-line JSON exports, CSV, lock files, minified JS bundles, source
                      code, many small config and dot files, and binary blobs; with planted
                      credentials
  DIR/labels.json     every planted credential: file, 1-based line, kind, value, and whether the
                      peers (Kingfisher, Betterleaks) have a rule for its kind
  DIR/repo/           (with --repo-files) a git repository with history, built with git fast-import:
                      --repo-files files at HEAD and --repo-commits commits, some adding a credential
                      that a later commit removes (for the history and pre-commit benchmarks)
  DIR/huge/           (with --huge-line / --huge-log) one single-line minified bundle and one log file
                      of the given sizes

The same arguments give byte-identical output. Every credential is random with its provider's
documented shape; none is real. Nothing here is read by the product: it only feeds benchmarks.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys

HEX = "0123456789abcdef"
LOWER = "abcdefghijklmnopqrstuvwxyz"
UPPER = LOWER.upper()
DIGITS = "0123456789"
ALNUM = LOWER + UPPER + DIGITS
B64 = ALNUM + "+/"

WORDS = ("maple harbor copper lantern orbit walrus kettle falcon meadow cobalt ember quartz tundra "
         "saffron glacier pepper violet summit cactus badger willow ripple thunder marble canyon hazel "
         "juniper nectar pixel rocket velvet zephyr").split()
# Identifiers of ordinary code: the password rules' keywords (pass, pwd, secret, token, key) appear
# in source and minified bundles all the time without a stored value next to them.
IDENTS = ("user password passwordField secretKey tokenStore apiKey keyPath passThrough bypass compass "
          "pwdHint isSecret resetPassword tokenize session config options callback handler result value "
          "index count buffer request response headers element render state props dispatch").split()
PATHS = ["/api/v1/orders", "/api/v1/users", "/login", "/static/app.js", "/health", "/api/v2/tickets",
         "/oauth/authorize", "/assets/logo.png", "/search", "/api/v1/payments"]
AGENTS = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
          "curl/8.5.0", "python-requests/2.32.3", "Go-http-client/2.0",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15"]


class Corpus:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.labels = []

    # -- values ---------------------------------------------------------------------------------
    def s(self, n, alphabet=ALNUM):
        return "".join(self.r.choices(alphabet, k=n))

    def uuid(self):
        h = "%032x" % self.r.getrandbits(128)
        return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[self.r.getrandbits(2)]}{h[17:20]}-{h[20:]}"

    def ts(self, i):
        return f"2026-03-{1 + i // 86400 % 28:02d}T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}.{i % 1000:03d}Z"

    def ip(self):
        r = self.r
        return f"{r.randrange(1, 224)}.{r.randrange(256)}.{r.randrange(256)}.{r.randrange(1, 255)}"

    def password(self):
        r = self.r
        return r.choice(WORDS).capitalize() + r.choice("!#%*") + r.choice(WORDS).capitalize() + str(r.randrange(10, 9999))

    # -- credentials: (kind, value, line text, peers have a rule) --------------------------------
    def credential(self, style):
        """A planted credential as one line in the file's syntax (`style`: env, json, log, js, csv)."""
        r = self.r
        kind = r.choice(["github-pat-classic", "aws-access-key-id", "slack-bot-token", "stripe-secret-key",
                         "sirportly", "password"])
        if kind == "github-pat-classic":
            value, name, peers = "ghp_" + self.s(36), "GITHUB_TOKEN", True
        elif kind == "aws-access-key-id":
            value, name, peers = "AKIA" + self.s(16, UPPER + "234567"), "AWS_ACCESS_KEY_ID", False  # peers want the secret key too
        elif kind == "slack-bot-token":
            value = f"xoxb-{r.randrange(10**10, 10**12)}-{r.randrange(10**12, 10**13)}-{self.s(24)}"
            name, peers = "SLACK_BOT_TOKEN", True
        elif kind == "stripe-secret-key":
            value, name, peers = "sk_live_" + self.s(24), "STRIPE_SECRET_KEY", True
        elif kind == "sirportly":
            value, name, peers = self.s(50, LOWER + DIGITS), "SIRPORTLY_API_SECRET", False
            token = self.uuid()
            kind = "sirportly-secret"
        else:
            value, name, peers = self.password(), "DB_PASSWORD", False
        if style == "json":
            line = f'"{name.lower()}": "{value}",'
        elif style == "log":
            line = f'{self.ts(r.randrange(10**6))} WARN [config] loaded environment {name}={value} from .env'
        elif style == "js":
            line = f'const {name.lower()} = "{value}";'
        elif style == "csv":
            line = f'{self.uuid()},{name.lower()},"{value}"'
        else:
            line = f"{name}={value}"
        if kind == "sirportly-secret":
            line = (f'"sirportly_api_token": "{token}", ' + line) if style == "json" else \
                   (f"SIRPORTLY_API_TOKEN={token}\n" + line if style == "env" else f"SIRPORTLY_API_TOKEN={token} " + line)
        return kind, value, line, peers

    def plant(self, lines, style, path, every):
        """Inserts one credential line per `every` lines (at least one), labelled by line number."""
        planted = []
        n = max(1, len(lines) // every)
        for _ in range(n):
            planted.append((self.r.randrange(len(lines) + 1), self.credential(style)))
        planted.sort(key=lambda p: p[0])
        out, last = [], 0
        for at, (kind, value, line, peers) in planted:
            out.extend(lines[last:at])
            last = at
            lineno = sum(x.count("\n") + 1 for x in out) + 1 + line[:line.find(value)].count("\n")
            self.labels.append({"file": path, "line": lineno, "kind": kind, "value": value, "peers": peers})
            out.append(line)
        out.extend(lines[last:])
        return out

    # -- file types -----------------------------------------------------------------------------
    def app_log(self, path, size):
        r, lines, total, i = self.r, [], 0, self.r.randrange(10**6)
        levels = ["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"]
        while total < size:
            i += 1
            line = (f"{self.ts(i)} {r.choice(levels)} [req={self.uuid()}] user={self.uuid()} order={self.uuid()} "
                    f"path={r.choice(PATHS)} status={r.choice((200, 200, 201, 404, 500))} duration_ms={r.randrange(1, 900)} "
                    f"trace={self.uuid()}")
            lines.append(line)
            total += len(line) + 1
        return "\n".join(self.plant(lines, "log", path, 4000)) + "\n"

    def access_log(self, path, size):
        r, lines, total = self.r, [], 0
        while total < size:
            line = (f'{self.ip()} - - [01/Mar/2026:{r.randrange(24):02d}:{r.randrange(60):02d}:{r.randrange(60):02d} +0000] '
                    f'"{r.choice(("GET", "GET", "POST", "PUT"))} {r.choice(PATHS)}?id={self.uuid()} HTTP/1.1" '
                    f'{r.choice((200, 200, 302, 404))} {r.randrange(100, 90000)} "https://app.example.com/" "{r.choice(AGENTS)}"')
            lines.append(line)
            total += len(line) + 1
        return "\n".join(self.plant(lines, "log", path, 5000)) + "\n"

    def record(self):
        r = self.r
        return {"id": self.uuid(), "customer": self.uuid(), "email": f"{r.choice(WORDS)}.{r.choice(WORDS)}@example.com",
                "name": f"{r.choice(WORDS).capitalize()} {r.choice(WORDS).capitalize()}",
                "amount": r.randrange(100, 100000) / 100, "currency": "EUR", "status": r.choice(("open", "paid", "void")),
                "tags": r.sample(WORDS, 3), "updated_at": self.ts(r.randrange(10**6)), "session_token_hint": None,
                "password_reset_required": r.random() < 0.1}

    def har(self, path, size):
        r, entries, total = self.r, [], 0
        while total < size:
            e = {"startedDateTime": self.ts(r.randrange(10**6)), "time": r.randrange(5, 900),
                 "request": {"method": "GET", "url": f"https://api.example.com{r.choice(PATHS)}/{self.uuid()}",
                             "headers": [{"name": "User-Agent", "value": r.choice(AGENTS)},
                                         {"name": "X-Request-Id", "value": self.uuid()},
                                         {"name": "Cookie", "value": f"session={self.s(32, HEX)}; theme=dark"}]},
                 "response": {"status": 200, "content": {"mimeType": "application/json",
                                                         "text": json.dumps([self.record() for _ in range(3)])}}}
            text = json.dumps(e, indent=1)
            entries.append(text)
            total += len(text) + 2
        lines = ('{"log": {"version": "1.2", "entries": [\n' + ",\n".join(entries) + "\n]}}").split("\n")
        return "\n".join(self.plant(lines, "json", path, 3000)) + "\n"

    def export(self, path, size):
        """One-line JSON export: the input whose per-candidate cost must not grow with the line."""
        parts, total = [], 0
        while total < size:
            t = json.dumps(self.record())
            parts.append(t)
            total += len(t) + 1
        planted = self.plant(parts, "json", path, 4000)
        # The export is one line: every label is on line 1.
        for label in self.labels:
            if label["file"] == path:
                label["line"] = 1
        return "[" + ", ".join(p if p.startswith("{") else "{" + p.rstrip(",") + "}" for p in planted) + "]"

    def csv(self, path, size):
        r, lines, total = self.r, ["id,customer,email,amount,status,created_at"], 0
        while total < size:
            line = f"{self.uuid()},{self.uuid()},{r.choice(WORDS)}@example.com,{r.randrange(100, 99999)},{r.choice(('open', 'paid'))},{self.ts(r.randrange(10**6))}"
            lines.append(line)
            total += len(line) + 1
        first = len(self.labels)
        body = self.plant(lines[1:], "csv", path, 6000)
        for label in self.labels[first:]:
            label["line"] += 1  # the header
        return "\n".join([lines[0]] + body) + "\n"

    def lockfile(self, path, size):
        r, lines, total = self.r, ['{', ' "name": "app",', ' "lockfileVersion": 3,', ' "packages": {'], 0
        while total < size:
            name = f"{r.choice(WORDS)}-{r.choice(WORDS)}"
            block = [f'  "node_modules/{name}": {{', f'   "version": "{r.randrange(10)}.{r.randrange(30)}.{r.randrange(30)}",',
                     f'   "resolved": "https://registry.npmjs.org/{name}/-/{name}-1.0.0.tgz",',
                     f'   "integrity": "sha512-{self.s(86, B64)}==",', '   "dev": true', '  },']
            lines.extend(block)
            total += sum(len(b) + 1 for b in block)
        lines += [' }', '}']
        return "\n".join(lines) + "\n"

    def minified(self, size, plant_path=None):
        r, parts, total = self.r, [], 0
        while total < size:
            a, b, c = r.choice(IDENTS), r.choice(IDENTS), r.choice(IDENTS)
            p = r.randrange(6)
            if p == 0:
                t = f'function {a}_{r.randrange(999)}(e,t){{var n=e.{b}||t.{c};return n&&n.length>{r.randrange(9)}?n.slice(0,{r.randrange(99)}):null}}'
            elif p == 1:
                t = f'{a}.prototype.{b}=function(e){{this.{c}=e;this.state={{{a}:!1,{b}:"",id:"{self.uuid()}"}}}};'
            elif p == 2:
                t = f'if(e.{a}==="{b}"){{t.{c}({{type:"{a.upper()}_{b.upper()}",payload:e.{c}}})}}'
            elif p == 3:
                t = f'var {a}{r.randrange(99)}=document.querySelector("input[name={b}]");{a}.addEventListener("change",function(){{{c}(this.value)}});'
            elif p == 4:
                t = f'const o{r.randrange(999)}={{{a}:"{r.choice(WORDS)}",{b}:{r.randrange(9999)},{c}:[{",".join(str(r.randrange(999)) for _ in range(6))}]}};'
            else:
                t = f'e.exports={{{a}:function(){{return"{self.s(24)}"}},{b}:"/{r.choice(WORDS)}/{r.choice(WORDS)}"}};'
            parts.append(t)
            total += len(t)
        if plant_path is not None:
            parts = self.plant(parts, "js", plant_path, 20000)
            for label in self.labels:
                if label["file"] == plant_path:
                    label["line"] = 1
        return "".join(parts)

    def bundle(self, path, size):
        # Minified bundles: a few very long lines.
        per_line = self.r.choice((64 * 1024, 256 * 1024, 1024 * 1024))
        text = self.minified(size, plant_path=path)
        lines = [text[i:i + per_line] for i in range(0, len(text), per_line)]
        # Re-number labels by the line each value ended up on.
        for label in self.labels:
            if label["file"] == path:
                at = text.find(label["value"])
                if at // per_line != (at + len(label["value"]) - 1) // per_line:  # value cut: move the cut
                    lines = None
                    break
                label["line"] = at // per_line + 1
        if lines is None:
            for label in self.labels:
                if label["file"] == path:
                    label["line"] = 1
            return text + "\n"
        return "\n".join(lines) + "\n"

    def source(self, path, size, plant=True):
        r, lines, total = self.r, [], 0
        while total < size:
            a, b, c = r.choice(IDENTS), r.choice(IDENTS), r.choice(IDENTS)
            block = [f"def {a}_{r.randrange(9999)}({b}, {c}=None):",
                     f'    """Returns the {b} for {c}; the password is never logged."""',
                     f"    if {c} is None:", f"        {c} = load_{a}({b})",
                     f"    token = {b}.get('{c}')", f"    secret = settings.{a.upper()}_SECRET",
                     f"    return {{'{a}': token, 'id': '{self.uuid()}', 'n': {r.randrange(999)}}}", ""]
            lines.extend(block)
            total += sum(len(x) + 1 for x in block)
        return "\n".join(self.plant(lines, "env", path, 3000) if plant else lines) + "\n"

    def config(self, path, plant=True):
        r = self.r
        kind = path.rsplit("/", 1)[-1]
        if kind.endswith(".yml"):
            lines = ["service:", f"  name: {r.choice(WORDS)}", f"  replicas: {r.randrange(1, 9)}", "database:",
                     f"  host: db-{r.randrange(99)}.internal", "  port: 5432", f"  user: {r.choice(WORDS)}",
                     "  password: ${DB_PASSWORD}", "cache:", f"  ttl: {r.randrange(60, 3600)}",
                     f"  id: {self.uuid()}"]
        elif kind.endswith(".ini"):
            lines = ["[server]", f"host = {self.ip()}", f"port = {r.randrange(1024, 65535)}", "[auth]",
                     "password_min_length = 12", f"session_key_file = /etc/{r.choice(WORDS)}/key.pem"]
        elif kind.endswith(".json"):
            lines = json.dumps({"name": r.choice(WORDS), "version": "1.0.0", "id": self.uuid(),
                                "scripts": {"build": "tsc", "test": "jest"}}, indent=2).split("\n")
        else:
            lines = [f"APP_NAME={r.choice(WORDS)}", f"APP_ENV={r.choice(('production', 'staging'))}",
                     f"PORT={r.randrange(3000, 9000)}", f"REQUEST_ID_SEED={self.uuid()}",
                     "LOG_LEVEL=info", "# password comes from the vault", "DB_PASSWORD_FILE=/run/secrets/db"]
        if plant and r.random() < 0.15:
            style = "json" if kind.endswith(".json") else "env"
            if style == "json":  # keep the file valid-looking: plant as a one-line JSON object member
                lines = self.plant(lines, "env", path, 10**9)
            else:
                lines = self.plant(lines, style, path, 10**9)
        return "\n".join(lines) + "\n"

    def binary(self, size):
        return self.r.randbytes(size)


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().rstrip("B")
    return int(float(text[:-1]) * units[text[-1]]) if text[-1] in units else int(text)


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def generate_files(c, root, size):
    # (directory, builder, share of the bytes, typical file size)
    kinds = [("logs/app", c.app_log, 0.22, 4 << 20, ".log"), ("logs/access", c.access_log, 0.10, 4 << 20, ".log"),
             ("har/session", c.har, 0.10, 2 << 20, ".har"), ("exports/export", c.export, 0.10, 1 << 20, ".json"),
             ("data/table", c.csv, 0.08, 2 << 20, ".csv"), ("lockfiles/package-lock", c.lockfile, 0.07, 1 << 20, ".json"),
             ("web/bundle", c.bundle, 0.10, 2 << 20, ".min.js"), ("src/module", c.source, 0.12, 256 << 10, ".py")]
    written = 0
    for directory, build, share, typical, ext in kinds:
        budget, n = int(size * share), 0
        while budget > 0:
            part = min(budget, int(typical * (0.5 + c.r.random())))
            rel = f"{directory}-{n:04d}{ext}"
            data = build(rel, part)
            write(os.path.join(root, rel), data)
            budget -= len(data)
            written += len(data)
            n += 1
    # Many small config and dot files (4%), binaries (3%).
    budget, n = int(size * 0.04), 0
    names = [".env", "config.yml", "app.ini", "package.json", ".env.production"]
    while budget > 0:
        rel = f"config/svc-{n // len(names):04d}/{names[n % len(names)]}"
        data = c.config(rel)
        write(os.path.join(root, rel), data)
        budget -= len(data)
        written += len(data)
        n += 1
    budget, n = int(size * 0.03), 0
    while budget > 0:
        part = min(budget, 512 << 10)
        write(os.path.join(root, f"assets/blob-{n:04d}.bin"), c.binary(part))
        budget -= part
        written += part
        n += 1
    return written


def generate_repo(c, repo, files, commits):
    """A git repository built with fast-import: `files` small files at HEAD, `commits` commits each
    changing a few files; about one commit in 50 adds a credential that a later commit removes."""
    if os.path.exists(repo):
        shutil.rmtree(repo)
    subprocess.run(["git", "init", "-q", "-b", "main", repo], check=True)
    out, mark = [], 0
    contents = {}
    def blob(text):
        nonlocal mark
        mark += 1
        data = text.encode()
        out.append(b"blob\nmark :%d\ndata %d\n%s\n" % (mark, len(data), data))
        return mark
    paths = [f"src/pkg{i // 100:03d}/file{i:05d}.py" if i % 4 else f"config/svc{i // 100:03d}/settings{i:05d}.yml"
             for i in range(files)]
    labels, pending_removal = [], []
    per_commit = max(1, files // max(1, commits // 2))
    for k in range(commits):
        if k == 0:
            changed = paths
        elif k < commits // 2:
            changed = paths[(k - 1) * per_commit % files:][:per_commit]
        else:
            changed = [paths[c.r.randrange(files)] for _ in range(3)]
        ops = []
        for p in changed:
            # Bodies without credentials: the repository's only ones are planted below.
            body = c.source(p, 600, plant=False) if p.endswith(".py") else c.config(p, plant=False)
            contents[p] = body
            ops.append((p, body))
        if k and k % 50 == 0:
            p = paths[c.r.randrange(files)]
            kind, value, line, peers = c.credential("env")
            contents[p] = contents[p] + line + "\n"
            ops.append((p, contents[p]))
            labels.append({"file": p, "commit": k, "kind": kind, "value": value, "peers": peers, "removed": False})
            pending_removal.append((k + 25, p, line, labels[-1]))
        for due, p, line, label in [x for x in pending_removal if x[0] == k]:
            contents[p] = contents[p].replace(line + "\n", "")
            ops.append((p, contents[p]))
            label["removed"] = True
        pending_removal = [x for x in pending_removal if x[0] != k]
        marks = [(p, blob(body)) for p, body in ops]
        when = 1767225600 + k * 3600
        msg = f"change {k}: update {len(ops)} files".encode()
        out.append(b"commit refs/heads/main\ncommitter Bench <bench@example.com> %d +0000\ndata %d\n%s\n" % (when, len(msg), msg))
        for p, m in marks:
            out.append(b"M 100644 :%d %s\n" % (m, p.encode()))
        out.append(b"\n")
    subprocess.run(["git", "-C", repo, "fast-import", "--quiet"], input=b"".join(out), check=True)
    subprocess.run(["git", "-C", repo, "checkout", "-q", "main"], check=True)
    return labels


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--size", default="300M")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--repo-files", type=int, default=0)
    ap.add_argument("--repo-commits", type=int, default=0)
    ap.add_argument("--huge-line", default=None, help="size of one single-line minified bundle")
    ap.add_argument("--huge-log", default=None, help="size of one application log")
    a = ap.parse_args()
    c = Corpus(a.seed)
    files = os.path.join(a.out, "files")
    if os.path.exists(files):
        shutil.rmtree(files)
    written = generate_files(c, files, parse_size(a.size))
    result = {"seed": a.seed, "bytes": written, "files": c.labels}
    if a.repo_files:
        c.labels = []
        result["repo"] = generate_repo(c, os.path.join(a.out, "repo"), a.repo_files, max(1, a.repo_commits))
    if a.huge_line or a.huge_log:
        huge = os.path.join(a.out, "huge")
        os.makedirs(huge, exist_ok=True)
        c.labels = []
        if a.huge_line:
            size = parse_size(a.huge_line)
            with open(os.path.join(huge, "bundle.min.js"), "w") as f:
                chunk = 8 << 20
                for _ in range(0, size, chunk):
                    f.write(c.minified(min(chunk, size), plant_path="huge/bundle.min.js"))
        if a.huge_log:
            size = parse_size(a.huge_log)
            with open(os.path.join(huge, "app.log"), "w") as f:
                chunk, lines = 8 << 20, 0
                for _ in range(0, size, chunk):
                    first = len(c.labels)
                    text = c.app_log("huge/app.log", min(chunk, size))
                    for label in c.labels[first:]:
                        label["line"] += lines
                    lines += text.count("\n")
                    f.write(text)
        result["huge"] = c.labels
    with open(os.path.join(a.out, "labels.json"), "w") as f:
        json.dump(result, f, indent=1)
    print(f"{written} bytes, {len(result['files'])} planted credentials in {files}", file=sys.stderr)


if __name__ == "__main__":
    main()
