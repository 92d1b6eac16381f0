extension BuiltinRules {
    /// Built-in stored-password rules (`password-*`), in the same TOML schema users write in
    /// `.tokenaudit.toml` (docs/RULES.md). Every example value is generated, never a real credential.
    ///
    /// One password is reported once, by the rule whose category it belongs to:
    /// - `password-in-config`: key/value syntax whose key starts its line (.env, YAML, INI, TOML,
    ///   .properties, JSON/PHP/Python/Ruby quoted keys), quoted keys inside `{…}` or `[…]`, XML
    ///   elements and attributes, plists, `define()`, connection strings, Postman variables, Kubernetes env
    ///   lists, mount options. A bare `password = "x"` (also in Python or Ruby) is configuration syntax.
    ///   `.netrc`, `.pgpass`, Docker `config.json`, `.npmrc` and Terraform defaults have rules of their own.
    /// - `password-hardcoded`: code forms: declarations (`let`/`const`/`val`/typed), `:=`, sigils and
    ///   members (`$x`, `@x`, `self.x`), unquoted fields and named arguments after `{`, `(` or `,`, a field
    ///   line ending in `,` or `;`, setters, database driver arguments, `user` / `password` pairs in docs.
    /// - `password-in-url` (`scheme://user:pass@` and `?password=` after `://`), `password-in-command`
    ///   (arguments and inline environment of a command), `password-basic-auth` (decoded `user:pass`).
    /// - `password-in-log`: request lines with a path, `k=v&k=v` bodies, and parameter dumps on lines
    ///   that look like log lines (timestamps, levels, `Parameters:`, JSON log keys); `password-in-config`
    ///   and `password-hardcoded` leave such lines to it (their line allowlist).
    /// - `password-persisted-by-app`: code storing the user's password (forbidden by Sirportly, even in the
    ///   Keychain); the secret span is the stored expression, not a value.
    ///
    /// The regexes share named subpatterns, defined once per regex in a trailing `(?(DEFINE)…)`:
    /// `key`/`ident` (a name ending in a password word), `notkey` (names about a password rather than
    /// holding one: `reset_password`, `password_confirmation`, `hashed_password`), `pwend`, `logline`.
    /// Line breaks are written `\x0a` in single-line forms; rules that span lines spell `\n` so the
    /// engine gives them multi-line windows.
    static let passwordsTOML = #"""
    [[rules]]
    id = "password-in-config"
    title = "Password in a configuration file"
    description = "A password written as a literal value in configuration: .env and shell exports, YAML, JSON, INI, TOML, .properties, XML elements and attributes, .NET appSettings and connection strings, plists, PHP arrays and define(), Ruby hashes, fstab/mount options. Anyone who can read the file, the repository or its history can log in with it. Rotate the password, then load it at run time from the environment or a secret store (Vault, AWS Secrets Manager, Kubernetes Secrets, a CI secret) and keep only the reference in the file."
    severity = "high"
    keywords = ["password", "passwd", "pwd", "pw", "pass", "passphrase", "passwort"]
    regex = '''(?i)(?|^[ \t]*(?:-[ \t]+)?[\x22'](?![-_.])(?!(?:self|this|it|cls)\.)(?&key)[\x22'][ \t]*(?::|=>|=)[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})')|^[ \t]*:(?&key)[ \t]*=>[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})')|^[ \t]*(?:(?:export|set|setenv|declare(?:[ \t]+-x)?)[ \t]+|-[ \t]+)?(?![-_.])(?!(?:self|this|it|cls)\.)(?&key)[ \t]*(?::|=)[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})')(?=[ \t]*(?:#.*)?\r?$)|^[ \t]*(?:(?:export|set|setenv|declare(?:[ \t]+-x)?)[ \t]+|-[ \t]+)?(?![-_.])(?!(?:self|this|it|cls)\.)(?&key)=([^\s\x22'$`{<;&](?:[^\s;&]*[^\s;&,)(])?)(?=(?:[ \t]+#.*)?[ \t]*\r?$)|^[ \t]*(?:(?:export|set|setenv|declare(?:[ \t]+-x)?)[ \t]+|-[ \t]+)?(?![-_.])(?!(?:self|this|it|cls)\.)(?!(?:pwd|pass|passwd)[ \t]*:)(?&key)(?:[ \t]*:[ \t]+|[ \t]+=[ \t]*|=[ \t]+)(?=[^\x0a\r]{3})([^\s\x22'|>{\[<$#`&*!%@,;](?:.{0,254}?[^\s,;])?)(?=(?:[ \t]+[#;].*)?[ \t]*\r?$)|<(?:[\w.-]+:)?(?&key)>[ \t]*(?|<!\[CDATA\[([^\]\x0a]+)\]\]>|([^<\s{$][^<\x0a]*?))[ \t]*</|<[\w:.-]+[ \t][^<>\x0a]*?(?<=\s)(?&key)[ \t]*=[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})')|<add[ \t][^<>\x0a]*?\bkey[ \t]*=[ \t]*[\x22'](?&key)[\x22'][^<>\x0a]*?[ \t]value[ \t]*=[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})')|(?|;[ \t]*(?:password|pwd)[ \t]*=[ \t]*([^;\x22'<>\s$%{](?:[^;\x22'<>\x0a]*[^;\x22'<>\s])?)|(?<![\w.-])(?:password|pwd)[ \t]*=[ \t]*([^;\x22'<>\s$%{](?:[^;\x22'<>\x0a]*[^;\x22'<>\s])?)(?=[ \t]*;[ \t]*[\w ]+=))|<key>(?&key)</key>\s*<string>([^<\s][^<]*?)</string>|\bdefine\(\s*[\x22'](?&key)[\x22']\s*,\s*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})')|[{,(\[][ \t]*[\x22'](?&key)[\x22'][ \t]*(?::|=>)[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})')|\x22key\x22\s*:\s*\x22(?&key)\x22\s*,\s*\x22value\x22\s*:\s*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})')|\bname:[ \t]*[\x22']?(?&key)[\x22']?[ \t]*\r?\x0a[ \t]*value:[ \t]*(?|\x22((?:[^\x22\\\x0a]|\\.){3,})\x22|'([^'\x0a]{3,})'|([^\s\x22'{$&*!|>#][^\x0a]*?))[ \t]*\r?$|\b(?:user(?:name)?|uid)=[^,\s]*,(?:[^,\s]*,)*?(?:password|pass)=([^,\s]+))(?(DEFINE)(?<key>(?=[\w.-]*?(?&pwend)(?![\w-]))(?&notkey)[\w.-]*?(?&pwend)(?![\w-]))(?<notkey>(?![\w.-]*?(?<![A-Za-z0-9])(?:forgot|reset|change|require|required|show|hide|remember|toggle|validate|validation|verify|confirm|min|max|enforce|allow|policy|expire|expiry|expired|strength|label|placeholder|hint|field|input|prompt|error|invalid|missing|enter|hashed|hash|encrypted|crypted|salted|no|empty|use|ask|check|is|has)[_.-]?(?:password|passwd|pwd|pass)))(?<pwend>(?:password|passwd|passphrase|passwort|(?<![A-Za-z])(?:pass|pwd|pw)|(?-i:(?<=[a-z])(?:Pass|Pwd|Pw)))))'''
    references = ["https://cwe.mitre.org/data/definitions/256.html", "https://cwe.mitre.org/data/definitions/798.html", "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"]
    tags = ["password", "config"]
    kind = "password"
    examples = [
      '''DB_PASSWORD=«Vb8#kQ2zLw5t»''',
      '''export MYSQL_ROOT_PASSWORD="«m4Rk9pX2vQ7s»"''',
      '''password = «Gq5!nT8wZr3e»''',
      '''  password: «H7u2Kx9Pq4mW»  # production''',
      '''  password: "«Tz6Ye3Rn8Wq1»"''',
      '''spring.datasource.password=«Lk3Jh7Fd2Sa9»''',
      "smtp_pass: '«w8Pz3Kq6Rt1y»'",
      '''    "password": "«Xc5Vb8Nm2Qw4»",''',
      '''{"host":"db.internal","user":"app","password":"«Rq7Ws2Ed5Tf8»"}''',
      '''
    [database]
    host = db.internal
    password = "«Yh6Uj9Ik3Ol1»"''',
      '''        'password' => '«Pl0Ok9Ij8Uh7»',''',
      '''define('DB_PASSWORD', '«Zx4Cv7Bn1Mq8»');''',
      '''  :password => "«Ty5Gh8Jk2Lp6»",''',
      '''<password>«Qa1Ws2Ed3Rf4»</password>''',
      '''<dataSource url="jdbc:h2:mem" username="sa" password="«Hn7Jm4Ku1Yt9»"/>''',
      '''<add key="SmtpPassword" value="«Mk8Nj5Bh2Vg6»" />''',
      '''
    <key>Password</key>
    	<string>«Wd3Fr6Gt9Hy2»</string>''',
      '''"Default": "Server=sql01;Database=app;User Id=app;Password=«Jk4Lm7Np0Qr3»;"''',
      '''  - POSTGRES_PASSWORD=«Bv6Cx9Zs2Ad5»''',
      '''//fs01/share /mnt/share cifs username=backup,password=«Ui8Op5Kl2Jh9»,uid=1000 0 0''',
      '''db.password: «correct horse battery staple»''',
      '''
    [client]
    user = backup
    password = «Nm3Bv6Cx9Za2»''',
      '''  <password><![CDATA[«Op4Iu7Yt0Re3»]]></password>''',
      '''pw: «Kj7Hg4Fd1Sa8»''',
      '''
    {
    	"key": "password",
    	"value": "«Sm7#Wl1387qz»",
    	"type": "secret"
    }''',
      '''
            - name: DB_PASSWORD
              value: "«Tq3Lp8Vn2Xc5»"''',
    ]
    negativeExamples = [
      '''DB_PASSWORD=''',
      '''DB_PASSWORD=${DB_PASSWORD}''',
      '''password: ${vault:secret/data/db#password}''',
      '''password: "{{ .Values.postgres.password }}"''',
      '''password: <%= ENV['DB_PASSWORD'] %>''',
      '''password = os.environ["DB_PASSWORD"]''',
      '''password: process.env.DB_PASSWORD''',
      '''"password": null,''',
      '''password:''',
      '''password: ~''',
      "password: '********'",
      '''"password": "[FILTERED]"''',
      '''password: <redacted>''',
      '''password: "$2b$12$KIXQJ8bA9l0Jm3r1xkUqEeJ1p3m8cQm3dIh8P2o4bJ6T1y5kT6yNa"''',
      '''userPassword: {SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=''',
      '''password_hash: 5f4dcc3b5aa765d61d8327deb882cf99''',
      '''password_reset_url: https://example.com/reset''',
      '''require_password: true''',
      '''password_min_length: 12''',
      '''password_confirmation: "Confirm your password"''',
      '''  password: "Password"''',
      '''forgot_password: "Forgot your password?"''',
      '''password: !vault |''',
      '''password_file: /run/secrets/db_password''',
      '''PWD=/home/deploy/app''',
      '''bypass = enabled''',
      '''"password": ""''',
      '''password: ENC[AES256_GCM,data:Zm9vYmFy,iv:abc,tag:def,type:str]''',
      '''<input type="password" name="password" placeholder="Password">''',
      '''<password>${db.password}</password>''',
      '''Server=sql01;Database=app;Integrated Security=true;''',
      '''%r{Parameters: {"password"=>"[FILTERED]"}}''',
      '''password: req.body.password''',
      '''    password: userPassword,''',
      '''NOPASSWD: ALL''',
      '''_password=bnBtdXNlcjpMazNKaDdGZDJTYTk=''',
      '''password = "hunter2";''',
      '''password: ghp_ZYPKhrZy2M9CUnVECihaijjaTBV3Ulz4O7KG''',
      '''      POSTGRES_PASSWORD: postgres''',
      '''  password 6d9c7b31-cf96-4f49-ae4a-f9b22409bb5e''',
      '''password: 6d9c7b31-cf96-4f49-ae4a-f9b22409bb5e''',
      '''compass = north''',
      '''passwordless: true''',
      '''pwd: Jim Meyering''',
      '''passwd:         files systemd''',
      '''<password>optional; leave empty if not used.</password>''',
      '''<password>proxypass</password>''',
      '''password = "password123"''',
      '''            password=None,''',
      '''    password: Optional[str] = None''',
      '''        pw = pw + c''',
      "        password = passwd or ''",
      '''    password=key_password,''',
      '''        password = b""''',
      '''    password = Prompt.ask(''',
      '''
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef: {name: db, key: password}''',
      '''
            - name: DB_PASSWORD
              value: ""''',
      '''{"key": "password", "value": "{{password}}"}''',
    ]
    [[rules.allowlists]]
    description = "not a stored password: empty, placeholder, reference, expression, label, mask or hash"
    regexes = [
      '''(?i)^(?:password|passwd|pass|pwd|passphrase|passwort|secret|your[_ -]?\w*|\w*[_-]here|todo|tbd|fixme|placeholder|example|sample|dummy|xxx+|\.{3,}|-+|\?+|true|false|yes|no|on|off|required|optional|string|str|text|none|null|nil|undefined|empty|blank|not[_ -]?set|unset|n/?a|abc|xyz|xyzzy|foo|bar|baz|qux|123|1234|-?anonymous@?|(?:password|passwd|pass|secret)\d{0,4}!?|(?:proxy|db|my|user|admin|root|test|dev)pass(?:word)?)$''',
      '''(?i)^(?:\{\{.*\}\}|\{%.*%\}|\{[\w.]*\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%[\w.()]+%|%\(\w+\)s|%[sd]|@[\w.]+@|__\w+__|#\{.*\}|\\\(.*\)|<%.*%>|\[\[.*\]\]|!(?:vault|Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|If|Base64|env|secret|include|unsafe)\b.*|ENC\[.*|vault:.*|arn:aws:(?:secretsmanager|ssm):.*|@Microsoft\.KeyVault\(.*|op://.*|sm://.*|ref\+.*|secret://.*|env\(.*\)|file:.*)$''',
      '''(?i)^(?:hunter2|correcthorsebatterystaple)''',
      '''[\x00-\x08\x0e-\x1f]''',
      '''^(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db)(?:\s+(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db|\[[^\]]*\]))*$''',
      '''(?i)^(?:postgres|postgresql|mysql|mariadb|root|admin|guest|test|demo|default|user|sa)$''',
      '''^(?:gh[pousr]_|github_pat_|glpat-|glrt-|glptt-|xox[bpae]-|xapp-|[sr]k_live_|AIza|SG\.|npm_|pypi-|rubygems_|dckr_pat_|shp(?:at|ca|pa|ss)_|ATATT|sk-ant-|sk-proj-|hf_|do[po]_v1_|dapi[0-9a-f]|NRAK-|sntry[su]_|hv[sb]\.|PMAK-|lin_api_|ntn_|gl(?:c|sa)_|dp\.(?:pt|st|ct)\.|pul-|sbp_|AGE-SECRET-KEY-|HRKU-|AKIA|ASIA)''',
      '''(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$''',
      '''^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^()]*\))+[!?]?$''',
      '''^(?:String|string|str|SecretStr|SecureString|CharSequence|bytes|Data|char\s*\*)\b''',
      '''^[\w$.\[\]\x22'()]+\s+(?:[-+*/%]|\|\||&&|\?\?|\?|or|and|if|else)\s+\S''',
      '''^[rbuf]{1,2}[\x22'].*[\x22']$''',
      '''^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*\S''',
      '''[(\[{]$''',
      '''(?i)^[A-Za-z_.-]*(?:password|passwd|pwd)[A-Za-z_.-]*$''',
      '''(?i)^(?=.*\b(?:password|passwort|passphrase|enter|your|confirm|forgot|reset|new|current|old|repeat|invalid|incorrect|wrong|required|must|please|show|hide|optional|leave|empty|if|not|the|to|be|is|used|here|set)\b).*\s.*$''',
      '''^(?:/|~/|\./|\.\./)[\w.@/-]*$''',
      '''\xe2\x80\xa6|\.\.\.$''',
      '''(?i)^(?:(?:\*|x|\xe2\x80\xa2){3,}|\[(?:filtered|redacted|hidden|masked|removed|secret)\]|<(?:filtered|redacted|hidden|masked|secret)>|\((?:filtered|redacted|hidden)\)|redacted|filtered|masked)$''',
      '''^\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|apr1|scrypt|pbkdf2[\w-]*|sha512|sha256)\$''',
      '''(?i)^\{(?:S?SHA\d*|S?MD5|CRYPT|BCRYPT|PBKDF2[\w-]*|ARGON2|SSHA512|SSHA256)\}''',
      '''(?i)^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt|bcrypt_sha256|sha1|md5|scrypt)\$''',
      '''(?i)^(?:md5[a-f0-9]{32}|SCRAM-SHA-256\$.*|\*[A-F0-9]{40}|[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$''',
    ]
    [[rules.allowlists]]
    description = "a password parameter on a log line: password-in-log reports it"
    regexTarget = "line"
    regexes = [
      '''(?i)^(?=.{0,256}?(?:\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\b\d\d:\d\d:\d\d\b|\[\d\d/[A-Z][a-z]{2}/\d{4}|(?-i:\b(?:INFO|DEBUG|WARN|WARNING|ERROR|TRACE|FATAL|NOTICE)\b)|(?-i:\bParameters:|\bStarted (?:GET|POST|PUT|PATCH|DELETE)\b|\bProcessing by\b|\b(?:GET|POST|PUT|PATCH|DELETE) (?:/|https?://)|QueryDict|MultiDict)|(?:request[ ._-]?body|req\.body|request\.(?:form|POST|data|json|args)|form[ _-]?data|post[ _-]?data|payload)[ \t]*[:=]|\x22(?:@timestamp|timestamp|time|ts|level|severity|msg|message)\x22[ \t]*:)).{0,2048}?(?<![\w?&;-])[\x22']?[\w.\[\]%-]*?(?:password|passwd|passphrase|passwort|pwd|pass|pw)[\x22']?[ \t]*(?:=>|:|=|,)''',
    ]
    [[rules.allowlists]]
    description = "Debian lintian overrides name packages such as passwd"
    paths = [
      '''(?:^|/)(?:lintian/overrides/|debian/[^/]*lintian-overrides$)''',
    ]

    [[rules]]
    id = "password-in-terraform"
    title = "Password as a Terraform variable default"
    description = "A `variable` block for a password with a literal `default`: the value is in the module source and in every plan and state that uses it. Rotate the password, remove the default, mark the variable `sensitive`, and supply it from a secret store (a data source for Vault / AWS Secrets Manager, or TF_VAR_ from the CI secret)."
    severity = "high"
    keywords = ["variable"]
    regex = '''(?i)\bvariable[ \t]+\x22(?&key)\x22[ \t]*\{(?:[^}\n]|\n)*?\bdefault[ \t]*=[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})')(?(DEFINE)(?<key>(?=[\w.-]*?(?&pwend)(?![\w-]))(?&notkey)[\w.-]*?(?&pwend)(?![\w-]))(?<notkey>(?![\w.-]*?(?<![A-Za-z0-9])(?:forgot|reset|change|require|required|show|hide|remember|toggle|validate|validation|verify|confirm|min|max|enforce|allow|policy|expire|expiry|expired|strength|label|placeholder|hint|field|input|prompt|error|invalid|missing|enter|hashed|hash|encrypted|crypted|salted|no|empty|use|ask|check|is|has)[_.-]?(?:password|passwd|pwd|pass)))(?<pwend>(?:password|passwd|passphrase|passwort|(?<![A-Za-z])(?:pass|pwd|pw)|(?-i:(?<=[a-z])(?:Pass|Pwd|Pw)))))'''
    references = ["https://developer.hashicorp.com/terraform/language/values/variables#suppressing-values-in-cli-output", "https://cwe.mitre.org/data/definitions/798.html"]
    tags = ["password", "config", "terraform"]
    kind = "password"
    window = "multiline"
    examples = [
      '''
    variable "db_password" {
      type    = string
      default = "«Ew6Rt9Yu2Io5»"
    }''',
      '''
    variable "admin_pass" {
      description = "Admin password"
      type        = string
      sensitive   = true
      default     = "«Hs3Jd6Kf9Lg2»"
    }''',
      '''variable "smtp_password" { default = "«Qp1Wo4Ei7Ru0»" }''',
    ]
    negativeExamples = [
      '''
    variable "db_password" {
      type      = string
      sensitive = true
    }''',
      '''
    variable "db_password" {
      default = ""
    }''',
      '''
    variable "password_length" {
      default = "24"
    }''',
      '''
    variable "db_password" {
      default = "${var.fallback}"
    }''',
      '''
    variable "region" {
      default = "eu-west-1"
    }
    variable "db_password" {}''',
    ]
    [[rules.allowlists]]
    description = "not a stored password: empty, placeholder, reference, expression, label, mask or hash"
    regexes = [
      '''(?i)^(?:password|passwd|pass|pwd|passphrase|passwort|secret|your[_ -]?\w*|\w*[_-]here|todo|tbd|fixme|placeholder|example|sample|dummy|xxx+|\.{3,}|-+|\?+|true|false|yes|no|on|off|required|optional|string|str|text|none|null|nil|undefined|empty|blank|not[_ -]?set|unset|n/?a|abc|xyz|xyzzy|foo|bar|baz|qux|123|1234|-?anonymous@?|(?:password|passwd|pass|secret)\d{0,4}!?|(?:proxy|db|my|user|admin|root|test|dev)pass(?:word)?)$''',
      '''(?i)^(?:\{\{.*\}\}|\{%.*%\}|\{[\w.]*\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%[\w.()]+%|%\(\w+\)s|%[sd]|@[\w.]+@|__\w+__|#\{.*\}|\\\(.*\)|<%.*%>|\[\[.*\]\]|!(?:vault|Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|If|Base64|env|secret|include|unsafe)\b.*|ENC\[.*|vault:.*|arn:aws:(?:secretsmanager|ssm):.*|@Microsoft\.KeyVault\(.*|op://.*|sm://.*|ref\+.*|secret://.*|env\(.*\)|file:.*)$''',
      '''(?i)^(?:hunter2|correcthorsebatterystaple)''',
      '''[\x00-\x08\x0e-\x1f]''',
      '''^(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db)(?:\s+(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db|\[[^\]]*\]))*$''',
      '''(?i)^(?:postgres|postgresql|mysql|mariadb|root|admin|guest|test|demo|default|user|sa)$''',
      '''^(?:gh[pousr]_|github_pat_|glpat-|glrt-|glptt-|xox[bpae]-|xapp-|[sr]k_live_|AIza|SG\.|npm_|pypi-|rubygems_|dckr_pat_|shp(?:at|ca|pa|ss)_|ATATT|sk-ant-|sk-proj-|hf_|do[po]_v1_|dapi[0-9a-f]|NRAK-|sntry[su]_|hv[sb]\.|PMAK-|lin_api_|ntn_|gl(?:c|sa)_|dp\.(?:pt|st|ct)\.|pul-|sbp_|AGE-SECRET-KEY-|HRKU-|AKIA|ASIA)''',
      '''(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$''',
      '''^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^()]*\))+[!?]?$''',
      '''^(?:String|string|str|SecretStr|SecureString|CharSequence|bytes|Data|char\s*\*)\b''',
      '''^[\w$.\[\]\x22'()]+\s+(?:[-+*/%]|\|\||&&|\?\?|\?|or|and|if|else)\s+\S''',
      '''^[rbuf]{1,2}[\x22'].*[\x22']$''',
      '''^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*\S''',
      '''[(\[{]$''',
      '''(?i)^[A-Za-z_.-]*(?:password|passwd|pwd)[A-Za-z_.-]*$''',
      '''(?i)^(?=.*\b(?:password|passwort|passphrase|enter|your|confirm|forgot|reset|new|current|old|repeat|invalid|incorrect|wrong|required|must|please|show|hide|optional|leave|empty|if|not|the|to|be|is|used|here|set)\b).*\s.*$''',
      '''^(?:/|~/|\./|\.\./)[\w.@/-]*$''',
      '''\xe2\x80\xa6|\.\.\.$''',
      '''(?i)^(?:(?:\*|x|\xe2\x80\xa2){3,}|\[(?:filtered|redacted|hidden|masked|removed|secret)\]|<(?:filtered|redacted|hidden|masked|secret)>|\((?:filtered|redacted|hidden)\)|redacted|filtered|masked)$''',
      '''^\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|apr1|scrypt|pbkdf2[\w-]*|sha512|sha256)\$''',
      '''(?i)^\{(?:S?SHA\d*|S?MD5|CRYPT|BCRYPT|PBKDF2[\w-]*|ARGON2|SSHA512|SSHA256)\}''',
      '''(?i)^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt|bcrypt_sha256|sha1|md5|scrypt)\$''',
      '''(?i)^(?:md5[a-f0-9]{32}|SCRAM-SHA-256\$.*|\*[A-F0-9]{40}|[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$''',
    ]

    [[rules]]
    id = "password-in-netrc"
    title = "Password in a .netrc entry"
    description = "A `machine … login … password …` entry (.netrc / _netrc, also when written by a Dockerfile or CI script) holds a plaintext password that curl, git, ftp and pip send to that host. Rotate the password; prefer a credential helper or a short-lived token, and never commit or bake the file into an image."
    severity = "high"
    keywords = ["machine"]
    regex = '''(?i)\bmachine[ \t]+(?:localhost|[\w-]+(?:\.[\w-]+)+)(?:(?:[ \t]|\r?\n)+(?:login|account|port)[ \t]+\S+)*(?:[ \t]|\r?\n)+password[ \t]+([^\s\x22']+)'''
    references = ["https://www.gnu.org/software/inetutils/manual/html_node/The-_002enetrc-file.html", "https://cwe.mitre.org/data/definitions/256.html"]
    tags = ["password", "config"]
    kind = "password"
    window = "multiline"
    examples = [
      '''machine api.example.com login deploy password «Vb8#kQ2zLw5t»''',
      '''
    machine git.example.org
      login ci-bot
      password «m4Rk9pX2vQ7s»''',
      '''RUN echo "machine pypi.example.net login build password «Gq5!nT8wZr3e»" > /root/.netrc''',
    ]
    negativeExamples = [
      '''machine api.example.com login deploy''',
      '''machine api.example.com login deploy password''',
      '''the machine learning login page password reset''',
      '''machine api.example.com login deploy password ${NETRC_PASSWORD}''',
      '''machine api.example.com login deploy password ********''',
    ]
    [[rules.allowlists]]
    description = "not a stored password: empty, placeholder, reference, expression, label, mask or hash"
    regexes = [
      '''(?i)^(?:password|passwd|pass|pwd|passphrase|passwort|secret|your[_ -]?\w*|\w*[_-]here|todo|tbd|fixme|placeholder|example|sample|dummy|xxx+|\.{3,}|-+|\?+|true|false|yes|no|on|off|required|optional|string|str|text|none|null|nil|undefined|empty|blank|not[_ -]?set|unset|n/?a|abc|xyz|xyzzy|foo|bar|baz|qux|123|1234|-?anonymous@?|(?:password|passwd|pass|secret)\d{0,4}!?|(?:proxy|db|my|user|admin|root|test|dev)pass(?:word)?)$''',
      '''(?i)^(?:\{\{.*\}\}|\{%.*%\}|\{[\w.]*\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%[\w.()]+%|%\(\w+\)s|%[sd]|@[\w.]+@|__\w+__|#\{.*\}|\\\(.*\)|<%.*%>|\[\[.*\]\]|!(?:vault|Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|If|Base64|env|secret|include|unsafe)\b.*|ENC\[.*|vault:.*|arn:aws:(?:secretsmanager|ssm):.*|@Microsoft\.KeyVault\(.*|op://.*|sm://.*|ref\+.*|secret://.*|env\(.*\)|file:.*)$''',
      '''(?i)^(?:hunter2|correcthorsebatterystaple)''',
      '''[\x00-\x08\x0e-\x1f]''',
      '''^(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db)(?:\s+(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db|\[[^\]]*\]))*$''',
      '''(?i)^(?:postgres|postgresql|mysql|mariadb|root|admin|guest|test|demo|default|user|sa)$''',
      '''^(?:gh[pousr]_|github_pat_|glpat-|glrt-|glptt-|xox[bpae]-|xapp-|[sr]k_live_|AIza|SG\.|npm_|pypi-|rubygems_|dckr_pat_|shp(?:at|ca|pa|ss)_|ATATT|sk-ant-|sk-proj-|hf_|do[po]_v1_|dapi[0-9a-f]|NRAK-|sntry[su]_|hv[sb]\.|PMAK-|lin_api_|ntn_|gl(?:c|sa)_|dp\.(?:pt|st|ct)\.|pul-|sbp_|AGE-SECRET-KEY-|HRKU-|AKIA|ASIA)''',
      '''(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$''',
      '''^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^()]*\))+[!?]?$''',
      '''^(?:String|string|str|SecretStr|SecureString|CharSequence|bytes|Data|char\s*\*)\b''',
      '''^[\w$.\[\]\x22'()]+\s+(?:[-+*/%]|\|\||&&|\?\?|\?|or|and|if|else)\s+\S''',
      '''^[rbuf]{1,2}[\x22'].*[\x22']$''',
      '''^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*\S''',
      '''[(\[{]$''',
      '''(?i)^[A-Za-z_.-]*(?:password|passwd|pwd)[A-Za-z_.-]*$''',
      '''(?i)^(?=.*\b(?:password|passwort|passphrase|enter|your|confirm|forgot|reset|new|current|old|repeat|invalid|incorrect|wrong|required|must|please|show|hide|optional|leave|empty|if|not|the|to|be|is|used|here|set)\b).*\s.*$''',
      '''^(?:/|~/|\./|\.\./)[\w.@/-]*$''',
      '''\xe2\x80\xa6|\.\.\.$''',
      '''(?i)^(?:(?:\*|x|\xe2\x80\xa2){3,}|\[(?:filtered|redacted|hidden|masked|removed|secret)\]|<(?:filtered|redacted|hidden|masked|secret)>|\((?:filtered|redacted|hidden)\)|redacted|filtered|masked)$''',
      '''^\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|apr1|scrypt|pbkdf2[\w-]*|sha512|sha256)\$''',
      '''(?i)^\{(?:S?SHA\d*|S?MD5|CRYPT|BCRYPT|PBKDF2[\w-]*|ARGON2|SSHA512|SSHA256)\}''',
      '''(?i)^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt|bcrypt_sha256|sha1|md5|scrypt)\$''',
      '''(?i)^(?:md5[a-f0-9]{32}|SCRAM-SHA-256\$.*|\*[A-F0-9]{40}|[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$''',
    ]

    [[rules]]
    id = "password-in-pgpass"
    title = "Password in a PostgreSQL password file"
    description = "A `host:port:database:user:password` line of a .pgpass / pgpass.conf file (or PGPASSFILE) gives the password in plaintext to anyone who can read the file. Rotate the database password, keep the file out of repositories and images (mode 0600 in the user's home), or use a secret store or IAM/certificate authentication."
    severity = "high"
    keywords = [":5432:", ":*:", ":5433:", ":6432:"]
    regex = '''^(?!\d+:)(?:\[[0-9A-Fa-f:]+\]|[\w.*-]+):(?:\d{1,5}|\*):(?:[^:\\\s]|\\.)+:(?:[^:\\\s]|\\.)+:(?![\d]+\r?$)((?:[^:\\\s]|\\.)+)\r?$'''
    references = ["https://www.postgresql.org/docs/current/libpq-pgpass.html", "https://cwe.mitre.org/data/definitions/256.html"]
    tags = ["password", "config"]
    kind = "password"
    examples = [
      '''db.internal:5432:app:app_user:«Vb8#kQ2zLw5t»''',
      '''*:*:*:replicator:«m4Rk9pX2vQ7s»''',
      '''localhost:6432:reports:analyst:«Gq5\:nT8wZr3e»''',
    ]
    negativeExamples = [
      '''db.internal:5432:app:app_user:''',
      '''00:11:22:33:44:55''',
      '''12:5432:10:20:30''',
      '''db.internal:5432:app:app_user:1234''',
      '''postgres://app_user:secret@db.internal:5432/app''',
    ]
    [[rules.allowlists]]
    description = "not a stored password: empty, placeholder, reference, expression, label, mask or hash"
    regexes = [
      '''(?i)^(?:password|passwd|pass|pwd|passphrase|passwort|secret|your[_ -]?\w*|\w*[_-]here|todo|tbd|fixme|placeholder|example|sample|dummy|xxx+|\.{3,}|-+|\?+|true|false|yes|no|on|off|required|optional|string|str|text|none|null|nil|undefined|empty|blank|not[_ -]?set|unset|n/?a|abc|xyz|xyzzy|foo|bar|baz|qux|123|1234|-?anonymous@?|(?:password|passwd|pass|secret)\d{0,4}!?|(?:proxy|db|my|user|admin|root|test|dev)pass(?:word)?)$''',
      '''(?i)^(?:\{\{.*\}\}|\{%.*%\}|\{[\w.]*\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%[\w.()]+%|%\(\w+\)s|%[sd]|@[\w.]+@|__\w+__|#\{.*\}|\\\(.*\)|<%.*%>|\[\[.*\]\]|!(?:vault|Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|If|Base64|env|secret|include|unsafe)\b.*|ENC\[.*|vault:.*|arn:aws:(?:secretsmanager|ssm):.*|@Microsoft\.KeyVault\(.*|op://.*|sm://.*|ref\+.*|secret://.*|env\(.*\)|file:.*)$''',
      '''(?i)^(?:hunter2|correcthorsebatterystaple)''',
      '''[\x00-\x08\x0e-\x1f]''',
      '''^(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db)(?:\s+(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db|\[[^\]]*\]))*$''',
      '''(?i)^(?:postgres|postgresql|mysql|mariadb|root|admin|guest|test|demo|default|user|sa)$''',
      '''^(?:gh[pousr]_|github_pat_|glpat-|glrt-|glptt-|xox[bpae]-|xapp-|[sr]k_live_|AIza|SG\.|npm_|pypi-|rubygems_|dckr_pat_|shp(?:at|ca|pa|ss)_|ATATT|sk-ant-|sk-proj-|hf_|do[po]_v1_|dapi[0-9a-f]|NRAK-|sntry[su]_|hv[sb]\.|PMAK-|lin_api_|ntn_|gl(?:c|sa)_|dp\.(?:pt|st|ct)\.|pul-|sbp_|AGE-SECRET-KEY-|HRKU-|AKIA|ASIA)''',
      '''(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$''',
      '''^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^()]*\))+[!?]?$''',
      '''^(?:String|string|str|SecretStr|SecureString|CharSequence|bytes|Data|char\s*\*)\b''',
      '''^[\w$.\[\]\x22'()]+\s+(?:[-+*/%]|\|\||&&|\?\?|\?|or|and|if|else)\s+\S''',
      '''^[rbuf]{1,2}[\x22'].*[\x22']$''',
      '''^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*\S''',
      '''[(\[{]$''',
      '''(?i)^[A-Za-z_.-]*(?:password|passwd|pwd)[A-Za-z_.-]*$''',
      '''(?i)^(?=.*\b(?:password|passwort|passphrase|enter|your|confirm|forgot|reset|new|current|old|repeat|invalid|incorrect|wrong|required|must|please|show|hide|optional|leave|empty|if|not|the|to|be|is|used|here|set)\b).*\s.*$''',
      '''^(?:/|~/|\./|\.\./)[\w.@/-]*$''',
      '''\xe2\x80\xa6|\.\.\.$''',
      '''(?i)^(?:(?:\*|x|\xe2\x80\xa2){3,}|\[(?:filtered|redacted|hidden|masked|removed|secret)\]|<(?:filtered|redacted|hidden|masked|secret)>|\((?:filtered|redacted|hidden)\)|redacted|filtered|masked)$''',
      '''^\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|apr1|scrypt|pbkdf2[\w-]*|sha512|sha256)\$''',
      '''(?i)^\{(?:S?SHA\d*|S?MD5|CRYPT|BCRYPT|PBKDF2[\w-]*|ARGON2|SSHA512|SSHA256)\}''',
      '''(?i)^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt|bcrypt_sha256|sha1|md5|scrypt)\$''',
      '''(?i)^(?:md5[a-f0-9]{32}|SCRAM-SHA-256\$.*|\*[A-F0-9]{40}|[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$''',
    ]

    [[rules]]
    id = "password-in-docker-config"
    title = "Registry password in a Docker config.json"
    description = "The `auth` value of a Docker/Podman `config.json` (`~/.docker/config.json`, `auth.json`, a `.dockerconfigjson` pull secret) is base64 of `user:password`: it is stored, not encrypted. Rotate the registry password or token, and use a credential helper (`credsStore`/`credHelpers`) instead of inline `auths`."
    severity = "high"
    keywords = ["\"auth\""]
    regex = '''\x22auth\x22[ \t]*:[ \t]*\x22([A-Za-z0-9+/]{8,}={0,2})\x22'''
    decode = "base64"
    decodedRegex = '''^[\x21-\x39\x3b-\x7e][\x20-\x39\x3b-\x7e]*:(?!(?:password|pass|secret|\*+|x+)$)((?:[\x20-\x7e]|[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}){3,})$'''
    references = ["https://docs.docker.com/reference/cli/docker/login/#credential-stores", "https://cwe.mitre.org/data/definitions/522.html"]
    tags = ["password", "config", "docker"]
    kind = "password"
    examples = [
      '''{"auths": {"registry.example.com": {"auth": "«ZGVwbG95OlZiOCNrUTJ6THc1dA==»"}}}''',
      '''      "auth": "«Y2ktYm90Om00Ums5cFgydlE3cw==»"''',
    ]
    negativeExamples = [
      '''"auth": "dXNlcjo="''',
      '''"auth": "dXNlcjpwYXNzd29yZA=="''',
      '''"auth": ""''',
      '''"auth": "UHc5dUsyeFY3cUwz"''',
      '''"credsStore": "desktop"''',
    ]
    [[rules.allowlists]]
    description = "not a stored password: empty, placeholder, reference, expression, label, mask or hash"
    regexes = [
      '''(?i)^(?:password|passwd|pass|pwd|passphrase|passwort|secret|your[_ -]?\w*|\w*[_-]here|todo|tbd|fixme|placeholder|example|sample|dummy|xxx+|\.{3,}|-+|\?+|true|false|yes|no|on|off|required|optional|string|str|text|none|null|nil|undefined|empty|blank|not[_ -]?set|unset|n/?a|abc|xyz|xyzzy|foo|bar|baz|qux|123|1234|-?anonymous@?|(?:password|passwd|pass|secret)\d{0,4}!?|(?:proxy|db|my|user|admin|root|test|dev)pass(?:word)?)$''',
      '''(?i)^(?:\{\{.*\}\}|\{%.*%\}|\{[\w.]*\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%[\w.()]+%|%\(\w+\)s|%[sd]|@[\w.]+@|__\w+__|#\{.*\}|\\\(.*\)|<%.*%>|\[\[.*\]\]|!(?:vault|Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|If|Base64|env|secret|include|unsafe)\b.*|ENC\[.*|vault:.*|arn:aws:(?:secretsmanager|ssm):.*|@Microsoft\.KeyVault\(.*|op://.*|sm://.*|ref\+.*|secret://.*|env\(.*\)|file:.*)$''',
      '''(?i)^(?:hunter2|correcthorsebatterystaple)''',
      '''[\x00-\x08\x0e-\x1f]''',
      '''^(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db)(?:\s+(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db|\[[^\]]*\]))*$''',
      '''(?i)^(?:postgres|postgresql|mysql|mariadb|root|admin|guest|test|demo|default|user|sa)$''',
      '''^(?:gh[pousr]_|github_pat_|glpat-|glrt-|glptt-|xox[bpae]-|xapp-|[sr]k_live_|AIza|SG\.|npm_|pypi-|rubygems_|dckr_pat_|shp(?:at|ca|pa|ss)_|ATATT|sk-ant-|sk-proj-|hf_|do[po]_v1_|dapi[0-9a-f]|NRAK-|sntry[su]_|hv[sb]\.|PMAK-|lin_api_|ntn_|gl(?:c|sa)_|dp\.(?:pt|st|ct)\.|pul-|sbp_|AGE-SECRET-KEY-|HRKU-|AKIA|ASIA)''',
      '''(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$''',
      '''^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^()]*\))+[!?]?$''',
      '''^(?:String|string|str|SecretStr|SecureString|CharSequence|bytes|Data|char\s*\*)\b''',
      '''^[\w$.\[\]\x22'()]+\s+(?:[-+*/%]|\|\||&&|\?\?|\?|or|and|if|else)\s+\S''',
      '''^[rbuf]{1,2}[\x22'].*[\x22']$''',
      '''^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*\S''',
      '''[(\[{]$''',
      '''(?i)^[A-Za-z_.-]*(?:password|passwd|pwd)[A-Za-z_.-]*$''',
      '''(?i)^(?=.*\b(?:password|passwort|passphrase|enter|your|confirm|forgot|reset|new|current|old|repeat|invalid|incorrect|wrong|required|must|please|show|hide|optional|leave|empty|if|not|the|to|be|is|used|here|set)\b).*\s.*$''',
      '''^(?:/|~/|\./|\.\./)[\w.@/-]*$''',
      '''\xe2\x80\xa6|\.\.\.$''',
      '''(?i)^(?:(?:\*|x|\xe2\x80\xa2){3,}|\[(?:filtered|redacted|hidden|masked|removed|secret)\]|<(?:filtered|redacted|hidden|masked|secret)>|\((?:filtered|redacted|hidden)\)|redacted|filtered|masked)$''',
      '''^\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|apr1|scrypt|pbkdf2[\w-]*|sha512|sha256)\$''',
      '''(?i)^\{(?:S?SHA\d*|S?MD5|CRYPT|BCRYPT|PBKDF2[\w-]*|ARGON2|SSHA512|SSHA256)\}''',
      '''(?i)^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt|bcrypt_sha256|sha1|md5|scrypt)\$''',
      '''(?i)^(?:md5[a-f0-9]{32}|SCRAM-SHA-256\$.*|\*[A-F0-9]{40}|[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$''',
    ]

    [[rules]]
    id = "password-in-npmrc"
    title = "Registry password in an .npmrc"
    description = "`_password` (base64 of the password) and `_auth` (base64 of `user:password`) in an .npmrc are stored credentials for the package registry, readable by anyone with the file. Rotate the password and replace it with a scoped, revocable access token supplied from the environment (`_authToken=${NPM_TOKEN}`)."
    severity = "high"
    keywords = ["_password", "_auth"]
    regex = '''(?<![\w])_(?:auth|password)[\x22']?[ \t]*[:=][ \t]*[\x22']?([A-Za-z0-9+/]{4,}={0,2})(?![\w+/=])'''
    decode = "base64"
    decodedRegex = '''^(?|[\x21-\x39\x3b-\x7e][\x20-\x39\x3b-\x7e]*:(?!(?:password|pass|secret|\*+|x+)$)((?:[\x20-\x7e]|[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}){3,})|(?!(?:password|pass|secret|\*+|x+)$)((?:[\x20-\x39\x3b-\x7e]|[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}){3,}))$'''
    references = ["https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration", "https://cwe.mitre.org/data/definitions/522.html"]
    tags = ["password", "config", "npm"]
    kind = "password"
    examples = [
      '''//registry.example.com/npm/:_password=«UHc5dUsyeFY3cUwz»''',
      '''_auth = «bnBtdXNlcjpMazNKaDdGZDJTYTk=»''',
      '''//npm.example.org/:_auth="«amRvZTpUejZZZTNSbjhXcTE=»"''',
    ]
    negativeExamples = [
      '''//registry.npmjs.org/:_authToken=${NPM_TOKEN}''',
      '''_auth=${NPM_AUTH}''',
      '''_auth=dXNlcjo=''',
      '''_password=cGFzc3dvcmQ=''',
      '''always-auth=true''',
    ]
    [[rules.allowlists]]
    description = "not a stored password: empty, placeholder, reference, expression, label, mask or hash"
    regexes = [
      '''(?i)^(?:password|passwd|pass|pwd|passphrase|passwort|secret|your[_ -]?\w*|\w*[_-]here|todo|tbd|fixme|placeholder|example|sample|dummy|xxx+|\.{3,}|-+|\?+|true|false|yes|no|on|off|required|optional|string|str|text|none|null|nil|undefined|empty|blank|not[_ -]?set|unset|n/?a|abc|xyz|xyzzy|foo|bar|baz|qux|123|1234|-?anonymous@?|(?:password|passwd|pass|secret)\d{0,4}!?|(?:proxy|db|my|user|admin|root|test|dev)pass(?:word)?)$''',
      '''(?i)^(?:\{\{.*\}\}|\{%.*%\}|\{[\w.]*\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%[\w.()]+%|%\(\w+\)s|%[sd]|@[\w.]+@|__\w+__|#\{.*\}|\\\(.*\)|<%.*%>|\[\[.*\]\]|!(?:vault|Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|If|Base64|env|secret|include|unsafe)\b.*|ENC\[.*|vault:.*|arn:aws:(?:secretsmanager|ssm):.*|@Microsoft\.KeyVault\(.*|op://.*|sm://.*|ref\+.*|secret://.*|env\(.*\)|file:.*)$''',
      '''(?i)^(?:hunter2|correcthorsebatterystaple)''',
      '''[\x00-\x08\x0e-\x1f]''',
      '''^(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db)(?:\s+(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db|\[[^\]]*\]))*$''',
      '''(?i)^(?:postgres|postgresql|mysql|mariadb|root|admin|guest|test|demo|default|user|sa)$''',
      '''^(?:gh[pousr]_|github_pat_|glpat-|glrt-|glptt-|xox[bpae]-|xapp-|[sr]k_live_|AIza|SG\.|npm_|pypi-|rubygems_|dckr_pat_|shp(?:at|ca|pa|ss)_|ATATT|sk-ant-|sk-proj-|hf_|do[po]_v1_|dapi[0-9a-f]|NRAK-|sntry[su]_|hv[sb]\.|PMAK-|lin_api_|ntn_|gl(?:c|sa)_|dp\.(?:pt|st|ct)\.|pul-|sbp_|AGE-SECRET-KEY-|HRKU-|AKIA|ASIA)''',
      '''(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$''',
      '''^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^()]*\))+[!?]?$''',
      '''^(?:String|string|str|SecretStr|SecureString|CharSequence|bytes|Data|char\s*\*)\b''',
      '''^[\w$.\[\]\x22'()]+\s+(?:[-+*/%]|\|\||&&|\?\?|\?|or|and|if|else)\s+\S''',
      '''^[rbuf]{1,2}[\x22'].*[\x22']$''',
      '''^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*\S''',
      '''[(\[{]$''',
      '''(?i)^[A-Za-z_.-]*(?:password|passwd|pwd)[A-Za-z_.-]*$''',
      '''(?i)^(?=.*\b(?:password|passwort|passphrase|enter|your|confirm|forgot|reset|new|current|old|repeat|invalid|incorrect|wrong|required|must|please|show|hide|optional|leave|empty|if|not|the|to|be|is|used|here|set)\b).*\s.*$''',
      '''^(?:/|~/|\./|\.\./)[\w.@/-]*$''',
      '''\xe2\x80\xa6|\.\.\.$''',
      '''(?i)^(?:(?:\*|x|\xe2\x80\xa2){3,}|\[(?:filtered|redacted|hidden|masked|removed|secret)\]|<(?:filtered|redacted|hidden|masked|secret)>|\((?:filtered|redacted|hidden)\)|redacted|filtered|masked)$''',
      '''^\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|apr1|scrypt|pbkdf2[\w-]*|sha512|sha256)\$''',
      '''(?i)^\{(?:S?SHA\d*|S?MD5|CRYPT|BCRYPT|PBKDF2[\w-]*|ARGON2|SSHA512|SSHA256)\}''',
      '''(?i)^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt|bcrypt_sha256|sha1|md5|scrypt)\$''',
      '''(?i)^(?:md5[a-f0-9]{32}|SCRAM-SHA-256\$.*|\*[A-F0-9]{40}|[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$''',
    ]

    [[rules]]
    id = "password-in-url"
    title = "Password in a URL"
    description = "A URL with credentials in it: `scheme://user:password@host` (database, cache, queue, mail, HTTP and FTP URLs, .git-credentials lines) or a `password=` query parameter (JDBC and API URLs). URLs are copied into logs, shell history, error messages and proxies, so the password travels with them. Rotate the password and build the URL at run time from a secret store or environment variable, or use a credential helper."
    severity = "high"
    keywords = ["://"]
    regex = '''(?i)(?|(?<=[a-z0-9+.-])://[^\s:@/?#\x22'<>\[\]{}]*+:([^\s@/?#\x22'<>]{3,}+)@(?=[\w\[.-])|(?<=[a-z0-9+.-])://[^\s\x22'<>?#]*+\?(?:[^\s\x22'<>#&]*&)*?(?&notkey)[\w.%\[\]-]*?(?&pwend)(?:\]|%5D)?=([^&\s\x22'<>#;]+))(?(DEFINE)(?<notkey>(?![\w.-]*?(?<![A-Za-z0-9])(?:forgot|reset|change|require|required|show|hide|remember|toggle|validate|validation|verify|confirm|min|max|enforce|allow|policy|expire|expiry|expired|strength|label|placeholder|hint|field|input|prompt|error|invalid|missing|enter|hashed|hash|encrypted|crypted|salted|no|empty|use|ask|check|is|has)[_.-]?(?:password|passwd|pwd|pass)))(?<pwend>(?:password|passwd|passphrase|passwort|(?<![A-Za-z])(?:pass|pwd|pw)|(?-i:(?<=[a-z])(?:Pass|Pwd|Pw)))))'''
    references = ["https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1", "https://git-scm.com/docs/git-credential-store", "https://cwe.mitre.org/data/definitions/522.html"]
    tags = ["password", "url"]
    kind = "password"
    examples = [
      '''DATABASE_URL = postgres://app:«Vb8kQ2zLw5t»@db.internal:5432/app''',
      '''mongodb+srv://admin:«m4Rk9pX2vQ7s»@cluster0.example.mongodb.net/test?retryWrites=true''',
      '''redis://:«Gq5nT8wZr3e»@cache.internal:6379/0''',
      '''https://ci-bot:«H7u2Kx9Pq4mW»@git.example.com''',
      '''amqp://guest:«Tz6Ye3Rn8Wq1»@rabbit.internal:5672/%2f''',
      '''smtp_url: "smtp://mailer%40example.com:«Lk3Jh7Fd2Sa9»@smtp.example.com:587"''',
      '''jdbc:mysql://db.internal:3306/app?user=app&password=«w8Pz3Kq6Rt1y»&useSSL=true''',
      '''ftp://anonymous:«Xc5Vb8Nm2Qw4»@ftp.example.org/pub''',
    ]
    negativeExamples = [
      '''postgres://app:@db.internal:5432/app''',
      '''postgres://app:${DB_PASSWORD}@db.internal:5432/app''',
      '''mysql://root:*****@db.internal/app''',
      '''postgres://user:password@localhost/db''',
      '''https://git.example.com:8443/org/repo.git''',
      '''postgres://{user}:{password}@{host}/{db}''',
      '''mongodb://admin:<password>@cluster0.example.net''',
      '''git@github.com:org/repo.git''',
      '''https://example.com/reset?password_reset_token=abc123def''',
      '''https://example.com/login?password=''',
      '''http://[::1]:8080/health''',
    ]
    [[rules.allowlists]]
    description = "not a stored password: empty, placeholder, reference, expression, label, mask or hash"
    regexes = [
      '''(?i)^(?:password|passwd|pass|pwd|passphrase|passwort|secret|your[_ -]?\w*|\w*[_-]here|todo|tbd|fixme|placeholder|example|sample|dummy|xxx+|\.{3,}|-+|\?+|true|false|yes|no|on|off|required|optional|string|str|text|none|null|nil|undefined|empty|blank|not[_ -]?set|unset|n/?a|abc|xyz|xyzzy|foo|bar|baz|qux|123|1234|-?anonymous@?|(?:password|passwd|pass|secret)\d{0,4}!?|(?:proxy|db|my|user|admin|root|test|dev)pass(?:word)?)$''',
      '''(?i)^(?:\{\{.*\}\}|\{%.*%\}|\{[\w.]*\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%[\w.()]+%|%\(\w+\)s|%[sd]|@[\w.]+@|__\w+__|#\{.*\}|\\\(.*\)|<%.*%>|\[\[.*\]\]|!(?:vault|Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|If|Base64|env|secret|include|unsafe)\b.*|ENC\[.*|vault:.*|arn:aws:(?:secretsmanager|ssm):.*|@Microsoft\.KeyVault\(.*|op://.*|sm://.*|ref\+.*|secret://.*|env\(.*\)|file:.*)$''',
      '''(?i)^(?:hunter2|correcthorsebatterystaple)''',
      '''[\x00-\x08\x0e-\x1f]''',
      '''^(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db)(?:\s+(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db|\[[^\]]*\]))*$''',
      '''(?i)^(?:postgres|postgresql|mysql|mariadb|root|admin|guest|test|demo|default|user|sa)$''',
      '''^(?:gh[pousr]_|github_pat_|glpat-|glrt-|glptt-|xox[bpae]-|xapp-|[sr]k_live_|AIza|SG\.|npm_|pypi-|rubygems_|dckr_pat_|shp(?:at|ca|pa|ss)_|ATATT|sk-ant-|sk-proj-|hf_|do[po]_v1_|dapi[0-9a-f]|NRAK-|sntry[su]_|hv[sb]\.|PMAK-|lin_api_|ntn_|gl(?:c|sa)_|dp\.(?:pt|st|ct)\.|pul-|sbp_|AGE-SECRET-KEY-|HRKU-|AKIA|ASIA)''',
      '''(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$''',
      '''^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^()]*\))+[!?]?$''',
      '''^(?:String|string|str|SecretStr|SecureString|CharSequence|bytes|Data|char\s*\*)\b''',
      '''^[\w$.\[\]\x22'()]+\s+(?:[-+*/%]|\|\||&&|\?\?|\?|or|and|if|else)\s+\S''',
      '''^[rbuf]{1,2}[\x22'].*[\x22']$''',
      '''^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*\S''',
      '''[(\[{]$''',
      '''(?i)^[A-Za-z_.-]*(?:password|passwd|pwd)[A-Za-z_.-]*$''',
      '''(?i)^(?=.*\b(?:password|passwort|passphrase|enter|your|confirm|forgot|reset|new|current|old|repeat|invalid|incorrect|wrong|required|must|please|show|hide|optional|leave|empty|if|not|the|to|be|is|used|here|set)\b).*\s.*$''',
      '''^(?:/|~/|\./|\.\./)[\w.@/-]*$''',
      '''\xe2\x80\xa6|\.\.\.$''',
      '''(?i)^(?:(?:\*|x|\xe2\x80\xa2){3,}|\[(?:filtered|redacted|hidden|masked|removed|secret)\]|<(?:filtered|redacted|hidden|masked|secret)>|\((?:filtered|redacted|hidden)\)|redacted|filtered|masked)$''',
      '''^\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|apr1|scrypt|pbkdf2[\w-]*|sha512|sha256)\$''',
      '''(?i)^\{(?:S?SHA\d*|S?MD5|CRYPT|BCRYPT|PBKDF2[\w-]*|ARGON2|SSHA512|SSHA256)\}''',
      '''(?i)^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt|bcrypt_sha256|sha1|md5|scrypt)\$''',
      '''(?i)^(?:md5[a-f0-9]{32}|SCRAM-SHA-256\$.*|\*[A-F0-9]{40}|[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$''',
    ]

    [[rules]]
    id = "password-basic-auth"
    title = "Password in an HTTP Basic Authorization header"
    description = "`Authorization: Basic <base64>` (and Proxy-Authorization) is `user:password` base64-encoded, not encrypted: a captured header, a logged request or a committed script gives the password away. Rotate the password; send a token the service can revoke (for Sirportly, the API token and secret headers) and keep credentials out of code, logs and HAR files."
    severity = "high"
    keywords = ["basic"]
    regex = '''(?i)\bbasic[ \t]+([A-Za-z0-9+/]{6,}={0,2})(?![A-Za-z0-9+/=])'''
    decode = "base64"
    decodedRegex = '''^[\x21-\x39\x3b-\x7e][\x20-\x39\x3b-\x7e]*:(?!(?:password|pass|secret|\*+|x+)$)((?:[\x20-\x7e]|[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}){3,})$'''
    references = ["https://datatracker.ietf.org/doc/html/rfc7617", "https://cwe.mitre.org/data/definitions/522.html"]
    tags = ["password", "http"]
    kind = "password"
    examples = [
      '''Authorization: Basic «ZGVwbG95OlZiOCNrUTJ6THc1dA==»''',
      '''curl -H 'Authorization: Basic «YWxpY2U6R3E1IW5UOHdacjNl»' https://api.example.com/v1/me''',
      '''{"name": "Authorization", "value": "Basic «c3ZjX2JhY2t1cDpIN3UyS3g5UHE0bVc=»"}''',
      '''Proxy-Authorization: basic «amRvZTpUejZZZTNSbjhXcTE=»''',
      '''auth_header = "Basic «Y2ktYm90Om00Ums5cFgydlE3cw==»"''',
    ]
    negativeExamples = [
      '''Authorization: Basic dXNlcjo=''',
      '''Authorization: Basic dXNlcjpwYXNzd29yZA==''',
      '''Authorization: Basic ${BASIC_CREDENTIALS}''',
      '''WWW-Authenticate: Basic realm="api"''',
      '''Authorization: Basic UHc5dUsyeFY3cUwz''',
      '''Use basic authentication for the admin endpoints''',
      '''Authorization: Bearer ZGVwbG95OlZiOCNrUTJ6THc1dA==''',
      '''Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==''',
      '''Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW''',
    ]
    [[rules.allowlists]]
    description = "credentials printed in RFC 7617 and RFC 6749 as examples"
    regexes = [
      '''^(?:open sesame|gX1fBat3bV|QWxhZGRpbjpvcGVuIHNlc2FtZQ==|czZCaGRSa3F0MzpnWDFmQmF0M2JW)$''',
    ]
    [[rules.allowlists]]
    description = "not a stored password: empty, placeholder, reference, expression, label, mask or hash"
    regexes = [
      '''(?i)^(?:password|passwd|pass|pwd|passphrase|passwort|secret|your[_ -]?\w*|\w*[_-]here|todo|tbd|fixme|placeholder|example|sample|dummy|xxx+|\.{3,}|-+|\?+|true|false|yes|no|on|off|required|optional|string|str|text|none|null|nil|undefined|empty|blank|not[_ -]?set|unset|n/?a|abc|xyz|xyzzy|foo|bar|baz|qux|123|1234|-?anonymous@?|(?:password|passwd|pass|secret)\d{0,4}!?|(?:proxy|db|my|user|admin|root|test|dev)pass(?:word)?)$''',
      '''(?i)^(?:\{\{.*\}\}|\{%.*%\}|\{[\w.]*\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%[\w.()]+%|%\(\w+\)s|%[sd]|@[\w.]+@|__\w+__|#\{.*\}|\\\(.*\)|<%.*%>|\[\[.*\]\]|!(?:vault|Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|If|Base64|env|secret|include|unsafe)\b.*|ENC\[.*|vault:.*|arn:aws:(?:secretsmanager|ssm):.*|@Microsoft\.KeyVault\(.*|op://.*|sm://.*|ref\+.*|secret://.*|env\(.*\)|file:.*)$''',
      '''(?i)^(?:hunter2|correcthorsebatterystaple)''',
      '''[\x00-\x08\x0e-\x1f]''',
      '''^(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db)(?:\s+(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db|\[[^\]]*\]))*$''',
      '''(?i)^(?:postgres|postgresql|mysql|mariadb|root|admin|guest|test|demo|default|user|sa)$''',
      '''^(?:gh[pousr]_|github_pat_|glpat-|glrt-|glptt-|xox[bpae]-|xapp-|[sr]k_live_|AIza|SG\.|npm_|pypi-|rubygems_|dckr_pat_|shp(?:at|ca|pa|ss)_|ATATT|sk-ant-|sk-proj-|hf_|do[po]_v1_|dapi[0-9a-f]|NRAK-|sntry[su]_|hv[sb]\.|PMAK-|lin_api_|ntn_|gl(?:c|sa)_|dp\.(?:pt|st|ct)\.|pul-|sbp_|AGE-SECRET-KEY-|HRKU-|AKIA|ASIA)''',
      '''(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$''',
      '''^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^()]*\))+[!?]?$''',
      '''^(?:String|string|str|SecretStr|SecureString|CharSequence|bytes|Data|char\s*\*)\b''',
      '''^[\w$.\[\]\x22'()]+\s+(?:[-+*/%]|\|\||&&|\?\?|\?|or|and|if|else)\s+\S''',
      '''^[rbuf]{1,2}[\x22'].*[\x22']$''',
      '''^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*\S''',
      '''[(\[{]$''',
      '''(?i)^[A-Za-z_.-]*(?:password|passwd|pwd)[A-Za-z_.-]*$''',
      '''(?i)^(?=.*\b(?:password|passwort|passphrase|enter|your|confirm|forgot|reset|new|current|old|repeat|invalid|incorrect|wrong|required|must|please|show|hide|optional|leave|empty|if|not|the|to|be|is|used|here|set)\b).*\s.*$''',
      '''^(?:/|~/|\./|\.\./)[\w.@/-]*$''',
      '''\xe2\x80\xa6|\.\.\.$''',
      '''(?i)^(?:(?:\*|x|\xe2\x80\xa2){3,}|\[(?:filtered|redacted|hidden|masked|removed|secret)\]|<(?:filtered|redacted|hidden|masked|secret)>|\((?:filtered|redacted|hidden)\)|redacted|filtered|masked)$''',
      '''^\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|apr1|scrypt|pbkdf2[\w-]*|sha512|sha256)\$''',
      '''(?i)^\{(?:S?SHA\d*|S?MD5|CRYPT|BCRYPT|PBKDF2[\w-]*|ARGON2|SSHA512|SSHA256)\}''',
      '''(?i)^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt|bcrypt_sha256|sha1|md5|scrypt)\$''',
      '''(?i)^(?:md5[a-f0-9]{32}|SCRAM-SHA-256\$.*|\*[A-F0-9]{40}|[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$''',
    ]

    [[rules]]
    id = "password-in-command"
    title = "Password on a command line"
    description = "A password passed as a command-line argument or inline environment variable: `curl -u user:pass`, `wget --password=…`, `--http-password`, `mysql -pSECRET`, `PGPASSWORD=… psql`, `sshpass -p …`, `docker login -p …`, `keytool -storepass …`, `redis-cli -a …`, `chpasswd`. Arguments are visible to every user in the process list and end up in shell history, CI logs and scripts. Rotate the password and pass it through a prompt, a file readable only by the user, `--password-stdin`, or the tool's own credential store."
    severity = "high"
    keywords = ["pass", "pwd", "curl ", "curl\t", "mysql", "mariadb", "docker", "podman", "buildah", "skopeo", "nerdctl", "oras ", "redis-cli", "rediscli_auth"]
    regex = '''(?i)(?|\bcurl\b(?:[^\x0a|;&]|\\\r?\x0a)*?[ \t](?-i:-u[ \t]*|-U[ \t]*|--user(?:[ \t]+|=)|--proxy-user(?:[ \t]+|=))(?|\x22[^\x22:\s]*:([^\x22\s$][^\x22\s]*)\x22|'[^':\s]*:([^'\s][^'\s]*)'|[^\s:'\x22]*:([^\s'\x22$][^\s'\x22]*))|(?<=\s)--(?:[\w-]*-)?(?:password|passwd|pass|requirepass|masterauth)(?:=|[ \t]+(?=\S*[^A-Za-z\s]))(?|\x22([^\x22$\s][^\x22\x0a]*)\x22|'([^'\s][^'\x0a]*)'|([^\s\x22'$<`-][^\s\x22'`<>]*))|[\x22']--(?:[\w-]*-)?(?:password|passwd|pass|requirepass|masterauth)[\x22'][ \t]*,[ \t]*[\x22']([^\x22'$\s][^\x22'\x0a]*)[\x22']|\bcurl\b(?:[^\x0a|;&]|\\\r?\x0a)*?[ \t](?-i:-d|--data(?:-raw|-urlencode|-binary)?|-F|--form)[ \t]+(?|'(?![-.%])(?&notkey)[\w.\[\]%-]*?(?&pwend)(?:\]|%5D)?=([^'&\s]+)'|\x22(?![-.%])(?&notkey)[\w.\[\]%-]*?(?&pwend)(?:\]|%5D)?=([^\x22&\s]+)\x22|(?![-.%])(?&notkey)[\w.\[\]%-]*?(?&pwend)(?:\]|%5D)?=(?|'([^'\x0a]+)'|\x22([^\x22\x0a]+)\x22|([^\s&\x22']+))(?=\s|$))|(?<=\s)-(?:storepass|keypass|srcstorepass|deststorepass|srckeypass|destkeypass)[ \t]+(?|\x22([^\x22$\s][^\x22\x0a]*)\x22|'([^'\s][^'\x0a]*)'|([^\s\x22'$<`-][^\s\x22'`<>]*))|(?<=\s)-(?:passin|passout|password|pass)[ \t]+pass:([^\s\x22']+)|\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlsh|mysqlpump|mariadb|mariadb-dump)\b(?:[^\x0a|;&]|\\\r?\x0a)*?[ \t](?-i:-p)(?|\x22([^\x22$\s][^\x22\x0a]*)\x22|'([^'\s][^'\x0a]*)'|([^\s\x22'$<`-][^\s\x22'`]*))|\bsshpass\b(?:[^\x0a|;&]|\\\r?\x0a)*?[ \t](?-i:-p)[ \t]*(?|\x22([^\x22$\s][^\x22\x0a]*)\x22|'([^'\s][^'\x0a]*)'|([^\s\x22'$<`-][^\s\x22'`<>]*))|\b(?:docker|podman|buildah|skopeo|nerdctl|oras)\b(?:[^\x0a|;&]|\\\r?\x0a)*?\blogin\b(?:[^\x0a|;&]|\\\r?\x0a)*?[ \t](?-i:-p)[ \t]+(?|\x22([^\x22$\s][^\x22\x0a]*)\x22|'([^'\s][^'\x0a]*)'|([^\s\x22'$<`-][^\s\x22'`<>]*))|\bredis-cli\b(?:[^\x0a|;&]|\\\r?\x0a)*?[ \t](?-i:-a)[ \t]+(?|\x22([^\x22$\s][^\x22\x0a]*)\x22|'([^'\s][^'\x0a]*)'|([^\s\x22'$<`-][^\s\x22'`<>]*))|(?-i:(?<![\w$])(?:PGPASSWORD|MYSQL_PWD|SSHPASS|REDISCLI_AUTH|[A-Z][A-Z0-9_]*_(?:PASSWORD|PASSWD|PASS|PWD)))=(?|\x22([^\x22$\s][^\x22\x0a]*)\x22|'([^'\s][^'\x0a]*)'|([^\s\x22'$<`;&|][^\s\x22'`;&|]*))[ \t]+(?=[\w./~-])|\becho[ \t]+[\x22']?[\w.-]+:([^\s'\x22:]+)[\x22']?[ \t]*\|[ \t]*(?:sudo[ \t]+)?chpasswd\b)(?(DEFINE)(?<notkey>(?![\w.-]*?(?<![A-Za-z0-9])(?:forgot|reset|change|require|required|show|hide|remember|toggle|validate|validation|verify|confirm|min|max|enforce|allow|policy|expire|expiry|expired|strength|label|placeholder|hint|field|input|prompt|error|invalid|missing|enter|hashed|hash|encrypted|crypted|salted|no|empty|use|ask|check|is|has)[_.-]?(?:password|passwd|pwd|pass)))(?<pwend>(?:password|passwd|passphrase|passwort|(?<![A-Za-z])(?:pass|pwd|pw)|(?-i:(?<=[a-z])(?:Pass|Pwd|Pw)))))'''
    references = ["https://dev.mysql.com/doc/refman/8.0/en/password-security-user.html", "https://curl.se/docs/manpage.html#-u", "https://cwe.mitre.org/data/definitions/214.html"]
    tags = ["password", "cli"]
    kind = "password"
    examples = [
      '''curl -u deploy:«Vb8kQ2zLw5t» https://api.example.com/v1/builds''',
      '''curl --user 'ci-bot:«m4Rk9pX2vQ7s»' -X POST https://ci.example.com/job''',
      '''
    curl -s \
      -u alice:«Gq5nT8wZr3e» \
      https://api.example.com/''',
      '''wget --http-user=backup --http-password=«H7u2Kx9Pq4mW» https://files.example.com/dump.tar''',
      '''mysql -h db.internal -u root -p«Tz6Ye3Rn8Wq1» app < schema.sql''',
      '''mysqldump --user=app --password=«Lk3Jh7Fd2Sa9» app > app.sql''',
      '''PGPASSWORD=«w8Pz3Kq6Rt1y» psql -h db.internal -U app app''',
      '''sshpass -p '«Xc5Vb8Nm2Qw4»' ssh deploy@web01''',
      '''docker login -u ci-bot -p «Rq7Ws2Ed5Tf8» registry.example.com''',
      '''docker run -e MYSQL_ROOT_PASSWORD=«Yh6Uj9Ik3Ol1» -d mysql:8''',
      '''keytool -importkeystore -srckeystore a.p12 -srcstorepass «Pl0Ok9Ij8Uh7» -destkeystore b.jks''',
      '''openssl pkcs12 -export -in c.pem -out c.p12 -passout pass:«Zx4Cv7Bn1Mq8»''',
      '''redis-cli -h cache.internal -a «Ty5Gh8Jk2Lp6» ping''',
      '''echo 'deploy:«Qa1Ws2Ed3Rf4»' | sudo chpasswd''',
      '''redis-server --requirepass «Gv5Hb8Nj1Mk4» --port 6380''',
      '''    command: ["redis-server", "--requirepass", "«Nc7Vl4Xq0Zp3»"]''',
      "curl -v https://api.example.com/api/v2/users/authenticate -d username=ljensen -d password='«Wl9#Em6720qz»'",
    ]
    negativeExamples = [
      '''curl -u deploy: https://api.example.com''',
      '''curl -u "$API_USER:$API_PASSWORD" https://api.example.com''',
      '''mysql -u root -p app''',
      '''mysql -u root -P 3306 -p app''',
      '''echo $PASSWORD | docker login -u ci-bot --password-stdin registry.example.com''',
      '''wget --password=$WGET_PASSWORD https://files.example.com''',
      '''psql --password -h db.internal app''',
      '''mkdir -p /var/lib/mysql''',
      '''PGPASSWORD=$DB_PASSWORD psql -h db.internal''',
      '''git push -u origin main''',
      '''export PGPASSWORD="${DB_PASSWORD}"''',
      '''sshpass -e ssh deploy@web01''',
      '''mysqladmin --password ping''',
      '''<pre><code>node server.js --password sample</code></pre>''',
      '''curl -d username=jdoe -d password=hunter2 https://api.example.com/login''',
      '''    args: ["--password-file", "/run/secrets/db"]''',
      '''curl -d @login.json https://api.example.com/login''',
    ]
    [[rules.allowlists]]
    description = "not a stored password: empty, placeholder, reference, expression, label, mask or hash"
    regexes = [
      '''(?i)^(?:password|passwd|pass|pwd|passphrase|passwort|secret|your[_ -]?\w*|\w*[_-]here|todo|tbd|fixme|placeholder|example|sample|dummy|xxx+|\.{3,}|-+|\?+|true|false|yes|no|on|off|required|optional|string|str|text|none|null|nil|undefined|empty|blank|not[_ -]?set|unset|n/?a|abc|xyz|xyzzy|foo|bar|baz|qux|123|1234|-?anonymous@?|(?:password|passwd|pass|secret)\d{0,4}!?|(?:proxy|db|my|user|admin|root|test|dev)pass(?:word)?)$''',
      '''(?i)^(?:\{\{.*\}\}|\{%.*%\}|\{[\w.]*\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%[\w.()]+%|%\(\w+\)s|%[sd]|@[\w.]+@|__\w+__|#\{.*\}|\\\(.*\)|<%.*%>|\[\[.*\]\]|!(?:vault|Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|If|Base64|env|secret|include|unsafe)\b.*|ENC\[.*|vault:.*|arn:aws:(?:secretsmanager|ssm):.*|@Microsoft\.KeyVault\(.*|op://.*|sm://.*|ref\+.*|secret://.*|env\(.*\)|file:.*)$''',
      '''(?i)^(?:hunter2|correcthorsebatterystaple)''',
      '''[\x00-\x08\x0e-\x1f]''',
      '''^(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db)(?:\s+(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db|\[[^\]]*\]))*$''',
      '''(?i)^(?:postgres|postgresql|mysql|mariadb|root|admin|guest|test|demo|default|user|sa)$''',
      '''^(?:gh[pousr]_|github_pat_|glpat-|glrt-|glptt-|xox[bpae]-|xapp-|[sr]k_live_|AIza|SG\.|npm_|pypi-|rubygems_|dckr_pat_|shp(?:at|ca|pa|ss)_|ATATT|sk-ant-|sk-proj-|hf_|do[po]_v1_|dapi[0-9a-f]|NRAK-|sntry[su]_|hv[sb]\.|PMAK-|lin_api_|ntn_|gl(?:c|sa)_|dp\.(?:pt|st|ct)\.|pul-|sbp_|AGE-SECRET-KEY-|HRKU-|AKIA|ASIA)''',
      '''(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$''',
      '''^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^()]*\))+[!?]?$''',
      '''^(?:String|string|str|SecretStr|SecureString|CharSequence|bytes|Data|char\s*\*)\b''',
      '''^[\w$.\[\]\x22'()]+\s+(?:[-+*/%]|\|\||&&|\?\?|\?|or|and|if|else)\s+\S''',
      '''^[rbuf]{1,2}[\x22'].*[\x22']$''',
      '''^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*\S''',
      '''[(\[{]$''',
      '''(?i)^[A-Za-z_.-]*(?:password|passwd|pwd)[A-Za-z_.-]*$''',
      '''(?i)^(?=.*\b(?:password|passwort|passphrase|enter|your|confirm|forgot|reset|new|current|old|repeat|invalid|incorrect|wrong|required|must|please|show|hide|optional|leave|empty|if|not|the|to|be|is|used|here|set)\b).*\s.*$''',
      '''^(?:/|~/|\./|\.\./)[\w.@/-]*$''',
      '''\xe2\x80\xa6|\.\.\.$''',
      '''(?i)^(?:(?:\*|x|\xe2\x80\xa2){3,}|\[(?:filtered|redacted|hidden|masked|removed|secret)\]|<(?:filtered|redacted|hidden|masked|secret)>|\((?:filtered|redacted|hidden)\)|redacted|filtered|masked)$''',
      '''^\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|apr1|scrypt|pbkdf2[\w-]*|sha512|sha256)\$''',
      '''(?i)^\{(?:S?SHA\d*|S?MD5|CRYPT|BCRYPT|PBKDF2[\w-]*|ARGON2|SSHA512|SSHA256)\}''',
      '''(?i)^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt|bcrypt_sha256|sha1|md5|scrypt)\$''',
      '''(?i)^(?:md5[a-f0-9]{32}|SCRAM-SHA-256\$.*|\*[A-F0-9]{40}|[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$''',
    ]

    [[rules]]
    id = "password-in-log"
    title = "Password in a logged request"
    description = "A login request written to a log with the password in it: query strings, form bodies, JSON bodies, Rails `Parameters:` lines, Django/Flask/Express request dumps — for example a Sirportly user authentication call, which sends the user's username and password once to obtain their API token and secret. Logs are shipped, indexed and kept far longer than requests, so the password is exposed to everyone who can read them. Rotate the affected passwords, purge the log copies, and filter password parameters before logging (Rails `filter_parameters`, a logging redaction filter, never logging request bodies of auth endpoints)."
    severity = "high"
    keywords = ["password", "passwd", "pwd", "pw", "pass", "passwort"]
    regex = '''(?i)(?|(?-i:\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS))[ \t]+\x22?/[^\s?\x22]*\?(?:[^\s\x22&#]*&)*?(?![-.%])(?&notkey)[\w.\[\]%-]*?(?&pwend)(?:\]|%5D)?=([^&\s\x22'#(){}\[\],;\\<>]{3,})|(?:^|(?<=[\s\x22'=:]))(?|(?:[\w.\[\]%-]+=[^&\s\x22']*&)+(?![-.%])(?&notkey)[\w.\[\]%-]*?(?&pwend)(?:\]|%5D)?=([^&\s\x22'#(){}\[\],;\\<>]{3,})|(?![-.%])(?&notkey)[\w.\[\]%-]*?(?&pwend)(?:\]|%5D)?=([^&\s\x22'#(){}\[\],;\\<>]{3,})(?=&[\w.\[\]%-]+=))|\x22name\x22\s*:\s*\x22(?![-.%])(?&notkey)[\w.\[\]%-]*?(?&pwend)(?:\]|%5D)?\x22\s*,\s*\x22value\x22\s*:\s*\x22((?:[^\x22\\\x0a]|\\.){3,})\x22|^(?=.{0,256}?(?&logline)).{0,2048}?(?<![\w?&;-])(?|[\x22']?(?![-.%])(?&notkey)[\w.\[\]%-]*?(?&pwend)(?:\]|%5D)?[\x22']?[ \t]*(?:=>|:|=)[ \t]*\[?[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})')|\([ \t]*[\x22'](?![-.%])(?&notkey)[\w.\[\]%-]*?(?&pwend)(?:\]|%5D)?[\x22'][ \t]*,[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})')|(?![-.%])(?&notkey)[\w.\[\]%-]*?(?&pwend)(?:\]|%5D)?[ \t]*[=:][ \t]*([^\s\x22'&,;{}\[\]()<>*]{3,})))(?(DEFINE)(?<notkey>(?![\w.-]*?(?<![A-Za-z0-9])(?:forgot|reset|change|require|required|show|hide|remember|toggle|validate|validation|verify|confirm|min|max|enforce|allow|policy|expire|expiry|expired|strength|label|placeholder|hint|field|input|prompt|error|invalid|missing|enter|hashed|hash|encrypted|crypted|salted|no|empty|use|ask|check|is|has)[_.-]?(?:password|passwd|pwd|pass)))(?<pwend>(?:password|passwd|passphrase|passwort|(?<![A-Za-z])(?:pass|pwd|pw)|(?-i:(?<=[a-z])(?:Pass|Pwd|Pw))))(?<logline>(?:\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\b\d\d:\d\d:\d\d\b|\[\d\d/[A-Z][a-z]{2}/\d{4}|(?-i:\b(?:INFO|DEBUG|WARN|WARNING|ERROR|TRACE|FATAL|NOTICE)\b)|(?-i:\bParameters:|\bStarted (?:GET|POST|PUT|PATCH|DELETE)\b|\bProcessing by\b|\b(?:GET|POST|PUT|PATCH|DELETE) (?:/|https?://)|QueryDict|MultiDict)|(?:request[ ._-]?body|req\.body|request\.(?:form|POST|data|json|args)|form[ _-]?data|post[ _-]?data|payload)[ \t]*[:=]|\x22(?:@timestamp|timestamp|time|ts|level|severity|msg|message)\x22[ \t]*:)))'''
    references = ["https://cwe.mitre.org/data/definitions/532.html", "https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html", "Sirportly API documentation, Authentication > User Authentication (the application stores the returned token and secret, never the user's password)"]
    tags = ["password", "log", "sirportly"]
    kind = "password"
    examples = [
      '''127.0.0.1 - - [28/Nov/2026:10:12:01 +0000] "GET /login?user=alice&password=«Vb8kQ2zLw5t» HTTP/1.1" 302 0''',
      '''Started POST "/api/v2/authentication/authenticate?username=jdoe&password=«m4Rk9pX2vQ7s»" for 10.0.4.17''',
      '''2026-11-28T10:12:01Z DEBUG POST https://helpdesk.example.com/api/v2/authentication/authenticate body=username=jdoe&password=«Gq5nT8wZr3e»''',
      '''  Parameters: {"username"=>"jdoe", "password"=>"«H7u2Kx9Pq4mW»"}''',
      '''2026-11-28 10:12:01,442 INFO request body: {"username": "alice", "password": "«Tz6Ye3Rn8Wq1»"}''',
      '''[2026-11-28 10:12:01] DEBUG POST: <QueryDict: {'username': ['alice'], 'password': ['«Lk3Jh7Fd2Sa9»']}>''',
      '''10:12:01 DEBUG request.form: ImmutableMultiDict([('username', 'alice'), ('password', '«w8Pz3Kq6Rt1y»')])''',
      '''2026-11-28T10:12:01.442Z debug req.body: { username: 'alice', password: '«Xc5Vb8Nm2Qw4»' }''',
      '''level=info ts=2026-11-28T10:12:01Z msg="login attempt" user=alice password=«Rq7Ws2Ed5Tf8»''',
      '''{"ts":"2026-11-28T10:12:01Z","msg":"login","password":"«Yh6Uj9Ik3Ol1»"}''',
      '''username=alice&password=«Pl0Ok9Ij8Uh7»&remember_me=1''',
      '''
    {
      "name": "password",
      "value": "«Fq2Wd5Rt8Yh1»"
    }''',
    ]
    negativeExamples = [
      '''  Parameters: {"username"=>"jdoe", "password"=>"[FILTERED]"}''',
      '''2026-11-28 10:12:01 INFO request body: {"username": "alice", "password": "***"}''',
      '''"GET /login?user=alice&password= HTTP/1.1" 200''',
      '''2026-11-28 10:12:01 INFO password reset email sent to alice@example.com''',
      '''2026-11-28 10:12:01 WARN user alice entered a wrong password''',
      '''Started GET "/users/password/new" for 10.0.4.17''',
      '''2026-11-28 10:12:01 INFO Parameters: {"password_confirmation"=>"[FILTERED]", "password"=>"[FILTERED]"}''',
      '''2026-11-28 10:12:01 DEBUG GET https://example.com/cb?password=Vb8kQ2zLw5t''',
      '''2026-11-28 10:12:01 INFO password=<redacted> user=alice''',
      '''2026-11-28 10:12:01 ERROR password: [REDACTED]''',
      '''"GET /reset?password_reset_token=Zx4Cv7Bn1Mq8 HTTP/1.1" 200''',
      '''{"name": "password", "value": "[FILTERED]"}''',
      '''request.httpBody = "username=\(username)&password=\(password)".data(using: .utf8)''',
      '''const body = `username=${username}&password=${password}`;''',
    ]
    [[rules.allowlists]]
    description = "not a stored password: empty, placeholder, reference, expression, label, mask or hash"
    regexes = [
      '''(?i)^(?:password|passwd|pass|pwd|passphrase|passwort|secret|your[_ -]?\w*|\w*[_-]here|todo|tbd|fixme|placeholder|example|sample|dummy|xxx+|\.{3,}|-+|\?+|true|false|yes|no|on|off|required|optional|string|str|text|none|null|nil|undefined|empty|blank|not[_ -]?set|unset|n/?a|abc|xyz|xyzzy|foo|bar|baz|qux|123|1234|-?anonymous@?|(?:password|passwd|pass|secret)\d{0,4}!?|(?:proxy|db|my|user|admin|root|test|dev)pass(?:word)?)$''',
      '''(?i)^(?:\{\{.*\}\}|\{%.*%\}|\{[\w.]*\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%[\w.()]+%|%\(\w+\)s|%[sd]|@[\w.]+@|__\w+__|#\{.*\}|\\\(.*\)|<%.*%>|\[\[.*\]\]|!(?:vault|Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|If|Base64|env|secret|include|unsafe)\b.*|ENC\[.*|vault:.*|arn:aws:(?:secretsmanager|ssm):.*|@Microsoft\.KeyVault\(.*|op://.*|sm://.*|ref\+.*|secret://.*|env\(.*\)|file:.*)$''',
      '''(?i)^(?:hunter2|correcthorsebatterystaple)''',
      '''[\x00-\x08\x0e-\x1f]''',
      '''^(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db)(?:\s+(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db|\[[^\]]*\]))*$''',
      '''(?i)^(?:postgres|postgresql|mysql|mariadb|root|admin|guest|test|demo|default|user|sa)$''',
      '''^(?:gh[pousr]_|github_pat_|glpat-|glrt-|glptt-|xox[bpae]-|xapp-|[sr]k_live_|AIza|SG\.|npm_|pypi-|rubygems_|dckr_pat_|shp(?:at|ca|pa|ss)_|ATATT|sk-ant-|sk-proj-|hf_|do[po]_v1_|dapi[0-9a-f]|NRAK-|sntry[su]_|hv[sb]\.|PMAK-|lin_api_|ntn_|gl(?:c|sa)_|dp\.(?:pt|st|ct)\.|pul-|sbp_|AGE-SECRET-KEY-|HRKU-|AKIA|ASIA)''',
      '''(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$''',
      '''^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^()]*\))+[!?]?$''',
      '''^(?:String|string|str|SecretStr|SecureString|CharSequence|bytes|Data|char\s*\*)\b''',
      '''^[\w$.\[\]\x22'()]+\s+(?:[-+*/%]|\|\||&&|\?\?|\?|or|and|if|else)\s+\S''',
      '''^[rbuf]{1,2}[\x22'].*[\x22']$''',
      '''^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*\S''',
      '''[(\[{]$''',
      '''(?i)^[A-Za-z_.-]*(?:password|passwd|pwd)[A-Za-z_.-]*$''',
      '''(?i)^(?=.*\b(?:password|passwort|passphrase|enter|your|confirm|forgot|reset|new|current|old|repeat|invalid|incorrect|wrong|required|must|please|show|hide|optional|leave|empty|if|not|the|to|be|is|used|here|set)\b).*\s.*$''',
      '''^(?:/|~/|\./|\.\./)[\w.@/-]*$''',
      '''\xe2\x80\xa6|\.\.\.$''',
      '''(?i)^(?:(?:\*|x|\xe2\x80\xa2){3,}|\[(?:filtered|redacted|hidden|masked|removed|secret)\]|<(?:filtered|redacted|hidden|masked|secret)>|\((?:filtered|redacted|hidden)\)|redacted|filtered|masked)$''',
      '''^\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|apr1|scrypt|pbkdf2[\w-]*|sha512|sha256)\$''',
      '''(?i)^\{(?:S?SHA\d*|S?MD5|CRYPT|BCRYPT|PBKDF2[\w-]*|ARGON2|SSHA512|SSHA256)\}''',
      '''(?i)^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt|bcrypt_sha256|sha1|md5|scrypt)\$''',
      '''(?i)^(?:md5[a-f0-9]{32}|SCRAM-SHA-256\$.*|\*[A-F0-9]{40}|[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$''',
    ]

    [[rules]]
    id = "password-persisted-by-app"
    title = "Application stores the user's password"
    description = "Code that saves the user's password — to UserDefaults, @AppStorage, SharedPreferences, localStorage, AsyncStorage, a cookie, a session, a file, a database column without hashing — or even to the Keychain or an OS credential store. Sirportly's API documentation (Authentication, \"User Authentication\") allows an application to keep the token and secret that the authentication call returns for persistent access, and forbids keeping the user's password in the application in any circumstances. That includes the Keychain: secure storage does not make storing the password allowed. Send the password once to authenticate, store the returned token/secret (in the Keychain), discard the password, and have affected users change it. Server-side, store only a salted slow hash (bcrypt, scrypt, Argon2). The reported span is the stored expression, since the value is only known at run time."
    severity = "high"
    keywords = ["pass", "pwd", "pw"]
    regex = '''(?i)(?|\.set(?:Value)?\([ \t]*(?|((?&pwchain))[ \t]*,[ \t]*forKey:|((?&anyv))[ \t]*,[ \t]*forKey:[ \t]*(?&keypw))|@(?:AppStorage|SceneStorage)\([ \t]*(?&keypw)[ \t]*\)[ \t]*(?:(?:private|public|internal|fileprivate)[ \t]+)?var[ \t]+(\w+)|\bkSecValueData(?:[ \t]+as[ \t]+String)?\]?[ \t]*(?::|=)[ \t]*\[?((?&pwchain))|\b[\w.]*[Kk]eychain\w*\.(?:save|set|setPassword|setString|store|add|update)\([ \t]*(?|((?&pwchain))[ \t]*[,)]|((?&anyv))[ \t]*,[ \t]*(?:forKey|key|account|forAccount|service)?:?[ \t]*(?&keypw))|\.putString\([ \t]*(?|(?&keypw)[ \t]*,[ \t]*((?&anyv))|[^,()\x0a]+,[ \t]*((?&pwchain)))[ \t]*\)|\b(?:localStorage|sessionStorage|AsyncStorage|SecureStore|EncryptedStorage|RNSecureStorage|Preferences|Storage|storage|store|Cookies|cookies|jsCookie|Keychain|keychain)\.(?:setItem|setItemAsync|set|setString|setValue|save)\([ \t]*(?|(?&keypw)[ \t]*,[ \t]*((?&anyv))|[^,()\x0a]+,[ \t]*((?&pwchain))[ \t]*[,)])|\.set\([ \t]*\{[ \t]*key:[ \t]*(?&keypw)[ \t]*,[ \t]*value:[ \t]*((?&anyv))|\b(?:localStorage|sessionStorage)(?:\.|\[[ \t]*)(?:(?&keypw)|(?&ident))\]?[ \t]*=(?!=)[ \t]*((?&anyv))|(?<![\w.])[\w.$]*?(?:prefs|preferences|defaults|keychain|storage|settings|session|cookies|store|cache|datastore|SESSION)[ \t]*\[[ \t]*(?&keypw)[ \t]*\][ \t]*=(?!=)[ \t]*((?&anyv))|\b(?:f|fh|fp|fd|file|out|outfile|output|writer|fw|bw|fos|pw|\w*[Ff]ile|\w*[Ww]riter)\.(?:write|writelines|print|println|puts)\([ \t]*((?&pwchain))[ \t]*[)+,]|((?&pwchain))\.write\((?:to|toFile|toURL):|\bfs(?:\.promises)?\.(?:writeFile|writeFileSync|appendFile|appendFileSync)\([ \t]*[^,\x0a]+,[ \t]*((?&pwchain))|\bFiles\.(?:write|writeString)\([ \t]*[^,\x0a]+,[ \t]*((?&pwchain))|\b(?:json|yaml|pickle|toml|marshal)\.(?:dump|safe_dump)\([ \t]*\{[^}\x0a]*?[\x22'](?&key)[\x22'][ \t]*:[ \t]*((?&chain))|\.set\([ \t]*[\x22'][^\x22'\x0a]+[\x22'][ \t]*,[ \t]*(?&keypw)[ \t]*,[ \t]*((?&chain))|\b(?:keyring\.set_password|keytar\.setPassword)\([ \t]*[^,\x0a]+,[ \t]*[^,\x0a]+,[ \t]*((?&anyv))|\bsetcookie\([ \t]*(?&keypw)[ \t]*,[ \t]*((?&anyv))|\bfile_put_contents\([ \t]*[^,\x0a]+,[ \t]*(?:[\x22'][^\x22'\x0a]*?)?(\$\w*(?:pass|pwd)\w*)|\bdocument\.cookie[ \t]*=[ \t]*[\x22'`][^\x22'`\x0a]*?(?&key)=[\x22'`]?[ \t]*\+[ \t]*((?&chain))|\bINSERT[ \t]+INTO[ \t]+[\w.\x22`\[\]]+[ \t]*\([ \t]*(?&pwcol)[ \t]*[,)][^)\x0a]*\)?[ \t]*VALUES[ \t]*\r?\x0a?[ \t]*\([ \t]*(?|'(?![$#]\{)([^'\x0a]{3,})'|'[$#]\{(\w*(?:pass|pwd)\w*)\}'|([:@$]\w*(?:pass|pwd)\w*)|'\x22[ \t]*\+[ \t]*(\w*(?:pass|pwd)\w*)[ \t]*\+[ \t]*\x22')|\bINSERT[ \t]+INTO[ \t]+[\w.\x22`\[\]]+[ \t]*\([ \t]*(?:(?&sqlcol)[ \t]*,[ \t]*){1}(?&pwcol)[ \t]*[,)][^)\x0a]*\)?[ \t]*VALUES[ \t]*\r?\x0a?[ \t]*\([ \t]*(?:(?&sqlval)[ \t]*,[ \t]*){1}(?|'(?![$#]\{)([^'\x0a]{3,})'|'[$#]\{(\w*(?:pass|pwd)\w*)\}'|([:@$]\w*(?:pass|pwd)\w*)|'\x22[ \t]*\+[ \t]*(\w*(?:pass|pwd)\w*)[ \t]*\+[ \t]*\x22')|\bINSERT[ \t]+INTO[ \t]+[\w.\x22`\[\]]+[ \t]*\([ \t]*(?:(?&sqlcol)[ \t]*,[ \t]*){2}(?&pwcol)[ \t]*[,)][^)\x0a]*\)?[ \t]*VALUES[ \t]*\r?\x0a?[ \t]*\([ \t]*(?:(?&sqlval)[ \t]*,[ \t]*){2}(?|'(?![$#]\{)([^'\x0a]{3,})'|'[$#]\{(\w*(?:pass|pwd)\w*)\}'|([:@$]\w*(?:pass|pwd)\w*)|'\x22[ \t]*\+[ \t]*(\w*(?:pass|pwd)\w*)[ \t]*\+[ \t]*\x22')|\bINSERT[ \t]+INTO[ \t]+[\w.\x22`\[\]]+[ \t]*\([ \t]*(?:(?&sqlcol)[ \t]*,[ \t]*){3}(?&pwcol)[ \t]*[,)][^)\x0a]*\)?[ \t]*VALUES[ \t]*\r?\x0a?[ \t]*\([ \t]*(?:(?&sqlval)[ \t]*,[ \t]*){3}(?|'(?![$#]\{)([^'\x0a]{3,})'|'[$#]\{(\w*(?:pass|pwd)\w*)\}'|([:@$]\w*(?:pass|pwd)\w*)|'\x22[ \t]*\+[ \t]*(\w*(?:pass|pwd)\w*)[ \t]*\+[ \t]*\x22')|\bINSERT[ \t]+INTO[ \t]+[\w.\x22`\[\]]+[ \t]*\([ \t]*(?:(?&sqlcol)[ \t]*,[ \t]*){4}(?&pwcol)[ \t]*[,)][^)\x0a]*\)?[ \t]*VALUES[ \t]*\r?\x0a?[ \t]*\([ \t]*(?:(?&sqlval)[ \t]*,[ \t]*){4}(?|'(?![$#]\{)([^'\x0a]{3,})'|'[$#]\{(\w*(?:pass|pwd)\w*)\}'|([:@$]\w*(?:pass|pwd)\w*)|'\x22[ \t]*\+[ \t]*(\w*(?:pass|pwd)\w*)[ \t]*\+[ \t]*\x22')|\bINSERT[ \t]+INTO[ \t]+[\w.\x22`\[\]]+[ \t]*\([ \t]*(?:(?&sqlcol)[ \t]*,[ \t]*){5}(?&pwcol)[ \t]*[,)][^)\x0a]*\)?[ \t]*VALUES[ \t]*\r?\x0a?[ \t]*\([ \t]*(?:(?&sqlval)[ \t]*,[ \t]*){5}(?|'(?![$#]\{)([^'\x0a]{3,})'|'[$#]\{(\w*(?:pass|pwd)\w*)\}'|([:@$]\w*(?:pass|pwd)\w*)|'\x22[ \t]*\+[ \t]*(\w*(?:pass|pwd)\w*)[ \t]*\+[ \t]*\x22')|\bINSERT[ \t]+INTO[ \t]+[\w.\x22`\[\]]+[ \t]*\([ \t]*(?:(?&sqlcol)[ \t]*,[ \t]*){6}(?&pwcol)[ \t]*[,)][^)\x0a]*\)?[ \t]*VALUES[ \t]*\r?\x0a?[ \t]*\([ \t]*(?:(?&sqlval)[ \t]*,[ \t]*){6}(?|'(?![$#]\{)([^'\x0a]{3,})'|'[$#]\{(\w*(?:pass|pwd)\w*)\}'|([:@$]\w*(?:pass|pwd)\w*)|'\x22[ \t]*\+[ \t]*(\w*(?:pass|pwd)\w*)[ \t]*\+[ \t]*\x22')|\bINSERT[ \t]+INTO[ \t]+[\w.\x22`\[\]]+[ \t]*\([ \t]*(?:(?&sqlcol)[ \t]*,[ \t]*){7}(?&pwcol)[ \t]*[,)][^)\x0a]*\)?[ \t]*VALUES[ \t]*\r?\x0a?[ \t]*\([ \t]*(?:(?&sqlval)[ \t]*,[ \t]*){7}(?|'(?![$#]\{)([^'\x0a]{3,})'|'[$#]\{(\w*(?:pass|pwd)\w*)\}'|([:@$]\w*(?:pass|pwd)\w*)|'\x22[ \t]*\+[ \t]*(\w*(?:pass|pwd)\w*)[ \t]*\+[ \t]*\x22')|\bUPDATE[ \t]+[\w.\x22`\[\]]+[ \t]+SET[ \t]+(?:[^;\x0a]*?,[ \t]*)?(?&pwcol)[ \t]*=[ \t]*(?|'(?![$#]\{)([^'\x0a]{3,})'|'[$#]\{(\w*(?:pass|pwd)\w*)\}'|([:@$]\w*(?:pass|pwd)\w*)|'\x22[ \t]*\+[ \t]*(\w*(?:pass|pwd)\w*)[ \t]*\+[ \t]*\x22')|(?<![\w.])(?:@?\w+|self\.\w+|\$\w+)(?:\.|->)(?:password|passwd|pwd|plain_password|raw_password)[ \t]*=(?!=)[ \t]*((?&reqx))(?=(?:.{0,300}\x0a){0,2}.{0,300}?\b(?:save|commit|persist|flush|insert|create)\b)|(?:\b(?:\w+\.)*(?:create|insert|insert_one|insertOne|build)|\bnew[ \t]+\w+)\([ \t]*\{?[^()\x0a]*?(?<![\w.])(?:password|passwd|pwd)[ \t]*(?::|=>|=)(?!=)[ \t]*((?&reqx)))(?(DEFINE)(?<key>(?=[\w.-]*?(?&pwend)(?![\w-]))(?&notkey)[\w.-]*?(?&pwend)(?![\w-]))(?<ident>(?=[A-Za-z_])(?=\w*?(?&pwend)(?!\w))(?&notkey)\w*?(?&pwend)(?!\w))(?<notkey>(?![\w.-]*?(?<![A-Za-z0-9])(?:forgot|reset|change|require|required|show|hide|remember|toggle|validate|validation|verify|confirm|min|max|enforce|allow|policy|expire|expiry|expired|strength|label|placeholder|hint|field|input|prompt|error|invalid|missing|enter|hashed|hash|encrypted|crypted|salted|no|empty|use|ask|check|is|has)[_.-]?(?:password|passwd|pwd|pass)))(?<pwend>(?:password|passwd|passphrase|passwort|(?<![A-Za-z])(?:pass|pwd|pw)|(?-i:(?<=[a-z])(?:Pass|Pwd|Pw))))(?<pwchain>(?=[\w$@.()\[\]\x22'!?>-]*?(?:pass|pwd))[A-Za-z_$@][\w$]*(?:\(\)|\[[^\]\x0a]{1,40}\])*(?:[!?]?(?:\.|->)(?!data\b|utf8\b|encode\b|getBytes\b|toByteArray\b|bytes\b|dataUsingEncoding\b)[A-Za-z_$][\w$]*(?:\(\)|\[[^\]\x0a]{1,40}\])*)*)(?<anyv>(?:[A-Za-z_$][\w$.]*\([ \t]*[A-Za-z_$@][\w$]*(?:\(\)|\[[^\]\x0a]{1,40}\])*(?:[!?]?(?:\.|->)(?!data\b|utf8\b|encode\b|getBytes\b|toByteArray\b|bytes\b|dataUsingEncoding\b)[A-Za-z_$][\w$]*(?:\(\)|\[[^\]\x0a]{1,40}\])*)*[ \t]*\)|[A-Za-z_$@][\w$]*(?:\(\)|\[[^\]\x0a]{1,40}\])*(?:[!?]?(?:\.|->)(?!data\b|utf8\b|encode\b|getBytes\b|toByteArray\b|bytes\b|dataUsingEncoding\b)[A-Za-z_$][\w$]*(?:\(\)|\[[^\]\x0a]{1,40}\])*)*|\x22[^\x22\x0a]+\x22|'[^'\x0a]+'))(?<chain>[A-Za-z_$@][\w$]*(?:\(\)|\[[^\]\x0a]{1,40}\])*(?:[!?]?(?:\.|->)(?!data\b|utf8\b|encode\b|getBytes\b|toByteArray\b|bytes\b|dataUsingEncoding\b)[A-Za-z_$][\w$]*(?:\(\)|\[[^\]\x0a]{1,40}\])*)*)(?<keypw>(?:[\x22'](?&notkey)[\w.-]*?(?&pwend)[\x22']|(?&notkey)[A-Za-z_][\w.]*?(?&pwend)(?:_?KEY|Key)?(?!\w)))(?<reqx>(?:params(?:\[[^\]\x0a]+\])+|params\.(?:require|fetch|permit)\(.{0,200}?\)(?:\[[^\]\x0a]+\]|\.\w+)*|request\.(?:form|POST|GET|args|values|json|data)(?:\[[^\]\x0a]+\]|\.get\([^)\x0a]*\))+|req\.body(?:\.\w+|\[[^\]\x0a]+\])+|request\.getParameter\([^)\x0a]*\)|form\.cleaned_data\[[^\]\x0a]+\]|form\.\w+\.data|\$_(?:POST|GET|REQUEST)\[[^\]\x0a]+\]|\$?[A-Za-z_]\w*(?:pass|pwd)\w*))(?<pwcol>[\x22`\[]?(?&notkey)\w*?(?&pwend)[\x22`\]]?)(?<sqlcol>[\w\x22`\[\]]+)(?<sqlval>(?:'(?:[^'\\\x0a]|\\.)*'|\x22(?:[^\x22\\\x0a]|\\.)*\x22|\w+\([^()\x0a]*\)|[^,()'\x22\x0a]+)))'''
    references = ["Sirportly API documentation, Authentication > User Authentication (the application stores the returned token and secret, never the user's password)", "https://cwe.mitre.org/data/definitions/256.html", "https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html"]
    tags = ["password", "code", "sirportly", "runtime-value"]
    kind = "password"
    value = "expression"
    examples = [
      '''UserDefaults.standard.set(«loginPassword», forKey: "sirportlyPassword")''',
      '''defaults.set(«passwordField.text», forKey: Keys.password)''',
      '''UserDefaults.standard.set(«credentials.username», forKey: "userPassword")''',
      '''@AppStorage("password") var «savedPassword»: String = ""''',
      '''let query: [String: Any] = [kSecClass as String: kSecClassGenericPassword, kSecValueData as String: «userPassword».data(using: .utf8)!]''',
      '''prefs.edit().putString("password", «etPassword.getText().toString()»).apply()''',
      '''editor.putString(KEY_PASSWORD, «pwd»);''',
      '''localStorage.setItem('password', «pw»);''',
      '''await AsyncStorage.setItem("sirportly.password", «form.password»)''',
      '''await SecureStore.setItemAsync('userPassword', «values.password»);''',
      '''session['password'] = «request.form['password']»''',
      '''with open(path, 'w') as f: f.write(«plain_password»)''',
      '''try «newPassword».write(to: url, atomically: true, encoding: .utf8)''',
      '''fs.writeFileSync(credsPath, «userPassword»)''',
      '''keyring.set_password("sirportly", username, «user_password»)''',
      '''INSERT INTO users (email, password) VALUES ('a@example.com', '«Vb8kQ2zLw5t»');''',
      '''INSERT INTO accounts (username, password, created_at) VALUES (:username, «:password», NOW())''',
      '''UPDATE users SET password = «:new_password» WHERE id = :id''',
      '''
    user.password = «params[:password]»
    user.save!''',
      '''
    $user->password = «$_POST['password']»;
    $user->save();''',
      '''User.objects.create(username=username, password=«request.POST['password']»)''',
      '''setcookie('sp_password', «$password», ['expires' => time() + 86400]);''',
      '''file_put_contents('/tmp/debug-login.txt', "user=$username password=«$password»\n", FILE_APPEND);''',
      '''sessionStorage.setItem('sp_pw', «btoa(password)»);''',
      '''try Keychain.save(«enteredPassword», account: "sirportly.password")''',
      '''SAMKeychain.setPassword(«userPassword», forService: "sirportly", account: username)''',
      '''
    INSERT INTO `mobile_sessions` (`user_id`, `username`, `password`) VALUES
    (1001, 'priya.n', '«%9#E!sY49MwVdf»');''',
    ]
    negativeExamples = [
      '''UserDefaults.standard.set(token, forKey: "sirportlyToken")''',
      '''UserDefaults.standard.set(true, forKey: "rememberPassword")''',
      '''defaults.set(passwordHash, forKey: "passwordHash")''',
      '''let query: [String: Any] = [kSecValueData as String: secret.data(using: .utf8)!]''',
      '''prefs.edit().putString("token", response.token).apply()''',
      '''localStorage.setItem('authToken', data.token);''',
      '''localStorage.setItem('passwordResetRequestedAt', Date.now())''',
      '''INSERT INTO users (email, password_hash) VALUES (?, ?)''',
      '''INSERT INTO users (email, password) VALUES (?, crypt(?, gen_salt('bf')))''',
      '''
    user.password = params[:password]
    user.save! # has_secure_password hashes it''',
      '''user.password_digest = BCrypt::Password.create(params[:password])''',
      '''User.objects.create_user(username=username, password=password)''',
      '''func login(password: String) async throws -> Session''',
      '''if password == confirmation { submit() }''',
      '''let encoder = PasswordEncoder()''',
      '''form.set('password', password)''',
      '''setcookie('sp_token', $result['token'], ['secure' => true]);''',
      '''error_log('login for ' . $username . ' with password ' . str_repeat('*', strlen($password)));''',
      '''try Keychain.save(session.secret, account: "sirportly.secret")''',
      '''try Keychain.save(session.token, account: "sirportly.token")''',
      '''INSERT INTO users (email, password) VALUES (?, ?)''',
    ]
    [[rules.context]]
    notNear = ["hash", "crypt", "digest", "argon", "pbkdf", "has_secure_password", "make_password", "devise"]
    [[rules.allowlists]]
    description = "a hash, token or flag is stored, not the password"
    regexes = [
      '''(?i)hash|digest|token|salt|encrypt|cipher|crypt|policy|length|reset|remember|visible|enabled|strength|valid|error|^(?:true|false|nil|null|none|undefined)$''',
    ]

    [[rules]]
    id = "password-hardcoded"
    title = "Hard-coded password in source code"
    description = "A password variable, constant, field or argument assigned a string literal in Swift, Kotlin, Java, JavaScript/TypeScript, Python, Ruby, PHP, Go, C#, C/C++ or Rust. Everyone with the source, the repository history or the built binary has the password, and it cannot be changed without a release. Rotate it and read it at run time from configuration backed by a secret store; for user credentials, never ship one at all. (Quoted values in configuration syntax are reported by password-in-config.)"
    severity = "medium"
    keywords = ["password", "passwd", "pwd", "pw", "pass", "passphrase", "passwort", "pdo", "mysqli", "pg_connect", "` / `"]
    regex = '''(?i)(?|(?<![\w.$])(?:(?:let|var|const|val|final|static|private|public|protected|internal|fileprivate|readonly|lateinit|String|string|str|char|auto|std::string|NSString|CharSequence|my|our|local)[ \t*&]+)+\$?(?&ident)(?:\[\d*\])?(?:[ \t]*:[ \t]*[\w.<>?\[\]&' ]+?|[ \t]+(?:string|String|str|\[\]byte))?[ \t]*(?::=|=)[ \t]*(?:@|new[ \t]+String\(|[rRbBuUL]|u8)?(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})'|`((?:[^`\\\x0a$]|\\.){3,})`)|^[ \t]*(?&ident)[ \t]*:[ \t]*[\w.\[\], |]+?[ \t]*=[ \t]*[rRbBuU]?(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})'|`((?:[^`\\\x0a$]|\\.){3,})`)|(?<![\w.$])(?&ident)[ \t]*:=[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})'|`((?:[^`\\\x0a$]|\\.){3,})`)|(?:\$this->|\$|@|\bself\.|\bthis\.|\bcls\.|\bit\.)(?&ident)[ \t]*=[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})'|`((?:[^`\\\x0a$]|\\.){3,})`)|[{(,][ \t]*(?&ident)[ \t]*(?::|=)[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})'|`((?:[^`\\\x0a$]|\\.){3,})`)|(?:\.|->|\b)set\w*?(?-i:Password|Passwd|Pwd|Pass|PASSWORD)\([ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})'|`((?:[^`\\\x0a$]|\\.){3,})`)[ \t]*\)|(?:\bnew[ \t]+(?:PDO|mysqli)|PDO->__construct|mysqli->__construct|\bmysqli_connect|\bmysqli_real_connect|\bpg_connect)\([ \t]*(?:[\x22'][^\x22'\x0a]*[\x22']|\$\w+)[ \t]*,[ \t]*(?:[\x22'][^\x22'\x0a]*[\x22']|\$\w+)[ \t]*,[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})')|^(?=.{0,512}?(?:password|passwd|credential|account|login|sign[ -]?in|admin|user))(?-i:.{0,512}?)`[^`\s]{2,64}`[ \t]*/[ \t]*`((?=[^`\s]*[0-9])(?=[^`\s]*[A-Za-z])[^`\s]{6,128})`|^[ \t]*(?&ident)[ \t]*(?::|=)[ \t]*(?|"((?:[^"\\\x0a]|\\.){3,})"|'((?:[^'\\\x0a]|\\.){3,})'|`((?:[^`\\\x0a$]|\\.){3,})`)[ \t]*[,;])(?(DEFINE)(?<ident>(?=[A-Za-z_])(?=\w*?(?&pwend)(?!\w))(?&notkey)\w*?(?&pwend)(?!\w))(?<notkey>(?![\w.-]*?(?<![A-Za-z0-9])(?:forgot|reset|change|require|required|show|hide|remember|toggle|validate|validation|verify|confirm|min|max|enforce|allow|policy|expire|expiry|expired|strength|label|placeholder|hint|field|input|prompt|error|invalid|missing|enter|hashed|hash|encrypted|crypted|salted|no|empty|use|ask|check|is|has)[_.-]?(?:password|passwd|pwd|pass)))(?<pwend>(?:password|passwd|passphrase|passwort|(?<![A-Za-z])(?:pass|pwd|pw)|(?-i:(?<=[a-z])(?:Pass|Pwd|Pw)))))'''
    references = ["https://cwe.mitre.org/data/definitions/259.html", "https://cwe.mitre.org/data/definitions/798.html", "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"]
    tags = ["password", "code"]
    kind = "password"
    examples = [
      '''let password = "«Vb8kQ2zLw5t»"''',
      '''private let adminPassword: String = "«m4Rk9pX2vQ7s»"''',
      '''const val DB_PASSWORD = "«Gq5nT8wZr3e»"''',
      '''private static final String PASSWORD = "«H7u2Kx9Pq4mW»";''',
      '''const password = '«Tz6Ye3Rn8Wq1»';''',
      '''export const smtpPass: string = `«Lk3Jh7Fd2Sa9»`;''',
      '''password := "«w8Pz3Kq6Rt1y»"''',
      '''var dbPassword string = "«Xc5Vb8Nm2Qw4»"''',
      '''$password = '«Rq7Ws2Ed5Tf8»';''',
      '''self.password = "«Yh6Uj9Ik3Ol1»"''',
      "@password = '«Pl0Ok9Ij8Uh7»'",
      '''var password = "«Zx4Cv7Bn1Mq8»";''',
      '''NSString *password = @"«Ty5Gh8Jk2Lp6»";''',
      '''const char *db_password = "«Qa1Ws2Ed3Rf4»";''',
      '''cfg := Config{User: "app", Password: "«Hn7Jm4Ku1Yt9»"}''',
      '''	Password: "«Mk8Nj5Bh2Vg6»",''',
      '''client = Sirportly(url, username="jdoe", password="«Wd3Fr6Gt9Hy2»")''',
      '''try await api.authenticate(username: "jdoe", password: "«Jk4Lm7Np0Qr3»")''',
      '''db_password: str = "«Bv6Cx9Zs2Ad5»"''',
      '''const PASSWORD: &str = "«Ui8Op5Kl2Jh9»";''',
      '''dataSource.setPassword("«Fc2Kd9Ls6Pq1»");''',
      '''$pdo = new PDO($dsn, 'portal', '«Gl4#Hb7Nv2Mx»');''',
      '''#0 /var/www/app/Db.php(19): PDO->__construct('mysql:host=db;d...', 'portal', '«Rb8%Tn3Ye6Wq»')''',
      '''* Break-glass admin: `admin` / `«ZYyw9KE_Hw2T»`''',
      '''{"type": "message", "user": "U018Z9KD1CA", "ts": "1764370413.171861", "text": "wifi is `office-guest` / `«maple-otter-quartz-58»`"}''',
    ]
    negativeExamples = [
      '''let password = ""''',
      '''let password = passwordField.text ?? ""''',
      '''const password = process.env.DB_PASSWORD;''',
      '''password := os.Getenv("DB_PASSWORD")''',
      '''let passwordPlaceholder = "Enter your password"''',
      '''let passwordKey = "password"''',
      '''static let password = "Password"''',
      '''label: "Password",''',
      '''if password == "" { return }''',
      '''if (password === confirmPassword) { submit(); }''',
      '''func login(password: String) async throws''',
      '''val passwordField = findViewById<EditText>(R.id.password)''',
      '''let minPasswordLength = 8''',
      '''const password = '${PASSWORD}';''',
      '''String password = "********";''',
      '''$password = password_hash($plain, PASSWORD_DEFAULT);''',
      '''PasswordEncoder encoder = new BCryptPasswordEncoder();''',
      '''var passwordConfirmation = "Vb8kQ2zLw5t"''',
      '''2026-11-28 10:12:01 DEBUG req.body: { username: 'alice', password: 'Xc5Vb8Nm2Qw4' }''',
      '''const password = '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy';''',
      '''dataSource.setPassword(password);''',
      '''$pdo = new PDO($dsn, $user, $pass);''',
      '''Use `GET` / `POST` for the login endpoints''',
      '''Python client + `sp-claude` / `sp-codex` CLIs for a sub-pool credential broker.''',
      '''let url = URL(string: "https://abc:xyz@example.com")''',
      '''* Account settings: `profile` / `settings`''',
      '''keytar.setPassword('sirportly', account, token)''',
    ]
    [[rules.allowlists]]
    description = "not a stored password: empty, placeholder, reference, expression, label, mask or hash"
    regexes = [
      '''(?i)^(?:password|passwd|pass|pwd|passphrase|passwort|secret|your[_ -]?\w*|\w*[_-]here|todo|tbd|fixme|placeholder|example|sample|dummy|xxx+|\.{3,}|-+|\?+|true|false|yes|no|on|off|required|optional|string|str|text|none|null|nil|undefined|empty|blank|not[_ -]?set|unset|n/?a|abc|xyz|xyzzy|foo|bar|baz|qux|123|1234|-?anonymous@?|(?:password|passwd|pass|secret)\d{0,4}!?|(?:proxy|db|my|user|admin|root|test|dev)pass(?:word)?)$''',
      '''(?i)^(?:\{\{.*\}\}|\{%.*%\}|\{[\w.]*\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_]\w*|%[\w.()]+%|%\(\w+\)s|%[sd]|@[\w.]+@|__\w+__|#\{.*\}|\\\(.*\)|<%.*%>|\[\[.*\]\]|!(?:vault|Ref|Sub|GetAtt|ImportValue|Join|Select|FindInMap|If|Base64|env|secret|include|unsafe)\b.*|ENC\[.*|vault:.*|arn:aws:(?:secretsmanager|ssm):.*|@Microsoft\.KeyVault\(.*|op://.*|sm://.*|ref\+.*|secret://.*|env\(.*\)|file:.*)$''',
      '''(?i)^(?:hunter2|correcthorsebatterystaple)''',
      '''[\x00-\x08\x0e-\x1f]''',
      '''^(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db)(?:\s+(?:files|compat|nis|nisplus|sss|ldap|winbind|systemd|db|\[[^\]]*\]))*$''',
      '''(?i)^(?:postgres|postgresql|mysql|mariadb|root|admin|guest|test|demo|default|user|sa)$''',
      '''^(?:gh[pousr]_|github_pat_|glpat-|glrt-|glptt-|xox[bpae]-|xapp-|[sr]k_live_|AIza|SG\.|npm_|pypi-|rubygems_|dckr_pat_|shp(?:at|ca|pa|ss)_|ATATT|sk-ant-|sk-proj-|hf_|do[po]_v1_|dapi[0-9a-f]|NRAK-|sntry[su]_|hv[sb]\.|PMAK-|lin_api_|ntn_|gl(?:c|sa)_|dp\.(?:pt|st|ct)\.|pul-|sbp_|AGE-SECRET-KEY-|HRKU-|AKIA|ASIA)''',
      '''(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$''',
      '''^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^()]*\))+[!?]?$''',
      '''^(?:String|string|str|SecretStr|SecureString|CharSequence|bytes|Data|char\s*\*)\b''',
      '''^[\w$.\[\]\x22'()]+\s+(?:[-+*/%]|\|\||&&|\?\?|\?|or|and|if|else)\s+\S''',
      '''^[rbuf]{1,2}[\x22'].*[\x22']$''',
      '''^[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*=\s*\S''',
      '''[(\[{]$''',
      '''(?i)^[A-Za-z_.-]*(?:password|passwd|pwd)[A-Za-z_.-]*$''',
      '''(?i)^(?=.*\b(?:password|passwort|passphrase|enter|your|confirm|forgot|reset|new|current|old|repeat|invalid|incorrect|wrong|required|must|please|show|hide|optional|leave|empty|if|not|the|to|be|is|used|here|set)\b).*\s.*$''',
      '''^(?:/|~/|\./|\.\./)[\w.@/-]*$''',
      '''\xe2\x80\xa6|\.\.\.$''',
      '''(?i)^(?:(?:\*|x|\xe2\x80\xa2){3,}|\[(?:filtered|redacted|hidden|masked|removed|secret)\]|<(?:filtered|redacted|hidden|masked|secret)>|\((?:filtered|redacted|hidden)\)|redacted|filtered|masked)$''',
      '''^\$(?:2[abxy]?|argon2(?:id|i|d)|[156y]|apr1|scrypt|pbkdf2[\w-]*|sha512|sha256)\$''',
      '''(?i)^\{(?:S?SHA\d*|S?MD5|CRYPT|BCRYPT|PBKDF2[\w-]*|ARGON2|SSHA512|SSHA256)\}''',
      '''(?i)^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt|bcrypt_sha256|sha1|md5|scrypt)\$''',
      '''(?i)^(?:md5[a-f0-9]{32}|SCRAM-SHA-256\$.*|\*[A-F0-9]{40}|[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{128})$''',
    ]
    [[rules.allowlists]]
    description = "a password parameter on a log line: password-in-log reports it"
    regexTarget = "line"
    regexes = [
      '''(?i)^(?=.{0,256}?(?:\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\b\d\d:\d\d:\d\d\b|\[\d\d/[A-Z][a-z]{2}/\d{4}|(?-i:\b(?:INFO|DEBUG|WARN|WARNING|ERROR|TRACE|FATAL|NOTICE)\b)|(?-i:\bParameters:|\bStarted (?:GET|POST|PUT|PATCH|DELETE)\b|\bProcessing by\b|\b(?:GET|POST|PUT|PATCH|DELETE) (?:/|https?://)|QueryDict|MultiDict)|(?:request[ ._-]?body|req\.body|request\.(?:form|POST|data|json|args)|form[ _-]?data|post[ _-]?data|payload)[ \t]*[:=]|\x22(?:@timestamp|timestamp|time|ts|level|severity|msg|message)\x22[ \t]*:)).{0,2048}?(?<![\w?&;-])[\x22']?[\w.\[\]%-]*?(?:password|passwd|passphrase|passwort|pwd|pass|pw)[\x22']?[ \t]*(?:=>|:|=|,)''',
    ]

    """#
}
