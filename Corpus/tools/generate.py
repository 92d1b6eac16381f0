#!/usr/bin/env python3
"""Generates the labelled TokenAudit corpus (Corpus/) and Corpus/labels.json.

Every credential in the corpus is produced here from a seeded random generator with the
documented shape of its provider; none is real. Builders write file text with inline markers:

  F(rule, value)   the value is an expected finding of `rule`, labelled on the line where the
                   value (or its encoded form) starts
  N(why)           the line is a hard negative: no rule may report anything on it
  `  ⟦neg: why⟧`   the same as N(why), written at the end of a template line

The markers are stripped before a file is written, so labels always agree with the text.
Run from anywhere: python3 Corpus/tools/generate.py  (rewrites Corpus/ except README.md and tools/).
"""
import base64
import gzip
import io
import json
import os
import random
import re
import shutil
import struct
import sys
import urllib.parse
import uuid
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
R = random.Random(0x5172706F)  # "Srpo"

DOC_TOKEN = "d3f269a9-932e-eeb0-05e7-14fdff8696b2"
DOC_SECRET = "us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d"

# ---------------------------------------------------------------------------------------------
# Markers
_FS, _FM, _FE, _NS, _NE = "\ue000", "\ue001", "\ue002", "\ue003", "\ue004"

SIRPORTLY_RULES = {"sirportly-token", "sirportly-secret", "sirportly-application-token"}
HEX = "0123456789abcdef"
LOWER = "abcdefghijklmnopqrstuvwxyz"
UPPER = LOWER.upper()
DIGITS = "0123456789"
ALNUM = LOWER + UPPER + DIGITS
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"


def jdumps(obj, **kw):
    """json.dumps that keeps the marker characters (ensure_ascii=False)."""
    kw.setdefault("ensure_ascii", False)
    return json.dumps(obj, **kw)


def F(rule, value, encoded=False):
    """Marks `value` as an expected finding of `rule` (on the line where it starts)."""
    if not encoded:
        if rule in ("sirportly-token", "sirportly-application-token"):
            assert len(value) == 36 and all(c in HEX + "-" for c in value), value
            assert value != DOC_TOKEN
        if rule == "sirportly-secret":
            assert len(value) == 50 and value.isalnum() and value.isascii(), value
            assert value != DOC_SECRET
    return f"{_FS}{rule}{_FM}{value}{_FE}"


def L(rule):
    """Marks the line it is on as an expected finding of `rule` with no literal value (code that
    persists a password held in a variable)."""
    return F(rule, "")


def N(why):
    """Marks the line it is on as a hard negative."""
    return f"{_NS}{why}{_NE}"


# ---------------------------------------------------------------------------------------------
# Value generators (shapes as documented by each provider)

def rs(n, alphabet):
    return "".join(R.choice(alphabet) for _ in range(n))


def hexs(n):
    return rs(n, HEX)


def sp_token():
    """A Sirportly API or application token: 36 chars of 0-9, a-f and '-' in 8-4-4-4-12 groups."""
    h = hexs(32)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def sp_secret():
    """A Sirportly API secret: 50 ASCII letters and digits (mostly lower case, like the example)."""
    while True:
        s = rs(50, LOWER + DIGITS) if R.random() < 0.75 else rs(50, ALNUM)
        if any(c.isdigit() for c in s) and any(c.isalpha() for c in s):
            return s


def uuid4():
    return str(uuid.UUID(int=R.getrandbits(128), version=4))


def uuid1():
    return str(uuid.UUID(int=R.getrandbits(128), version=1))


def uuid7():
    return str(uuid.UUID(int=R.getrandbits(128), version=7)) if sys.version_info >= (3, 14) else _uuid7()


def _uuid7():
    n = R.getrandbits(128)
    n &= ~(0xF000 << 64)
    n |= 0x7000 << 64
    n &= ~(0xC000 << 48)
    n |= 0x8000 << 48
    return str(uuid.UUID(int=n))


WORDS = ("maple harbor copper lantern orbit walrus kettle falcon meadow cobalt ember quartz "
         "tundra saffron glacier pepper violet summit cactus badger willow ripple thunder "
         "marble canyon hazel juniper nectar pixel rocket velvet zephyr").split()


def password():
    """A plausible human-chosen password (never a placeholder), safe in URLs and quotes."""
    style = R.randrange(4)
    if style == 0:
        return R.choice(WORDS).capitalize() + R.choice("!#%*") + R.choice(WORDS).capitalize() + str(R.randrange(10, 9999))
    if style == 1:
        return rs(R.randrange(14, 21), ALNUM + "!#%*-_")
    if style == 2:
        return "-".join(R.choice(WORDS) for _ in range(3)) + "-" + str(R.randrange(10, 99))
    return R.choice(WORDS).capitalize() + str(R.randrange(1970, 2027)) + R.choice("!#.*")


def aws_key_id():
    return "AKIA" + rs(16, UPPER + "234567")


def aws_secret():
    return rs(40, ALNUM + "+/")


def ghp():
    return "ghp_" + rs(36, ALNUM)


def gho():
    return "gho_" + rs(36, ALNUM)


def ghs():
    return "ghs_" + rs(36, ALNUM)


def github_pat():
    return "github_pat_11" + rs(20, UPPER + DIGITS) + "_" + rs(59, ALNUM)


def glpat():
    return "glpat-" + rs(20, ALNUM + "-_")


def slack_bot():
    return f"xoxb-{R.randrange(10**10, 10**12)}-{R.randrange(10**12, 10**13)}-{rs(24, ALNUM)}"


def slack_user():
    return f"xoxp-{R.randrange(10**10, 10**12)}-{R.randrange(10**10, 10**12)}-{R.randrange(10**12, 10**13)}-{hexs(32)}"


def slack_webhook():
    return f"https://hooks.slack.com/services/T{rs(8, UPPER + DIGITS)}/B{rs(10, UPPER + DIGITS)}/{rs(24, ALNUM)}"


def stripe_live():
    return "sk_live_" + rs(24, ALNUM) if R.random() < 0.5 else "sk_live_51" + rs(97, ALNUM)


def stripe_restricted():
    return "rk_live_51" + rs(97, ALNUM)


def google_api_key():
    return "AIza" + "Sy" + rs(33, ALNUM + "-_")


def sendgrid():
    return "SG." + rs(22, B64URL) + "." + rs(43, B64URL)


def mailgun():
    return "key-" + hexs(32)


def twilio_sk():
    return "SK" + hexs(32)


def npm_token():
    return "npm_" + rs(36, ALNUM)


def pypi_token():
    return "pypi-AgEIcHlwaS5vcmc" + rs(R.randrange(140, 180), B64URL)


def rubygems_key():
    return "rubygems_" + hexs(48)


def dckr_pat():
    return "dckr_pat_" + rs(27, B64URL)


def openai_key():
    return "sk-proj-" + rs(74, B64URL) + "T3BlbkFJ" + rs(74, B64URL)


def anthropic_key():
    return "sk-ant-api03-" + rs(93, B64URL) + "AA"


def hf_token():
    return "hf_" + rs(34, LOWER + UPPER)


def dop():
    return "dop_v1_" + hexs(64)


def databricks():
    return "dapi" + hexs(32)


def telegram():
    return f"{R.randrange(10**8, 10**10)}:AA{rs(33, B64URL)}"


def discord_webhook():
    return f"https://discord.com/api/webhooks/{R.randrange(10**17, 10**18)}/{rs(68, B64URL)}"


def nrak():
    return "NRAK-" + rs(27, UPPER + DIGITS)


def vault_token():
    return "hvs.CAESI" + rs(86, B64URL)


def tfc_token():
    return rs(14, ALNUM) + ".atlasv1." + rs(67, ALNUM)


def postman():
    return f"PMAK-{hexs(24)}-{hexs(34)}"


def shpat():
    return "shpat_" + hexs(32)


def sentry_user():
    return "sntryu_" + hexs(64)


def linear():
    return "lin_api_" + rs(40, ALNUM)


def doppler():
    return "dp.st.prd." + rs(43, ALNUM)


def age_key():
    return "AGE-SECRET-KEY-1" + rs(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")


def atlassian():
    return "ATATT3xFfGF0" + rs(171, B64URL) + "=" + rs(8, UPPER + DIGITS)


def grafana_sa():
    return "glsa_" + rs(32, ALNUM) + "_" + hexs(8)


def supabase():
    return "sbp_" + hexs(40)


def azure_account_key():
    return base64.b64encode(R.randbytes(64)).decode()


def azure_sig():
    return urllib.parse.quote(base64.b64encode(R.randbytes(32)).decode(), safe="")


def b64url(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def jwt(claims=None):
    header = {"alg": "HS256", "typ": "JWT"}
    claims = claims or {"sub": str(R.randrange(1000, 99999)), "name": "Dana Whitfield", "iat": 1764370000 + R.randrange(10**6)}
    return (b64url(jdumps(header, separators=(",", ":")).encode()) + "." +
            b64url(jdumps(claims, separators=(",", ":")).encode()) + "." + b64url(R.randbytes(32)))


def pem_body(nbytes):
    b = base64.b64encode(R.randbytes(nbytes)).decode()
    return "\n".join(b[i:i + 64] for i in range(0, len(b), 64))


def rsa_private_key():
    return "-----BEGIN RSA PRIVATE KEY-----\n" + pem_body(1190) + "\n-----END RSA PRIVATE KEY-----"


def ec_private_key():
    return "-----BEGIN EC PRIVATE KEY-----\n" + pem_body(121) + "\n-----END EC PRIVATE KEY-----"


def openssh_private_key():
    body = base64.b64encode(b"openssh-key-v1\x00" + R.randbytes(384)).decode()
    body = "\n".join(body[i:i + 70] for i in range(0, len(body), 70))
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----"


def pkcs8_private_key():
    return "-----BEGIN PRIVATE KEY-----\n" + pem_body(1218) + "\n-----END PRIVATE KEY-----"


# Password hashes (reported by hashed-password, a low-severity class of its own)

def bcrypt_hash():
    return "$2b$12$" + rs(53, ALNUM + "./")


def argon2_hash():
    return f"$argon2id$v=19$m=65536,t=3,p=4${b64url(R.randbytes(16))}${b64url(R.randbytes(32))}"


def ssha_hash():
    return "{SSHA}" + base64.b64encode(R.randbytes(24)).decode()


def sha1_hex():
    return hexs(40)


def sha256_hex():
    return hexs(64)


def b64_blob_with_50_run(total=120):
    """A base64 blob containing a maximal run of exactly 50 letters and digits (bounded by '+' and '/')."""
    start = R.randrange(5, total - 60)
    chars = [R.choice(B64) for _ in range(total)]
    chars[start - 1] = "+"
    for i in range(start, start + 50):
        chars[i] = R.choice(ALNUM)
    chars[start + 50] = "/"
    return "".join(chars)


def sha512_integrity():
    """An npm integrity value (sha512, 88 base64 chars) holding a 50-char alphanumeric run."""
    chars = [R.choice(B64) for _ in range(86)]
    start = R.randrange(2, 30)
    chars[start - 1] = "/"
    for i in range(start, start + 50):
        chars[i] = R.choice(ALNUM)
    chars[start + 50] = "+"
    return "sha512-" + "".join(chars) + "=="


def sha512_plain():
    return "sha512-" + base64.b64encode(R.randbytes(64)).decode()


def ip():
    return f"10.{R.randrange(0, 255)}.{R.randrange(0, 255)}.{R.randrange(1, 254)}"


def public_ip():
    return f"{R.choice([81, 86, 92, 145, 185, 203])}.{R.randrange(0, 255)}.{R.randrange(0, 255)}.{R.randrange(1, 254)}"


def ticket_ref():
    return f"{rs(2, UPPER)}-{R.randrange(100000, 999999)}"


# ---------------------------------------------------------------------------------------------
# File registry

FILES = {}   # relative path -> bytes
LABELS = {"findings": [], "negatives": []}

_MARK = re.compile(f"{_FS}([^{_FM}]*){_FM}|{_FE}|{_NS}([^{_NE}]*){_NE}")
_NEG_SUFFIX = re.compile(r"[ \t]*⟦neg: (.*?)⟧")


def process(text):
    """Strips markers; returns (plain text, [(line, rule)], [(line, why)])."""
    text = _NEG_SUFFIX.sub(lambda m: N(m.group(1)), text)
    out, findings, negatives = [], [], []
    line, pos = 1, 0
    for m in _MARK.finditer(text):
        chunk = text[pos:m.start()]
        out.append(chunk)
        line += chunk.count("\n")
        pos = m.end()
        if m.group(1) is not None:
            findings.append((line, m.group(1)))
        elif m.group(2) is not None:
            negatives.append((line, m.group(2)))
    out.append(text[pos:])
    plain = "".join(out)
    assert "@@" not in plain, "unfilled placeholder"
    assert "⟦" not in plain
    assert "\\ue00" not in plain, "a marker was escaped by an encoder"
    return plain, findings, negatives


def emit(path, text, gz=False):
    assert path not in FILES, path
    plain, findings, negatives = process(text)
    flines = {l for l, _ in findings}
    seen_neg = set()
    for l, why in negatives:
        assert l not in flines, f"{path}:{l} is both a finding and a hard negative"
        if l in seen_neg:
            continue
        seen_neg.add(l)
        LABELS["negatives"].append({"file": path, "line": l, "why": why})
    for l, rule in findings:
        LABELS["findings"].append({"file": path, "line": l, "rule": rule})
    lines = plain.split("\n")
    for l in flines:
        assert DOC_TOKEN not in lines[l - 1] and DOC_SECRET not in lines[l - 1], f"{path}:{l} documentation example on a finding line"
    data = plain.encode("utf-8")
    if gz:
        buf = io.BytesIO()
        with gzip.GzipFile(filename=os.path.basename(path)[:-3], mode="wb", fileobj=buf, mtime=1764288000) as g:
            g.write(data)
        data = buf.getvalue()
    FILES[path] = data


def emit_binary(path, data):
    assert path not in FILES
    assert b"\x00" in data
    FILES[path] = data


def fill(template, **vals):
    for k, v in vals.items():
        template = template.replace(f"@@{k}@@", str(v))
    return template


# ---------------------------------------------------------------------------------------------
# Shared fixtures: a few Sirportly accounts and users that recur across files, like in real life.

class Account:
    def __init__(self):
        self.token = sp_token()
        self.secret = sp_secret()


ACCOUNTS = [Account() for _ in range(6)]
APP_TOKENS = [sp_token() for _ in range(3)]
USERS = ["dana.whitfield", "m.okafor", "ljensen", "priya.n", "tom.becker", "support-bot", "a.moreau", "kwame.asante"]
UA = ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
      "sirportly-ruby/1.4.0 (ruby 3.3.5)", "python-requests/2.32.3", "okhttp/4.12.0", "HelpdeskMobile/3.8.1 CFNetwork/1496.0.7 Darwin/23.5.0",
      "curl/8.5.0", "Go-http-client/2.0"]


class Clock:
    def __init__(self, start=1764370000):
        self.t = start + 362 * 86400  # late November 2026

    def tick(self, lo=0, hi=9):
        self.t += R.randrange(lo, hi + 1)
        return self.t

    def iso(self):
        import datetime
        ms = R.randrange(1000)
        return datetime.datetime.fromtimestamp(self.tick(), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") + f".{ms:03d}Z"

    def clf(self):
        import datetime
        return datetime.datetime.fromtimestamp(self.tick(), datetime.timezone.utc).strftime("%d/%b/%Y:%H:%M:%S +0000")

    def nginx_err(self):
        import datetime
        return datetime.datetime.fromtimestamp(self.tick(), datetime.timezone.utc).strftime("%Y/%m/%d %H:%M:%S")

    def apache_err(self):
        import datetime
        d = datetime.datetime.fromtimestamp(self.tick(), datetime.timezone.utc)
        return d.strftime("%a %b %d %H:%M:%S.") + f"{R.randrange(10**6):06d}" + d.strftime(" %Y")

    def rails(self):
        import datetime
        return datetime.datetime.fromtimestamp(self.tick(), datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S +0000")

    def plain(self):
        import datetime
        return datetime.datetime.fromtimestamp(self.tick(), datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S") + f",{R.randrange(1000):03d}"

    def syslog(self):
        import datetime
        return datetime.datetime.fromtimestamp(self.tick(), datetime.timezone.utc).strftime("%b %d %H:%M:%S")


API_PATHS = ["/api/v2/tickets/all?page=%d" % p for p in range(1, 5)] + [
    "/api/v2/tickets/ticket?ticket=%s", "/api/v2/tickets/update", "/api/v2/tickets/post_update",
    "/api/v2/objects/statuses", "/api/v2/objects/priorities", "/api/v2/objects/departments",
    "/api/v2/contacts/contact?contact=%d", "/api/v2/tickets/submit", "/api/v2/knowledge/page?kb=2&path=billing"]


def api_path():
    p = R.choice(API_PATHS)
    if "%s" in p:
        return p % ticket_ref()
    if "%d" in p:
        return p % R.randrange(1000, 90000)
    return p


# ---------------------------------------------------------------------------------------------
# Logs

def build_nginx_access():
    c = Clock()
    out = []
    for i in range(70):
        rid = hexs(32)
        xr = uuid4()
        status = R.choice([200, 200, 200, 200, 201, 204, 304, 404, 422, 502])
        ua = R.choice(UA)
        line = None
        if i in (11, 47):
            a = R.choice(ACCOUNTS)
            line = (f'{public_ip()} - - [{c.clf()}] "GET /api/v2/tickets/all?auth_token={F("sirportly-token", a.token)}&auth_secret={F("sirportly-secret", a.secret)}&page=1 HTTP/1.1" '
                    f'200 18312 "-" "{ua}" rt=0.231 req_id={rid} x_request_id="{xr}"')
        elif i == 29:
            u = R.choice(USERS)
            line = (f'{public_ip()} - - [{c.clf()}] "POST /api/v2/users/authenticate?username={u}&password={F("password-in-log", urllib.parse.quote(password(), safe=""))} HTTP/1.1" '
                    f'200 512 "-" "HelpdeskMobile/3.8.1 CFNetwork/1496.0.7 Darwin/23.5.0" rt=0.088 req_id={rid} x_request_id="{xr}"')
        elif i == 58:
            line = (f'{public_ip()} - - [{c.clf()}] "GET /webhooks/stripe?key={F("stripe-restricted-key", stripe_restricted())} HTTP/1.1" '
                    f'401 0 "-" "Stripe/1.0 (+https://stripe.com/docs/webhooks)" rt=0.004 req_id={rid} x_request_id="{xr}"')
        elif i in (5, 36):
            line = (f'{public_ip()} - - [{c.clf()}] "GET /api/v2/tickets/all?auth_token=[FILTERED]&auth_secret=[FILTERED] HTTP/1.1" '
                    f'200 9921 "-" "{ua}" rt=0.120 req_id={rid} x_request_id="{xr}"' + N("credentials masked by the proxy; request id and 32-hex nginx $request_id"))
        else:
            path = api_path() if R.random() < 0.7 else R.choice(["/", "/login", "/assets/application-%s.css" % hexs(64), "/tickets/%s" % ticket_ref(), "/healthz"])
            method = "POST" if "update" in path or "submit" in path else "GET"
            line = (f'{ip() if R.random() < 0.5 else public_ip()} - - [{c.clf()}] "{method} {path} HTTP/1.1" {status} {R.randrange(0, 40000)} "-" "{ua}" '
                    f'rt={R.random():.3f} req_id={rid} x_request_id="{xr}"' + N("request ids only (32-hex $request_id and UUIDv4 X-Request-ID)"))
        out.append(line)
    emit("logs/nginx/helpdesk.access.log", "\n".join(out) + "\n")


def build_nginx_error():
    c = Clock(1764380000)
    out = []
    for i in range(30):
        pid = R.randrange(1000, 4000)
        conn = R.randrange(10000, 900000)
        if i == 7:
            a = R.choice(ACCOUNTS)
            out.append(f'{c.nginx_err()} [error] {pid}#{pid}: *{conn} upstream timed out (110: Connection timed out) while reading response header from upstream, '
                       f'client: {public_ip()}, server: helpdesk.example.com, request: "GET /api/v2/tickets/all?auth_token={F("sirportly-token", a.token)}&auth_secret={F("sirportly-secret", a.secret)} HTTP/1.1", '
                       f'upstream: "http://10.0.1.12:8080/api/v2/tickets/all", host: "helpdesk.example.com"')
        elif i == 19:
            out.append(f'{c.nginx_err()} [warn] {pid}#{pid}: *{conn} a client request body is buffered to a temporary file /var/cache/nginx/client_temp/0000000{R.randrange(10, 99)}, '
                       f'client: {public_ip()}, server: helpdesk.example.com, request: "POST /api/v2/tickets/post_update HTTP/1.1", host: "helpdesk.example.com", '
                       f'referrer: "https://helpdesk.example.com/tickets/{ticket_ref()}?session={uuid4()}"' + N("session UUID in a referrer, no credential"))
        elif i == 24:
            pw = password()
            out.append(f'{c.nginx_err()} [error] {pid}#{pid}: *{conn} FastCGI sent in stderr: "PHP message: PDOException: SQLSTATE[HY000] [1045] Access denied for user \'helpdesk\'@\'10.0.2.7\' '
                       f'(using password: YES) in /var/www/portal/vendor/db.php:41 DSN mysql://helpdesk:{F("password-in-url", pw)}@10.0.2.7:3306/portal" while reading response header from upstream, '
                       f'client: {public_ip()}, server: portal.example.com, request: "GET /portal/login HTTP/1.1"')
        else:
            kind = R.randrange(3)
            if kind == 0:
                out.append(f'{c.nginx_err()} [error] {pid}#{pid}: *{conn} connect() failed (111: Connection refused) while connecting to upstream, client: {ip()}, '
                           f'server: helpdesk.example.com, request: "GET {api_path()} HTTP/1.1", upstream: "http://10.0.1.{R.randrange(10, 30)}:8080", host: "helpdesk.example.com", '
                           f'request_id: "{hexs(32)}"' + N("32-hex nginx request id"))
            elif kind == 1:
                out.append(f'{c.nginx_err()} [warn] {pid}#{pid}: *{conn} upstream server temporarily disabled while reading response header from upstream, client: {ip()}, '
                           f'server: helpdesk.example.com, request: "GET /api/v2/tickets/ticket?ticket={ticket_ref()}&trace={uuid4()} HTTP/1.1"' + N("ticket reference and trace UUID in a Sirportly API path"))
            else:
                out.append(f'{c.nginx_err()} [info] {pid}#{pid}: *{conn} client {public_ip()} closed keepalive connection (session {uuid1()})' + N("UUIDv1 session id"))
    emit("logs/nginx/error.log", "\n".join(out) + "\n")


def build_nginx_urlencoded():
    """Proxy log where redirect targets carry credentials URL-encoded."""
    c = Clock(1764390000)
    out = []
    for i in range(40):
        rid = uuid4()
        if i in (6, 22, 33):
            a = R.choice(ACCOUNTS)
            target = f"https://api.sirportly.com/api/v2/tickets/all?auth_token={a.token}&auth_secret={a.secret}"
            enc = urllib.parse.quote(target, safe="")
            # the token and secret survive URL-encoding unchanged (hex, '-' and alphanumerics), but the
            # key names around them are encoded: ...auth_token%3D<token>%26auth_secret%3D<secret>
            enc = enc.replace(a.token, F("sirportly-token", a.token)).replace(a.secret, F("sirportly-secret", a.secret))
            out.append(f'{public_ip()} - - [{c.clf()}] "GET /out?to={enc} HTTP/2.0" 302 0 "https://helpdesk.example.com/reports" "{R.choice(UA)}" "{rid}"')
        elif i == 15:
            pw = password()
            body = urllib.parse.quote(f"username=priya.n&password={pw}", safe="")
            body = body.replace(urllib.parse.quote(pw, safe=""), F("password-in-log", urllib.parse.quote(pw, safe="")))
            out.append(f'{public_ip()} - - [{c.clf()}] "GET /sso/continue?state={body} HTTP/2.0" 302 0 "-" "{R.choice(UA)}" "{rid}"')
        elif i == 27:
            app = R.choice(APP_TOKENS)
            enc = "X-Auth-Application%3A%20" + F("sirportly-application-token", app)
            out.append(f'{public_ip()} - - [{c.clf()}] "GET /debug/replay?h={enc} HTTP/2.0" 403 0 "-" "{R.choice(UA)}" "{rid}"')
        else:
            q = urllib.parse.quote(f"https://helpdesk.example.com/tickets/{ticket_ref()}?ref={uuid4()}", safe="")
            out.append(f'{public_ip()} - - [{c.clf()}] "GET /out?to={q} HTTP/2.0" 302 0 "-" "{R.choice(UA)}" "{rid}"' + N("URL-encoded link with a UUID reference and request id, no credential"))
    emit("logs/nginx/redirector.access.log", "\n".join(out) + "\n")


def build_apache_access():
    c = Clock(1764400000)
    out = []
    for i in range(50):
        uid = rs(27, ALNUM + "@-")  # mod_unique_id
        if i == 9:
            u, pw = "deploy", password()
            out.append(f'{public_ip()} - {u} [{c.clf()}] "GET https://{u}:{F("password-in-url", pw)}@intranet.example.com/status HTTP/1.1" 200 341 "-" "Wget/1.21.4" {uid}')
        elif i == 31:
            a = R.choice(ACCOUNTS)
            out.append(f'{public_ip()} - - [{c.clf()}] "GET /cgi-bin/sync.pl?sirportly_token={F("sirportly-token", a.token)} HTTP/1.1" 500 622 "-" "curl/8.5.0" {uid}')
        elif i == 40:
            out.append(f'{public_ip()} - - [{c.clf()}] "GET /maps/embed?key={F("google-api-key", google_api_key())}&q=Leeds HTTP/1.1" 200 9234 "https://www.example.com/contact" "{R.choice(UA)}" {uid}')
        else:
            path = R.choice([f"/tickets/{ticket_ref()}", f"/kb/{uuid4()}", "/wp-login.php", f"/downloads/invoice-{uuid4().upper()}.pdf",
                             f"/api/v2/tickets/ticket?ticket={ticket_ref()}", "/favicon.ico", f"/static/app.{hexs(20)}.js"])
            out.append(f'{public_ip()} - - [{c.clf()}] "GET {path} HTTP/1.1" {R.choice([200, 200, 301, 404])} {R.randrange(200, 30000)} "-" "{R.choice(UA)}" {uid}'
                       + N("object ids, hashed asset names and mod_unique_id"))
    emit("logs/apache/access_log", "\n".join(out) + "\n")


def build_apache_error():
    c = Clock(1764410000)
    out = []
    for i in range(24):
        pid = R.randrange(1000, 30000)
        if i == 4:
            a = R.choice(ACCOUNTS)
            out.append(f'[{c.apache_err()}] [php:error] [pid {pid}] [client {public_ip()}:{R.randrange(30000, 65000)}] PHP Fatal error:  Uncaught Sirportly\\Exception\\AccessDenied: '
                       f'403 for X-Auth-Token {F("sirportly-token", a.token)} in /var/www/portal/vendor/sirportly/src/Client.php:88')
        elif i == 5:
            out.append(f'[{c.apache_err()}] [php:error] [pid {pid}] [client {public_ip()}:{R.randrange(30000, 65000)}] PHP Stack trace: #0 /var/www/portal/app/Helpdesk.php(31): '
                       f"Sirportly\\\\Client->__construct('{F('sirportly-token', ACCOUNTS[2].token)}', '{F('sirportly-secret', ACCOUNTS[2].secret)}')")
        elif i == 13:
            out.append(f'[{c.apache_err()}] [auth_basic:error] [pid {pid}] [client {public_ip()}:{R.randrange(30000, 65000)}] AH01617: user admin: authentication failure for "/admin": Password Mismatch'
                       + N("mentions a password mismatch, no value"))
        elif i == 17:
            out.append(f'[{c.apache_err()}] [ssl:warn] [pid {pid}] AH01909: helpdesk.example.com:443:0 server certificate does NOT include an ID which matches the server name; '
                       f'serial {hexs(40).upper()}' + N("certificate serial (40 hex)"))
        else:
            out.append(f'[{c.apache_err()}] [proxy:error] [pid {pid}] (70007)The timeout specified has expired: [client {ip()}:{R.randrange(30000, 65000)}] AH01102: error reading status line from remote server '
                       f'api.sirportly.com:443, referer: https://portal.example.com/tickets/{ticket_ref()} unique_id={uuid4()}' + N("Sirportly host and ticket ref with a UUID, no credential"))
    emit("logs/apache/error_log", "\n".join(out) + "\n")


def build_app_jsonl():
    c = Clock(1764420000)
    out = []
    for i in range(80):
        rid, trace = uuid4(), hexs(32)
        base = {"ts": c.iso(), "level": "info", "service": "helpdesk-sync", "request_id": rid, "trace_id": trace, "span_id": hexs(16)}
        if i in (3, 41, 66):
            a = R.choice(ACCOUNTS)
            base.update(level="debug", msg="sirportly request", method="GET", url="https://api.sirportly.com" + api_path(),
                        headers={"X-Auth-Token": F("sirportly-token", a.token), "X-Auth-Secret": F("sirportly-secret", a.secret), "Accept": "application/json"})
        elif i in (12, 54):
            base.update(level="debug", msg="sirportly request", method="GET", url="https://api.sirportly.com" + api_path(),
                        headers={"X-Auth-Token": "[FILTERED]", "X-Auth-Secret": "[FILTERED]", "Accept": "application/json"})
            out.append(jdumps(base, ensure_ascii=False) + N("headers filtered; only request/trace/span ids remain"))
            continue
        elif i == 20:
            base.update(level="warn", msg="sirportly user login failed", params={"username": "m.okafor", "password": F("password-in-log", password())}, status=401)
        elif i == 21:
            base.update(level="info", msg="sirportly user login", params={"username": "m.okafor", "password": "***"}, status=200)
            out.append(jdumps(base, ensure_ascii=False) + N("password masked as ***"))
            continue
        elif i == 33:
            base.update(level="debug", msg="sirportly login response", body={"user": {"id": 4471, "username": "lj"}, "token": F("sirportly-token", ACCOUNTS[4].token),
                                                                             "secret": F("sirportly-secret", ACCOUNTS[4].secret)})
        elif i == 47:
            base.update(level="debug", msg="mobile api call", headers={"x-auth-application": F("sirportly-application-token", APP_TOKENS[0]),
                                                                       "x-auth-token": F("sirportly-token", ACCOUNTS[5].token), "x-auth-secret": F("sirportly-secret", ACCOUNTS[5].secret)})
        elif i == 60:
            base.update(level="error", msg="slack notify failed", webhook=F("slack-webhook-url", slack_webhook()), error="channel_not_found")
        elif i == 72:
            base.update(level="debug", msg="example config loaded", token=DOC_TOKEN, secret=DOC_SECRET, note="values from the Sirportly API documentation")
            out.append(jdumps(base, ensure_ascii=False) + N("Sirportly documentation example token and secret"))
            continue
        else:
            base.update(msg=R.choice(["ticket synced", "status mapped", "contact upserted", "job finished", "webhook received"]),
                        ticket=ticket_ref(), job_id=uuid4(), ticket_uuid=uuid1(), duration_ms=R.randrange(3, 900), db_row=str(uuid.UUID(int=R.getrandbits(128))).upper())
            out.append(jdumps(base, ensure_ascii=False) + N("request/job/trace ids, UUIDv1 and an uppercase row id next to a ticket ref"))
            continue
        out.append(jdumps(base, ensure_ascii=False))
    emit("logs/app/helpdesk-sync.jsonl", "\n".join(out) + "\n")


def build_gateway_jsonl():
    c = Clock(1764430000)
    out = []
    for i in range(50):
        ev = {"time": c.iso(), "upstream": "sirportly", "traceparent": f"00-{hexs(32)}-{hexs(16)}-01", "x_request_id": uuid4(), "status": R.choice([200, 200, 401, 429])}
        if i in (8, 30):
            a = R.choice(ACCOUNTS)
            ev["request_headers"] = {"host": "api.sirportly.com", "x-auth-token": F("sirportly-token", a.token), "x-auth-secret": F("sirportly-secret", a.secret)}
        elif i == 17:
            ev["request_headers"] = {"host": "api.sirportly.com", "authorization": "Basic " + F("password-basic-auth", base64.b64encode(f"support-bot:{password()}".encode()).decode(), encoded=True)}
        elif i == 38:
            ev["request_headers"] = {"host": "api.github.com", "authorization": "token " + F("github-pat-classic", ghp())}
        elif i == 44:
            ev["request_headers"] = {"host": "api.sirportly.com", "x-auth-token": "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", "x-auth-secret": "<secret>"}
            out.append(jdumps(ev, ensure_ascii=False) + N("placeholder header values"))
            continue
        else:
            ev["request_headers"] = {"host": "api.sirportly.com", "x-auth-token": "<redacted:36>", "x-auth-secret": "<redacted:50>", "x-correlation-id": uuid4().upper()}
            out.append(jdumps(ev, ensure_ascii=False) + N("redacted credentials; traceparent and correlation ids"))
            continue
        out.append(jdumps(ev, ensure_ascii=False))
    emit("logs/app/api-gateway.jsonl", "\n".join(out) + "\n")


def build_rails_log(path, gz=False, n=18, start=1764440000):
    c = Clock(start)
    out = []
    for i in range(n):
        rid = uuid4()
        ts = c.rails()
        if i % 6 == 2:
            pw = password()
            out += [f"I, [{ts} #{R.randrange(100, 999)}]  INFO -- : [{rid}] Started POST \"/session\" for {public_ip()} at {ts}",
                    f"I, [{ts} #{R.randrange(100, 999)}]  INFO -- : [{rid}] Processing by SessionsController#create as HTML",
                    f"I, [{ts} #{R.randrange(100, 999)}]  INFO -- : [{rid}]   Parameters: {{\"authenticity_token\"=>\"[FILTERED]\", \"session\"=>{{\"username\"=>\"{R.choice(USERS)}\", "
                    f"\"password\"=>\"{F('password-in-log', pw)}\"}}, \"commit\"=>\"Sign in\"}}",
                    f"I, [{ts} #{R.randrange(100, 999)}]  INFO -- : [{rid}] Redirected to https://helpdesk.example.com/dashboard"]
        elif i % 6 == 4:
            out += [f"I, [{ts} #{R.randrange(100, 999)}]  INFO -- : [{rid}] Started POST \"/session\" for {public_ip()} at {ts}" + N("request id (UUIDv4)"),
                    f"I, [{ts} #{R.randrange(100, 999)}]  INFO -- : [{rid}]   Parameters: {{\"authenticity_token\"=>\"[FILTERED]\", \"session\"=>{{\"username\"=>\"{R.choice(USERS)}\", "
                    f"\"password\"=>\"[FILTERED]\"}}, \"commit\"=>\"Sign in\"}}" + N("password filtered by filter_parameters")]
        elif i % 6 == 5:
            a = R.choice(ACCOUNTS)
            out += [f"D, [{ts} #{R.randrange(100, 999)}] DEBUG -- : [{rid}] Sirportly::Request GET https://api.sirportly.com{api_path()}",
                    f"D, [{ts} #{R.randrange(100, 999)}] DEBUG -- : [{rid}]   X-Auth-Token: {F('sirportly-token', a.token)}",
                    f"D, [{ts} #{R.randrange(100, 999)}] DEBUG -- : [{rid}]   X-Auth-Secret: {F('sirportly-secret', a.secret)}"]
        else:
            tid = R.randrange(1000, 99999)
            out += [f"I, [{ts} #{R.randrange(100, 999)}]  INFO -- : [{rid}] Started GET \"/tickets/{tid}\" for {ip()} at {ts}" + N("request id (UUIDv4)"),
                    f"D, [{ts} #{R.randrange(100, 999)}] DEBUG -- : [{rid}]   Ticket Load (0.4ms)  SELECT \"tickets\".* FROM \"tickets\" WHERE \"tickets\".\"uuid\" = $1 LIMIT $2  [[\"uuid\", \"{uuid4()}\"], [\"LIMIT\", 1]]"
                    + N("database row UUID in an SQL log"),
                    f"I, [{ts} #{R.randrange(100, 999)}]  INFO -- : [{rid}] Completed 200 OK in {R.randrange(5, 400)}ms (Views: 12.1ms | ActiveRecord: 3.2ms | Allocations: {R.randrange(1000, 90000)})"
                    + N("request id (UUIDv4)")]
    emit(path, "\n".join(out) + "\n", gz=gz)


def build_worker_log():
    c = Clock(1764450000)
    out = []
    for i in range(45):
        jid = hexs(24)
        if i == 14:
            a = R.choice(ACCOUNTS)
            out.append(f"{c.iso()} pid={R.randrange(1000, 9999)} tid={rs(5, LOWER + DIGITS)} class=SirportlySyncJob jid={jid} ERROR: Sirportly::Errors::AuthenticationFailed: "
                       f"token={F('sirportly-token', a.token)} secret={F('sirportly-secret', a.secret)} rejected by api.sirportly.com")
        elif i == 26:
            out.append(f"{c.iso()} pid={R.randrange(1000, 9999)} tid={rs(5, LOWER + DIGITS)} class=BackupJob jid={jid} INFO: running mysqldump -h db.internal -u backup "
                       f"-p{F('password-hardcoded', password())} helpdesk_production")
        elif i == 35:
            out.append(f"{c.iso()} pid={R.randrange(1000, 9999)} tid={rs(5, LOWER + DIGITS)} class=NotifyJob jid={jid} WARN: retrying with AWS key "
                       f"{F('aws-access-key-id', aws_key_id())}")
        else:
            cls = R.choice(["SirportlySyncJob", "TicketImportJob", "MailFetchJob", "ReportJob"])
            out.append(f"{c.iso()} pid={R.randrange(1000, 9999)} tid={rs(5, LOWER + DIGITS)} class={cls} jid={jid} batch={uuid4()} ticket={ticket_ref()} "
                       f"elapsed={R.random() * 4:.3f} INFO: {R.choice(['start', 'done', 'enqueued', 'retry 1/5'])}" + N("Sidekiq jid (24 hex) and batch UUID"))
    emit("logs/app/worker.log", "\n".join(out) + "\n")


def build_mobile_backend_log():
    c = Clock(1764460000)
    out = []
    for i in range(40):
        if i in (4, 23):
            out.append(f"{c.plain()} DEBUG [auth] POST /api/v2/users/authenticate body=username={R.choice(USERS)}&password={F('password-in-log', password())} app={F('sirportly-application-token', R.choice(APP_TOKENS))}")
        elif i == 5 or i == 24:
            a = R.choice(ACCOUNTS)
            out.append(f"{c.plain()} DEBUG [auth] login ok, storing credentials token={F('sirportly-token', a.token)} secret={F('sirportly-secret', a.secret)}")
        elif i == 11:
            out.append(f"{c.plain()} INFO  [auth] POST /api/v2/users/authenticate body=username=priya.n&password=******** app=********-****-****-****-************" + N("masked password and application token"))
        elif i == 31:
            out.append(f"{c.plain()} DEBUG [push] registering device token {hexs(64)} for user {uuid4()}" + N("APNs device token (64 hex) and user UUID"))
        else:
            out.append(f"{c.plain()} INFO  [api] {R.choice(['GET', 'POST'])} {api_path()} status={R.choice([200, 200, 304, 401])} device={uuid4().upper()} session={uuid4()} "
                       f"app_version=3.8.{R.randrange(0, 9)}" + N("uppercase device UUID (identifierForVendor) and session UUID"))
    emit("logs/app/mobile-backend.log", "\n".join(out) + "\n")


def build_syslog():
    c = Clock(1764470000)
    out = []
    for i in range(30):
        host = "helpdesk-app-02"
        if i == 6:
            out.append(f"{c.syslog()} {host} CRON[{R.randrange(1000, 40000)}]: (root) CMD (mysqldump -u backup --password={F('password-hardcoded', password())} helpdesk | gzip > /backups/helpdesk.sql.gz)")
        elif i == 18:
            out.append(f"{c.syslog()} {host} sudo[{R.randrange(1000, 40000)}]:   deploy : TTY=pts/0 ; PWD=/srv/app ; USER=root ; COMMAND=/usr/bin/curl -u admin:{F('password-basic-auth', password())} http://localhost:15672/api/overview")
        elif i == 19:
            out.append(f"{c.syslog()} {host} sshd[{R.randrange(1000, 40000)}]: Failed password for invalid user admin from {public_ip()} port {R.randrange(30000, 65000)} ssh2" + N("'Failed password' message, no value"))
        else:
            out.append(f"{c.syslog()} {host} systemd[1]: Started session-{R.randrange(100, 9999)}.scope - Session {R.randrange(100, 9999)} of User deploy (invocation {hexs(32)})."
                       + N("systemd invocation id (32 hex)") if R.random() < 0.5 else
                       f"{c.syslog()} {host} kernel: [{R.randrange(10000, 99999)}.{R.randrange(100000, 999999)}] EXT4-fs (nvme0n1p1): mounted filesystem {uuid4()} r/w with ordered data mode."
                       + N("filesystem UUID"))
    emit("logs/system/syslog", "\n".join(out) + "\n")


def build_php_error_log():
    c = Clock(1764480000)
    a = ACCOUNTS[1]
    text = f"""[{c.nginx_err()}] PHP Warning:  Undefined array key "ticket" in /var/www/portal/public/ticket.php on line 14
[{c.nginx_err()}] PHP Fatal error:  Uncaught GuzzleHttp\\Exception\\ClientException: Client error: `GET https://api.sirportly.com/api/v2/tickets/all` resulted in a `401 Unauthorized` response in /var/www/portal/vendor/guzzlehttp/guzzle/src/Exception/RequestException.php:113
Stack trace:
#0 /var/www/portal/vendor/guzzlehttp/guzzle/src/Middleware.php(72): GuzzleHttp\\Exception\\RequestException::create(Object(GuzzleHttp\\Psr7\\Request), Object(GuzzleHttp\\Psr7\\Response), NULL, Array, NULL)
#1 /var/www/portal/app/Support/SirportlyGateway.php(52): GuzzleHttp\\Client->request('GET', '/api/v2/tickets...', Array)
#2 /var/www/portal/app/Support/SirportlyGateway.php(23): App\\Support\\SirportlyGateway->get('tickets/all')
#3 /var/www/portal/app/Http/Controllers/TicketController.php(40): App\\Support\\SirportlyGateway->__construct('{F('sirportly-token', a.token)}', '{F('sirportly-secret', a.secret)}')
#4 [internal function]: App\\Http\\Controllers\\TicketController->index(Object(Illuminate\\Http\\Request))
#5 {{main}}
  thrown in /var/www/portal/vendor/guzzlehttp/guzzle/src/Exception/RequestException.php on line 113
[{c.nginx_err()}] PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /var/www/portal/app/Db.php:19
Stack trace:
#0 /var/www/portal/app/Db.php(19): PDO->__construct('mysql:host=db;d...', 'portal', '{F('password-hardcoded', password())}')
#1 /var/www/portal/public/index.php(8): App\\Db::connect()
#2 {{main}}
  thrown in /var/www/portal/app/Db.php on line 19
[{c.nginx_err()}] PHP Notice:  session_start(): ps_files_cleanup_dir: opendir(/var/lib/php/sessions) failed: Permission denied (13), session id {rs(26, LOWER + DIGITS)}  ⟦neg: PHP session id⟧
[{c.nginx_err()}] PHP Fatal error:  Uncaught Sirportly\\Exception\\AccessDenied: invalid token 00000000-0000-0000-0000-000000000000 in /var/www/portal/tests/bootstrap.php:9  ⟦neg: nil UUID placeholder⟧
"""
    emit("logs/app/php-error.log", text)
# ---------------------------------------------------------------------------------------------
# HAR files

def har_entry(c, method, url, req_headers, status=200, resp_headers=None, resp_text="", post=None, mime="application/json; charset=utf-8", http="HTTP/1.1"):
    parsed = urllib.parse.urlsplit(url)
    qs = [{"name": k, "value": v} for k, v in urllib.parse.parse_qsl(parsed.query)]
    req = {"method": method, "url": url, "httpVersion": http, "cookies": [],
           "headers": [{"name": k, "value": v} for k, v in req_headers], "queryString": qs, "headersSize": -1, "bodySize": 0}
    if post is not None:
        req["postData"] = post
        req["bodySize"] = len(post.get("text", ""))
    resp_headers = resp_headers or [("content-type", mime), ("x-request-id", uuid4() + N("response request id (UUIDv4)")),
                                    ("etag", f'W/"{hexs(32)}"' + N("ETag (32 hex)"))]
    return {
        "startedDateTime": c.iso(), "time": round(R.random() * 400, 3), "request": req,
        "response": {"status": status, "statusText": {200: "OK", 201: "Created", 401: "Unauthorized", 302: "Found"}.get(status, "OK"),
                     "httpVersion": http, "cookies": [], "headers": [{"name": k, "value": v} for k, v in resp_headers],
                     "content": {"size": len(resp_text), "mimeType": mime, "text": resp_text}, "redirectURL": "", "headersSize": -1,
                     "bodySize": len(resp_text), "_transferSize": len(resp_text) + 310},
        "cache": {}, "timings": {"blocked": 1.2, "dns": -1, "ssl": -1, "connect": -1, "send": 0.1, "wait": round(R.random() * 300, 3), "receive": 0.8},
        "serverIPAddress": "185.45.211.%d" % R.randrange(2, 250), "_priority": "High", "_resourceType": "xhr", "connection": str(R.randrange(1000, 99999)),
        "pageref": "page_1",
    }


def har_doc(entries, creator=("WebInspector", "537.36"), title="https://helpdesk.example.com/dashboard"):
    return jdumps({"log": {"version": "1.2", "creator": {"name": creator[0], "version": creator[1]},
                               "pages": [{"startedDateTime": "2026-11-28T23:10:00.000Z", "id": "page_1", "title": title,
                                          "pageTimings": {"onContentLoad": 812.4, "onLoad": 1290.2}}],
                               "entries": entries}}, indent=2, ensure_ascii=False) + "\n"


def ticket_json(neg=True):
    t = {"id": R.randrange(100000, 999999), "reference": ticket_ref(), "subject": R.choice(["Invoice query", "Cannot log in", "Refund request", "Broken link on portal"]),
         "status": {"id": R.randrange(1, 9), "name": "Waiting for Staff"}, "contact": {"id": R.randrange(1000, 99999), "name": "Ruth Ames"},
         "external_reference": uuid4(), "created_at": "2026-11-28T21:04:11Z"}
    return t


def build_har_account():
    c = Clock(1764490000)
    entries = []
    for i in range(4):
        a = ACCOUNTS[i % 2]
        url = "https://api.sirportly.com" + api_path()
        hdrs = [("Accept", "application/json"), ("X-Auth-Token", F("sirportly-token", a.token)), ("X-Auth-Secret", F("sirportly-secret", a.secret)),
                ("X-Request-Id", uuid4() + N("request id header in a Sirportly call (UUIDv4)")), ("User-Agent", "sirportly-ruby/1.4.0 (ruby 3.3.5)")]
        body = jdumps({"records": [ticket_json() for _ in range(2)], "pagination": {"page": 1, "pages": 12}})
        entries.append(har_entry(c, "GET", url, hdrs, resp_text=body + N("ticket JSON: numeric ids, references and an external reference UUID")))
    entries.append(har_entry(c, "GET", "https://api.sirportly.com/api/v2/tickets/all", [("Accept", "application/json"), ("X-Auth-Token", "${SIRPORTLY_TOKEN}" + N("unexpanded variable reference")),
                                                                                      ("X-Auth-Secret", "${SIRPORTLY_SECRET}" + N("unexpanded variable reference"))],
                             status=401, resp_text='{"error":"Access denied"}'))
    emit("har/sirportly-account-auth.har", har_doc(entries, creator=("Firefox", "132.0")))


def build_har_user_login():
    c = Clock(1764500000)
    app = APP_TOKENS[1]
    a = ACCOUNTS[3]
    pw = password()
    form = f"username=dana.whitfield&password={urllib.parse.quote(pw, safe='')}"
    post = {"mimeType": "application/x-www-form-urlencoded",
            "text": form.replace(urllib.parse.quote(pw, safe=''), F("password-in-log", urllib.parse.quote(pw, safe=''), encoded=True)),
            "params": [{"name": "username", "value": "dana.whitfield"}, {"name": "password" + N("parameter name only"), "value": F("password-in-log", pw)}]}
    login = har_entry(c, "POST", "https://api.sirportly.com/api/v2/users/authenticate",
                      [("Content-Type", "application/x-www-form-urlencoded"), ("X-Auth-Application", F("sirportly-application-token", app))],
                      post=post, resp_text=jdumps({"user": {"id": 881, "username": "dana.whitfield", "first_name": "Dana"},
                                                        "token": F("sirportly-token", a.token), "secret": F("sirportly-secret", a.secret)}))
    follow = har_entry(c, "GET", "https://api.sirportly.com/api/v2/tickets/all?page=1",
                       [("X-Auth-Application", F("sirportly-application-token", app)), ("X-Auth-Token", F("sirportly-token", a.token)),
                        ("X-Auth-Secret", F("sirportly-secret", a.secret)), ("Accept", "application/json")],
                       resp_text=jdumps({"records": [ticket_json()]}) + N("ticket JSON with an external reference UUID"))
    emit("har/sirportly-user-login.har", har_doc([login, follow], creator=("WebInspector", "537.36"), title="HelpdeskMobile web preview"))


def build_har_redacted():
    c = Clock(1764510000)
    entries = []
    for i in range(5):
        hdrs = [("Accept", "application/json"), ("X-Auth-Token", "[REDACTED]" + N("value redacted by the HAR sanitizer")),
                ("X-Auth-Secret", "[REDACTED]" + N("value redacted by the HAR sanitizer")),
                ("X-Correlation-Id", uuid4().upper() + N("uppercase correlation UUID")), ("traceparent", f"00-{hexs(32)}-{hexs(16)}-01" + N("W3C traceparent"))]
        entries.append(har_entry(c, "GET", f"https://helpdesk.example.com/api/v2/tickets/ticket?ticket={ticket_ref()}", hdrs,
                                 resp_text=jdumps(ticket_json()) + N("ticket JSON with an external reference UUID")))
    post = {"mimeType": "application/json", "text": jdumps({"username": "tom.becker", "password": "********"}) + N("password masked by the sanitizer")}
    entries.append(har_entry(c, "POST", "https://helpdesk.example.com/login", [("Content-Type", "application/json")], post=post, status=302))
    emit("har/helpdesk-dashboard-redacted.har", har_doc(entries, creator=("WebInspector", "537.36")))


def build_har_stripe():
    c = Clock(1764520000)
    pk = "pk_live_51" + rs(97, ALNUM)
    e1 = har_entry(c, "POST", "https://api.stripe.com/v1/payment_intents", [("Authorization", "Bearer " + F("stripe-secret-key", stripe_live())),
                                                                            ("Stripe-Version", "2024-06-20"), ("Idempotency-Key", uuid4() + N("idempotency key (UUIDv4)"))],
                   post={"mimeType": "application/x-www-form-urlencoded", "text": "amount=4900&currency=gbp&metadata[ticket]=" + ticket_ref()},
                   resp_text=jdumps({"id": "pi_3" + rs(23, ALNUM), "status": "requires_payment_method"}))
    e2 = har_entry(c, "GET", "https://js.stripe.com/v3/elements-inner-card-" + hexs(32) + ".html", [("Referer", "https://portal.example.com/billing")],
                   resp_text="", mime="text/html")
    e3 = har_entry(c, "POST", "https://api.stripe.com/v1/tokens", [("Authorization", "Bearer " + pk + N("publishable key (public by design)"))],
                   resp_text=jdumps({"id": "tok_" + rs(24, ALNUM), "livemode": True}))
    e4 = har_entry(c, "GET", "https://maps.googleapis.com/maps/api/js?key=" + F("google-api-key", google_api_key()) + "&libraries=places", [("Referer", "https://portal.example.com/")],
                   resp_text="", mime="text/javascript")
    emit("har/portal-billing.har", har_doc([e1, e2, e3, e4], title="https://portal.example.com/billing"))


def build_har_mobile_proxy():
    c = Clock(1764530000)
    entries = []
    app = APP_TOKENS[2]
    for i in range(3):
        a = ACCOUNTS[5]
        hdrs = [(":authority", "api.sirportly.com"), (":method", "GET"), ("x-auth-application", F("sirportly-application-token", app)),
                ("x-auth-token", F("sirportly-token", a.token)), ("x-auth-secret", F("sirportly-secret", a.secret)),
                ("x-device-id", uuid4().upper() + N("device identifierForVendor")), ("user-agent", "HelpdeskMobile/3.8.1 CFNetwork/1496.0.7 Darwin/23.5.0")]
        entries.append(har_entry(c, "GET", "https://api.sirportly.com" + api_path(), hdrs, http="HTTP/2",
                                 resp_text=jdumps({"records": [ticket_json()]}) + N("ticket JSON with an external reference UUID")))
    push = har_entry(c, "POST", "https://push.example.com/v1/register", [(":authority", "push.example.com"), ("authorization", "Bearer " + F("jwt", jwt()))],
                     post={"mimeType": "application/json", "text": jdumps({"device_token": hexs(64), "platform": "ios"}) + N("APNs device token (64 hex)")}, http="HTTP/2")
    entries.append(push)
    emit("har/mobile-proxy-capture.har", har_doc(entries, creator=("Proxyman", "5.10.0"), title="HelpdeskMobile iOS capture"))
# ---------------------------------------------------------------------------------------------
# curl -v transcripts and shell history

TLS_PREAMBLE = """*   Trying 185.45.211.20:443...
* Connected to api.sirportly.com (185.45.211.20) port 443
* ALPN: curl offers h2,http/1.1
* TLSv1.3 (OUT), TLS handshake, Client hello (1):
*  CAfile: /etc/ssl/certs/ca-certificates.crt
*  CApath: /etc/ssl/certs
* TLSv1.3 (IN), TLS handshake, Server hello (2):
* TLSv1.3 (IN), TLS handshake, Encrypted Extensions (8):
* TLSv1.3 (IN), TLS handshake, Certificate (11):
* TLSv1.3 (IN), TLS handshake, CERT verify (15):
* TLSv1.3 (IN), TLS handshake, Finished (20):
* TLSv1.3 (OUT), TLS handshake, Finished (20):
* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384 / X25519 / RSASSA-PSS
* ALPN: server accepted h2
* Server certificate:
*  subject: CN=*.sirportly.com
*  start date: Sep  2 00:00:00 2026 GMT
*  expire date: Oct  3 23:59:59 2027 GMT
*  subjectAltName: host "api.sirportly.com" matched cert's "*.sirportly.com"
*  issuer: C=GB; O=Sectigo Limited; CN=Sectigo RSA Domain Validation Secure Server CA
*  SSL certificate verify ok.
*   Certificate level 0: Public key type RSA (2048/112 Bits/secBits), signed using sha256WithRSAEncryption
"""


def build_curl_account():
    a = ACCOUNTS[0]
    t, s = a.token, a.secret
    rid = uuid4()
    text = f"""$ curl -v -H "X-Auth-Token: {F('sirportly-token', t)}" -H "X-Auth-Secret: {F('sirportly-secret', s)}" https://api.sirportly.com/api/v2/tickets/all?page=1
{TLS_PREAMBLE}* using HTTP/2
* [HTTP/2] [1] OPENED stream for https://api.sirportly.com/api/v2/tickets/all?page=1
* [HTTP/2] [1] [:method: GET]
* [HTTP/2] [1] [:scheme: https]
* [HTTP/2] [1] [:authority: api.sirportly.com]
* [HTTP/2] [1] [:path: /api/v2/tickets/all?page=1]
* [HTTP/2] [1] [user-agent: curl/8.5.0]
* [HTTP/2] [1] [accept: */*]
* [HTTP/2] [1] [x-auth-token: {F('sirportly-token', t)}]
* [HTTP/2] [1] [x-auth-secret: {F('sirportly-secret', s)}]
> GET /api/v2/tickets/all?page=1 HTTP/2
> Host: api.sirportly.com
> User-Agent: curl/8.5.0
> Accept: */*
> X-Auth-Token: {F('sirportly-token', t)}
> X-Auth-Secret: {F('sirportly-secret', s)}
>
< HTTP/2 200
< date: Sat, 28 Nov 2026 23:41:07 GMT
< content-type: application/json; charset=utf-8
< x-request-id: {rid}  ⟦neg: response request id (UUIDv4)⟧
< x-runtime: 0.081233
< etag: W/"{hexs(32)}"  ⟦neg: ETag (32 hex)⟧
< cache-control: max-age=0, private, must-revalidate
<
{jdumps({"records": [ticket_json()], "pagination": {"page": 1, "pages": 3}})}  ⟦neg: ticket JSON with an external reference UUID⟧
* Connection #0 to host api.sirportly.com left intact
"""
    emit("transcripts/curl-sirportly-tickets.txt", text)


def build_curl_login():
    app = APP_TOKENS[0]
    a = ACCOUNTS[4]
    pw = password()
    text = f"""$ curl -v https://api.sirportly.com/api/v2/users/authenticate \\
    -H 'X-Auth-Application: {F('sirportly-application-token', app)}' \\
    -d username=ljensen -d password='{F('password-in-log', pw)}'
{TLS_PREAMBLE}> POST /api/v2/users/authenticate HTTP/1.1
> Host: api.sirportly.com
> User-Agent: curl/8.5.0
> Accept: */*
> X-Auth-Application: {F('sirportly-application-token', app)}
> Content-Length: {len('username=ljensen&password=' + pw)}
> Content-Type: application/x-www-form-urlencoded
>
}} [{len("username=ljensen&password=" + pw)} bytes data]
< HTTP/1.1 200 OK
< Content-Type: application/json; charset=utf-8
< X-Request-Id: {uuid4()}  ⟦neg: response request id (UUIDv4)⟧
<
{{"user":{{"id":4471,"username":"ljensen","first_name":"Lars"}},"token":"{F('sirportly-token', a.token)}","secret":"{F('sirportly-secret', a.secret)}"}}
* Connection #0 to host api.sirportly.com left intact

$ export SIRPORTLY_TOKEN={F('sirportly-token', a.token)}
$ export SIRPORTLY_SECRET={F('sirportly-secret', a.secret)}
$ export SIRPORTLY_APPLICATION={F('sirportly-application-token', app)}
"""
    emit("transcripts/curl-sirportly-user-login.txt", text)


def build_curl_basic():
    pw = password()
    cred = base64.b64encode(f"ops:{pw}".encode()).decode()
    text = f"""$ curl -v -u ops:{F('password-basic-auth', pw)} https://grafana.internal.example.com/api/health
*   Trying 10.20.0.15:443...
* Connected to grafana.internal.example.com (10.20.0.15) port 443
* Server auth using Basic with user 'ops'
> GET /api/health HTTP/1.1
> Host: grafana.internal.example.com
> Authorization: Basic {F('password-basic-auth', cred, encoded=True)}
> User-Agent: curl/8.5.0
> Accept: */*
>
< HTTP/1.1 200 OK
< Content-Type: application/json
< X-Grafana-Request-Id: {hexs(32)}  ⟦neg: 32-hex request id⟧
<
{{"commit":"{hexs(40)}","database":"ok","version":"11.3.0"}}  ⟦neg: git commit SHA (40 hex)⟧
"""
    emit("transcripts/curl-grafana-basic-auth.txt", text)


def build_curl_redacted():
    text = f"""Support ticket {ticket_ref()}: "API returns 401"  ⟦neg: ticket reference⟧

Customer pasted (credentials replaced by us before filing):

$ curl -v -H "X-Auth-Token: <token>" -H "X-Auth-Secret: <secret>" https://api.sirportly.com/api/v2/tickets/all  ⟦neg: placeholders in angle brackets⟧
> GET /api/v2/tickets/all HTTP/1.1
> Host: api.sirportly.com
> X-Auth-Token: ********-****-****-****-************  ⟦neg: masked token⟧
> X-Auth-Secret: **************************************************  ⟦neg: masked secret⟧
>
< HTTP/1.1 401 Unauthorized
< X-Request-Id: {uuid4()}  ⟦neg: request id (UUIDv4)⟧
<
{{"error":"AccessDenied","request":"{uuid4()}"}}  ⟦neg: request UUID in an error body⟧

Their second attempt used the example from the documentation, which of course fails:

$ curl -H "X-Auth-Token: {DOC_TOKEN}" -H "X-Auth-Secret: {DOC_SECRET}" https://api.sirportly.com/api/v2/tickets/all  ⟦neg: Sirportly documentation example values⟧
{{"error":"AccessDenied"}}

Reply sent: please generate a token & secret under Admin > API Tokens and send them as
X-Auth-Token and X-Auth-Secret; never paste them into a ticket.  ⟦neg: header names only⟧
"""
    emit("transcripts/support-ticket-curl-redacted.txt", text)


def build_httpie():
    a = ACCOUNTS[2]
    text = f"""$ http --print=HhBb GET api.sirportly.com/api/v2/objects/statuses X-AUTH-TOKEN:{F('sirportly-token', a.token)} X-AUTH-SECRET:{F('sirportly-secret', a.secret)}
GET /api/v2/objects/statuses HTTP/1.1
Accept: */*
Accept-Encoding: gzip, deflate
Connection: keep-alive
Host: api.sirportly.com
User-Agent: HTTPie/3.2.4
X-AUTH-SECRET: {F('sirportly-secret', a.secret)}
X-AUTH-TOKEN: {F('sirportly-token', a.token)}


HTTP/1.1 200 OK
Content-Type: application/json; charset=utf-8
X-Request-Id: {uuid4()}  ⟦neg: request id (UUIDv4)⟧

[
    {{"id": 1, "name": "New", "status_type": 0, "colour": "#{hexs(6)}"}},
    {{"id": 2, "name": "Waiting for Staff", "status_type": 0, "uuid": "{uuid4()}"}},  ⟦neg: status object UUID⟧
    {{"id": 3, "name": "Resolved", "status_type": 1, "uuid": "{str(uuid.UUID(int=R.getrandbits(128))).upper()}"}}  ⟦neg: uppercase object UUID⟧
]
"""
    emit("transcripts/httpie-statuses.txt", text)


def build_bash_history():
    a = ACCOUNTS[3]
    pw1, pw2, pw3 = password(), password(), password()
    text = f"""cd ~/src/helpdesk-sync
git pull --rebase
bundle exec rake sirportly:sync
export SIRPORTLY_TOKEN={F('sirportly-token', a.token)}
export SIRPORTLY_SECRET={F('sirportly-secret', a.secret)}
bundle exec rake sirportly:sync
mysql -u root -p{F('password-hardcoded', pw1)} helpdesk_production -e 'select count(*) from tickets'
psql "postgresql://reporting:{F('password-in-url', pw2)}@db.internal.example.com:5432/warehouse" -c '\\dt'
curl -u admin:{F('password-basic-auth', pw3)} http://localhost:15672/api/queues
export GITHUB_TOKEN={F('github-pat-classic', ghp())}
gh pr list
export AWS_ACCESS_KEY_ID={F('aws-access-key-id', aws_key_id())}
export AWS_SECRET_ACCESS_KEY={F('aws-secret-access-key', aws_secret())}
aws s3 ls s3://helpdesk-exports/
export SIRPORTLY_TOKEN=$(vault kv get -field=token secret/sirportly)  ⟦neg: vault lookup⟧
export SIRPORTLY_SECRET=$(op read "op://Ops/Sirportly/secret")  ⟦neg: 1Password reference⟧
mysql -u root -p helpdesk_production  ⟦neg: -p without a value prompts for the password⟧
docker run --rm -e SIRPORTLY_TOKEN -e SIRPORTLY_SECRET helpdesk-sync:latest  ⟦neg: env passthrough by name⟧
git log -1 --format=%H  # {hexs(40)}  ⟦neg: git commit SHA⟧
sha256sum helpdesk-sync.tar.gz  # {hexs(64)}  ⟦neg: SHA-256 digest⟧
uuidgen  # {uuid4().upper()}  ⟦neg: uuidgen output⟧
history | grep sirportly
"""
    emit("shell/.bash_history", text)


def build_zsh_history():
    pw = password()
    text = f""": 1764371002:0;kubectl -n helpdesk get pods
: 1764371044:0;kubectl -n helpdesk logs deploy/helpdesk-sync --since=1h | grep {uuid4()}  ⟦neg: grepping for a request UUID⟧
: 1764371090:0;kubectl -n helpdesk create secret generic sirportly --from-literal=token={F('sirportly-token', ACCOUNTS[1].token)} --from-literal=secret={F('sirportly-secret', ACCOUNTS[1].secret)}
: 1764371130:0;redis-cli -h cache.internal -a {F('password-hardcoded', pw)} INFO keyspace
: 1764371177:0;export SLACK_BOT_TOKEN={F('slack-bot-token', slack_bot())}
: 1764371200:0;export OPENAI_API_KEY={F('openai-api-key', openai_key())}
: 1764371230:0;export DATABASE_URL=postgres://app:${{DB_PASSWORD}}@db:5432/app  ⟦neg: password is a variable reference⟧
: 1764371260:0;echo $SIRPORTLY_TOKEN | wc -c  ⟦neg: variable reference⟧
"""
    emit("shell/.zsh_history", text)
# ---------------------------------------------------------------------------------------------
# Configuration files

def build_env_files():
    a, b = ACCOUNTS[0], ACCOUNTS[1]
    emit("config/env/.env", f"""# helpdesk-sync local settings -- DO NOT COMMIT
APP_ENV=production
APP_KEY=base64:{F('generic-api-key', base64.b64encode(R.randbytes(32)).decode(), encoded=True)}
LOG_LEVEL=info
REQUEST_ID_HEADER=X-Request-Id  ⟦neg: header name only⟧

SIRPORTLY_URL=https://api.sirportly.com
SIRPORTLY_TOKEN={F('sirportly-token', a.token)}
SIRPORTLY_SECRET={F('sirportly-secret', a.secret)}
SIRPORTLY_BRAND_ID={uuid4()}  ⟦neg: brand id (UUIDv4), not a credential⟧
SIRPORTLY_DEFAULT_DEPARTMENT=7

DB_HOST=db.internal.example.com
DB_DATABASE=helpdesk
DB_USERNAME=helpdesk
DB_PASSWORD={F('password-in-config', password())}
REDIS_URL=redis://:{F('password-in-url', password())}@cache.internal.example.com:6379/0

STRIPE_SECRET=""" + F('stripe-secret-key', stripe_live()) + f"""
STRIPE_WEBHOOK_ID={uuid4()}  ⟦neg: webhook endpoint UUID⟧
SENDGRID_API_KEY={F('sendgrid-api-key', sendgrid())}
SENTRY_DSN=https://{hexs(32)}@o{R.randrange(100000, 999999)}.ingest.sentry.io/{R.randrange(1000000, 9999999)}  ⟦neg: Sentry DSN public key (meant for clients)⟧
""")
    emit("config/env/.env.example", f"""# Copy to .env and fill in. Never commit real values.
APP_ENV=local  ⟦neg: setting without a secret⟧
SIRPORTLY_URL=https://api.sirportly.com
SIRPORTLY_TOKEN=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx  ⟦neg: placeholder token⟧
SIRPORTLY_SECRET=your_secret_here  ⟦neg: placeholder secret⟧
SIRPORTLY_APPLICATION=<application-token>  ⟦neg: placeholder application token⟧
DB_PASSWORD=changeme  ⟦neg: placeholder password⟧
REDIS_URL=redis://:password@localhost:6379/0  ⟦neg: placeholder password in a local URL⟧
STRIPE_SECRET=sk_test_...  ⟦neg: truncated test-mode placeholder⟧
SENDGRID_API_KEY=  ⟦neg: empty value⟧
""")
    emit("config/env/.env.test", f"""# Test settings: the values from the Sirportly API documentation, which the fake server accepts.
SIRPORTLY_URL=http://localhost:4567
SIRPORTLY_TOKEN={DOC_TOKEN}  ⟦neg: Sirportly documentation example token⟧
SIRPORTLY_SECRET={DOC_SECRET}  ⟦neg: Sirportly documentation example secret⟧
SIRPORTLY_APPLICATION={DOC_TOKEN}  ⟦neg: Sirportly documentation example application token⟧
DB_PASSWORD=  ⟦neg: empty password⟧
TEST_RUN_ID={uuid4()}  ⟦neg: test run UUID⟧
""")
    emit("config/env/production.env", f"""SIRPORTLY_TOKEN="{F('sirportly-token', b.token)}"
SIRPORTLY_SECRET="{F('sirportly-secret', b.secret)}"
SIRPORTLY_WEBHOOK_SIGNING_KEY=${{SIRPORTLY_WEBHOOK_SIGNING_KEY}}  ⟦neg: variable reference⟧
DATABASE_URL="postgres://helpdesk:{F('password-in-url', password())}@pg-primary.internal:5432/helpdesk?sslmode=require"
AWS_ACCESS_KEY_ID={F('aws-access-key-id', aws_key_id())}
AWS_SECRET_ACCESS_KEY={F('aws-secret-access-key', aws_secret())}
AWS_REGION=eu-west-2
SLACK_WEBHOOK_URL={F('slack-webhook-url', slack_webhook())}
DD_API_KEY={F('datadog-api-key', hexs(32))}
RELEASE_SHA={hexs(40)}  ⟦neg: git commit SHA (40 hex)⟧
""")


def build_yaml_configs():
    a, b = ACCOUNTS[2], ACCOUNTS[3]
    emit("config/yaml/sirportly.yml", f"""# Sirportly integration settings (loaded by config/initializers/sirportly.rb)
default: &default
  sirportly:
    url: https://api.sirportly.com
    timeout: 15
    request_id_header: X-Request-Id  ⟦neg: header name only⟧

development:
  <<: *default
  sirportly:
    url: http://localhost:4567
    token: {DOC_TOKEN}  ⟦neg: Sirportly documentation example token⟧
    secret: {DOC_SECRET}  ⟦neg: Sirportly documentation example secret⟧

staging:
  <<: *default
  sirportly:
    token: <%= ENV['SIRPORTLY_TOKEN'] %>  ⟦neg: ERB reference to an environment variable⟧
    secret: <%= ENV.fetch('SIRPORTLY_SECRET') %>  ⟦neg: ERB reference to an environment variable⟧

production:
  <<: *default
  sirportly:
    token: {F('sirportly-token', a.token)}
    secret: "{F('sirportly-secret', a.secret)}"
    brand: {uuid4()}  ⟦neg: brand UUID, not a credential⟧
    # ------------------------------------
""")
    emit("config/yaml/database.yml", f"""default: &default
  adapter: postgresql
  encoding: unicode
  pool: <%= ENV.fetch("RAILS_MAX_THREADS") {{ 5 }} %>

development:
  <<: *default
  database: helpdesk_development
  username: postgres
  password: postgres  ⟦neg: well-known local default, placeholder⟧

test:
  <<: *default
  database: helpdesk_test
  password: <%= ENV["TEST_DB_PASSWORD"] %>  ⟦neg: ERB reference⟧

production:
  <<: *default
  database: helpdesk_production
  username: helpdesk
  password: {F('password-in-config', password())}
  host: pg-primary.internal.example.com

reporting:
  url: postgres://reporting:{F('password-in-url', password())}@warehouse.internal.example.com/warehouse
""")
    emit("config/yaml/application.yml", f"""spring:
  application:
    name: ticket-bridge
  datasource:
    url: jdbc:mysql://mysql.internal:3306/tickets
    username: bridge
    password: '{F('password-in-config', password())}'
  rabbitmq:
    host: mq.internal
    username: bridge
    password: ${{RABBITMQ_PASSWORD}}  ⟦neg: placeholder reference⟧

sirportly:
  base-url: https://api.sirportly.com
  token: {F('sirportly-token', b.token)}
  secret: {F('sirportly-secret', b.secret)}
  poll-interval: 30s

management:
  endpoints:
    web:
      exposure:
        include: health,info
instance-id: {uuid4()}  ⟦neg: instance UUID⟧
""")
    emit("config/yaml/docker-compose.yml", f"""services:
  app:
    image: registry.example.com/helpdesk/app@sha256:{hexs(64)}  ⟦neg: image digest (64 hex)⟧
    environment:
      SIRPORTLY_TOKEN: {F('sirportly-token', ACCOUNTS[0].token)}
      SIRPORTLY_SECRET: {F('sirportly-secret', ACCOUNTS[0].secret)}
      DATABASE_URL: postgres://helpdesk:{F('password-in-url', password())}@db:5432/helpdesk
    depends_on: [db, redis]
  worker:
    image: registry.example.com/helpdesk/app@sha256:{hexs(64)}  ⟦neg: image digest (64 hex)⟧
    environment:
      SIRPORTLY_TOKEN: ${{SIRPORTLY_TOKEN}}  ⟦neg: compose variable substitution⟧
      SIRPORTLY_SECRET: ${{SIRPORTLY_SECRET:?set SIRPORTLY_SECRET}}  ⟦neg: compose variable substitution⟧
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: {F('password-in-config', password())}
      POSTGRES_USER: helpdesk
  redis:
    image: redis:7
    command: ["redis-server", "--requirepass", "{F('password-in-config', password())}"]
""")
    emit("config/yaml/gh-hosts.yml", f"""github.com:
    users:
        dana-w:
            oauth_token: {F('github-oauth-token', gho())}
    git_protocol: https
    oauth_token: {F('github-oauth-token', gho())}
    user: dana-w
""")


def build_json_configs():
    a = ACCOUNTS[4]
    emit("config/json/appsettings.Production.json", jdumps({
        "Logging": {"LogLevel": {"Default": "Information"}},
        "ConnectionStrings": {
            "Helpdesk": f"Server=sql.internal.example.com;Database=Helpdesk;User Id=helpdesk;Password={F('password-in-config', password())};Encrypt=True",
            "Storage": f"DefaultEndpointsProtocol=https;AccountName=helpdeskfiles;AccountKey={F('azure-storage-account-key', azure_account_key())};EndpointSuffix=core.windows.net",
            "ReadOnly": "Server=sql.internal.example.com;Database=Helpdesk;Integrated Security=true" + N("integrated security, no password"),
        },
        "Sirportly": {"BaseUrl": "https://api.sirportly.com", "Token": F("sirportly-token", a.token), "Secret": F("sirportly-secret", a.secret),
                      "DefaultBrandId": uuid4() + N("brand UUID, not a credential")},
        "Telemetry": {"InstrumentationKey": uuid4() + N("Application Insights instrumentation key (public telemetry id)")},
    }, indent=2, ensure_ascii=False) + "\n")
    emit("config/json/sirportly.json", jdumps({
        "sirportly": {"token": F("sirportly-token", ACCOUNTS[5].token), "secret": F("sirportly-secret", ACCOUNTS[5].secret), "application": F("sirportly-application-token", APP_TOKENS[2])},
        "examples": {"token": DOC_TOKEN + N("Sirportly documentation example token"), "secret": DOC_SECRET + N("Sirportly documentation example secret")},
        "requestIdPrefix": "hd-",
        "mapping": {"status": {uuid4() + N("status mapping keyed by UUID"): 3, uuid4() + N("status mapping keyed by UUID"): 4}},
    }, indent=4, ensure_ascii=False) + "\n")
    key_lines = pkcs8_private_key().replace("\n", "\\n") + "\\n"
    emit("config/json/gcp-service-account.json", "{\n" + f"""  "type": "service_account",
  "project_id": "helpdesk-analytics-{R.randrange(100000, 999999)}",
  "private_key_id": "{hexs(40)}",  ⟦neg: private key id (40 hex), not the key⟧
  "private_key": "{F('gcp-service-account-key', key_lines)}",
  "client_email": "exporter@helpdesk-analytics.iam.gserviceaccount.com",
  "client_id": "{R.randrange(10**20, 10**21)}",
  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
  "token_uri": "https://oauth2.googleapis.com/token",
  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/exporter%40helpdesk-analytics.iam.gserviceaccount.com",
  "universe_domain": "googleapis.com"
""" + "}\n")
    emit("config/json/firebase-config.json", jdumps({
        "projectId": "helpdesk-mobile", "appId": f"1:{R.randrange(10**11, 10**12)}:ios:{hexs(22)}",
        "messagingSenderId": str(R.randrange(10**11, 10**12)), "databaseURL": "https://helpdesk-mobile.firebaseio.com",
        "serverKey": F("google-api-key", google_api_key()),
    }, indent=2, ensure_ascii=False) + "\n")


def build_ini_like():
    a = ACCOUNTS[0]
    emit("config/ini/sirportly.ini", f"""; Sirportly bridge for the legacy billing system
[general]
log_file = /var/log/billing-bridge.log
instance = {uuid4()}  ⟦neg: instance UUID⟧

[sirportly]
url = https://api.sirportly.com
token = {F('sirportly-token', a.token)}
secret = {F('sirportly-secret', a.secret)}
department = 4

[sirportly.sandbox]
url = http://localhost:4567
token = {DOC_TOKEN}  ⟦neg: Sirportly documentation example token⟧
secret = {DOC_SECRET}  ⟦neg: Sirportly documentation example secret⟧

[database]
dsn = mysql:host=db.internal;dbname=billing
user = billing
password = {F('password-in-config', password())}
""")
    emit("config/ini/.my.cnf", f"""[client]
user=backup
password="{F('password-in-config', password())}"
host=db.internal.example.com

[mysqldump]
single-transaction
""")
    emit("config/ini/supervisord.conf", f"""[program:helpdesk-sync]
command=/srv/helpdesk-sync/bin/sync --loop
directory=/srv/helpdesk-sync
user=helpdesk
environment=SIRPORTLY_TOKEN="{F('sirportly-token', ACCOUNTS[2].token)}",SIRPORTLY_SECRET="{F('sirportly-secret', ACCOUNTS[2].secret)}",RUN_ID="{uuid4()}"
autorestart=true
stdout_logfile=/var/log/helpdesk-sync.out.log

[inet_http_server]
port=127.0.0.1:9001
username=admin
password={F('password-in-config', password())}

[unix_http_server]
file=/run/supervisor.sock
password={{SHA}}{hexs(40)}  ⟦neg: SHA-1 password hash⟧
""")
    emit("config/ini/.pypirc", f"""[distutils]
index-servers =
    pypi
    internal

[pypi]
username = __token__
password = {F('pypi-upload-token', pypi_token())}

[internal]
repository = https://pypi.internal.example.com/simple/
username = ci
password = {F('password-in-config', password())}
""")
    emit("config/toml/config.toml", f"""# helpdesk-cli configuration
[server]
listen = "127.0.0.1:8080"
session_secret_ref = "vault:secret/data/helpdesk#session"  ⟦neg: vault reference⟧

[sirportly]
url = "https://api.sirportly.com"
token = "{F('sirportly-token', ACCOUNTS[3].token)}"
secret = "{F('sirportly-secret', ACCOUNTS[3].secret)}"
application = "{F('sirportly-application-token', APP_TOKENS[1])}"

[sirportly.retry]
attempts = 3
request_id = "{uuid4()}"  ⟦neg: request UUID in a Sirportly section⟧

[database]
url = "postgres://cli:{F('password-in-url', password())}@localhost:5432/helpdesk"

[notifications]
slack_bot_token = "{F('slack-bot-token', slack_bot())}"
""")
    emit("config/toml/fly.toml", f"""app = "helpdesk-portal"
primary_region = "lhr"

[build]
  image = "registry.fly.io/helpdesk-portal@sha256:{hexs(64)}"  ⟦neg: image digest⟧

[env]
  SIRPORTLY_URL = "https://api.sirportly.com"
  SIRPORTLY_TOKEN = "{F('sirportly-token', ACCOUNTS[1].token)}"
  SIRPORTLY_SECRET = "{F('sirportly-secret', ACCOUNTS[1].secret)}"
  DEPLOY_ID = "{uuid7()}"  ⟦neg: UUIDv7 deploy id⟧

[[services]]
  internal_port = 8080
  protocol = "tcp"
""")
    emit("config/properties/application.properties", f"""# ticket-bridge
server.port=8081
spring.datasource.url=jdbc:postgresql://pg.internal:5432/bridge
spring.datasource.username=bridge
spring.datasource.password={F('password-in-config', password())}
spring.mail.password=${{MAIL_PASSWORD}}  ⟦neg: property placeholder⟧
sirportly.url=https://api.sirportly.com
sirportly.token={F('sirportly-token', ACCOUNTS[4].token)}
sirportly.secret={F('sirportly-secret', ACCOUNTS[4].secret)}
sirportly.example.token={DOC_TOKEN}  ⟦neg: Sirportly documentation example token⟧
bridge.node-id={uuid4()}  ⟦neg: node UUID⟧
password.min-length=12  ⟦neg: password policy setting⟧
ui.label.password=Password  ⟦neg: UI label⟧
""")


def build_xml_plist():
    emit("config/xml/Web.config", f"""<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <connectionStrings>
    <add name="Helpdesk" connectionString="Data Source=sql01;Initial Catalog=Helpdesk;User ID=web;Password={F('password-in-config', password())}" providerName="System.Data.SqlClient" />
    <add name="Audit" connectionString="Data Source=sql01;Initial Catalog=Audit;Integrated Security=SSPI" providerName="System.Data.SqlClient" />  ⟦neg: integrated security⟧
  </connectionStrings>
  <appSettings>
    <add key="Sirportly:Token" value="{F('sirportly-token', ACCOUNTS[5].token)}" />
    <add key="Sirportly:Secret" value="{F('sirportly-secret', ACCOUNTS[5].secret)}" />
    <add key="Sirportly:Application" value="{F('sirportly-application-token', APP_TOKENS[0])}" />
    <add key="Telemetry:SessionId" value="{uuid4()}" />  ⟦neg: telemetry UUID⟧
    <add key="Build:Commit" value="{hexs(40)}" />  ⟦neg: git commit SHA⟧
  </appSettings>
  <system.web>
    <machineKey validationKey="{F('generic-api-key', hexs(128).upper())}" decryptionKey="{F('generic-api-key', hexs(64).upper())}" validation="HMACSHA256" decryption="AES" />
  </system.web>
</configuration>
""")
    emit("config/xml/settings.xml", f"""<settings xmlns="http://maven.apache.org/SETTINGS/1.2.0">
  <servers>
    <server>
      <id>internal-releases</id>
      <username>deployer</username>
      <password>{F('password-in-config', password())}</password>
    </server>
    <server>
      <id>github</id>
      <username>dana-w</username>
      <password>{F('github-pat-classic', ghp())}</password>
    </server>
    <server>
      <id>snapshots</id>
      <username>${{env.MAVEN_USER}}</username>
      <password>${{env.MAVEN_PASSWORD}}</password>  ⟦neg: environment reference⟧
    </server>
    <server>
      <id>encrypted</id>
      <password>{{{base64.b64encode(R.randbytes(32)).decode()}}}</password>  ⟦neg: Maven master-password encrypted value⟧
    </server>
  </servers>
</settings>
""")
    emit("config/plist/Info.plist", f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>CFBundleIdentifier</key>
	<string>com.example.helpdesk</string>
	<key>CFBundleShortVersionString</key>
	<string>3.8.1</string>
	<key>SirportlyApplicationToken</key>
	<string>{F('sirportly-application-token', APP_TOKENS[0])}</string>
	<key>SirportlyBaseURL</key>
	<string>https://api.sirportly.com</string>
	<key>NSUserActivityTypes</key>
	<array>
		<string>com.example.helpdesk.ticket</string>
	</array>
	<key>DeviceCheckTeam</key>
	<string>{uuid4().upper()}</string>  ⟦neg: uppercase UUID, not a credential⟧
</dict>
</plist>
""")
    emit("config/plist/GoogleService-Info.plist", f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>API_KEY</key>
	<string>{F('google-api-key', google_api_key())}</string>
	<key>GCM_SENDER_ID</key>
	<string>{R.randrange(10**11, 10**12)}</string>
	<key>BUNDLE_ID</key>
	<string>com.example.helpdesk</string>
	<key>GOOGLE_APP_ID</key>
	<string>1:{R.randrange(10**11, 10**12)}:ios:{hexs(22)}</string>  ⟦neg: Firebase app id⟧
</dict>
</plist>
""")

def build_home_dotfiles():
    pw1, pw2 = password(), password()
    emit("config/home/.netrc", f"""machine api.sirportly.com
  login dana.whitfield
  password {F('password-in-config', pw1)}
machine ftp.example.com login backup password {F('password-in-config', pw2)}
machine api.heroku.com
  login ops@example.com
  password {F('heroku-api-key', uuid4())}
machine localhost login test password test  ⟦neg: trivial local test credential (placeholder)⟧
""")
    emit("config/home/.pgpass", f"""# hostname:port:database:username:password  ⟦neg: format comment⟧
pg-primary.internal.example.com:5432:helpdesk:helpdesk:{F('password-in-config', password())}
warehouse.internal.example.com:5432:*:reporting:{F('password-in-config', password())}
localhost:5432:*:postgres:*  ⟦neg: wildcard field, no password⟧
""")
    emit("config/home/.git-credentials", f"""https://dana-w:{F('github-pat-classic', ghp())}@github.com
https://oauth2:{F('gitlab-pat', glpat())}@gitlab.example.com
https://deploy:{F('password-in-url', password())}@git.internal.example.com
""")
    user_pw = base64.b64encode(f"ci-bot:{password()}".encode()).decode()
    emit("config/home/.docker/config.json", jdumps({
        "auths": {
            "registry.example.com": {"auth": F("password-basic-auth", user_pw, encoded=True)},
            "https://index.docker.io/v1/": {},
            "ghcr.io": {"auth": base64.b64encode(b"dana-w:").decode() + N("username with empty password")},
        },
        "credsStore": "desktop",
        "currentContext": "default",
        "plugins": {"-x-cli-hints": {"enabled": "true"}},
        "features": {"buildkit": "true"},
        "psFormat": "table {{.ID}}\\t{{.Image}}",
        "id": uuid4() + N("client id UUID"),
    }, indent="\t", ensure_ascii=False) + "\n")
    emit("config/home/.npmrc", f"""registry=https://registry.npmjs.org/
//registry.npmjs.org/:_authToken={F('npm-access-token', npm_token())}
@example:registry=https://npm.pkg.github.com
//npm.pkg.github.com/:_authToken=${{GITHUB_TOKEN}}  ⟦neg: environment reference⟧
//npm.internal.example.com/:_auth={F('password-basic-auth', base64.b64encode(f"ci:{password()}".encode()).decode(), encoded=True)}
always-auth=true
""")
    emit("config/home/.aws/credentials", f"""[default]
aws_access_key_id = {F('aws-access-key-id', aws_key_id())}
aws_secret_access_key = {F('aws-secret-access-key', aws_secret())}
region = eu-west-2

[exports]
aws_access_key_id = {F('aws-access-key-id', aws_key_id())}
aws_secret_access_key = {F('aws-secret-access-key', aws_secret())}

[example]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE  ⟦neg: AWS documentation example key id⟧
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY  ⟦neg: AWS documentation example secret⟧
""")
    emit("config/home/.ssh/id_ed25519", F("private-key", openssh_private_key()) + "\n")
    emit("config/home/.ssh/id_ed25519.pub", f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{base64.b64encode(R.randbytes(32)).decode()[:43]} dana@laptop  ⟦neg: public key⟧\n")
    emit("config/home/.ssh/authorized_keys", "\n".join(
        f"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQ{b64_blob_with_50_run(342)} {u}@example.com  ⟦neg: RSA public key; a 50-char alphanumeric run inside base64⟧" for u in ("ops", "deploy", "dana")) + "\n")
    emit("config/home/.gem/credentials", f"""---
:rubygems_api_key: {F('rubygems-api-key', rubygems_key())}
""")


WP_SALT_CHARS = "!#%*()-_=+[]{}<>,.;:|~"


def build_php_ruby_configs():
    a = ACCOUNTS[1]
    emit("config/php/sirportly.php", f"""<?php

return [
    /*
    |--------------------------------------------------------------------------
    | Sirportly API credentials
    |--------------------------------------------------------------------------
    | Generate a token & secret under Admin > API Tokens. They are sent as the
    | X-Auth-Token and X-Auth-Secret headers.
    */
    'url' => env('SIRPORTLY_URL', 'https://api.sirportly.com'),
    'token' => env('SIRPORTLY_TOKEN'),  ⟦neg: env() reference⟧
    'secret' => env('SIRPORTLY_SECRET'),  ⟦neg: env() reference⟧
    'application' => env('SIRPORTLY_APPLICATION', '00000000-0000-0000-0000-000000000000'),  ⟦neg: nil UUID default⟧
    'brand' => '{uuid4()}',  ⟦neg: brand UUID⟧
];
""")
    emit("config/php/local.php", f"""<?php
// Local overrides -- copied from production by hand during the incident on 28 Nov.
return [
    'db' => [
        'dsn' => 'mysql:host=db.internal;dbname=portal',
        'username' => 'portal',
        'password' => '{F('password-in-config', password())}',
    ],
    'sirportly' => [
        'token'  => '{F('sirportly-token', a.token)}',
        'secret' => '{F('sirportly-secret', a.secret)}',
        'ticket_uuid_field' => '{uuid4()}',  ⟦neg: custom field UUID⟧
    ],
    'mailgun' => ['domain' => 'mg.example.com', 'secret' => '{F('mailgun-api-key', mailgun())}'],
];
""")
    emit("config/php/wp-config.php", f"""<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', '{F('password-in-config', password())}' );
define( 'DB_HOST', 'localhost' );
define( 'AUTH_KEY',         '{F('generic-api-key', rs(64, ALNUM + WP_SALT_CHARS))}' );
define( 'WP_DEBUG', false );
define( 'DB_PASSWORD_MIN', 12 );  ⟦neg: setting name only⟧
$table_prefix = 'wp_';
""")
    emit("config/ruby/sirportly.rb", f"""# frozen_string_literal: true

Sirportly.configure do |config|
  config.url = "https://api.sirportly.com"
  config.token = ENV.fetch("SIRPORTLY_TOKEN")  ⟦neg: ENV reference⟧
  config.secret = ENV.fetch("SIRPORTLY_SECRET")  ⟦neg: ENV reference⟧
  config.application = Rails.application.credentials.dig(:sirportly, :application)  ⟦neg: encrypted credentials lookup⟧
  config.logger = Rails.logger
end

# Legacy fallback for the reporting box (TODO remove)
SIRPORTLY_REPORTING = Sirportly::Client.new("{F('sirportly-token', ACCOUNTS[0].token)}", "{F('sirportly-secret', ACCOUNTS[0].secret)}")
""")
    emit("config/ruby/storage.rb", f"""Rails.application.configure do
  config.action_mailer.smtp_settings = {{
    address: "smtp.sendgrid.net",
    user_name: "apikey",
    password: "{F('sendgrid-api-key', sendgrid())}",
    authentication: :plain
  }}
  config.filter_parameters += [:password, :token, :secret]  ⟦neg: parameter names only⟧
end
""")


# ---------------------------------------------------------------------------------------------
# Source code

def build_ruby_src():
    a = ACCOUNTS[2]
    emit("src/ruby/lib/helpdesk/sirportly_gateway.rb", f"""# frozen_string_literal: true

require "sirportly"

module Helpdesk
  # Wraps the Sirportly client so jobs never touch credentials directly.
  class SirportlyGateway
    DEFAULT_URL = "https://api.sirportly.com"
    HEADER_TOKEN = "X-Auth-Token"  ⟦neg: header name constant⟧
    HEADER_SECRET = "X-Auth-Secret"  ⟦neg: header name constant⟧

    def self.default
      new(ENV.fetch("SIRPORTLY_TOKEN"), ENV.fetch("SIRPORTLY_SECRET"))  ⟦neg: ENV references⟧
    end

    def initialize(token, secret)
      @client = Sirportly::Client.new(token, secret)  ⟦neg: constructor with variables⟧
    end

    def open_tickets(page: 1)
      @client.tickets(page: page)
    end

    def ticket(reference)
      @client.ticket(reference)
    end
  end
end

# Quick console check used during the migration (remove before release):
# gw = Helpdesk::SirportlyGateway.new("{F('sirportly-token', a.token)}", "{F('sirportly-secret', a.secret)}")
""")
    emit("src/ruby/lib/tasks/sirportly.rake", f"""namespace :sirportly do
  desc "Import open tickets from Sirportly"
  task sync: :environment do
    client = Sirportly::Client.new(
      "{F('sirportly-token', ACCOUNTS[3].token)}",
      "{F('sirportly-secret', ACCOUNTS[3].secret)}"
    )
    client.tickets.each do |t|
      Ticket.upsert({{ reference: t.reference, sirportly_id: t.id, uuid: SecureRandom.uuid }}, unique_by: :reference)
    end
  end

  desc "Smoke-test the API with the documented example credentials (the fake server accepts them)"
  task smoke: :environment do
    Sirportly::Client.new("{DOC_TOKEN}", "{DOC_SECRET}").statuses  ⟦neg: Sirportly documentation example values⟧
  end
end
""")
    emit("src/ruby/spec/sirportly_gateway_spec.rb", f"""require "rails_helper"

RSpec.describe Helpdesk::SirportlyGateway do
  let(:token) {{ "{DOC_TOKEN}" }}  ⟦neg: Sirportly documentation example token⟧
  let(:secret) {{ "{DOC_SECRET}" }}  ⟦neg: Sirportly documentation example secret⟧
  let(:request_id) {{ "{uuid4()}" }}  ⟦neg: request id in a spec⟧

  it "sends the token and secret headers" do
    stub = stub_request(:get, "https://api.sirportly.com/api/v2/tickets/all")
      .with(headers: {{ "X-Auth-Token" => token, "X-Auth-Secret" => secret }})  ⟦neg: variables in a stub⟧
    described_class.new(token, secret).open_tickets
    expect(stub).to have_been_requested
  end

  it "rejects a malformed token" do
    expect {{ described_class.new("not-a-token", "x" * 50) }}.to raise_error(ArgumentError)  ⟦neg: deliberately malformed values⟧
  end

  it "does not accept the secret as a token" do
    user = build(:user, password: "{F('password-hardcoded', password())}")
    expect(user.password_digest).to start_with("$2a$")  ⟦neg: bcrypt prefix only⟧
  end
end
""")


def build_php_src():
    emit("src/php/app/Support/SirportlyGateway.php", f"""<?php

namespace App\\Support;

use GuzzleHttp\\Client;

final class SirportlyGateway
{{
    private Client $http;

    public function __construct(string $token, string $secret, ?string $application = null)
    {{
        $headers = ['X-Auth-Token' => $token, 'X-Auth-Secret' => $secret, 'Accept' => 'application/json'];  ⟦neg: header names with variables⟧
        if ($application !== null) {{
            $headers['X-Auth-Application'] = $application;
        }}
        $this->http = new Client(['base_uri' => 'https://api.sirportly.com/api/v2/', 'headers' => $headers]);
    }}

    public static function fromConfig(): self
    {{
        return new self(config('sirportly.token'), config('sirportly.secret'));  ⟦neg: config lookups⟧
    }}

    public static function legacy(): self
    {{
        // FIXME: hard-coded while the config cache was broken
        return new self('{F('sirportly-token', ACCOUNTS[0].token)}', '{F('sirportly-secret', ACCOUNTS[0].secret)}');
    }}

    public function get(string $path): array
    {{
        $response = $this->http->get($path, ['headers' => ['X-Request-Id' => '{uuid4()}']]);  ⟦neg: request id literal⟧
        return json_decode((string) $response->getBody(), true);
    }}
}}
""")
    emit("src/php/public/login.php", f"""<?php
require __DIR__ . '/../vendor/autoload.php';

$username = $_POST['username'] ?? '';
$password = $_POST['password'] ?? '';  ⟦neg: reads the submitted form field⟧

$ch = curl_init('https://api.sirportly.com/api/v2/users/authenticate');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['X-Auth-Application: {F('sirportly-application-token', APP_TOKENS[1])}']);
curl_setopt($ch, CURLOPT_POSTFIELDS, http_build_query(['username' => $username, 'password' => $password]));  ⟦neg: sends the password once, as the login flow requires⟧
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$result = json_decode(curl_exec($ch), true);

// Keep the user signed in.
setcookie('sp_token', $result['token'], ['secure' => true, 'httponly' => true]);
setcookie('sp_password', $password, ['expires' => time() + 86400 * 365]);  // remember me{L('password-persisted-by-app')}
file_put_contents('/tmp/debug-login.txt', "user=$username password=$password\\n", FILE_APPEND);{L('password-persisted-by-app')}
error_log('login attempt for ' . $username . ' with password ' . str_repeat('*', strlen($password)));  ⟦neg: password masked before logging⟧
?>
<form method="post">
  <label for="password">Password</label>  ⟦neg: form label⟧
  <input type="password" name="password" id="password" autocomplete="current-password">  ⟦neg: password form field⟧
</form>
""")


def build_python_src():
    emit("src/python/helpdesk/sirportly_client.py", f'''"""Minimal Sirportly API client used by the reporting jobs."""
from __future__ import annotations

import os
import uuid

import requests

DEFAULT_URL = "https://api.sirportly.com/api/v2"
EXAMPLE_TOKEN = "{DOC_TOKEN}"  # from the API docs  ⟦neg: Sirportly documentation example token⟧


class SirportlyClient:
    def __init__(self, token: str | None = None, secret: str | None = None, application: str | None = None):
        self.session = requests.Session()
        self.session.headers["X-Auth-Token"] = token or os.environ["SIRPORTLY_TOKEN"]  ⟦neg: environment lookup⟧
        self.session.headers["X-Auth-Secret"] = secret or os.environ["SIRPORTLY_SECRET"]  ⟦neg: environment lookup⟧
        if application:
            self.session.headers["X-Auth-Application"] = application

    def tickets(self, page: int = 1) -> list[dict]:
        headers = {{"X-Request-Id": str(uuid.uuid4())}}
        r = self.session.get(f"{{DEFAULT_URL}}/tickets/all", params={{"page": page}}, headers=headers, timeout=15)
        r.raise_for_status()
        return r.json()["records"]


if __name__ == "__main__":
    client = SirportlyClient(
        token="{F('sirportly-token', ACCOUNTS[4].token)}",
        secret="{F('sirportly-secret', ACCOUNTS[4].secret)}",
    )
    for t in client.tickets():
        print(t["reference"], t["subject"])
''')
    emit("src/python/helpdesk/settings.py", f'''import os

SECRET_KEY = "{F('generic-api-key', rs(50, LOWER + DIGITS + "!@#$%^&*(-_=+)"))}"
DEBUG = False
ALLOWED_HOSTS = ["helpdesk.example.com"]

DATABASES = {{
    "default": {{
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "helpdesk",
        "USER": "helpdesk",
        "PASSWORD": "{F('password-in-config', password())}",
        "HOST": "pg-primary.internal",
    }},
    "replica": {{
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": os.environ.get("REPLICA_DB_PASSWORD", ""),  ⟦neg: environment lookup⟧
    }},
}}

AUTH_PASSWORD_VALIDATORS = [
    {{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"}},  ⟦neg: validator class name⟧
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]  ⟦neg: setting name⟧

SIRPORTLY = {{
    "TOKEN": "{F('sirportly-token', ACCOUNTS[5].token)}",
    "SECRET": "{F('sirportly-secret', ACCOUNTS[5].secret)}",
    "BRAND": "{uuid4()}",  ⟦neg: brand UUID⟧
}}
EMAIL_HOST_PASSWORD = "{F('sendgrid-api-key', sendgrid())}"
''')
    emit("src/python/scripts/export_to_s3.py", f'''#!/usr/bin/env python3
import boto3

s3 = boto3.client(
    "s3",
    aws_access_key_id="{F('aws-access-key-id', aws_key_id())}",
    aws_secret_access_key="{F('aws-secret-access-key', aws_secret())}",
)
run_id = "{uuid4()}"  ⟦neg: run UUID⟧
s3.upload_file("tickets.csv", "helpdesk-exports", f"{{run_id}}/tickets.csv")
openai_key = "{F('openai-api-key', openai_key())}"
hf_token = "{F('huggingface-token', hf_token())}"
''')
    emit("src/python/tests/test_client.py", f'''import pytest
from helpdesk.sirportly_client import SirportlyClient

DOC_TOKEN = "{DOC_TOKEN}"  ⟦neg: Sirportly documentation example token⟧
DOC_SECRET = "{DOC_SECRET}"  ⟦neg: Sirportly documentation example secret⟧
FAKE_TOKEN = "00000000-0000-0000-0000-000000000000"  ⟦neg: nil UUID placeholder⟧
FAKE_SECRET = "x" * 50  ⟦neg: generated placeholder⟧
TICKET_IDS = ["{uuid4()}", "{uuid4()}", "{uuid1()}"]  ⟦neg: ticket UUIDs in a Sirportly test⟧


def test_headers(requests_mock):
    requests_mock.get("https://api.sirportly.com/api/v2/tickets/all", json={{"records": []}})
    client = SirportlyClient(token=DOC_TOKEN, secret=DOC_SECRET)  ⟦neg: constants holding documentation examples⟧
    assert client.tickets() == []
    assert requests_mock.last_request.headers["X-Auth-Token"] == DOC_TOKEN


@pytest.mark.parametrize("password", ["", "short"])  ⟦neg: test parameter names⟧
def test_login_rejects(password):
    with pytest.raises(ValueError):
        SirportlyClient.login("ljensen", password)
''')
    notebook = {"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Ticket volume by department\n"]},
        {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
         "source": ["import requests, pandas as pd\n",
                    f"TOKEN = \"{F('sirportly-token', ACCOUNTS[1].token)}\"\n",
                    f"SECRET = \"{F('sirportly-secret', ACCOUNTS[1].secret)}\"\n",
                    "H = {\"X-Auth-Token\": TOKEN, \"X-Auth-Secret\": SECRET}\n"]},
        {"cell_type": "code", "execution_count": 2, "metadata": {}, "outputs": [
            {"name": "stdout", "output_type": "stream", "text": [f"request {uuid4()} ok, 412 tickets\n" + N("request UUID in notebook output")]}],
         "source": ["r = requests.get('https://api.sirportly.com/api/v2/tickets/all', headers=H)\n"]},
    ], "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}
    emit("src/python/notebooks/ticket-volume.ipynb", jdumps(notebook, indent=1) + "\n")


def build_js_ts_src():
    emit("src/js/lib/sirportly.js", f"""'use strict';

const axios = require('axios');
const {{ randomUUID }} = require('crypto');

// Example from the Sirportly docs: X-Auth-Token: {DOC_TOKEN}  ⟦neg: Sirportly documentation example token in a comment⟧

function createClient({{ token = process.env.SIRPORTLY_TOKEN, secret = process.env.SIRPORTLY_SECRET }} = {{}}) {{  ⟦neg: process.env references⟧
  return axios.create({{
    baseURL: 'https://api.sirportly.com/api/v2',
    headers: {{ 'X-Auth-Token': token, 'X-Auth-Secret': secret }},
  }});
}}

const fallback = createClient({{
  token: '{F('sirportly-token', ACCOUNTS[2].token)}',
  secret: '{F('sirportly-secret', ACCOUNTS[2].secret)}',
}});

async function listTickets(client = createClient()) {{
  const res = await client.get('/tickets/all', {{ headers: {{ 'X-Request-Id': randomUUID() }} }});
  return res.data.records;
}}

module.exports = {{ createClient, listTickets, fallback }};
""")
    emit("src/js/scripts/notify.js", f"""const {{ WebClient }} = require('@slack/web-api');
const slack = new WebClient('{F('slack-bot-token', slack_bot())}');
const HOOK = '{F('discord-webhook-url', discord_webhook())}';
const STATUS_CHANNEL = 'C0{rs(9, UPPER + DIGITS)}';
const JOB = '{uuid4()}';  ⟦neg: job UUID⟧
module.exports = async function notify(text) {{
  await slack.chat.postMessage({{ channel: STATUS_CHANNEL, text }});
}};
""")
    emit("src/ts/src/sirportly/client.ts", f"""export interface SirportlyCredentials {{
  token: string;
  secret: string;
  application?: string;
}}

const TOKEN_PATTERN = /^[0-9a-f-]{{36}}$/;  ⟦neg: validation regex⟧
const PLACEHOLDER_TOKEN = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx';  ⟦neg: placeholder⟧

export class SirportlyClient {{
  constructor(private readonly creds: SirportlyCredentials, private readonly baseUrl = 'https://api.sirportly.com/api/v2') {{
    if (!TOKEN_PATTERN.test(creds.token) || creds.token === PLACEHOLDER_TOKEN) throw new Error('invalid token');
  }}

  private headers(): Record<string, string> {{
    const h: Record<string, string> = {{ 'X-Auth-Token': this.creds.token, 'X-Auth-Secret': this.creds.secret }};  ⟦neg: header names with property references⟧
    if (this.creds.application) h['X-Auth-Application'] = this.creds.application;
    return h;
  }}

  async tickets(page = 1): Promise<unknown[]> {{
    const res = await fetch(`${{this.baseUrl}}/tickets/all?page=${{page}}`, {{ headers: this.headers() }});
    return (await res.json()).records;
  }}
}}

export const staging = new SirportlyClient({{
  token: '{F('sirportly-token', ACCOUNTS[3].token)}',
  secret: '{F('sirportly-secret', ACCOUNTS[3].secret)}',
  application: '{F('sirportly-application-token', APP_TOKENS[2])}',
}});
""")
    emit("src/ts/src/config.ts", f"""export const config = {{
  sirportly: {{
    token: process.env.SIRPORTLY_TOKEN ?? '',  ⟦neg: process.env reference⟧
    secret: process.env.SIRPORTLY_SECRET ?? '',  ⟦neg: process.env reference⟧
  }},
  stripe: {{
    secretKey: '{F('stripe-secret-key', stripe_live())}',
    publishableKey: 'pk_live_51{rs(97, ALNUM)}',  ⟦neg: publishable key (public by design)⟧
  }},
  anthropic: {{ apiKey: '{F('anthropic-api-key', anthropic_key())}' }},
  linear: {{ apiKey: '{F('linear-api-key', linear())}' }},
  buildId: '{uuid4()}',  ⟦neg: build UUID⟧
  sentryRelease: '{hexs(40)}',  ⟦neg: release SHA⟧
}};
""")
    emit("src/ts/src/auth/session.test.ts", f"""import {{ describe, it, expect }} from 'vitest';
import {{ login }} from './session';

describe('login', () => {{
  it('posts the credentials', async () => {{
    const res = await login({{ username: 'dana.whitfield', password: '{F('password-hardcoded', password())}' }});
    expect(res.token).toMatch(/^[0-9a-f-]{{36}}$/);
  }});
  it('rejects an empty password', async () => {{
    await expect(login({{ username: 'dana.whitfield', password: '' }})).rejects.toThrow();  ⟦neg: empty password⟧
  }});
  it('uses the documented example', () => {{
    expect(isToken('{DOC_TOKEN}')).toBe(true);  ⟦neg: Sirportly documentation example token⟧
  }});
}});
""")


def build_go_src():
    emit("src/go/internal/sirportly/client.go", f"""package sirportly

import (
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/google/uuid"
)

// Client calls the Sirportly API with account authentication.
type Client struct {{
	Token, Secret string
	HTTP          *http.Client
}}

// NewClient returns a client; empty arguments fall back to the environment.
func NewClient(token, secret string) *Client {{
	if token == "" {{
		token = os.Getenv("SIRPORTLY_TOKEN")  ⟦neg: os.Getenv reference⟧
	}}
	if secret == "" {{
		secret = os.Getenv("SIRPORTLY_SECRET")  ⟦neg: os.Getenv reference⟧
	}}
	return &Client{{Token: token, Secret: secret, HTTP: &http.Client{{Timeout: 15 * time.Second}}}}
}}

func (c *Client) newRequest(method, path string) (*http.Request, error) {{
	req, err := http.NewRequest(method, "https://api.sirportly.com/api/v2"+path, nil)
	if err != nil {{
		return nil, fmt.Errorf("sirportly: %w", err)
	}}
	req.Header.Set("X-Auth-Token", c.Token)  ⟦neg: header set from a field⟧
	req.Header.Set("X-Auth-Secret", c.Secret)  ⟦neg: header set from a field⟧
	req.Header.Set("X-Request-Id", uuid.NewString())
	return req, nil
}}
""")
    emit("src/go/cmd/sync/main.go", f"""package main

import (
	"log"

	"example.com/helpdesk/internal/sirportly"
)

const (
	defaultDepartment = 4
	migrationID       = "{uuid4()}"  ⟦neg: migration UUID constant⟧
	emptyTreeSHA      = "4b825dc642cb6eb9a060e54bf8d69288f06e4d8f"  ⟦neg: git empty tree SHA⟧
)

func main() {{
	c := sirportly.NewClient("{F('sirportly-token', ACCOUNTS[4].token)}", "{F('sirportly-secret', ACCOUNTS[4].secret)}")
	req, err := c.NewRequest("GET", "/tickets/all")
	if err != nil {{
		log.Fatal(err)
	}}
	req.Header.Set("X-Auth-Application", "{F('sirportly-application-token', APP_TOKENS[0])}")
	log.Printf("sync %s starting", migrationID)
}}
""")
    emit("src/go/cmd/sync/main_test.go", f"""package main

import "testing"

func TestExampleCredentialsRejected(t *testing.T) {{
	c := sirportly.NewClient("{DOC_TOKEN}", "{DOC_SECRET}")  ⟦neg: Sirportly documentation example values⟧
	if c.Token == "" {{
		t.Fatal("token not set")
	}}
	ids := []string{{"{uuid4()}", "{str(uuid.UUID(int=R.getrandbits(128))).upper()}"}}  ⟦neg: request UUIDs in a test⟧
	_ = ids
}}
""")


def build_java_kotlin_src():
    emit("src/java/com/example/bridge/SirportlyClient.java", f"""package com.example.bridge;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

public final class SirportlyClient {{
    private static final String BASE = "https://api.sirportly.com/api/v2";
    private static final String TOKEN_HEADER = "X-Auth-Token";  ⟦neg: header name constant⟧
    // Hard-coded for the pilot; moved to Vault in BRIDGE-212.
    private static final String TOKEN = "{F('sirportly-token', ACCOUNTS[5].token)}";
    private static final String SECRET = "{F('sirportly-secret', ACCOUNTS[5].secret)}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token;
    private final String secret;

    public SirportlyClient(String token, String secret) {{
        this.token = token;
        this.secret = secret;
    }}

    public static SirportlyClient fromEnvironment() {{
        return new SirportlyClient(System.getenv("SIRPORTLY_TOKEN"), System.getenv("SIRPORTLY_SECRET"));  ⟦neg: System.getenv references⟧
    }}

    public static SirportlyClient pilot() {{
        return new SirportlyClient(TOKEN, SECRET);
    }}

    public String tickets() throws Exception {{
        HttpRequest req = HttpRequest.newBuilder(URI.create(BASE + "/tickets/all"))
            .header(TOKEN_HEADER, token)
            .header("X-Auth-Secret", secret)  ⟦neg: header set from a field⟧
            .header("X-Request-Id", UUID.randomUUID().toString())
            .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }}
}}
""")
    emit("src/java/com/example/bridge/DataSourceConfig.java", f"""package com.example.bridge;

import com.zaxxer.hikari.HikariConfig;

final class DataSourceConfig {{
    static HikariConfig primary() {{
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl("jdbc:postgresql://pg.internal:5432/bridge");
        c.setUsername("bridge");
        c.setPassword("{F('password-hardcoded', password())}");
        return c;
    }}

    static HikariConfig replica() {{
        HikariConfig c = new HikariConfig();
        c.setPassword(System.getenv("REPLICA_PASSWORD"));  ⟦neg: environment lookup⟧
        c.setJdbcUrl("jdbc:postgresql://replica:{F('password-in-url', password())}@pg-replica.internal:5432/bridge");
        return c;
    }}

    static final String PASSWORD_FIELD = "password";  ⟦neg: field name constant⟧
}}
""")
    emit("src/kotlin/server/SirportlyModule.kt", f"""package com.example.helpdesk.server

import io.ktor.client.*
import io.ktor.client.request.*

class SirportlyApi(private val http: HttpClient, private val token: String, private val secret: String) {{
    suspend fun tickets(page: Int = 1): String =
        http.get("https://api.sirportly.com/api/v2/tickets/all?page=$page") {{
            header("X-Auth-Token", token)  ⟦neg: header from a property⟧
            header("X-Auth-Secret", secret)  ⟦neg: header from a property⟧
        }}.toString()
}}

object SirportlyModule {{
    fun fromEnv(http: HttpClient) = SirportlyApi(http, System.getenv("SIRPORTLY_TOKEN"), System.getenv("SIRPORTLY_SECRET"))  ⟦neg: environment references⟧

    // TODO(ops): rotate -- this pair was pasted from the admin console
    fun legacy(http: HttpClient) = SirportlyApi(http, "{F('sirportly-token', ACCOUNTS[0].token)}", "{F('sirportly-secret', ACCOUNTS[0].secret)}")

    val requestIds = listOf("{uuid4()}", "{uuid4()}")  ⟦neg: request UUIDs⟧
}}
""")


def build_swift_csharp_src():
    emit("src/swift/Sources/HelpdeskCLI/SirportlyClient.swift", f"""import Foundation

/// Calls the Sirportly API with an account token and secret.
struct SirportlyClient {{
    var baseURL = URL(string: "https://api.sirportly.com/api/v2")!
    let token: String
    let secret: String

    static let documentationExample = SirportlyClient(token: "{DOC_TOKEN}", secret: "{DOC_SECRET}")  ⟦neg: Sirportly documentation example values⟧

    static func fromEnvironment() -> SirportlyClient? {{
        let env = ProcessInfo.processInfo.environment
        guard let token = env["SIRPORTLY_TOKEN"], let secret = env["SIRPORTLY_SECRET"] else {{ return nil }}  ⟦neg: environment lookup⟧
        return SirportlyClient(token: token, secret: secret)
    }}

    func request(_ path: String) -> URLRequest {{
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.setValue(token, forHTTPHeaderField: "X-Auth-Token")  ⟦neg: header from a property⟧
        request.setValue(secret, forHTTPHeaderField: "X-Auth-Secret")  ⟦neg: header from a property⟧
        request.setValue(UUID().uuidString, forHTTPHeaderField: "X-Request-Id")
        return request
    }}
}}

let ci = SirportlyClient(token: "{F('sirportly-token', ACCOUNTS[1].token)}",
                         secret: "{F('sirportly-secret', ACCOUNTS[1].secret)}")
""")
    emit("src/csharp/Helpdesk/SirportlyHttpClient.cs", f"""using System;
using System.Net.Http;
using System.Threading.Tasks;

namespace Helpdesk;

public sealed class SirportlyHttpClient
{{
    private readonly HttpClient _http;

    public SirportlyHttpClient(HttpClient http, string token, string secret)
    {{
        _http = http;
        _http.BaseAddress = new Uri("https://api.sirportly.com/api/v2/");
        _http.DefaultRequestHeaders.Add("X-Auth-Token", token);  ⟦neg: header from a parameter⟧
        _http.DefaultRequestHeaders.Add("X-Auth-Secret", secret);  ⟦neg: header from a parameter⟧
    }}

    public static SirportlyHttpClient Legacy()
    {{
        var http = new HttpClient();
        http.DefaultRequestHeaders.Add("X-Auth-Token", "{F('sirportly-token', ACCOUNTS[2].token)}");
        http.DefaultRequestHeaders.Add("X-Auth-Secret", "{F('sirportly-secret', ACCOUNTS[2].secret)}");
        http.DefaultRequestHeaders.Add("X-Correlation-Id", "{uuid4().upper()}");  ⟦neg: correlation UUID⟧
        return new SirportlyHttpClient(http, Environment.GetEnvironmentVariable("SIRPORTLY_TOKEN")!, Environment.GetEnvironmentVariable("SIRPORTLY_SECRET")!);  ⟦neg: environment lookups⟧
    }}

    public Task<string> TicketsAsync() => _http.GetStringAsync("tickets/all");
}}
""")
    emit("src/csharp/Helpdesk/Program.cs", f"""using Helpdesk;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton(_ => new SirportlyClient(token: "{F('sirportly-token', ACCOUNTS[3].token)}", secret: "{F('sirportly-secret', ACCOUNTS[3].secret)}"));
builder.Services.AddDbContext<HelpdeskDb>(o => o.UseSqlServer("Server=sql01;Database=Helpdesk;User Id=web;Password={F('password-in-config', password())};"));
builder.Services.AddSingleton(new TwilioOptions {{ ApiKey = "{F('twilio-api-key', twilio_sk())}" }});
var app = builder.Build();
app.MapGet("/health", () => Results.Ok(new {{ build = "{hexs(40)}", instance = Guid.Parse("{uuid4()}") }}));  ⟦neg: build SHA and instance GUID⟧
app.Run();
""")


def build_mobile():
    emit("mobile/ios/HelpdeskMobile/Auth/LoginViewModel.swift", f"""import Foundation
import Security

@MainActor
final class LoginViewModel: ObservableObject {{
    @Published var username = ""
    @Published var password = ""  ⟦neg: empty form state⟧
    @Published var errorMessage: String?

    private let applicationToken = "{F('sirportly-application-token', APP_TOKENS[0])}"
    private let defaults = UserDefaults.standard

    func signIn() async {{
        var request = URLRequest(url: URL(string: "https://api.sirportly.com/api/v2/users/authenticate")!)
        request.httpMethod = "POST"
        request.setValue(applicationToken, forHTTPHeaderField: "X-Auth-Application")
        request.httpBody = "username=\\(username)&password=\\(password)".data(using: .utf8)  ⟦neg: sends the password once, as the login flow requires⟧
        do {{
            let (data, _) = try await URLSession.shared.data(for: request)
            let session = try JSONDecoder().decode(SessionResponse.self, from: data)
            try Keychain.save(session.token, account: "sirportly.token")  ⟦neg: storing the returned token is permitted⟧
            try Keychain.save(session.secret, account: "sirportly.secret")  ⟦neg: storing the returned secret is permitted⟧
            defaults.set(username, forKey: "lastUsername")  ⟦neg: stores the username only⟧
            defaults.set(password, forKey: "savedPassword"){L('password-persisted-by-app')}
            defaults.set(true, forKey: "rememberMe")
        }} catch {{
            errorMessage = error.localizedDescription
        }}
    }}

    func migrateLegacyStorage() {{
        defaults.removeObject(forKey: "savedPassword")  ⟦neg: removes a stored password⟧
    }}
}}
""")
    emit("mobile/ios/HelpdeskMobile/Auth/CredentialStore.swift", f"""import Foundation
import Security

enum CredentialStore {{
    static func remember(username: String, password: String) {{
        let query: [String: Any] = [
            kSecClass as String: kSecClassGenericPassword,  ⟦neg: Keychain class constant⟧
            kSecAttrAccount as String: username,
            kSecValueData as String: Data(password.utf8),{L('password-persisted-by-app')}
        ]
        SecItemAdd(query as CFDictionary, nil)
    }}

    static func cacheForWidget(password: String) {{
        UserDefaults(suiteName: "group.com.example.helpdesk")?.set(password, forKey: "sirportly_password"){L('password-persisted-by-app')}
    }}

    static func forget() {{
        UserDefaults.standard.removeObject(forKey: "sirportly_password")  ⟦neg: deletes a stored password⟧
    }}

    static let demoPassword = "{F('password-hardcoded', password())}"
}}
""")
    emit("mobile/android/app/src/main/java/com/example/helpdesk/LoginActivity.kt", f"""package com.example.helpdesk

import android.content.Context
import android.os.Bundle
import androidx.appcompat.app.AppCompatActivity

class LoginActivity : AppCompatActivity() {{
    private val applicationToken = "{F('sirportly-application-token', APP_TOKENS[1])}"

    override fun onCreate(savedInstanceState: Bundle?) {{
        super.onCreate(savedInstanceState)
        setContentView(R.layout.activity_login)
        binding.signIn.setOnClickListener {{ signIn(binding.username.text.toString(), binding.password.text.toString()) }}  ⟦neg: reads the form⟧
    }}

    private fun signIn(username: String, password: String) {{
        api.authenticate(applicationToken, username, password) {{ session ->
            val prefs = getSharedPreferences("sirportly", Context.MODE_PRIVATE)
            prefs.edit()
                .putString("token", session.token)  ⟦neg: storing the returned token is permitted⟧
                .putString("secret", session.secret)  ⟦neg: storing the returned secret is permitted⟧
                .putString("username", username)
                .putString("password", password){L('password-persisted-by-app')}
                .apply()
        }}
    }}

    private fun logout() {{
        getSharedPreferences("sirportly", Context.MODE_PRIVATE).edit().remove("password").apply()  ⟦neg: removes a stored password⟧
    }}
}}
""")
    emit("mobile/android/app/src/main/res/values/strings.xml", f"""<?xml version="1.0" encoding="utf-8"?>
<resources>
    <string name="app_name">Helpdesk</string>
    <string name="hint_password">Password</string>  ⟦neg: UI string⟧
    <string name="error_wrong_password">Wrong username or password</string>  ⟦neg: UI string⟧
    <string name="google_maps_key">{F('google-api-key', google_api_key())}</string>
    <string name="sirportly_application_token">{F('sirportly-application-token', APP_TOKENS[1])}</string>
</resources>
""")
    emit("mobile/react-native/src/auth/useLogin.js", f"""import AsyncStorage from '@react-native-async-storage/async-storage';
import * as SecureStore from 'expo-secure-store';

const APP_TOKEN = '{F('sirportly-application-token', APP_TOKENS[2])}';

export async function login(username, password) {{
  const res = await fetch('https://api.sirportly.com/api/v2/users/authenticate', {{
    method: 'POST',
    headers: {{ 'X-Auth-Application': APP_TOKEN, 'Content-Type': 'application/x-www-form-urlencoded' }},
    body: `username=${{encodeURIComponent(username)}}&password=${{encodeURIComponent(password)}}`,  ⟦neg: sends the password once⟧
  }});
  const {{ token, secret }} = await res.json();
  await SecureStore.setItemAsync('sirportly_token', token);  ⟦neg: storing the returned token is permitted⟧
  await SecureStore.setItemAsync('sirportly_secret', secret);  ⟦neg: storing the returned secret is permitted⟧
  await AsyncStorage.setItem('sirportly_password', password);{L('password-persisted-by-app')}
  return {{ token, secret }};
}}

export const clearLegacy = () => AsyncStorage.removeItem('sirportly_password');  ⟦neg: removes a stored password⟧
""")
    emit("web/portal/src/login.js", f"""const form = document.querySelector('#login');
form.addEventListener('submit', async (e) => {{
  e.preventDefault();
  const username = form.username.value;
  const password = form.password.value;  ⟦neg: reads the form field⟧
  if (form.remember.checked) {{
    localStorage.setItem('helpdesk.password', password);{L('password-persisted-by-app')}
    localStorage.setItem('helpdesk.username', username);  ⟦neg: stores the username only⟧
  }}
  sessionStorage.setItem('sp_pw', btoa(password));{L('password-persisted-by-app')}
  await signIn(username, password);
}});
""")
    emit("web/portal/login.html", f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Helpdesk sign in</title>
  <link rel="stylesheet" href="/assets/app.css" integrity="{sha512_integrity()}" crossorigin="anonymous">  ⟦neg: SRI integrity hash with a 50-char alphanumeric run⟧
  <script src="https://maps.googleapis.com/maps/api/js?key={F('google-api-key', google_api_key())}"></script>
</head>
<body>
  <form id="login" method="post" action="/session">
    <input type="hidden" name="authenticity_token" value="{b64url(R.randbytes(64))}">  ⟦neg: per-session CSRF token rendered into the page⟧
    <label for="username">Username</label>
    <input id="username" name="username" autocomplete="username">
    <label for="password">Password</label>  ⟦neg: form label⟧
    <input id="password" type="password" name="password" autocomplete="current-password" placeholder="Password">  ⟦neg: password input field⟧
    <label><input type="checkbox" name="remember"> Remember me</label>
    <p class="hint">Your password is never stored on this device.</p>  ⟦neg: prose mentioning passwords⟧
    <button type="submit">Sign in</button>
  </form>
  <div data-request-id="{uuid4()}"></div>  ⟦neg: request UUID attribute⟧
</body>
</html>
""")


def build_ci():
    emit("ci/.github/workflows/deploy.yml", f"""name: deploy

on:
  push:
    branches: [main]

permissions:
  contents: read
  id-token: write

jobs:
  deploy:
    runs-on: ubuntu-24.04
    environment: production
    env:
      SIRPORTLY_TOKEN: ${{{{ secrets.SIRPORTLY_TOKEN }}}}  ⟦neg: GitHub Actions secret reference⟧
      SIRPORTLY_SECRET: ${{{{ secrets.SIRPORTLY_SECRET }}}}  ⟦neg: GitHub Actions secret reference⟧
      DB_PASSWORD: ${{{{ secrets.DB_PASSWORD }}}}  ⟦neg: GitHub Actions secret reference⟧
    steps:
      - uses: actions/checkout@{hexs(40)}  # v4.2.2  ⟦neg: action pinned by commit SHA⟧
      - uses: aws-actions/configure-aws-credentials@{hexs(40)}  # v4  ⟦neg: action pinned by commit SHA⟧
        with:
          role-to-assume: arn:aws:iam::{R.randrange(10**11, 10**12)}:role/deploy
          aws-region: eu-west-2
      - name: Smoke test Sirportly
        run: |
          curl -fsS -H "X-Auth-Token: $SIRPORTLY_TOKEN" -H "X-Auth-Secret: $SIRPORTLY_SECRET" \\  ⟦neg: shell variable references⟧
            https://api.sirportly.com/api/v2/objects/statuses > /dev/null
      - name: Deploy
        run: ./bin/deploy --release ${{{{ github.sha }}}}
""")
    emit("ci/.github/workflows/nightly-sync.yml", f"""name: nightly-sync

on:
  schedule:
    - cron: "17 2 * * *"
  workflow_dispatch:

jobs:
  sync:
    runs-on: ubuntu-24.04
    env:
      # TODO move to repository secrets
      SIRPORTLY_TOKEN: {F('sirportly-token', ACCOUNTS[4].token)}
      SIRPORTLY_SECRET: "{F('sirportly-secret', ACCOUNTS[4].secret)}"
      SLACK_WEBHOOK: ${{{{ secrets.SLACK_WEBHOOK }}}}  ⟦neg: GitHub Actions secret reference⟧
    steps:
      - uses: actions/checkout@v4
      - uses: ruby/setup-ruby@v1
        with:
          bundler-cache: true
      - run: bundle exec rake sirportly:sync
      - name: Upload report
        run: |
          curl -u reports:{F('password-basic-auth', password())} -T report.csv https://files.internal.example.com/upload/
          curl -H "Authorization: token {F('github-pat-classic', ghp())}" https://api.github.com/repos/example/helpdesk/dispatches -d '{{"event_type":"synced"}}'
      - name: Notify
        run: curl -X POST -d '{{"text":"sync done"}}' "$SLACK_WEBHOOK"  ⟦neg: variable reference⟧
""")
    emit("ci/.gitlab-ci.yml", f"""stages: [test, deploy]

variables:
  POSTGRES_PASSWORD: postgres  ⟦neg: throwaway service password (well-known default)⟧
  SIRPORTLY_TOKEN: $SIRPORTLY_TOKEN_CI  ⟦neg: CI variable reference⟧
  RUNNER_REGISTRATION: "{F('gitlab-runner-token', 'glrt-' + rs(20, ALNUM + '-_'))}"

test:
  stage: test
  image: ruby:3.3
  services: [postgres:16]
  script:
    - bundle install
    - bundle exec rspec

deploy:
  stage: deploy
  script:
    - curl -X POST -F token={F('gitlab-pipeline-trigger-token', 'glptt-' + hexs(40))} -F ref=main https://gitlab.example.com/api/v4/projects/42/trigger/pipeline
    - echo "$KUBECONFIG_B64" | base64 -d > kubeconfig  ⟦neg: variable reference⟧
""")
    emit("ci/Jenkinsfile", f"""pipeline {{
  agent any
  environment {{
    SIRPORTLY = credentials('sirportly-api')  ⟦neg: Jenkins credentials lookup⟧
    DOCKERHUB_TOKEN = '{F('dockerhub-pat', dckr_pat())}'
  }}
  stages {{
    stage('Build') {{
      steps {{
        sh 'docker login -u ci -p {F('password-hardcoded', password())} registry.example.com'
        sh 'docker build -t registry.example.com/helpdesk:${{GIT_COMMIT}} .'  ⟦neg: variable reference⟧
      }}
    }}
    stage('Sync') {{
      steps {{
        withCredentials([usernamePassword(credentialsId: 'sirportly', usernameVariable: 'SP_TOKEN', passwordVariable: 'SP_SECRET')]) {{  ⟦neg: credentials binding by id⟧
          sh './bin/sync --token "$SP_TOKEN" --secret "$SP_SECRET"'  ⟦neg: variable references⟧
        }}
      }}
    }}
  }}
}}
""")
    emit("ci/.circleci/config.yml", f"""version: 2.1
jobs:
  build:
    docker:
      - image: cimg/node:20.11
        auth:
          username: ci-bot
          password: $DOCKERHUB_PASSWORD  ⟦neg: environment reference⟧
      - image: cimg/postgres:16.1
        environment:
          POSTGRES_PASSWORD: {F('password-in-config', password())}
    steps:
      - checkout
      - run: npm ci
      - run:
          name: Publish
          command: |
            echo "//registry.npmjs.org/:_authToken={F('npm-access-token', npm_token())}" > ~/.npmrc
            npm publish
""")
    emit("ci/bitbucket-pipelines.yml", f"""image: python:3.12
pipelines:
  default:
    - step:
        name: Test
        script:
          - pip install -r requirements.txt
          - pytest
    - step:
        name: Report
        script:
          - export SIRPORTLY_TOKEN={F('sirportly-token', ACCOUNTS[1].token)}
          - export SIRPORTLY_SECRET={F('sirportly-secret', ACCOUNTS[1].secret)}
          - python scripts/report.py --run {uuid4()}  ⟦neg: run UUID⟧
""")


def build_k8s():
    a = ACCOUNTS[3]
    b64 = lambda v: base64.b64encode(v.encode()).decode()
    emit("k8s/helpdesk/sirportly-secret.yaml", f"""apiVersion: v1
kind: Secret
metadata:
  name: sirportly-credentials
  namespace: helpdesk
  uid: {uuid4()}  ⟦neg: object uid (UUID)⟧
  annotations:
    kubectl.kubernetes.io/last-applied-configuration-hash: "{hexs(64)}"  ⟦neg: SHA-256 hash annotation⟧
type: Opaque
data:
  SIRPORTLY_TOKEN: {F('sirportly-token', b64(a.token), encoded=True)}
  SIRPORTLY_SECRET: {F('sirportly-secret', b64(a.secret), encoded=True)}
  SIRPORTLY_APPLICATION: {F('sirportly-application-token', b64(APP_TOKENS[0]), encoded=True)}
  DB_PASSWORD: {F('password-in-config', b64(password()), encoded=True)}
---
apiVersion: v1
kind: Secret
metadata:
  name: sirportly-credentials-template
  namespace: helpdesk-dev
type: Opaque
data:
  SIRPORTLY_TOKEN: {b64('changeme')}  ⟦neg: base64 of a placeholder⟧
  SIRPORTLY_SECRET: {b64('your_secret_here')}  ⟦neg: base64 of a placeholder⟧
  DB_PASSWORD: ""  ⟦neg: empty value⟧
""")
    emit("k8s/helpdesk/deployment.yaml", f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: helpdesk-sync
  namespace: helpdesk
  labels:
    app: helpdesk-sync
spec:
  replicas: 2
  selector:
    matchLabels:
      app: helpdesk-sync
  template:
    metadata:
      labels:
        app: helpdesk-sync
      annotations:
        checksum/config: {hexs(64)}  ⟦neg: config checksum (64 hex)⟧
    spec:
      containers:
        - name: sync
          image: registry.example.com/helpdesk/sync@sha256:{hexs(64)}  ⟦neg: image digest⟧
          env:
            - name: SIRPORTLY_TOKEN
              valueFrom:
                secretKeyRef:
                  name: sirportly-credentials
                  key: SIRPORTLY_TOKEN  ⟦neg: secret key reference⟧
            - name: SIRPORTLY_SECRET
              valueFrom:
                secretKeyRef: {{name: sirportly-credentials, key: SIRPORTLY_SECRET}}  ⟦neg: secret key reference⟧
            - name: SIRPORTLY_APPLICATION
              value: "{F('sirportly-application-token', APP_TOKENS[0])}"
            - name: SIRPORTLY_FALLBACK_SECRET
              value: {F('sirportly-secret', ACCOUNTS[0].secret)}
            - name: POD_UID
              valueFrom:
                fieldRef: {{fieldPath: metadata.uid}}
""")
    emit("k8s/helpdesk/configmap.yaml", f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: helpdesk-config
  namespace: helpdesk
data:
  SIRPORTLY_URL: https://api.sirportly.com
  SIRPORTLY_DEPARTMENT: "4"
  TRACE_SAMPLER_ID: "{uuid4()}"  ⟦neg: sampler UUID⟧
  config.yml: |
    sirportly:
      token: {F('sirportly-token', ACCOUNTS[5].token)}
      secret: {F('sirportly-secret', ACCOUNTS[5].secret)}
    smtp:
      password: {F('password-in-config', password())}
""")
    emit("k8s/helpdesk/sealed-secret.yaml", f"""apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: sirportly-credentials
  namespace: helpdesk
spec:
  encryptedData:
    SIRPORTLY_TOKEN: AgB{base64.b64encode(R.randbytes(420)).decode()}  ⟦neg: sealed (encrypted) value⟧
    SIRPORTLY_SECRET: AgC{b64_blob_with_50_run(560)}  ⟦neg: sealed value containing a 50-char alphanumeric run⟧
""")
    emit("k8s/charts/helpdesk/values.yaml", f"""replicaCount: 2
image:
  repository: registry.example.com/helpdesk/app
  tag: "{hexs(12)}"
sirportly:
  existingSecret: sirportly-credentials  ⟦neg: reference to a Secret by name⟧
  token: ""  ⟦neg: empty value⟧
  secret: ""  ⟦neg: empty value⟧
postgresql:
  auth:
    username: helpdesk
    password: "{F('password-in-config', password())}"
    postgresPassword: ""  ⟦neg: empty value⟧
redis:
  auth:
    password: "{{{{ .Values.global.redisPassword }}}}"  ⟦neg: Helm template reference⟧
externalSecrets:
  vaultPath: secret/data/helpdesk/sirportly  ⟦neg: vault path⟧
""")
    emit("k8s/helpdesk/kubeconfig", f"""apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1J{b64_blob_with_50_run(1160)}  ⟦neg: CA certificate (public) containing a 50-char alphanumeric run⟧
    server: https://k8s.internal.example.com:6443
  name: prod
users:
- name: ci
  user:
    token: {F('jwt', jwt({"iss": "kubernetes/serviceaccount", "kubernetes.io/serviceaccount/namespace": "helpdesk", "sub": "system:serviceaccount:helpdesk:ci"}))}
contexts:
- context: {{cluster: prod, user: ci}}
  name: prod
current-context: prod
""")


def build_docker_tf():
    emit("docker/Dockerfile", f"""FROM ruby:3.3-slim@sha256:{hexs(64)}  ⟦neg: base image digest⟧
WORKDIR /app
ENV RAILS_ENV=production \\
    SIRPORTLY_URL=https://api.sirportly.com
ENV SIRPORTLY_TOKEN={F('sirportly-token', ACCOUNTS[2].token)}
ENV SIRPORTLY_SECRET={F('sirportly-secret', ACCOUNTS[2].secret)}
COPY Gemfile Gemfile.lock ./
RUN bundle config set without 'development test' && bundle install
COPY . .
RUN --mount=type=secret,id=sirportly_secret SIRPORTLY_SECRET=$(cat /run/secrets/sirportly_secret) bin/rails assets:precompile  ⟦neg: BuildKit secret mount⟧
CMD ["bin/rails", "server", "-b", "0.0.0.0"]
""")
    emit("docker/Dockerfile.worker", f"""FROM python:3.12-slim
ARG SIRPORTLY_TOKEN  ⟦neg: build argument name only⟧
ARG PIP_INDEX_URL=https://ci:{F('password-in-url', password())}@pypi.internal.example.com/simple/
RUN pip install --no-cache-dir helpdesk-worker==2.4.1
RUN echo "{uuid4()}" > /etc/build-id  ⟦neg: build UUID⟧
CMD ["helpdesk-worker"]
""")
    emit("infra/terraform/main.tf", f"""terraform {{
  required_providers {{
    aws = {{ source = "hashicorp/aws", version = "~> 5.0" }}
  }}
}}

provider "aws" {{
  region     = "eu-west-2"
  access_key = "{F('aws-access-key-id', aws_key_id())}"
  secret_key = "{F('aws-secret-access-key', aws_secret())}"
}}

variable "sirportly_secret" {{
  type      = string
  sensitive = true  ⟦neg: variable declaration⟧
}}

resource "aws_ssm_parameter" "sirportly_token" {{
  name  = "/helpdesk/sirportly/token"
  type  = "SecureString"
  value = "{F('sirportly-token', ACCOUNTS[0].token)}"
}}

resource "aws_ssm_parameter" "sirportly_secret" {{
  name  = "/helpdesk/sirportly/secret"
  type  = "SecureString"
  value = var.sirportly_secret  ⟦neg: variable reference⟧
}}

resource "aws_db_instance" "helpdesk" {{
  identifier = "helpdesk"
  username   = "helpdesk"
  password   = "{F('password-in-config', password())}"
}}
""")
    emit("infra/terraform/terraform.tfvars", f"""sirportly_secret = "{F('sirportly-secret', ACCOUNTS[0].secret)}"
datadog_api_key  = "{F('datadog-api-key', hexs(32))}"
vault_token      = "{F('vault-service-token', vault_token())}"
tfc_token        = "{F('terraform-cloud-token', tfc_token())}"
cluster_id       = "{uuid4()}"  ⟦neg: cluster UUID⟧
""")
    emit("infra/ansible/group_vars/all.yml", f"""---
helpdesk_user: helpdesk
helpdesk_db_password: !vault |  ⟦neg: Ansible Vault tag⟧
  $ANSIBLE_VAULT;1.1;AES256
  {hexs(64)}  ⟦neg: Ansible Vault ciphertext (hex)⟧
  {hexs(64)}  ⟦neg: Ansible Vault ciphertext (hex)⟧
sirportly_token: "{{{{ lookup('hashi_vault', 'secret=secret/data/sirportly:token') }}}}"  ⟦neg: vault lookup⟧
sirportly_secret: "{F('sirportly-secret', ACCOUNTS[3].secret)}"
rabbitmq_password: {F('password-in-config', password())}
""")


def build_docs():
    emit("docs/integrations/sirportly.md", f"""# Sirportly integration

The sync service talks to the [Sirportly API](https://sirportly.com/docs/api-specification) with
**account authentication**: an API token and secret created under *Admin > API Tokens*.

| header | value |
| ------------------------------------ | --- |
| `X-Auth-Token` | the 36-character token |  ⟦neg: header name in a table⟧
| `X-Auth-Secret` | the 50-character secret |  ⟦neg: header name in a table⟧

------------------------------------  ⟦neg: 36 dashes (token alphabet, not a token)⟧

The documentation gives these example values (they are not live credentials):

```
X-Auth-Token: {DOC_TOKEN}  ⟦neg: Sirportly documentation example token⟧
X-Auth-Secret: {DOC_SECRET}  ⟦neg: Sirportly documentation example secret⟧
X-Auth-Application: {DOC_TOKEN}  ⟦neg: Sirportly documentation example application token⟧
```

For the mobile app we use **user authentication**: the app sends the user's username and password
once to obtain a token and secret, stores only those, and sends them with `X-Auth-Application`.
The password itself must never be stored (Sirportly's terms forbid it).

```ruby
client = Sirportly::Client.new(ENV["SIRPORTLY_TOKEN"], ENV["SIRPORTLY_SECRET"])  ⟦neg: ENV references⟧
client = Sirportly::Client.new("<token>", "<secret>")  ⟦neg: angle-bracket placeholders⟧
```

Request ids in our logs look like `{uuid4()}`; they are not tokens.  ⟦neg: request id example⟧
Ticket `{ticket_ref()}` ({uuid4()}) tracks the migration.  ⟦neg: ticket reference and UUID⟧
""")
    emit("docs/runbooks/sirportly-outage.md", f"""# Runbook: Sirportly API returning 401

1. Check the sync logs for `AccessDenied` (request ids such as `{uuid4()}`).  ⟦neg: request UUID⟧
2. Verify the credentials the pods use:

   ```sh
   kubectl -n helpdesk get secret sirportly-credentials -o jsonpath='{{.data.SIRPORTLY_TOKEN}}' | base64 -d
   ```

3. Compare with the pair in 1Password ("Sirportly API - production").

Incident 2026-11-28 notes (paste from the bridge call, to be cleaned up):

    token  {F('sirportly-token', ACCOUNTS[0].token)}
    secret {F('sirportly-secret', ACCOUNTS[0].secret)}
    old token {F('sirportly-token', ACCOUNTS[5].token)} (revoked?)

4. If the pair was rotated, update the secret and restart: `kubectl rollout restart deploy/helpdesk-sync`.
5. Grafana admin (break-glass): `admin` / `{F('password-hardcoded', password())}`
""")
    emit("docs/CHANGELOG.md", f"""# Changelog

## 2.4.1 (2026-11-20)
- Sirportly: send `X-Request-Id` with every call ({hexs(40)[:12]}).  ⟦neg: abbreviated commit SHA⟧
- Fix pagination when `pages` is missing ({hexs(40)}).  ⟦neg: commit SHA⟧
- Token validation now rejects `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` placeholders.  ⟦neg: placeholder token⟧

## 2.4.0 (2026-10-02)
- Migrated ticket ids to UUIDv7 (e.g. `{uuid7()}`).  ⟦neg: UUIDv7 example⟧
- Passwords are hashed with argon2id: `{F('hashed-password', argon2_hash())}`.
""")
    emit("docs/api/README.md", f"""# helpdesk-api

Start locally:

```sh
cp .env.example .env
export SIRPORTLY_TOKEN=$(op read op://Dev/Sirportly/token)  ⟦neg: 1Password reference⟧
bin/dev
```

Example request (use your own values):

```sh
curl -H "X-Auth-Token: $SIRPORTLY_TOKEN" -H "X-Auth-Secret: $SIRPORTLY_SECRET" \\  ⟦neg: variable references⟧
  https://api.sirportly.com/api/v2/tickets/all
```

The login endpoint takes `username` and `password` form fields:

```sh
curl -d username=jdoe -d password=hunter2 -H "X-Auth-Application: $APP_TOKEN" https://api.sirportly.com/api/v2/users/authenticate  ⟦neg: textbook placeholder password in documentation⟧
```

Seed users have password `password123`; hashes in `db/seeds.rb` look like `{F('hashed-password', bcrypt_hash())}`.
The staging token is `{F('sirportly-token', ACCOUNTS[1].token)}` (ask #helpdesk-dev for the secret).
""")
    emit("docs/wiki/Onboarding.md", f"""## Accounts you need

* Sirportly staff login -- ask IT. Your password is personal; never put it in a config file.  ⟦neg: prose about passwords⟧
* VPN: `vpn.example.com`, user = your email, password = your SSO password.  ⟦neg: prose placeholders⟧
* Shared test account: `qa-bot@example.com` / `{F('password-hardcoded', password())}`
* Postman collection: import `helpdesk.postman_collection.json` and set `sirportly_token` in your environment.  ⟦neg: variable name only⟧
* Postman API key for CI (do not share): `{F('postman-api-key', postman())}`
""")


def build_lockfiles():
    pkgs = ["axios", "follow-redirects", "form-data", "proxy-from-env", "@slack/web-api", "ws", "eventemitter3", "p-queue", "jsonwebtoken", "uuid"]
    lines = ['{', '  "name": "helpdesk-notify",', '  "version": "1.3.0",', '  "lockfileVersion": 3,', '  "requires": true,', '  "packages": {',
             '    "": {', '      "name": "helpdesk-notify",', '      "version": "1.3.0",', '      "dependencies": {', '        "axios": "^1.7.7"', '      }', '    },']
    for i, p in enumerate(pkgs):
        v = f"{R.randrange(1, 9)}.{R.randrange(0, 20)}.{R.randrange(0, 20)}"
        integ = sha512_integrity() if i % 2 == 0 else sha512_plain()
        lines += [f'    "node_modules/{p}": {{', f'      "version": "{v}",',
                  f'      "resolved": "https://registry.npmjs.org/{p}/-/{p.split("/")[-1]}-{v}.tgz",',
                  f'      "integrity": "{integ}",' + N("npm integrity hash (sha512 base64)"),
                  '      "license": "MIT"', '    }' + ("," if i < len(pkgs) - 1 else "")]
    lines += ['  }', '}']
    emit("lockfiles/package-lock.json", "\n".join(lines) + "\n")
    gems = ["sirportly 1.4.0", "faraday 2.12.0", "faraday-net_http 3.3.0", "json 2.7.2", "rack 3.1.8", "uri 1.0.2"]
    g = ["GEM", "  remote: https://rubygems.org/", "  specs:"]
    for gem in gems:
        n, v = gem.split()
        g.append(f"    {n} ({v})")
    g += ["", "PLATFORMS", "  ruby", "  x86_64-linux", "", "DEPENDENCIES", "  sirportly (~> 1.4)", "", "CHECKSUMS"]
    for gem in gems:
        n, v = gem.split()
        g.append(f"  {n} ({v}) sha256={sha256_hex()}" + N("gem checksum (sha256 hex)"))
    g += ["", "BUNDLED WITH", "   2.5.22"]
    emit("lockfiles/Gemfile.lock", "\n".join(g) + "\n")
    mods = ["github.com/google/uuid v1.6.0", "github.com/stretchr/testify v1.9.0", "golang.org/x/net v0.30.0", "golang.org/x/sys v0.26.0", "gopkg.in/yaml.v3 v3.0.1"]
    s = []
    for m in mods:
        s.append(f"{m} h1:{base64.b64encode(R.randbytes(32)).decode()}" + N("go.sum module hash"))
        s.append(f"{m}/go.mod h1:{base64.b64encode(R.randbytes(32)).decode()}" + N("go.sum go.mod hash"))
    emit("lockfiles/go.sum", "\n".join(s) + "\n")
    y = ["# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.", "# yarn lockfile v1", ""]
    for p in ["axios", "uuid", "ws"]:
        v = f"{R.randrange(1, 9)}.{R.randrange(0, 20)}.{R.randrange(0, 20)}"
        y += [f'{p}@^{v}:', f'  version "{v}"', f'  resolved "https://registry.yarnpkg.com/{p}/-/{p}-{v}.tgz#{sha1_hex()}"' + N("tarball SHA-1"),
              f'  integrity {sha512_integrity()}' + N("integrity hash with a 50-char alphanumeric run"), ""]
    emit("lockfiles/yarn.lock", "\n".join(y))
    emit("lockfiles/Podfile.lock", f"""PODS:
  - Alamofire (5.9.1)
  - KeychainAccess (4.2.2)

DEPENDENCIES:
  - Alamofire (~> 5.9)
  - KeychainAccess

SPEC CHECKSUMS:
  Alamofire: {sha1_hex()}  ⟦neg: CocoaPods spec checksum (SHA-1)⟧
  KeychainAccess: {sha1_hex()}  ⟦neg: CocoaPods spec checksum (SHA-1)⟧

PODFILE CHECKSUM: {sha1_hex()}  ⟦neg: Podfile checksum⟧

COCOAPODS: 1.15.2
""")


def build_minified():
    a = ACCOUNTS[4]
    chunks = []
    for i in range(260):
        chunks.append(f'function r{i}(e,t){{return e.id==="{uuid4()}"?t:null}}var c{i}="{hexs(40)}";')
    neg_line = "".join(chunks)
    leak = (f'!function(){{"use strict";var e={{baseURL:"https://api.sirportly.com/api/v2",timeout:1e4}};'
            + "".join(f'function s{i}(e){{return Object.assign({{}},e,{{k{i}:{i}}})}}' for i in range(400))
            + f'var t=axios.create(Object.assign(e,{{headers:{{"X-Auth-Token":"{F("sirportly-token", a.token)}","X-Auth-Secret":"{F("sirportly-secret", a.secret)}"}}}}));'
            + "".join(f'function u{i}(n){{return t.get("/tickets/all?page="+n+"&x={i}")}}' for i in range(400))
            + f'window.__maps="{F("google-api-key", google_api_key())}";}}();')
    emit("web/dist/assets/app.8c1f2e.min.js", "/*! helpdesk-portal v2.4.1 | (c) Example Ltd | MIT */\n" + leak + "\n" + neg_line + N("minified code full of UUID comparisons and 40-hex constants") + "\n//# sourceMappingURL=app.8c1f2e.min.js.map\n")
    vendor = "".join(f'var m{i}="{b64_blob_with_50_run(300)}";' for i in range(60))
    emit("web/dist/assets/vendor.3b9a71.min.js", "/*! vendor bundle */\n" + vendor + N("embedded base64 assets with 50-char alphanumeric runs") + "\n")


def build_sql():
    rows_users = []
    for i in range(8):
        h = R.choice([bcrypt_hash(), argon2_hash(), ssha_hash()])
        rows_users.append(f"({1000 + i}, '{uuid4()}', '{R.choice(USERS)}@example.com', '{F('hashed-password', h)}', NOW()),")
    rows_users[-1] = rows_users[-1][:-1] + ";"
    a, b = ACCOUNTS[2], ACCOUNTS[5]
    emit("db/dumps/helpdesk-2026-11-28.sql", f"""-- MySQL dump 10.13  Distrib 8.0.40
-- Host: db.internal    Database: helpdesk
SET NAMES utf8mb4;

INSERT INTO `users` (`id`, `uuid`, `email`, `password_digest`, `created_at`) VALUES  ⟦neg: column names only⟧
""" + "\n".join(rows_users) + f"""

INSERT INTO `integrations` (`id`, `provider`, `settings`) VALUES
(1, 'sirportly', '{{"token":"{F('sirportly-token', a.token)}","secret":"{F('sirportly-secret', a.secret)}"}}'),
(2, 'sirportly', '{{"token":"{F('sirportly-token', b.token)}","secret":"{F('sirportly-secret', b.secret)}","application":"{F('sirportly-application-token', APP_TOKENS[2])}"}}'),
(3, 'slack', '{{"bot_token":"{F('slack-bot-token', slack_bot())}"}}'),
(4, 'sirportly', '{{"token":null,"secret":null,"request_id":"{uuid4()}"}}');  ⟦neg: null credentials and a request UUID⟧

INSERT INTO `tickets` (`id`, `uuid`, `reference`, `subject`) VALUES
""" + "\n".join(f"({i}, '{uuid4()}', '{ticket_ref()}', 'Imported from Sirportly'),  ⟦neg: ticket UUID and reference⟧" for i in range(1, 8)) + f"""
(8, '{uuid1()}', '{ticket_ref()}', 'Imported from Sirportly');  ⟦neg: ticket UUIDv1⟧

INSERT INTO `mobile_sessions` (`user_id`, `username`, `password`, `device`) VALUES  ⟦neg: column names only⟧
(1001, 'priya.n', '{F('password-persisted-by-app', password())}', '{uuid4().upper()}');
""")


def build_binaries():
    # A PNG whose tEXt chunk carries a header line; the scanner skips binary files by default.
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 32, 32, 8, 6, 0, 0, 0)
    raw = b"".join(b"\x00" + R.randbytes(32 * 4) for _ in range(32))
    text = b"Comment\x00X-Auth-Token: " + sp_token().encode() + b" X-Auth-Secret: " + sp_secret().encode()
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"tEXt", text) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    emit_binary("assets/images/logo.png", png)
    # A SQLite-like page with a credentials row.
    page = bytearray(4096)
    header = b"SQLite format 3\x00" + struct.pack(">HBBBBBBIIIIIIIIIIII", 4096, 1, 1, 0, 64, 32, 32, 2, 2, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0)
    page[:len(header)] = header
    row = f"sirportly|{sp_token()}|{sp_secret()}|{password()}".encode()
    page[3000:3000 + len(row)] = row
    emit_binary("data/cache/offline.sqlite", bytes(page) + bytes(4096))


def build_more_providers():
    emit("config/env/.env.integrations", f"""# Third-party integrations for the ops bot (staging)
GITHUB_FINE_GRAINED_TOKEN={F('github-pat-fine-grained', github_pat())}
GITHUB_APP_INSTALLATION_TOKEN={F('github-app-token', ghs())}
GITLAB_TOKEN={F('gitlab-pat', glpat())}
SLACK_USER_TOKEN={F('slack-user-token', slack_user())}
SLACK_APP_TOKEN={F('slack-app-token', f"xapp-1-A{rs(10, UPPER + DIGITS)}-{R.randrange(10**12, 10**13)}-{hexs(64)}")}
SHOPIFY_ACCESS_TOKEN={F('shopify-access-token', shpat())}
ATLASSIAN_API_TOKEN={F('atlassian-api-token', atlassian())}
DIGITALOCEAN_TOKEN={F('digitalocean-pat', dop())}
DATABRICKS_TOKEN={F('databricks-token', databricks())}
TELEGRAM_BOT_TOKEN={F('telegram-bot-token', telegram())}
NEW_RELIC_API_KEY={F('new-relic-user-api-key', nrak())}
SENTRY_AUTH_TOKEN={F('sentry-auth-token', sentry_user())}
DOPPLER_TOKEN={F('doppler-token', doppler())}
GRAFANA_SERVICE_ACCOUNT_TOKEN={F('grafana-service-account-token', grafana_sa())}
SUPABASE_ACCESS_TOKEN={F('supabase-access-token', supabase())}
MAILCHIMP_API_KEY={F('mailchimp-api-key', hexs(32) + '-us' + str(R.randrange(2, 21)))}
HEROKU_API_KEY={F('heroku-api-key', 'HRKU-AA' + rs(58, B64URL))}
PULUMI_ACCESS_TOKEN={F('pulumi-access-token', 'pul-' + hexs(40))}
AGE_KEY={F('age-secret-key', age_key())}
ANTHROPIC_ADMIN_KEY={F('anthropic-admin-key', 'sk-ant-admin01-' + rs(93, B64URL) + 'AA')}
HUGGINGFACE_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx  ⟦neg: placeholder token⟧
OPENAI_API_KEY=sk-...  ⟦neg: truncated placeholder⟧
OPS_BOT_INSTANCE={uuid4()}  ⟦neg: instance UUID⟧
""")
    emit("src/php/config/jwt.php", f"""<?php
// Signing key for the portal's single sign-on tokens
return [
    'alg' => 'RS256',
    'private_key' => <<<'PEM'
{F('private-key', rsa_private_key())}
PEM,
    'public_key_path' => storage_path('jwt/public.pem'),  ⟦neg: path to a public key⟧
    'kid' => '{uuid4()}',  ⟦neg: key id UUID⟧
];
""")
    emit("config/yaml/tls.yml", f"""tls:
  certificate: /etc/ssl/helpdesk/fullchain.pem
  key: |
    {F('private-key', ec_private_key().replace(chr(10), chr(10) + '    '))}
  session_ticket_key_file: /etc/ssl/helpdesk/ticket.key  ⟦neg: file path⟧
""")
    emit("logs/app/auth-service.log", "\n".join([
        f"2026-11-28T21:{m:02d}:{R.randrange(60):02d}.{R.randrange(1000):03d}Z INFO  auth issued session for user={uuid4()} jti={uuid4()}" + N("user and JWT id UUIDs")
        for m in range(10)] + [
        f"2026-11-28T21:12:44.101Z DEBUG auth Authorization: Bearer {F('jwt', jwt())}",
        f"2026-11-28T21:12:45.871Z DEBUG auth verifying token eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.[REDACTED]" + N("JWT header only; payload and signature redacted"),
        f"2026-11-28T21:13:02.333Z WARN  twilio sms failed account=AC{hexs(32)} auth_token={F('twilio-auth-token', hexs(32))}",
        f"2026-11-28T21:13:09.914Z ERROR vault request failed X-Vault-Token: {F('vault-service-token', vault_token())}",
        f"2026-11-28T21:14:10.020Z INFO  azure upload https://helpdeskfiles.blob.core.windows.net/exports/tickets.csv?sv=2022-11-02&ss=b&srt=o&sp=rw&se=2026-12-01T00:00:00Z&sig={F('azure-sas-token', azure_sig())}",
        f"2026-11-28T21:15:10.020Z INFO  azure upload https://helpdeskfiles.blob.core.windows.net/exports/tickets.csv?sv=2022-11-02&sp=r&sig=REDACTED" + N("SAS signature redacted"),
    ]) + "\n")


def build_extra_formats():
    # Postman collection (variables) and an exported environment (values).
    coll = {"info": {"_postman_id": uuid4() + N("collection id UUID"), "name": "Sirportly API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
            "item": [{"name": "All tickets", "request": {"method": "GET", "header": [
                {"key": "X-Auth-Token", "value": "{{sirportly_token}}" + N("Postman variable reference"), "type": "text"},
                {"key": "X-Auth-Secret", "value": "{{sirportly_secret}}" + N("Postman variable reference"), "type": "text"}],
                "url": {"raw": "https://api.sirportly.com/api/v2/tickets/all", "protocol": "https", "host": ["api", "sirportly", "com"], "path": ["api", "v2", "tickets", "all"]}}},
                {"name": "Login", "request": {"method": "POST", "header": [{"key": "X-Auth-Application", "value": "{{sirportly_application}}" + N("Postman variable reference")}],
                 "body": {"mode": "urlencoded", "urlencoded": [{"key": "username", "value": "{{username}}"}, {"key": "password" + N("parameter name only"), "value": "{{password}}" + N("Postman variable reference")}]},
                 "url": {"raw": "https://api.sirportly.com/api/v2/users/authenticate"}}}]}
    emit("api-clients/postman/Sirportly.postman_collection.json", jdumps(coll, indent="\t") + "\n")
    env = {"id": uuid4() + N("environment id UUID"), "name": "Sirportly production", "values": [
        {"key": "sirportly_token", "value": F("sirportly-token", ACCOUNTS[2].token), "type": "secret", "enabled": True},
        {"key": "sirportly_secret", "value": F("sirportly-secret", ACCOUNTS[2].secret), "type": "secret", "enabled": True},
        {"key": "sirportly_application", "value": F("sirportly-application-token", APP_TOKENS[1]), "type": "default", "enabled": True},
        {"key": "username", "value": "priya.n", "type": "default", "enabled": True},
        {"key": "password" + N("key name only"), "value": F("password-in-config", password()), "type": "secret", "enabled": True}],
        "_postman_variable_scope": "environment", "_postman_exported_at": "2026-11-27T16:02:11.204Z", "_postman_exported_using": "Postman/11.19.0"}
    emit("api-clients/postman/Sirportly-production.postman_environment.json", jdumps(env, indent="\t") + "\n")
    emit("api-clients/insomnia/insomnia-export.yaml", f"""_type: export
__export_format: 4
__export_source: insomnia.desktop.app:v10.1.1
resources:
  - _id: req_{hexs(32)}  ⟦neg: Insomnia object id (hex)⟧
    _type: request
    name: Sirportly statuses
    method: GET
    url: https://api.sirportly.com/api/v2/objects/statuses
    headers:
      - name: X-Auth-Token
        value: "{F('sirportly-token', ACCOUNTS[0].token)}"
      - name: X-Auth-Secret
        value: "{F('sirportly-secret', ACCOUNTS[0].secret)}"
      - name: X-Request-Id
        value: "{{% uuid 'v4' %}}"
  - _id: env_{hexs(32)}  ⟦neg: Insomnia object id (hex)⟧
    _type: environment
    data:
      token: "{{{{ _.vault.sirportly_token }}}}"  ⟦neg: template reference⟧
""")
    # Python http.client debug output: headers inside a bytes literal with escaped CRLF.
    a = ACCOUNTS[3]
    emit("logs/app/requests-debug.log", f"""DEBUG:urllib3.connectionpool:Starting new HTTPS connection (1): api.sirportly.com:443
send: b'GET /api/v2/tickets/all?page=1 HTTP/1.1\\r\\nHost: api.sirportly.com\\r\\nUser-Agent: python-requests/2.32.3\\r\\nAccept-Encoding: gzip, deflate\\r\\nAccept: */*\\r\\nConnection: keep-alive\\r\\nX-Auth-Token: {F('sirportly-token', a.token)}\\r\\nX-Auth-Secret: {F('sirportly-secret', a.secret)}\\r\\n\\r\\n'
reply: 'HTTP/1.1 200 OK\\r\\n'
header: Content-Type: application/json; charset=utf-8
header: X-Request-Id: {uuid4()}  ⟦neg: response request id⟧
header: ETag: W/"{hexs(32)}"  ⟦neg: ETag⟧
DEBUG:urllib3.connectionpool:https://api.sirportly.com:443 "GET /api/v2/tickets/all?page=1 HTTP/1.1" 200 4412
send: b'POST /api/v2/users/authenticate HTTP/1.1\\r\\nHost: api.sirportly.com\\r\\nX-Auth-Application: {F('sirportly-application-token', APP_TOKENS[0])}\\r\\nContent-Type: application/x-www-form-urlencoded\\r\\n\\r\\n'
send: b'username=kwame.asante&password={F('password-in-log', urllib.parse.quote(password(), safe=''))}'
reply: 'HTTP/1.1 200 OK\\r\\n'
""")
    # Windows-edited env file with CRLF line endings.
    crlf = f"""# exported from the Windows build agent\r
SET SIRPORTLY_TOKEN={F('sirportly-token', ACCOUNTS[1].token)}\r
SET SIRPORTLY_SECRET={F('sirportly-secret', ACCOUNTS[1].secret)}\r
SET BUILD_GUID={{{uuid4().upper()}}}  ⟦neg: braced uppercase GUID⟧\r
SET SQL_PASSWORD={F('password-in-config', password())}\r
"""
    emit("ci/windows/agent-env.cmd", crlf)
    # Chat export with emoji before the pasted credentials.
    msgs = [
        {"type": "message", "user": "U0" + rs(9, UPPER + DIGITS), "ts": f"1764370{R.randrange(100, 999)}.{R.randrange(100000, 999999)}",
         "text": "can someone check request " + uuid4() + " for me? 🙏" + N("request UUID in chat")},
        {"type": "message", "user": "U0" + rs(9, UPPER + DIGITS), "ts": f"1764370{R.randrange(100, 999)}.{R.randrange(100000, 999999)}",
         "text": "🔑 here you go: X-Auth-Token: " + F("sirportly-token", ACCOUNTS[4].token) + " X-Auth-Secret: " + F("sirportly-secret", ACCOUNTS[4].secret)},
        {"type": "message", "user": "U0" + rs(9, UPPER + DIGITS), "ts": f"1764370{R.randrange(100, 999)}.{R.randrange(100000, 999999)}",
         "text": "😬 please rotate that and use 1Password next time" + N("chat text without credentials")},
        {"type": "message", "user": "U0" + rs(9, UPPER + DIGITS), "ts": f"1764370{R.randrange(100, 999)}.{R.randrange(100000, 999999)}",
         "text": "the docs example is X-Auth-Token: " + DOC_TOKEN + " 👍" + N("Sirportly documentation example token in chat")},
        {"type": "message", "user": "U0" + rs(9, UPPER + DIGITS), "ts": f"1764370{R.randrange(100, 999)}.{R.randrange(100000, 999999)}",
         "text": "wifi in the office is `helpdesk-guest` / `" + F("password-hardcoded", password()) + "`"},
    ]
    emit("exports/slack/helpdesk-dev/2026-11-28.json", "[\n" + ",\n".join("  " + jdumps(m) for m in msgs) + "\n]\n")
    # Sirportly webhook payloads: ids and references only.
    hooks = []
    for i in range(12):
        hooks.append(jdumps({"event": R.choice(["ticket.created", "ticket.updated", "ticket.status_changed"]), "delivery": uuid4(),
                             "ticket": {"id": R.randrange(100000, 999999), "reference": ticket_ref(), "uuid": uuid1(), "department": {"id": 4, "name": "Billing"}},
                             "signature": "sha256=" + sha256_hex()}) + N("webhook delivery UUID, ticket UUIDv1 and HMAC signature (64 hex)"))
    emit("logs/webhooks/sirportly-deliveries.jsonl", "\n".join(hooks) + "\n")
    # Terraform state with a sensitive attribute.
    state = {"version": 4, "terraform_version": "1.9.8", "serial": 42, "lineage": uuid4() + N("state lineage UUID"), "outputs": {},
             "resources": [{"mode": "managed", "type": "aws_ssm_parameter", "name": "sirportly_secret", "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
                            "instances": [{"schema_version": 0, "attributes": {"arn": f"arn:aws:ssm:eu-west-2:{R.randrange(10**11, 10**12)}:parameter/helpdesk/sirportly/secret",
                                                                               "id": "/helpdesk/sirportly/secret", "type": "SecureString",
                                                                               "value": F("sirportly-secret", ACCOUNTS[0].secret), "version": 3},
                                           "sensitive_attributes": [[{"type": "get_attr", "value": "value"}]]}]}]}
    emit("infra/terraform/terraform.tfstate", jdumps(state, indent=2) + "\n")
    # CSV export of integration settings.
    rows = ["id,provider,name,token,secret,created_by"]
    for i, acc in enumerate(ACCOUNTS[:4]):
        rows.append(f"{i + 1},sirportly,Helpdesk {i + 1},{F('sirportly-token', acc.token)},{F('sirportly-secret', acc.secret)},{R.choice(USERS)}")
    rows.append(f"5,sirportly,Sandbox,{DOC_TOKEN},{DOC_SECRET},ljensen" + N("Sirportly documentation example values"))
    rows.append(f"6,sirportly,Disabled,,,{R.choice(USERS)}" + N("empty credentials"))
    emit("exports/integrations.csv", "\n".join(rows) + "\n")
    # Java stack trace with the credentials in an exception message.
    emit("logs/app/ticket-bridge.log", f"""2026-11-28 22:10:04.118 ERROR 1 --- [bridge-poller-1] c.e.bridge.SirportlyPoller : poll failed (request {uuid4()})  ⟦neg: request UUID⟧
org.springframework.web.client.HttpClientErrorException$Unauthorized: 401 Unauthorized: [{{"error":"AccessDenied"}}]
	at org.springframework.web.client.HttpClientErrorException.create(HttpClientErrorException.java:106)
	at com.example.bridge.SirportlyClient.tickets(SirportlyClient.java:47)
Caused by: java.lang.IllegalStateException: rejected credentials [token={F('sirportly-token', ACCOUNTS[5].token)}, secret={F('sirportly-secret', ACCOUNTS[5].secret)}]
	at com.example.bridge.SirportlyPoller.poll(SirportlyPoller.java:33)
2026-11-28 22:10:34.502 INFO 1 --- [bridge-poller-1] c.e.bridge.SirportlyPoller : poll ok, 12 tickets, cursor={uuid4()}  ⟦neg: cursor UUID⟧
2026-11-28 22:11:02.990 WARN 1 --- [main] o.h.e.j.e.i.JdbcEnvironmentInitiator : HHH000342: Could not obtain connection to query metadata (password authentication failed for user "bridge")  ⟦neg: error message mentioning password⟧
""")


# ---------------------------------------------------------------------------------------------
# Formats the context readers were not written for (issue 10): generated after every other file,
# so adding them changes no earlier value.

def extra_formats():
    a, b, c, d = Account(), Account(), Account(), Account()
    app = sp_token()
    # Database dump: settings as key/value rows (INSERT) and a PostgreSQL COPY block.
    emit("db/helpdesk_settings.sql", f"""-- PostgreSQL database dump (helpdesk_bridge)
SET client_encoding = 'UTF8';
CREATE TABLE public.app_settings (id integer NOT NULL, name text NOT NULL, value text);
INSERT INTO public.app_settings (id, name, value) VALUES (1, 'helpdesk.base_url', 'https://support.example.com');
INSERT INTO public.app_settings (id, name, value) VALUES (2, 'helpdesk.sirportly_token', '{F('sirportly-token', a.token)}');
INSERT INTO public.app_settings (id, name, value) VALUES (3, 'helpdesk.sirportly_secret', '{F('sirportly-secret', a.secret)}');
INSERT INTO public.app_settings (id, name, value) VALUES (4, 'helpdesk.last_sync_id', '{uuid4()}');  ⟦neg: sync cursor UUID in a settings row⟧
COPY public.integration_settings (id, integration, setting, value) FROM stdin;
1\tsirportly\tapi_token\t{F('sirportly-token', b.token)}
2\tsirportly\tapi_secret\t{F('sirportly-secret', b.secret)}
3\tsirportly\twebhook_request_id\t{uuid4()}  ⟦neg: request id in a COPY row⟧
4\tsmtp\tpassword\t{F('password-in-config', password())}
\\.
""")
    # systemd unit with credentials in Environment= lines.
    emit("infra/systemd/helpdesk-sync.service", f"""[Unit]
Description=Helpdesk ticket sync (Sirportly)
After=network-online.target

[Service]
Type=simple
User=helpdesk
Environment=SIRPORTLY_URL=https://support.example.com
Environment=SIRPORTLY_TOKEN={F('sirportly-token', c.token)}
Environment="SIRPORTLY_SECRET={F('sirportly-secret', c.secret)}"
Environment=INVOCATION_TRACE_ID={uuid4()}  ⟦neg: trace id in a unit file⟧
ExecStart=/usr/local/bin/helpdesk-sync --interval 60

[Install]
WantedBy=multi-user.target
""")
    # Configuration management: Ansible inventory and vars, Puppet Hiera, Chef data bag, Salt pillar.
    emit("infra/ansible/inventory/helpdesk.ini", f"""[helpdesk]
helpdesk01 ansible_host=10.20.0.11 ansible_user=deploy ansible_become_password={F('password-in-config', password())}
helpdesk02 ansible_host=10.20.0.12 ansible_user=deploy

[helpdesk:vars]
mysql_root_password={F('password-in-config', password())}
""")
    emit("infra/ansible/roles/helpdesk/tasks/main.yml", f"""- name: Create the helpdesk database user
  community.mysql.mysql_user:
    name: helpdesk
    password: "{{{{ helpdesk_db_password }}}}"
    update_password: always  ⟦neg: Ansible option value, not a password⟧
    priv: "helpdesk.*:ALL"
""")
    emit("infra/puppet/hieradata/common.yaml", f"""---
profile::helpdesk::sirportly_url: 'https://support.example.com'
profile::helpdesk::sirportly_token: '{F('sirportly-token', d.token)}'
profile::helpdesk::sirportly_secret: '{F('sirportly-secret', d.secret)}'
profile::helpdesk::cache_dir: '/var/cache/helpdesk'
""")
    e = Account()
    emit("infra/chef/data_bags/helpdesk/sirportly.json", jdumps({
        "id": "sirportly", "url": "https://support.example.com",
        "token": F('sirportly-token', e.token), "secret": F('sirportly-secret', e.secret)}, indent=2) + "\n")
    f = Account()
    emit("infra/salt/pillar/helpdesk.sls", f"""helpdesk:
  sirportly:
    token: {F('sirportly-token', f.token)}
    secret: {F('sirportly-secret', f.secret)}
  database:
    password: {F('password-in-config', password())}
""")
    # Environment-variable fallbacks in code.
    g, h = Account(), Account()
    emit("src/python/helpdesk/settings_fallback.py", f"""import os

SIRPORTLY_TOKEN = os.getenv("SIRPORTLY_TOKEN") or "{F('sirportly-token', g.token)}"
SIRPORTLY_SECRET = os.environ.get("SIRPORTLY_SECRET", "{F('sirportly-secret', g.secret)}")
REQUEST_ID = os.getenv("REQUEST_ID") or "{uuid4()}"  ⟦neg: request id fallback⟧


def check(password):
    return password == "changeme"  ⟦neg: comparison, not an assignment⟧
""")
    emit("src/js/helpdeskEnv.js", f"""const token = process.env.SIRPORTLY_TOKEN || '{F('sirportly-token', h.token)}';
const secret = process.env.SIRPORTLY_SECRET ?? "{F('sirportly-secret', h.secret)}";
const correlationId = process.env.CORRELATION_ID || '{uuid4()}';  ⟦neg: correlation id fallback⟧
module.exports = {{ token, secret, correlationId }};
""")
    # Languages not covered before: VB.NET, R, Lua.
    i, j, k = Account(), Account(), Account()
    emit("src/vbnet/SirportlySettings.vb", f"""Public Module SirportlySettings
    Public Const ApiToken As String = "{F('sirportly-token', i.token)}"
    Public Const ApiSecret As String = "{F('sirportly-secret', i.secret)}"
    Public Const DefaultTicketId As String = "{uuid4()}"  ⟦neg: ticket id constant⟧
End Module
""")
    emit("src/r/sirportly_report.R", f"""library(httr)
sirportly_token <- "{F('sirportly-token', j.token)}"
sirportly_secret <- "{F('sirportly-secret', j.secret)}"
resp <- GET("https://support.example.com/api/v2/tickets/all",
            add_headers(`X-Auth-Token` = sirportly_token, `X-Auth-Secret` = sirportly_secret))
""")
    emit("src/lua/helpdesk.lua", f"""local sirportly = {{
  token = "{F('sirportly-token', k.token)}",
  secret = "{F('sirportly-secret', k.secret)}",
  base = "https://support.example.com",
}}
return sirportly
""")
    # A markup table of credentials.
    m = Account()
    emit("web/admin/integrations.html", f"""<h2>Sirportly integration</h2>
<table class="settings">
  <tr><th>Setting</th><th>Value</th></tr>
  <tr><td>API token</td><td>{F('sirportly-token', m.token)}</td></tr>
  <tr><td>API secret</td><td>{F('sirportly-secret', m.secret)}</td></tr>
  <tr><td>Last request</td><td>{uuid4()}</td></tr>  ⟦neg: request id cell⟧
</table>
""")
    # Values whose key is on another line.
    n = Account()
    emit("docs/runbooks/helpdesk-handover.txt", f"""Helpdesk handover notes (Sirportly)

API token:
    {F('sirportly-token', n.token)}
API secret:
    {F('sirportly-secret', n.secret)}

Last incident reference:
    {uuid4()}  ⟦neg: incident UUID under its label⟧
""")
    # A log whose only hint is its name, with abbreviated fields.
    o = Account()
    emit("logs/app/sirportly-sync.log", f"""2026-11-29 03:00:01 sync start run={uuid4()}  ⟦neg: run id⟧
2026-11-29 03:00:01 auth tok={F('sirportly-token', o.token)} sec={F('sirportly-secret', o.secret)}
2026-11-29 03:00:02 fetched 14 tickets job={uuid4()}  ⟦neg: job id⟧
""")
    # Stored passwords in forms the password rules did not know.
    emit("infra/windows/Register-Agent.ps1", f"""$user = "svc-helpdesk"
$secure = ConvertTo-SecureString '{F('password-hardcoded', password())}' -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($user, $secure)
""")
    emit("config/home/.curlrc", f"""# proxy for the helpdesk sync
proxy = "http://proxy.internal:3128"
proxy-user = "svc-helpdesk:{F('password-in-command', password())}"
""")
    # Hard negatives: typing stubs, comparisons, options and prose that mention passwords.
    emit("src/python/helpdesk/client.pyi", """class HelpdeskClient:
    password: Incomplete  ⟦neg: type annotation⟧
    LONG_PASSWORD: int  ⟦neg: constant type in a stub⟧
    def login(self, user: str, password: str | None = None) -> None: ...
""")
    emit("notes/CHANGES", """1.4.0
 * The sync tool accepts the new --password options.  ⟦neg: prose after a flag⟧
 * --http-password and --proxy-password respectively, as in wget.  ⟦neg: prose after a flag⟧
""")


# ---------------------------------------------------------------------------------------------
# Second round of formats (issue 10, detect2): escaped forms of Sirportly values, stored-password
# stores (CSV exports, parameter stores, app preferences, the Windows Credential Manager, cookies)
# and the application token without a key word. Generated after every other file, so adding them
# changes no earlier value.

def esc_u(text, chars="-"):
    """JSON-style \\u00XX escapes of `chars` in `text`."""
    return "".join(f"\\u{ord(c):04x}" if c in chars else c for c in text)


def esc_x(text, chars=None):
    """\\xHH escapes of `chars` (every character when None)."""
    return "".join(f"\\x{ord(c):02x}" if chars is None or c in chars else c for c in text)


def ent_dec(text, chars="-"):
    return "".join(f"&#{ord(c)};" if c in chars else c for c in text)


def ent_hex(text, chars="-"):
    return "".join(f"&#x{ord(c):x};" if c in chars else c for c in text)


def extra_formats_2():
    a, b, c, d, e = Account(), Account(), Account(), Account(), Account()
    # Escaped forms: a JSON log written by an encoder that escapes '-', a JS bundle with \x escapes,
    # a Python literal, an HTML form with character references, a URL-encoded query string.
    emit("logs/app/bridge-config.jsonl", "\n".join([
        '{"ts":"2026-11-30T08:00:01Z","level":"info","msg":"config loaded","request_id":"' + esc_u(uuid4()) + '"}' + N("request id with escaped dashes"),
        '{"ts":"2026-11-30T08:00:01Z","level":"debug","msg":"sirportly client","sirportly":{"token":"' + F("sirportly-token", esc_u(a.token), encoded=True) + '","secret":"' + F("sirportly-secret", a.secret) + '"}}',
        '{"ts":"2026-11-30T08:00:02Z","level":"info","msg":"caf\\u00e9 sync \\u2014 ok","job_id":"' + esc_u(uuid4()) + '"}' + N("job id with escaped dashes; escaped accents"),
    ]) + "\n")
    emit("web/assets/js/helpdesk-widget.min.js",
         '!function(){var c={url:"https://support.example.com",sirportlyToken:"' + F("sirportly-token", esc_x(b.token), encoded=True)
         + '",sirportlySecret:"' + F("sirportly-secret", esc_x(b.secret, "0123456789"), encoded=True) + '"};window.HelpdeskWidget=c}();\n'
         + 'var trace="' + esc_x(uuid4(), "-") + '";' + N("trace id with \\x2d escapes") + "\n")
    emit("src/python/helpdesk/legacy_settings.py",
         "# generated by the old installer (sirportly bridge)\n"
         + 'SIRPORTLY_TOKEN = "' + F("sirportly-token", esc_x(c.token, "-"), encoded=True) + '"\n'
         + 'SIRPORTLY_SECRET = "' + F("sirportly-secret", c.secret) + '"\n'
         + 'CORRELATION_ID = "' + esc_x(uuid4(), "-") + '"' + N("correlation id with \\x2d escapes") + "\n")
    emit("web/admin/sirportly-form.html",
         '<form action="/settings/sirportly" method="post">\n'
         + '  <input type="hidden" name="request_id" value="' + ent_dec(uuid4()) + '">' + N("request id with character references") + "\n"
         + '  <input type="text" name="x_auth_token" value="' + F("sirportly-token", ent_dec(d.token), encoded=True) + '">\n'
         + '  <input type="text" name="x_auth_secret" value="' + F("sirportly-secret", d.secret) + '">\n'
         + '  <input type="text" name="x_auth_application" value="' + F("sirportly-application-token", ent_hex(APP_TOKENS[2]), encoded=True) + '">\n'
         + "</form>\n")
    emit("logs/nginx/helpdesk-proxy.access.log",
         '10.0.4.7 - - [30/Nov/2026:09:12:44 +0000] "GET /api/v2/tickets/all?auth_token=' + F("sirportly-token", e.token.replace("-", "%2D"), encoded=True)
         + "&auth_secret=" + F("sirportly-secret", e.secret) + ' HTTP/1.1" 200 812 "-" "okhttp/4.12.0"\n'
         + '10.0.4.7 - - [30/Nov/2026:09:12:45 +0000] "GET /api/v2/tickets/all?trace=' + uuid4().replace("-", "%2D") + ' HTTP/1.1" 200 77 "-" "okhttp/4.12.0"'
         + N("URL-encoded trace id") + "\n")

    # A CSV export with a password column and a hash column (reported as hashed-password, low severity).
    rows = ["id,username,email,password,password_hash,last_login_request"]
    for i in range(5):
        u = USERS[i]
        if i == 3:
            rows.append(f"{i + 1},{u},{u}@example.com,,{F('hashed-password', bcrypt_hash())},{uuid4()}")
        else:
            rows.append(f"{i + 1},{u},{u}@example.com,{F('password-in-csv-export', password())},{F('hashed-password', bcrypt_hash())},{uuid4()}")
    emit("exports/helpdesk-users.csv", "\n".join(rows) + "\n")
    emit("exports/agents-no-passwords.csv", "id,username,password_changed_at,session_id\n"
         + "\n".join(f"{i},{USERS[i]},2026-10-0{i + 1},{uuid4()}" + N("date of a password change; session UUID") for i in range(1, 4)) + "\n")

    # Parameter-store export and commands.
    f = Account()
    arn = "arn:aws:ssm:eu-west-2:123456789012:parameter"
    ssm = {"Parameters": [
        {"Name": "/helpdesk/prod/db/password", "Type": "SecureString", "Value": F("password-in-parameter-store", password()), "Version": 4,
         "LastModifiedDate": "2026-11-20T10:02:11.512000+00:00", "ARN": arn + "/helpdesk/prod/db/password", "DataType": "text"},
        {"Name": "/helpdesk/prod/db/host", "Type": "String", "Value": "db.internal.example.com" + N("a host, not a password"), "Version": 1,
         "LastModifiedDate": "2026-11-20T10:02:11.512000+00:00", "ARN": arn + "/helpdesk/prod/db/host", "DataType": "text"},
        {"Name": "/helpdesk/prod/sirportly/secret", "Type": "SecureString", "Value": F("sirportly-secret", f.secret), "Version": 2,
         "LastModifiedDate": "2026-11-20T10:02:11.512000+00:00", "ARN": arn + "/helpdesk/prod/sirportly/secret", "DataType": "text"},
        {"Name": "/helpdesk/prod/deploy_id", "Type": "String", "Value": uuid4() + N("deployment UUID"), "Version": 9,
         "LastModifiedDate": "2026-11-20T10:02:11.512000+00:00", "ARN": arn + "/helpdesk/prod/deploy_id", "DataType": "text"}],
        "InvalidParameters": []}
    emit("exports/ssm/helpdesk-prod-parameters.json", jdumps(ssm, indent=4) + "\n")
    emit("infra/scripts/store-secrets.sh", "#!/usr/bin/env bash\nset -euo pipefail\n"
         + "aws ssm put-parameter --name /helpdesk/prod/smtp_password --type SecureString --value '" + F("password-in-parameter-store", password()) + "' --overwrite\n"
         + 'aws ssm put-parameter --name /helpdesk/prod/db/password --type SecureString --value "$DB_PASSWORD" --overwrite' + N("variable reference") + "\n"
         + "az keyvault secret set --vault-name helpdesk-kv --name ldap-bind-password --value '" + F("password-in-parameter-store", password()) + "'\n"
         + "echo -n '" + F("password-in-parameter-store", password()) + "' | gcloud secrets create helpdesk-redis-password --data-file=-\n"
         + "gcloud secrets versions access latest --secret=helpdesk-redis-password" + N("reads the secret, holds no value") + "\n")

    # Application code persisting the user's password: Flutter, Electron, Java, cookies.
    emit("mobile/flutter/lib/session_store.dart", """import 'package:flutter_secure_storage/flutter_secure_storage.dart';
import 'package:shared_preferences/shared_preferences.dart';

class SessionStore {
  final _secure = const FlutterSecureStorage();

  Future<void> remember(String username, String password, String token) async {
    final prefs = await SharedPreferences.getInstance();
    await prefs.setString('username', username);
    await prefs.setString('password', password);@@L@@
    await _secure.write(key: 'sirportly_token', value: token);  ⟦neg: token in secure storage⟧
    await _secure.write(key: 'password', value: password);  ⟦neg: platform secure storage (see passwords-stores.toml)⟧
  }
}
""".replace("@@L@@", L("password-persisted-in-app-storage")))
    emit("desktop/electron/src/main/credentials.js", """const Store = require('electron-store');
const settings = new Store({ name: 'helpdesk' });

function saveLogin(form) {
  settings.set('username', form.username);
  settings.set('password', form.password);@@L@@
  settings.set('rememberPassword', true);  ⟦neg: a flag⟧
}

module.exports = { saveLogin };
""".replace("@@L@@", L("password-persisted-in-app-storage")))
    emit("src/java/com/example/helpdesk/desktop/LoginPrefs.java", """package com.example.helpdesk.desktop;

import java.util.prefs.Preferences;

public final class LoginPrefs {
    private static final Preferences PREFS = Preferences.userRoot().node("helpdesk");

    static void save(String user, char[] password) {
        PREFS.put("user", user);
        Preferences.userRoot().node("helpdesk").put("password", String.valueOf(password));@@L@@
        PREFS.put("passwordPolicy", "strict");  ⟦neg: a policy name⟧
    }
}
""".replace("@@L@@", L("password-persisted-in-app-storage")))
    emit("src/js/server/routes/login.js", """router.post('/login', async (req, res) => {
  const session = await helpdesk.authenticate(req.body.username, req.body.password);
  res.cookie('sid', session.id, { httpOnly: true });
  res.cookie('password', req.body.password, { maxAge: 2592000000 });@@L@@
  res.clearCookie('password');  ⟦neg: clears a cookie⟧
  res.redirect('/');
});
""".replace("@@L@@", L("password-persisted-in-app-storage")))
    emit("transcripts/curl/login-cookies.txt", "< HTTP/1.1 302 Found\n"
         + "< Set-Cookie: sid=" + hexs(32) + "; Path=/; HttpOnly" + N("session id cookie") + "\n"
         + "< Set-Cookie: password=" + F("password-in-cookie", password()) + "; Path=/; Max-Age=2592000\n"
         + "< Set-Cookie: remember_password=true; Path=/" + N("a flag cookie") + "\n"
         + "< Location: /\n")
    emit("infra/windows/map-drives.cmd", "@echo off\r\n"
         + "cmdkey /add:fs01.corp.example.com /user:CORP\\svc-helpdesk /pass:" + F("password-in-credential-manager", password()) + "\r\n"
         + "cmdkey /add:fs02.corp.example.com /user:CORP\\svc-helpdesk /pass" + N("prompts for the password") + "\r\n"
         + "net use H: \\\\fs01.corp.example.com\\helpdesk /persistent:yes\r\n")


# ---------------------------------------------------------------------------------------------
# Main

def main():
    for name, fn in list(globals().items()):
        if name.startswith("build_") and callable(fn) and fn is not build_rails_log:
            fn()
    build_rails_log("logs/app/production.log")
    build_rails_log("logs/app/production.log.3.gz", gz=True, n=24, start=1764200000)
    extra_formats()
    extra_formats_2()
    # Write files (mode 0600: the corpus is full of secret-shaped values).
    keep = {"README.md", ".tokenauditignore", "tools", "labels.json"}
    for entry in os.listdir(ROOT):
        if entry not in keep:
            p = os.path.join(ROOT, entry)
            shutil.rmtree(p) if os.path.isdir(p) else os.remove(p)
    for rel, data in FILES.items():
        p = os.path.join(ROOT, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
    LABELS["findings"].sort(key=lambda x: (x["file"], x["line"], x["rule"]))
    LABELS["negatives"].sort(key=lambda x: (x["file"], x["line"]))
    with open(os.path.join(ROOT, "labels.json"), "w") as f:
        json.dump(LABELS, f, indent=1)
        f.write("\n")
    counts = {}
    for l in LABELS["findings"]:
        cls = l["rule"] if l["rule"] in SIRPORTLY_RULES else "password" if l["rule"].startswith("password-") else "other"
        counts[cls] = counts.get(cls, 0) + 1
    print(f"{len(FILES)} files, {len(LABELS['findings'])} findings {counts}, {len(LABELS['negatives'])} negatives")


if __name__ == "__main__":
    main()
