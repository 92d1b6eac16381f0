/// A generated, deterministic mixed input for engine benchmarks: application logs with UUID
/// request ids, source code, configuration files, and a few planted (generated, never real)
/// credentials. Imports nothing, so a plain timing harness can use it too.
enum MixedCorpus {
    /// Generated credentials planted in the corpus, one of each kind per `plantEvery` bytes.
    static let plantEvery = 1 << 20

    /// About `bytes` bytes of mixed text (the last block may overshoot by a few hundred bytes).
    static func generate(bytes target: Int, seed: UInt64 = 0x5EED) -> [UInt8] {
        var rng = Generator(state: seed)
        var out: [UInt8] = []
        out.reserveCapacity(target + 4096)
        var nextPlant = plantEvery / 2
        var line = 0
        while out.count < target {
            line += 1
            switch rng.below(20) {
            case 0..<12: appendLogLine(&out, &rng, line)
            case 12..<16: appendSource(&out, &rng)
            default: appendConfig(&out, &rng)
            }
            if out.count >= nextPlant {
                appendPlanted(&out, &rng)
                nextPlant += plantEvery
            }
        }
        return out
    }

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let hex = Array("0123456789abcdef".utf8)
    static let alnum = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)

    static func appendRandom(_ out: inout [UInt8], _ rng: inout Generator, _ alphabet: [UInt8], _ count: Int) {
        for _ in 0..<count { out.append(alphabet[rng.below(alphabet.count)]) }
    }

    static func appendUUID(_ out: inout [UInt8], _ rng: inout Generator) {
        for (i, n) in [8, 4, 4, 4, 12].enumerated() {
            if i > 0 { out.append(UInt8(ascii: "-")) }
            appendRandom(&out, &rng, hex, n)
        }
    }

    static func append(_ out: inout [UInt8], _ text: String) { out.append(contentsOf: text.utf8) }

    static let paths = ["/api/v1/users", "/api/v1/tickets", "/health", "/api/v2/search", "/login", "/static/app.js"]
    static let levels = ["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"]
    static let agents = [
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36", "curl/8.5.0", "okhttp/4.12.0", "python-requests/2.31",
    ]

    static func appendLogLine(_ out: inout [UInt8], _ rng: inout Generator, _ line: Int) {
        append(&out, "2026-11-29T01:\(10 + rng.below(50)):\(10 + rng.below(50)).\(100 + rng.below(900))Z ")
        append(&out, levels[rng.below(levels.count)])
        append(&out, " [request_id=")
        appendUUID(&out, &rng)
        append(&out, "] ")
        append(&out, ["GET ", "POST ", "PUT "][rng.below(3)])
        append(&out, paths[rng.below(paths.count)])
        append(&out, "/\(rng.below(100_000)) status=\([200, 200, 201, 404, 500][rng.below(5)]) duration=\(rng.below(900))ms")
        append(&out, " user_agent=\"\(agents[rng.below(agents.count)])\" trace=")
        appendRandom(&out, &rng, hex, 32)
        append(&out, " line=\(line)\n")
    }

    static let sourceBlocks = [
        """
        func fetchTickets(for user: User, page: Int = 1) async throws -> [Ticket] {
            let request = try client.makeRequest(path: "/tickets", query: ["page": String(page)])
            let (data, response) = try await session.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw APIError.status }
            return try decoder.decode([Ticket].self, from: data)
        }

        """,
        """
        def load_settings(path):
            with open(path) as handle:
                settings = yaml.safe_load(handle)
            token = os.environ.get("SERVICE_TOKEN")
            if not token:
                raise RuntimeError("SERVICE_TOKEN is not set")
            return Settings(url=settings["url"], token=token, timeout=settings.get("timeout", 30))

        """,
        """
        export async function handler(event) {
          const body = JSON.parse(event.body || "{}");
          const key = process.env.API_KEY;
          const result = await fetch(`${BASE_URL}/items/${body.id}`, { headers: { Authorization: `Bearer ${key}` } });
          return { statusCode: result.status, body: await result.text() };
        }

        """,
        """
        public class TicketService {
            private final Repository repository;
            public TicketService(Repository repository) { this.repository = repository; }
            public Optional<Ticket> find(long id) { return repository.findById(id); }
        }

        """,
    ]

    static func appendSource(_ out: inout [UInt8], _ rng: inout Generator) {
        append(&out, sourceBlocks[rng.below(sourceBlocks.count)])
    }

    static func appendConfig(_ out: inout [UInt8], _ rng: inout Generator) {
        switch rng.below(3) {
        case 0:
            append(&out, "server:\n  host: 0.0.0.0\n  port: \(8000 + rng.below(100))\n  workers: \(1 + rng.below(16))\n")
            append(&out, "database:\n  url: postgres://app@db.internal:5432/app\n  pool: \(5 + rng.below(20))\n  password: ${DB_PASSWORD}\n")
        case 1:
            append(&out, "[cache]\nbackend = redis\nttl = \(rng.below(3600))\nnamespace = app-\(rng.below(1000))\n\n")
        default:
            append(&out, "LOG_LEVEL=info\nFEATURE_FLAGS=search,export\nAPI_BASE_URL=https://api.example.invalid\nSESSION_ID=")
            appendUUID(&out, &rng)
            append(&out, "\n")
        }
    }

    /// Generated credentials of common shapes, each in a typical setting.
    static func appendPlanted(_ out: inout [UInt8], _ rng: inout Generator) {
        append(&out, "GITHUB_TOKEN=ghp_")
        appendRandom(&out, &rng, alnum, 36)
        append(&out, "\naws_access_key_id = AKIA")
        appendRandom(&out, &rng, Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8), 16)
        append(&out, "\naws_secret_access_key = ")
        appendRandom(&out, &rng, alnum, 40)
        append(&out, "\ncurl -H 'X-Auth-Token: ")
        appendUUID(&out, &rng)
        append(&out, "' -H 'X-Auth-Secret: ")
        appendRandom(&out, &rng, alnum, 50)
        append(&out, "' https://helpdesk.example.invalid/api/v2/tickets/all\n")
        append(&out, "stripe_key: sk_live_")
        appendRandom(&out, &rng, alnum, 24)
        append(&out, "\n  password: \"")
        appendRandom(&out, &rng, alnum, 14)
        append(&out, "\"\n")
    }
}
