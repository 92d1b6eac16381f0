extension BuiltinRules {
    /// Built-in Sirportly rules: the API token, the API secret and the application token, in the
    /// same TOML schema users write in `.tokenaudit.toml` (docs/RULES.md).
    ///
    /// The values have fixed shapes (36 bytes of `0-9a-f-`; 50 ASCII letters and digits), so the
    /// rules are `shape` rules and precision comes from context: a token looks exactly like a
    /// UUID, and logs are full of UUIDs. Each `[[rules.context]]` alternative names a way a real
    /// credential is written: its header (`X-Auth-Token`, `X-Auth-Secret`, `X-Auth-Application`),
    /// a setting tied to Sirportly by name or by enclosing section, a generic name in a file that
    /// mentions Sirportly, or an argument of a Sirportly client constructor. The `key` regexes are
    /// matched against the names `ContextAnalyzer.keySubjects(of:)` lists: the key, the dotted
    /// path (`sirportly.token`), and `callee(key)` / `callee(argumentIndex)` for call arguments.
    /// Every example value is generated, never real.
    static let sirportlyTOML = #"""
    # Sirportly API credentials. Formats (Sirportly API documentation, "Authentication"):
    #   token              36 characters of 0-9, a-f and "-"   sent as X-Auth-Token
    #   secret             50 ASCII letters and digits          sent as X-Auth-Secret
    #   application token  same shape as the token              sent as X-Auth-Application
    # A token and its secret found together become one critical pair (pairWith); an application
    # token next to them joins the pair's group.

    [[rules]]
    id = "sirportly-token"
    title = "Sirportly API token"
    description = "A Sirportly API token (36 characters of 0-9, a-f and '-', sent as X-Auth-Token). With its secret it authenticates API requests with every permission of the API token or user it belongs to. Delete the token in the Sirportly admin interface (API Tokens), create a new one, and move it to a secret store. Next to its secret, the finding becomes a critical credential pair."
    severity = "high"
    shape = "sirportly-token"
    entropy = 3.0
    pairWith = "sirportly-secret"
    tags = ["sirportly", "helpdesk"]
    examples = [
      '''X-Auth-Token: «0d951c95-602f-417c-2d01-7e07fc10d0f9»''',
      '''curl -s -H "X-Auth-Token: «061bfd71-05da-2c88-8018-a460eaf5d6e7»" -H "X-Auth-Secret: $SIRPORTLY_SECRET" https://support.example.com/api/v2/tickets/all''',
      '''curl --header 'X-Auth-Token:«693d8605-b771-eaa5-90bf-ca56ad9548c5»' https://api.sirportly.com/api/v2/objects/statuses''',
      '''{"name": "X-Auth-Token", "value": "«dfc3418c-9ea8-9998-e9ad-40144eae588d»"},''',
      '''
            "headers": [
              {
                "name": "X-Auth-Token",
                "value": "«4bdddec5-0579-0e70-ffd4-e0c1be738760»"
              },''',
      '''req['X-Auth-Token'] = '«7c5e47cc-16c8-f4e2-1021-383c3c4aaa10»' ''',
      '''response = HTTParty.get(url, headers: { 'X-Auth-Token' => '«fdacb6b7-f607-ff42-227d-70933b5e0f3e»', 'X-Auth-Secret' => ENV['SIRPORTLY_SECRET'] })''',
      '''curl_setopt($ch, CURLOPT_HTTPHEADER, ['X-Auth-Token: «7c8e4071-2b59-6ba9-31fe-97ea8c90cab1»', 'X-Auth-Secret: ' . $secret]);''',
      '''const res = await fetch(url, { headers: { 'X-Auth-Token': '«cd30cf3a-857b-a954-f8f4-b5e903460de0»' } });''',
      '''xhr.setRequestHeader("X-Auth-Token", "«65bd580d-e45e-80c6-ab87-f93487c5001e»");''',
      '''r = requests.post(url, headers={"X-Auth-Token": "«8196a68a-4eb8-fc1f-3b5c-2844f7398576»", "X-Auth-Secret": secret})''',
      '''req.Header.Set("X-Auth-Token", "«4ea1996c-87dc-700d-a1b0-6c7ab603ca41»")''',
      '''Request request = new Request.Builder().url(url).header("X-Auth-Token", "«39d10320-8958-3ea6-65d5-a95f514703df»").build();''',
      '''conn.setRequestProperty("X-Auth-Token", "«c868ded2-7398-bd65-aebc-e27932b126ed»")''',
      '''request.setValue("«67f782d5-4014-f913-86e1-b2e58846831c»", forHTTPHeaderField: "X-Auth-Token")''',
      '''client.DefaultRequestHeaders.Add("X-Auth-Token", "«e2db809d-fb27-645b-7a90-5ceba5cf4b8e»");''',
      '''proxy_set_header X-Auth-Token «3caefc2b-8575-8ea9-1c58-85592eba167a»;''',
      '''D, [2026-11-26 18:13:56 +0000 #599] DEBUG -- : [8a7bf512-2922-4cfd-8297-bd1bead62f10]   X-Auth-Token: «569564c6-5c99-0841-6851-b646130dedcd»''',
      '''{"HTTP_X_AUTH_TOKEN"=>"«c2155774-99cf-eab4-4ac2-c02245d1e6e6»", "HTTP_ACCEPT"=>"application/json"}''',
      '''SIRPORTLY_TOKEN=«1b0738b6-2027-c10f-38de-e768d98f85b0»''',
      '''export SIRPORTLY_API_TOKEN="«48b05151-658a-c61d-2a77-ac7baa1db27f»"''',
      '''sirportly_api_token: «c7843ed9-af2e-91e9-d258-048db6d83c2c»''',
      '''Sirportly.token = '«503cb28b-229a-ad3d-c049-e1c08ed12a36»' ''',
      '''config.sirportly.token = "«4f9bfedd-4a7e-dc32-1dca-aef9e3bb6f3d»"''',
      '''$config['sirportly']['token'] = '«57a91383-156b-39db-d78e-7902824ff72e»';''',
      '''
        return [
            'sirportly' => [
                'url' => 'https://helpdesk.example.com',
                'token' => '«bc5b96a8-b2ee-1224-fabb-99d6a5e8d49d»',
            ],
        ];''',
      '''
        production:
          sirportly:
            base_url: https://api.sirportly.com
            token: «4bc0c156-e8be-d2a0-294d-8faf5bb5155c»''',
      '''
        [sirportly]
        ; API token from the admin interface
        token = «d5d89802-05be-a3ce-36a4-413ff1365a16»''',
      '''{"sirportly": {"token": "«67b4e8bb-628a-6827-adc3-5d2ee5f47e81»"}}''',
      '''sirportly.api.token=«3a6d3569-ebb8-5df4-9b48-84775eed1a9e»''',
      '''
        <sirportly>
          <token>«c3020119-36fe-d2c9-af29-64e93e1d3869»</token>
        </sirportly>''',
      '''<add key="SirportlyToken" value="«30b6e38a-0be1-8e63-21f9-1ee7e102cff6»" />''',
      '''
        env:
          - name: SIRPORTLY_TOKEN
            value: "«21a857d0-cd93-5ed9-57b4-3dbe5d3bbb77»"''',
      '''
        Sirportly.configure do |config|
          config.token = '«bab78233-fa7e-edab-ede1-6d336a1c5f03»'
        end''',
      '''private static final String SIRPORTLY_TOKEN = "«a7cc3e87-d862-a551-d696-33be675f7e47»";''',
      '''let sirportlyToken: String = "«f2a1167e-eece-6a47-147a-cc3103374df4»"''',
      '''client = Sirportly::Client.new('«9c3efead-73f1-9e57-626b-4905956d8e49»', 'khsix3ljm190xfde0i8up1obgog0mnapw6xipfsmbkarcw8cnd')''',
      '''client = Sirportly::Client.new(token: '«5d6dffc0-d627-cdb7-2d6a-bd3bbecabba1»', secret: ENV['SIRPORTLY_SECRET'])''',
      '''$client = new Sirportly\Client('«c9dcafca-8aa8-b2e5-deea-9a94c787afea»', getenv('SIRPORTLY_SECRET'));''',
      '''const client = new SirportlyClient({ token: '«f2478c81-3ccc-8d69-304a-ee0f035d747a»', secret: process.env.SIRPORTLY_SECRET });''',
      '''api = sirportly.Client("«963c1e45-5ac9-e59c-5cd0-b169a7141936»", os.environ["SIRPORTLY_SECRET"])''',
      '''helpdesk = Sirportly(token="«0b31161b-6481-fe53-e11d-53baee7fba43»", secret=secret)''',
      '''
        # sync tickets from Sirportly
        auth = {"token": "«366f0876-7450-72ec-ef2d-90a412dde443»", "secret": secret}''',
      '''
        require 'sirportly'
        client = Client.new('«ab42d8c2-e301-9b0d-d900-ce5efd4c0c4b»', secret)''',
      '''GET /api/v2/tickets/all?auth_token=«d42c2bac-baf9-8e1b-3945-5632dc1d8fe5»&auth_secret=x HTTP/1.1" 200''',
      '''PHP Fatal error:  Uncaught Sirportly\Exception\AccessDenied: 403 for X-Auth-Token «8c5b611d-7f45-1083-e312-db74cf49858b» in /var/www/vendor/sirportly/src/Client.php:88''',
      '''#0 /var/www/app/Helpdesk.php(31): Sirportly\\Client->__construct('«3fec86b8-3177-83c0-67ff-843d68f5d0eb»', 'mfbiddiybh5ma4rt28cv0b384if5sbpoesvnvo0diyck0wqufy')''',
      '''INSERT INTO integrations (id, provider, token) VALUES (7, 'sirportly', '«5ad309ae-baa2-c8ab-a470-a6e1cdde764e»');''',
      '''
        id,provider,name,token,created_by
        1,sirportly,Helpdesk 1,«d7545b57-3f6a-6998-8b42-2fea0b127dcb»,tom.becker''',
      '''send: b'GET /api/v2/tickets/all HTTP/1.1\r\nHost: api.sirportly.com\r\nX-Auth-Token: «6aa520e9-a664-36ad-e1b3-cdc11809fafb»\r\n\r\n' ''',
      '''fun legacy(http: HttpClient) = SirportlyApi(http, "«95d99e51-4b0b-0391-278b-cdee6b32f5b1»", "0gn7fq6v6wmy7m4dcp5edi4vios8l9vvfec8gtvwmmqyz1uynd")''',
      '''
        # Quick console check (remove before release):
        # gw = Helpdesk::SirportlyGateway.new("«2bb959b4-7f3c-56d5-cff5-f39d2c06fc5a»", "jjjkmuw0dikyifxt8pomdg43ltt5hrxismv965eigsdusn61bj")''',
      '''The staging token is `«30f0ad89-5ca4-3a43-d509-e219778a8930»` (ask #helpdesk for the Sirportly secret).''',
      '''<string name="sirportly_api_token">«970c4971-3174-a824-4a26-df9e6459937f»</string>''',
      '''
        HELPDESK_TOKEN=«8b954cdf-c34d-19bb-bd37-322425369408»
        HELPDESK_SECRET=t1jupe6a0p5ciqikwn1ugfm50sfg4bmh671qk4qw4lrr4y4a7a''',
    ]
    negativeExamples = [
      '''2026-11-26T10:00:00Z level=info msg="sirportly sync done" request_id=6662c948-48df-49b9-92ab-45e9d0d56cbf duration=120ms''',
      '''I, [2026-11-26T10:00:00 #42]  INFO -- : [3470d43e-49f1-490b-aa6f-42579a68c4dd] Completed 200 OK in 12ms (sirportly)''',
      '''{"trace_id": "e71cf4f4-9517-4dad-a8e6-22e72969b6a4", "span": "sirportly.fetch"}''',
      '''{"job_id": "18b13916-15b2-43e9-9c36-b5ee3ecbfb34", "queue": "sirportly-sync", "attempt": 1}''',
      '''
        sirportly:
          ticket_id: 0df55d7d-0c57-45fd-a2ef-4adba63a5b82
          reference: d3363d92-98f9-424a-b0b2-64165f5ab5e4
          id: 75cc6789-9f14-4983-8b71-67d8e4f436e7''',
      '''INSERT INTO sirportly_tickets (id, reference, subject) VALUES ('38256d1a-77b3-455f-b16c-af7b2d157bb1', 'AB-123456', 'Printer');''',
      '''Message-ID: <b61db83d-eed8-4c2a-94b9-ee6bf8944734@helpdesk.example.com> (sirportly notification)''',
      '''SIRPORTLY_TOKEN=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx''',
      '''SIRPORTLY_TOKEN=00000000-0000-0000-0000-000000000000''',
      '''sirportly_token: your_token_here''',
      '''SIRPORTLY_TOKEN=${SIRPORTLY_TOKEN}''',
      '''client = Sirportly::Client.new(ENV['SIRPORTLY_TOKEN'], ENV['SIRPORTLY_SECRET'])''',
      '''const token = process.env.SIRPORTLY_TOKEN;''',
      '''SIRPORTLY_TOKEN=b4ce944b-a369-a1a8-34e4-edc28afd25d57f3a''',
      '''X-Auth-Token: 6fd6e22d-ccef-46a2-aa3b-4bf706216413zz''',
      '''X-Auth-Token: D3F269A9-932E-EEB0-05E7-14FDFF8696B2''',
      '''sirportly_token: 7c4fa56c43ebf29e78434e961cc42f2e55735bea''',
      '''sirportly_token: 0bad3ca0a2e125d7310e53494fbb7ec0eaac5552b5f30491ca6675d62bf95694''',
      '''HEROKU_API_KEY=26161bdb-1e25-4c14-a23c-9204e6fe026b  # deploys sirportly-bridge''',
      '''
        # sirportly bridge
        postmark:
          token: bee595e4-4ef6-42b4-8914-133ae695ea22''',
      '''X-Auth-Application: 566ef43c-3f96-f97f-8c7b-70d3b322f199''',
      '''sirportly_application_token: ecfac7e2-e0ba-544c-902d-84bbc834da09''',
      '''
        HELPDESK_APPLICATION_TOKEN=9f8d7986-5224-4407-6b54-f1d680228984
        HELPDESK_SECRET=jskb7bdjz69cdagcbpzm02mlpfiygqtslaenn27fyll4vmyxnw''',
      '''Sirportly::Ticket.find('d411e1c5-f4d5-48fc-a320-e32df8b894df')''',
      '''GET /api/v2/objects/ee79aaf7-e9ba-41d1-921e-ede7573f12da/edit (sirportly)''',
      '''token: 4a0c3c55-7736-5ddd-a8dc-55fedb511705''',
      '''
        id,provider,ticket_ref,created_by
        1,sirportly,a4a0d929-918e-4e3f-8152-896a9348bf6e,tom.becker''',
      '''The request id is `ab9a825d-7870-4a1b-9099-2dbb43fd7f67` (sirportly).''',
      '''
        access_token: 2e5e3d0e-0263-4ffd-8bfc-83a2462b11b7
        client_secret: 0nf19jyi1ablm2zwhq70ln2b09zoz3jrzlb3tz7emsj47dytrg''',
      '''
        csrf_token = "b5f454f2-a26a-4072-8e2d-c784927b799d"
        secret_key_base = "b4521e0d49700ec3e3f812aaa2e6b008c8ef0e94db98864edf1aa43ae9261a18"''',
    ]
    [[rules.context]]
    # The header the token travels in (also its CGI/Rack form HTTP_X_AUTH_TOKEN).
    key = '^(?:http_)?x[-_]auth[-_]token$'
    [[rules.context]]
    # A setting named for Sirportly, directly or by its enclosing section: SIRPORTLY_TOKEN,
    # sirportly_api_token, Sirportly.token, sirportly: / token:, [sirportly] token = …
    key = '''sirportly.*?(?<!app)(?<!application)(?<!app[._-])(?<!application[._-])token(?:[._-]?(?:prod|production|live|staging|stage|dev|development|test|sandbox|\d+))?$'''
    [[rules.context]]
    # A generic token name in a file that is about Sirportly.
    key = '^(?:(?:api|auth|access|user)[._-]?)?token$'
    fileMentions = ["sirportly", "x-auth-secret", "/api/v2/tickets/", "/api/v2/objects/", "/api/v2/users/"]
    notNear = ["postmark", "heroku", "onesignal", "launchdarkly", "csrf", "xsrf"]
    linesBefore = 2
    linesAfter = 0
    [[rules.context]]
    # A token name beside a secret name: a token/secret pair in Sirportly's shapes, even in a file
    # that never names Sirportly (HELPDESK_TOKEN / HELPDESK_SECRET). OAuth and session pairs are not.
    key = '^(?:[\w.-]*[._-])?(?<!app[._-])(?<!application[._-])(?:api[._-]?)?token$'
    near = ["secret"]
    notNear = ["client_secret", "oauth", "refresh", "access_token", "id_token", "csrf", "xsrf", "session", "webhook", "postmark", "heroku", "consumer", "twitter"]
    linesBefore = 2
    linesAfter = 2
    [[rules.context]]
    # The first argument of a Sirportly client constructor (the second after an HTTP client), or its
    # token keyword. Secrets and application tokens sit at other positions or have another shape.
    key = '''^(?!.*(?:ticket|user|object|contact|status|department|brand|team|priority|find|get|search|update|post|submit|request))[^()]*sirportly[^()]*\((?:0|1|(?:api[._-]?|auth[._-]?)?token)\)$'''
    [[rules.context]]
    # The first argument of a generic client constructor in a file that is about Sirportly.
    key = '''^(?:[\w:.\\>-]*[.:\\>])?(?:(?:api|http)?client|self|static|gateway|api)(?:[.:]+new|->__construct)?\((?:0|1|token)\)$'''
    fileMentions = ["sirportly"]

    [[rules]]
    id = "sirportly-secret"
    title = "Sirportly API secret"
    description = "A Sirportly API secret (50 ASCII letters and digits, sent as X-Auth-Secret; lowercase in older accounts, mixed case in newer ones). With its token it authenticates API requests. Delete the API token in the Sirportly admin interface (API Tokens), create a new one, and move it to a secret store. Next to its token, the finding becomes a critical credential pair."
    severity = "high"
    shape = "sirportly-secret"
    entropy = 3.8
    pairWith = "sirportly-token"
    tags = ["sirportly", "helpdesk"]
    examples = [
      '''X-Auth-Secret: «2oox056lwh018y4krg4lv4wqfv9alploizoik20xyh7i0bi5zj»''',
      '''X-Auth-Secret: «NwB2XNADbFEDbxSrObD8l8XQGo0ii3F96GdKCTlqVnlKxaN1gV»''',
      '''curl -H "X-Auth-Token: 5faa8e88-a6ea-fea1-01f8-a22d865e2d67" -H "X-Auth-Secret: «f4g20ggsodu29z2oupkgysrwtldjgr0lhsy1vzkpn3hh06sjok»" https://api.sirportly.com/api/v2/tickets/all''',
      '''{"name":"X-Auth-Secret","value":"«iGqmOjLC0D4o2ljH8kG0rUSi9TMpBgWf47Ys7Ggd8fMkD8rUxF»"}''',
      '''req['X-Auth-Secret'] = '«5a9vmcqzqdafkx8iivojf0ulp4fb1oa6d8v6xz15mtw50kygxh»' ''',
      '''headers: {'X-Auth-Secret' => '«sl91302jn0142bzkzgogllee9186by7lhhlyvpyw3027ur8k0v»'}''',
      '''$headers[] = 'X-Auth-Secret: «d64ue1t8ss0ag7m93ejndlhdqgpl44vp8w9ed7u4zkwzpuydk9»';''',
      '''fetch(url, { headers: { "X-Auth-Secret": "«0QkxnUw3oxU4Bp0iAbf5E0ZwA3B02Lcs5PalJQvk4s8PkXoj9G»" } })''',
      '''xhr.setRequestHeader('X-Auth-Secret', '«90cjfbx8o4qc4liqc0nicoiorqg0gof9k1y5ixt92afmi4m26e»')''',
      '''session.headers.update({"X-Auth-Secret": "«jemz5cbi4zfkdfu6faaazoa3eaqd77ikwa3558o2p50zajfveo»"})''',
      '''req.Header.Add("X-Auth-Secret", "«gl2msrwohpaz2xounhqpnwpqc1suj3ru1ji5oz0j09tfz7ruis»")''',
      '''.addHeader("X-Auth-Secret", "«NThN5XPcE4t7681oyfckYSN3mwsJK1ijf0GKTWlHNj7lYLEOZg»")''',
      '''urlRequest.setValue("«3vdod362io5rhfwt82fivprsqf01c6v7zhxy83fvpfm47bgcbk»", forHTTPHeaderField: "X-Auth-Secret")''',
      '''http.DefaultRequestHeaders.TryAddWithoutValidation("X-Auth-Secret", "«9008kwtz7vpltqm6t6w9ox4u4gicz5zaa3bvoohb0vtjfd4njj»");''',
      '''[2026-11-26 09:12:44] DEBUG   X-Auth-Secret: «eopngd496oga26enh5nnuvyepunkugtbksr7nf00evniuu3de8»''',
      '''SIRPORTLY_SECRET=«cyu9i3znrbc5pf98xbbepft4wyf4h7mxhys135qeitu7pjuk73»''',
      '''export SIRPORTLY_API_SECRET='«gYa2dgKuADJFspFUuQfr8WmKYyYAwsx38ONj1C699fGhTqesuK»' ''',
      '''sirportly_secret: «rvby0ffg21xqvf0q6pe1ma1m74qbwocfvr4fjstl17451davi1»''',
      '''Sirportly.secret = '«s3ipnaucmb9ixz8qjtrg36mxtmb5075kbi2c8ofxh5ludr4vh5»' ''',
      '''config.sirportly.secret = "«2QwK83usS5wmpthnZ3bjczJ9D0CawwSU5bfiFLpwi9PW50BH4L»"''',
      '''$config['sirportly']['secret'] = '«67x3rg66xlbk13wvgpgsrradwtk7uwxivd5egu6vvqftbdc04o»';''',
      '''
        'sirportly' => array(
            'token'  => getenv('SIRPORTLY_TOKEN'),
            'secret' => '«2b8xgn2ouk8pwm2xlnonvs944uuet42qjgz2usosw0s23cp9mf»',
        ),''',
      '''
        sirportly:
          token: 0501bb6e-dec3-46cb-6676-17a35ea0f811
          secret: «sal9b6dx30l9quxgthmanepuf9jue1vtts9jktu72cyrrj3u26»''',
      '''
        [sirportly]
        secret = "«fc3q47Zv3YRNEdss2CpwlF6HjpyZAaXuSfVgNFIcZctUWLBpo3»"''',
      '''
        {
          "Sirportly": {
            "Secret": "«f81hjlehx4n6olxca9ca1vcwvuhixf6yvhw41lcmhpfln4xx3f»"
          }
        }''',
      '''sirportly.api.secret=«s1sngd614kllcqnjx66xqpsems5esidn1pvgidzqh3zmvt45xk»''',
      '''<sirportly token="fab87712-af73-5ff4-51a3-f8fe8ffeec8b" secret="«rclnhe75eixzn6jyoga1aik77y568nv48cxv16c3p80obqftzp»" />''',
      '''
        - name: SIRPORTLY_SECRET
          value: «zonicsgybasqgpok1tbeo1obpmz50n5hc4dzjkvol6ozz1gq8k»''',
      '''client = Sirportly::Client.new('bfa9be3a-131b-5242-7160-aaee3f140943', '«asrjlujwx9k53lr56qn0rdxaaofr2wcg42vamsbvqvm1vuujy1»')''',
      '''
        client = Sirportly::Client.new(
          ENV.fetch('SIRPORTLY_TOKEN'),
          '«vu17jgze45j618mqpywzpykjcr7b1cadszkbuomck5e64oh9ej»'
        )''',
      '''$client = new Sirportly('4d0413ed-8a31-dab6-bece-340dd7b1f76c', '«ARNhq3mPzfBtOXIQCQXHjrW1Z8g5cNtmSwbhoAWaGM46jDnI14»');''',
      '''new SirportlyClient({ token: process.env.SIRPORTLY_TOKEN, secret: '«7rm6lvntogufmmntzyf0zdx37gm8ddi7taqlk8pz0x540tck5m»' })''',
      '''api = sirportly.Client(token, "«i12ixvm074fbsniv5lrad18zdc029bi42mcgqpq94ow757qihb»")''',
      '''Sirportly(token=token, secret="«ua4x3uwlvjxhi85zqhqh8tlt0c0vcdu59yltk270b1yo39giu5»")''',
      '''
        # Sirportly credentials for the nightly export
        SECRET = "«m6cnq6vw6vxy0h8kyg04zi3sa11vcbi1x4u3ol1w43o8u81fpb»"''',
      '''{"msg": "sirportly login response", "body": {"user": {"token": "dd75f671-c980-0418-819c-cb5c7c33f249", "secret": "«yvakhq6si0pcrqpqs52abyv4koxcyxjlpdwfc3l1xtz5vw4dsw»"}}}''',
      '''GET /api/v2/tickets/all?auth_token=68e9cd0f-f226-34d2-060d-78009f2b77f0&auth_secret=«kn6zsmqmh7582oe7fiv37v8ktix2hoh46nracv0ipf8h4f3odm» HTTP/1.1 (sirportly)''',
      '''#0 /var/www/app/Helpdesk.php(31): Sirportly\\Client->__construct('062ea877-ca74-d376-7efb-a846936f0840', '«h0hj02yyp9p3qvrp5sivn0bh8nemdq9qk1qi1dk3wrp3em2dfh»')''',
      '''2026-11-26 23:47:07 DEBUG [auth] sirportly login ok, storing credentials token=7add4c1d-9ef7-7725-a7fb-0b9803d0711b secret=«j318zwir7j58okxfgodkfrzfj0v0kobdav6j91g0j15qfsyhrp»''',
      '''
        upstream timed out, client: 10.0.0.7, server: helpdesk.example.com, request: "GET /api/v2/tickets/all?auth_token=028b408a-0d97-7d3d-2411-9034f4c26608&auth_secret=«0xe0xyt0hvmuiea1x9fah8fv6jzoyq4ysb5atwu0gnnl68tnp0» HTTP/1.1"''',
      '''return new self('9c345737-0689-bb1f-cfce-74cea66e601f', '«icumq880pdahju9n8vr0sce0y4f29kei75kjd6btrx9yvpxi5d»'); // SirportlyGateway''',
      '''
        helpdesk:
          token: 037d9ca7-ac8c-d411-91df-355f26c63cea
          secret: «fTZI14eaCMgP7xSNfuNahlvL0q576fYHQCtTwI3km6qxvFVBsP»''',
      '''
        id	provider	token	secret
        2	sirportly	5b3b1ebd-1a1c-8466-03d8-9c9be6da7244	«fZMsVayYHZwQTvYGBVc9PYOvLuRb9SH0sJn3ru3KRJzAOmTxf4»''',
      '''
        "attributes": {
          "id": "/helpdesk/sirportly/secret",
          "type": "SecureString",
          "value": "«1272kd9r43ajdr7a53nq1n0zz4mplteyaltv5c7bl10ukl1188»"
        }''',
    ]
    negativeExamples = [
      '''secret: gqV2fjY4ofUIFb5GWHPzFSWxLZWRQ26vjqfzeU9oty1vgRJTng+CkgNq3jAIEJYA1SjSdqXTzzukK75AC/oxhuLkjSKFU8wS45fzxY==''',
      '''X-Auth-Secret: ywoy3r21zib9g6vspsxkl5hx727immzbi7nnj3wf06xzrccxanx9Q''',
      '''sirportly_secret: 352d97fd4f398f7a7bc0b3de8c9743cc41b435a94df18ae609e5060c3390ad40''',
      '''
        # sirportly bridge settings
        SECRET_KEY = '0RZSVxYY63wssN8edOzPUTkbYJZPw7CphytUxguLY6WDKSbUz0'
        ''',
      '''
        # sirportly oauth bridge
        client_secret: TMrcHRZXIo5hyJAEQVY8JmLAqlnFQ52IT9DpAXf5XKqpMXug0s''',
      '''SIRPORTLY_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx''',
      '''SIRPORTLY_SECRET=${SIRPORTLY_SECRET}''',
      '''secret = ENV.fetch("SIRPORTLY_SECRET")''',
      '''session_secret: ldqb1llgqijmcatu0mk08lgajwd12eoeue8x18rp27qu9svd6p  # sirportly portal cookies''',
      '''
        # sirportly portal
        webhook:
          secret: jzzurak3nogt8euj1c55flrg1ni0h0q4i6ylgrggsbz53hkqmq''',
      '''commit gccrcay75dijsbao6jsgfuvs0jzxfu0nq0r7oqvpv2b3tt9vk4 (sirportly-sync)''',
      '''secret: b47f9g0kqfpcy80f12kt9whiv1befg3w9q2kieu700c34iw3gi''',
      '''X-Auth-Token: a19s7y0fkcelggagabbqxfc3dlg759jo37i3i15337x6exp5by''',
      '''
        consumer_key: NGihFkepkBhXrvygkCfq6fBbgV6WSw1nVVO7qi4aIhcx2aaWiU
        consumer_secret: x8ELAHiwuhXjlxOdAg2BUgXqlprJp7iUYwI2LmvDvSosR7up0W
        access_token: Q35HxbUkDPaSQlQlnGrSkZMRG0zTJkaBVMdnfEr1CFCDnw62c8''',
      '''
        client_id: 4fedefc7-da28-4ccf-969a-50427b2d6bfd
        client_secret: jxiym20b3z1tmwxghd9ayh51h3ko3deyq64fu3fhwk8cshjmoa
        token_url: https://login.example.com/oauth/token''',
      '''https://cdn.example.com/i8746qrm8z1xnol1l6pjsvvgtbhl9fq9s3t4p656ukpmb1xznn/app.js (sirportly)''',
      '''sirportly_secret = "ba6ewfs4lg0hzfb0g85r18gnx3gqxfslq17pc0yyrryy7nhv64_v2"''',
    ]
    [[rules.context]]
    # The header the secret travels in.
    key = '^(?:http_)?x[-_]auth[-_]secret$'
    [[rules.context]]
    # A setting named for Sirportly, directly or by its enclosing section.
    key = '''sirportly.*?secret(?:[._-]?key)?(?:[._-]?(?:prod|production|live|staging|stage|dev|development|test|sandbox|\d+))?$'''
    [[rules.context]]
    # A generic secret name in a file that is about Sirportly.
    key = '^(?:(?:api|auth|access|user)[._-]?)?secret$'
    fileMentions = ["sirportly", "x-auth-token", "/api/v2/tickets/", "/api/v2/objects/", "/api/v2/users/"]
    notNear = ["postmark", "heroku", "webhook", "signing", "oauth", "client_secret", "jwt", "cookie", "encryption", "csrf", "stripe", "github", "slack"]
    linesBefore = 2
    linesAfter = 0
    [[rules.context]]
    # A secret name beside a token name (see the token rule), even where Sirportly is not named.
    key = '^(?:[\w.-]*[._-])?(?:api[._-]?)?secret$'
    near = ["token"]
    notNear = ["client_secret", "oauth", "refresh", "access_token", "id_token", "csrf", "xsrf", "session", "webhook", "jwt", "cookie", "signing", "consumer", "twitter", "stripe", "slack", "github", "postmark", "heroku"]
    linesBefore = 2
    linesAfter = 2
    [[rules.context]]
    # The second argument of a Sirportly client constructor (the third after an HTTP client), or its
    # secret keyword.
    key = '''^(?!.*(?:ticket|user|object|contact|status|department|brand|team|priority|find|get|search|update|post|submit|request))[^()]*sirportly[^()]*\((?:1|2|(?:api[._-]?|auth[._-]?)?secret)\)$'''
    [[rules.context]]
    # The second argument of a generic client constructor in a file that is about Sirportly.
    key = '''^(?:[\w:.\\>-]*[.:\\>])?(?:(?:api|http)?client|self|static|gateway|api)(?:[.:]+new|->__construct)?\((?:1|2|secret)\)$'''
    fileMentions = ["sirportly"]

    [[rules]]
    id = "sirportly-application-token"
    title = "Sirportly application token"
    description = "A Sirportly application token (same shape as an API token, sent as X-Auth-Application in user authentication). It identifies a registered application; with a user's token and secret it acts as that user. Ask Sirportly to reissue the application token and move it out of the code. Next to a token and secret, the finding joins their credential pair."
    severity = "high"
    shape = "sirportly-token"
    entropy = 3.0
    pairWith = "sirportly-token"
    tags = ["sirportly", "helpdesk"]
    examples = [
      '''X-Auth-Application: «e32e5a5c-6de7-af40-42e6-c7e007b11877»''',
      '''curl -H 'X-Auth-Application: «fbca80bc-4f30-645e-c436-df729b5ef696»' -d 'username=jo&password=...' https://api.sirportly.com/api/v2/users/login''',
      '''{"name": "X-Auth-Application", "value": "«7c8775ec-cfc2-d08e-e68a-d73952830a5b»"}''',
      '''req['X-Auth-Application'] = '«650180b6-bfbf-8074-c62f-9e4d92e90a21»' ''',
      '''headers: { 'X-Auth-Application': '«a587e7ed-5c1e-943e-c9ae-6e8a9bafa018»' }''',
      '''request.setValue("«ede98e79-e156-be71-35cc-3027040fa1d4»", forHTTPHeaderField: "X-Auth-Application")''',
      '''connection.setRequestProperty("X-Auth-Application", "«50e63613-a0f4-90be-6cd1-ad2ba6b3cba6»")''',
      '''SIRPORTLY_APPLICATION_TOKEN=«3ffcf1d9-1796-c5a6-6777-5ccb2547b028»''',
      '''SIRPORTLY_APP_TOKEN="«7843380f-ef3c-95bc-9742-789bffb379ac»"''',
      '''sirportly_api_application: «7b365630-62d8-75b5-e5ba-54a09e281857»''',
      '''Sirportly.application = '«3243519e-bcbe-647a-5449-10ce8b7ea495»' ''',
      '''
        sirportly:
          application: «5f52fefb-0556-5b1b-feb7-ac13b681d99e»''',
      '''
        [sirportly]
        app_token = «edb7c748-2ebd-0dec-9cec-8b1e3d9bb5b4»''',
      '''static let sirportlyApplicationToken = "«40318d19-f184-9cea-9e88-6e70811241f5»"''',
      '''Sirportly::Client.new(token, secret, application: '«fe3d8a85-0881-cecc-a7b6-ec8f1fe3b4bb»')''',
      '''
        <key>SirportlyApplicationToken</key>
        <string>«06d6f17e-cf08-676d-5175-ca495a29f798»</string>''',
      '''<string name="sirportly_application_token">«6812b235-d9fe-5248-3254-0d5745ef22cc»</string>''',
      '''DEBUG [auth] POST /api/v2/users/authenticate body=username=jo&password=*** app=«3f59aa75-a80f-a67f-a4ff-f550e24d805d» (sirportly)''',
      '''
        # Sirportly mobile app registration
        APPLICATION_TOKEN = "«1eca4b31-07da-31e0-301d-3dc742e1a016»"''',
    ]
    negativeExamples = [
      '''X-Auth-Token: 71796973-c3f4-e170-bdf5-d3ff5cba657b''',
      '''application_id: d5a4e1a1-2807-4f1d-9164-816b64c9f1ae  # sirportly''',
      '''app_id=abcf48a4-93d6-4b12-9fbc-2ddb5bd23f01 (sirportly)''',
      '''X-Auth-Application: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx''',
      '''X-Auth-Application: ${SIRPORTLY_APPLICATION}''',
      '''application: 89204305-24f9-dff3-7672-04a20d9ef76f''',
      '''sirportly_token: 76e77359-558e-f115-d35a-3aa0089b0dd8''',
      '''GET /api/v2/apps?app=b6222069-90aa-4d11-a5d3-f9c52f630fda (sirportly)''',
      '''
        <key>CFBundleIdentifier</key>
        <string>b64f7b8c-c6db-46ca-af6c-babc6a3bc721</string>
        <!-- sirportly -->''',
    ]
    [[rules.context]]
    # The header the application token travels in.
    key = '^(?:http_)?x[-_]auth[-_]application(?:[-_]token)?$'
    [[rules.context]]
    # A setting named for Sirportly's application token, directly or by its enclosing section.
    key = '''sirportly.*?app(?:lication)?(?:[._-]?(?:token|key))?(?:[._-]?(?:prod|production|live|staging|stage|dev|development|test|sandbox|\d+))?$'''
    [[rules.context]]
    # A generic application-token name in a file that is about Sirportly.
    key = '^(?:api[._-]?)?(?:application(?:[._-]?token)?|app[._-]?token)$'
    fileMentions = ["sirportly", "x-auth-token", "/api/v2/tickets/", "/api/v2/objects/", "/api/v2/users/"]
    [[rules.context]]
    # The third argument of a Sirportly client constructor (the fourth after an HTTP client), or its
    # application keyword.
    key = '''^(?!.*(?:ticket|user|object|contact|status|department|brand|team|priority|find|get|search|update|post|submit|request))[^()]*sirportly[^()]*\((?:2|3|(?:api[._-]?)?app(?:lication)?(?:[._-]?token)?)\)$'''
    [[rules.context]]
    # `app=…` on the line of a Sirportly user-authentication request.
    key = '^app$'
    near = ["authenticate", "x-auth-", "/users/login"]
    fileMentions = ["sirportly", "/api/v2/tickets/", "/api/v2/objects/", "/api/v2/users/"]
    linesBefore = 0
    linesAfter = 0
    """#
}
