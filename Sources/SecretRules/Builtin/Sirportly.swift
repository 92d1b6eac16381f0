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
      '''D, [2026-11-26 18:13:56 +0000 #599] DEBUG -- : [89fe00ca-f57b-4cb4-871b-21e5db9cfabf]   X-Auth-Token: «569564c6-5c99-0841-6851-b646130dedcd»''',
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
      '''client = Sirportly::Client.new('«9c3efead-73f1-9e57-626b-4905956d8e49»', 'ka3mgmchva84isax3ny1du0exumwgzxunh54y4d0tcptmzl9un')''',
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
      '''GET /api/v2/tickets/all?auth_token=«d42c2bac-baf9-8e1b-3945-5632dc1d8fe5»&auth_secret=x HTTP/1.1" 200 (sirportly)''',
      '''PHP Fatal error:  Uncaught Sirportly\Exception\AccessDenied: 403 for X-Auth-Token «8c5b611d-7f45-1083-e312-db74cf49858b» in /var/www/vendor/sirportly/src/Client.php:88''',
      '''#0 /var/www/app/Helpdesk.php(31): Sirportly\\Client->__construct('«3fec86b8-3177-83c0-67ff-843d68f5d0eb»', 'nppo89kyzwekjpxafqprighqb49349gytkxyspifpr6sw55whp')''',
      '''INSERT INTO integrations (id, provider, token) VALUES (7, 'sirportly', '«5ad309ae-baa2-c8ab-a470-a6e1cdde764e»');''',
    ]
    negativeExamples = [
      '''2026-11-26T10:00:00Z level=info msg="sirportly sync done" request_id=9b56c968-63fe-4224-aea5-94be373f6801 duration=120ms''',
      '''I, [2026-11-26T10:00:00 #42]  INFO -- : [d4723f2e-7163-434d-8cc7-7e8a87f94a6d] Completed 200 OK in 12ms (sirportly)''',
      '''{"trace_id": "36261885-d84d-45eb-97e2-6e1234edcb48", "span": "sirportly.fetch"}''',
      '''{"job_id": "f75b2371-528c-44da-a570-10a4d3d4df82", "queue": "sirportly-sync", "attempt": 1}''',
      '''
        sirportly:
          ticket_id: c387db2d-bc9d-4a6a-b20d-b2032a4c7c8f
          reference: 90f09bad-3665-467d-a1a6-8d71034a6a8d
          id: 12dcf2e5-24f5-4109-bbca-7b4f1dee518f''',
      '''INSERT INTO sirportly_tickets (id, reference, subject) VALUES ('04180fe6-8d6d-4cf6-9592-c059af105dda', 'AB-123456', 'Printer');''',
      '''Message-ID: <5ddcb7ce-8edc-403a-979b-55f3be466c04@helpdesk.example.com> (sirportly notification)''',
      '''SIRPORTLY_TOKEN=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx''',
      '''SIRPORTLY_TOKEN=00000000-0000-0000-0000-000000000000''',
      '''sirportly_token: your_token_here''',
      '''SIRPORTLY_TOKEN=${SIRPORTLY_TOKEN}''',
      '''client = Sirportly::Client.new(ENV['SIRPORTLY_TOKEN'], ENV['SIRPORTLY_SECRET'])''',
      '''const token = process.env.SIRPORTLY_TOKEN;''',
      '''SIRPORTLY_TOKEN=d7545b57-3f6a-6998-8b42-2fea0b127dcb7f3a''',
      '''X-Auth-Token: 6aa520e9-a664-36ad-e1b3-cdc11809fafbzz''',
      '''X-Auth-Token: D3F269A9-932E-EEB0-05E7-14FDFF8696B2''',
      '''sirportly_token: 9cd2512533030008b21e153f47e4e4dfeeb2b7f0''',
      '''sirportly_token: c4b4c6ed0ecd96bb3310c3fd3e57e12c8f2ae23b519346704f886cdb675d5749''',
      '''HEROKU_API_KEY=64eb2dbc-811b-4651-90d5-538446109ad6  # deploys sirportly-bridge''',
      '''
        # sirportly bridge
        postmark:
          token: d5304b1d-e272-42bd-b7e8-a9a174cca805''',
      '''X-Auth-Application: 95d99e51-4b0b-0391-278b-cdee6b32f5b1''',
      '''sirportly_application_token: 2bb959b4-7f3c-56d5-cff5-f39d2c06fc5a''',
      '''Sirportly::Ticket.find('67392a4d-1ff2-483d-b4d3-d8f4c5383390')''',
      '''GET /api/v2/objects/fe358683-1181-4cf1-a490-074932aa9d4c/edit (sirportly)''',
      '''token: 30f0ad89-5ca4-3a43-d509-e219778a8930''',
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
    fileMentions = ["sirportly", "x-auth-secret"]
    notNear = ["postmark", "heroku", "onesignal", "launchdarkly", "csrf", "xsrf", "session", "refresh", "reset", "invite", "verification", "unsubscribe"]
    linesBefore = 2
    linesAfter = 0
    [[rules.context]]
    # The first argument of a Sirportly client constructor, or its token keyword.
    key = '''^(?!.*(?:ticket|user|object|contact|status|department|brand|team|priority|find|get|search|update|post|submit|request))[^()]*sirportly[^()]*\((?:0|(?:api[._-]?|auth[._-]?)?token)\)$'''
    [[rules.context]]
    # The first argument of a generic client constructor in a file that is about Sirportly.
    key = '''^(?:[\w:.\\>-]*[.:\\>])?(?:api|http)?client(?:[.:]+new|->__construct)?\((?:0|token)\)$'''
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
      '''X-Auth-Secret: «suypx9hnlnh6bme0rolxl3kwuliuas3frdrlp9hejhkds3wyw2»''',
      '''X-Auth-Secret: «42TvOaUUmGsZbCvqGvSCmI1vJLuIuPjWy1KvLEuK17HBjHNgze»''',
      '''curl -H "X-Auth-Token: 970c4971-3174-a824-4a26-df9e6459937f" -H "X-Auth-Secret: «n8jo7v8lji6s6dby2rwo3ujtkl94lf65259xaklnkxc6w43xou»" https://api.sirportly.com/api/v2/tickets/all''',
      '''{"name":"X-Auth-Secret","value":"«E45j618HQmqpywWzDBpMykKjcBNUrR7b1DcadBLszCJkbuSomc»"}''',
      '''req['X-Auth-Secret'] = '«zdgwnqc08st220wozpiqe2x0b13ysz2y7qwc2h1txxlxj6jbgd»' ''',
      '''headers: {'X-Auth-Secret' => '«r70ds4crjtz2us93qrm93obqdcei8d4k42g17qu7qlbqrd7y2z»'}''',
      '''$headers[] = 'X-Auth-Secret: «yupwm2yq4d439hxiwwb6n71m5cp28y47bqnon1kdpkyvitlvft»';''',
      '''fetch(url, { headers: { "X-Auth-Secret": "«k5XDeSH6GE4oPh9Iej7TrVmBP6lvPQnRtSDoGguNfNEmKmnUZt»" } })''',
      '''xhr.setRequestHeader('X-Auth-Secret', '«5o9trmqc8f8xegl19s43k9f9iqgeljb1koil3569fe8z9yh4kt»')''',
      '''session.headers.update({"X-Auth-Secret": "«uuplvrb5umo4vi555lk6a3fi1qal0d39zujwhdbo0u6gc26bgb»"})''',
      '''req.Header.Add("X-Auth-Secret", "«7d0h0yoie3cvadnoc8osnsphyh4i82dpaw15k0g55kzxvmloxr»")''',
      '''.addHeader("X-Auth-Secret", "«zyHf0zdxOAG3OQ7gm8ddi7FtaELKGLqlk8ZAOpQz0xN5IF40tc»")''',
      '''urlRequest.setValue("«tfaihbkfj5s0844h8pnpfaivea1s35on4om2opgktllq35ccl1»", forHTTPHeaderField: "X-Auth-Secret")''',
      '''http.DefaultRequestHeaders.TryAddWithoutValidation("X-Auth-Secret", "«hl9uh6vuaart7xa01qkhsix3ljm190xfde0i8up1obgog0mnap»");''',
      '''[2026-11-26 09:12:44] DEBUG   X-Auth-Secret: «w6xipfsmbkarcw8cndmfbiddiybh5ma4rt28cv0b384if5sbpo»''',
      '''SIRPORTLY_SECRET=«esvnvo0diyck0wqufy0gn7fq6v6wmy7m4dcp5edi4vios8l9vv»''',
      '''export SIRPORTLY_API_SECRET='«ZKYkQ5YmMGFiZN1YI2EQiPSxLIvBm0YXQ7V4fbsnYXiv5lrad1»' ''',
      '''sirportly_secret: «fec8gtvwmmqyz1uyndjjjkmuw0dikyifxt8pomdg43ltt5hrxi»''',
      '''Sirportly.secret = '«smv965eigsdusn61bjt1jupe6a0p5ciqikwn1ugfm50sfg4bmh»' ''',
      '''config.sirportly.secret = "«UMY8zdOcS02Q9AbFi42mcgDGqpWSQqT94oZw7B57NqJMiVThbu»"''',
      '''$config['sirportly']['secret'] = '«671qk4qw4lrr4y4a7ajskb7bdjz69cdagcbpzm02mlpfiygqts»';''',
      '''
        'sirportly' => array(
            'token'  => getenv('SIRPORTLY_TOKEN'),
            'secret' => '«laenn27fyll4vmyxnw0nf19jyi1ablm2zwhq70ln2b09zoz3jr»',
        ),''',
      '''
        sirportly:
          token: 8b954cdf-c34d-19bb-bd37-322425369408
          secret: «zlb3tz7emsj47dytrg2oox056lwh018y4krg4lv4wqfv9alplo»''',
      '''
        [sirportly]
        secret = "«CJaJ4xID3DYuwlvGjMxPThWi8F5TCKzqhqh8tlUKItV0KcN0vc»"''',
      '''
        {
          "Sirportly": {
            "Secret": "«izoik20xyh7i0bi5zjf4g20ggsodu29z2oupkgysrwtldjgr0l»"
          }
        }''',
      '''sirportly.api.secret=«hsy1vzkpn3hh06sjok5a9vmcqzqdafkx8iivojf0ulp4fb1oa6»''',
      '''<sirportly token="b4ce944b-a369-a1a8-34e4-edc28afd25d5" secret="«d8v6xz15mtw50kygxhsl91302jn0142bzkzgogllee9186by7l»" />''',
      '''
        - name: SIRPORTLY_SECRET
          value: «hhlyvpyw3027ur8k0vd64ue1t8ss0ag7m93ejndlhdqgpl44vp»''',
      '''client = Sirportly::Client.new('6fd6e22d-ccef-46a2-aa3b-4bf706216413', '«8w9ed7u4zkwzpuydk990cjfbx8o4qc4liqc0nicoiorqg0gof9»')''',
      '''
        client = Sirportly::Client.new(
          ENV.fetch('SIRPORTLY_TOKEN'),
          '«k1y5ixt92afmi4m26ejemz5cbi4zfkdfu6faaazoa3eaqd77ik»'
        )''',
      '''$client = new Sirportly('566ef43c-3f96-f97f-8c7b-70d3b322f199', '«dNWJJuAOV59LAMGyNAAlHKtJIkK27NM0bO1yoLR3P9RgiuU5Vm»');''',
      '''new SirportlyClient({ token: process.env.SIRPORTLY_TOKEN, secret: '«wa3558o2p50zajfveogl2msrwohpaz2xounhqpnwpqc1suj3ru»' })''',
      '''api = sirportly.Client(token, "«1ji5oz0j09tfz7ruis3vdod362io5rhfwt82fivprsqf01c6v7»")''',
      '''Sirportly(token=token, secret="«zhxy83fvpfm47bgcbk9008kwtz7vpltqm6t6w9ox4u4gicz5za»")''',
      '''
        # Sirportly credentials for the nightly export
        SECRET = "«a3bvoohb0vtjfd4njjeopngd496oga26enh5nnuvyepunkugtb»"''',
      '''{"msg": "sirportly login response", "body": {"user": {"token": "ecfac7e2-e0ba-544c-902d-84bbc834da09", "secret": "«ksr7nf00evniuu3de8cyu9i3znrbc5pf98xbbepft4wyf4h7mx»"}}}''',
      '''GET /api/v2/tickets/all?auth_token=9f8d7986-5224-4407-6b54-f1d680228984&auth_secret=«hys135qeitu7pjuk73rvby0ffg21xqvf0q6pe1ma1m74qbwocf» HTTP/1.1 (sirportly)''',
      '''#0 /var/www/app/Helpdesk.php(31): Sirportly\\Client->__construct('4a0c3c55-7736-5ddd-a8dc-55fedb511705', '«vr4fjstl17451davi1s3ipnaucmb9ixz8qjtrg36mxtmb5075k»')''',
    ]
    negativeExamples = [
      '''secret: yHOnYh4vGEXwLC7XKNbPONbx2rYbNIlI70QoAiiDPJGQdUM3lq+5nlUxaXBg5iQqmYjVMANEoCljRIkQA/r42iJ3WpLg6fEH8sHQgd==''',
      '''X-Auth-Secret: bi2c8ofxh5ludr4vh567x3rg66xlbk13wvgpgsrradwtk7uwxix9Q''',
      '''sirportly_secret: aa39035289e9f7fa5760dbc66002b29f53d3c20d3f8d36be38b2958d71dcc88c''',
      '''
        # sirportly bridge settings
        SECRET_KEY = '6cnqN6vw6vxAyWFZOWB0h8QSkyg04QzXi3Vsa11LvcbiM1TOx4'
        ''',
      '''
        # sirportly oauth bridge
        client_secret: LJuUY3oRlL1w43Jo8u81fpSbXyLvaHZkhq6XDsUiKO0RpcrqpU''',
      '''SIRPORTLY_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx''',
      '''SIRPORTLY_SECRET=${SIRPORTLY_SECRET}''',
      '''secret = ENV.fetch("SIRPORTLY_SECRET")''',
      '''session_secret: vd5egu6vvqftbdc04o2b8xgn2ouk8pwm2xlnonvs944uuet42q  # sirportly portal cookies''',
      '''
        # sirportly portal
        webhook:
          secret: jgz2usosw0s23cp9mfsal9b6dx30l9quxgthmanepuf9jue1vt''',
      '''commit ts9jktu72cyrrj3u26f81hjlehx4n6olxca9ca1vcwvuhixf6y (sirportly-sync)''',
      '''secret: vhw41lcmhpfln4xx3fs1sngd614kllcqnjx66xqpsems5esidn''',
      '''X-Auth-Token: 1pvgidzqh3zmvt45xkrclnhe75eixzn6jyoga1aik77y568nv4''',
      '''https://cdn.example.com/8cxv16c3p80obqftzpzonicsgybasqgpok1tbeo1obpmz50n5h/app.js (sirportly)''',
      '''sirportly_secret = "c4dzjkvol6ozz1gq8kasrjlujwx9k53lr56qn0rdxaaofr2wcg_v2"''',
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
    fileMentions = ["sirportly", "x-auth-token"]
    notNear = ["postmark", "heroku", "webhook", "signing", "oauth", "client_secret", "jwt", "cookie", "encryption", "session", "csrf", "stripe", "github", "slack"]
    linesBefore = 2
    linesAfter = 0
    [[rules.context]]
    # The second argument of a Sirportly client constructor, or its secret keyword.
    key = '''^(?!.*(?:ticket|user|object|contact|status|department|brand|team|priority|find|get|search|update|post|submit|request))[^()]*sirportly[^()]*\((?:1|(?:api[._-]?|auth[._-]?)?secret)\)$'''
    [[rules.context]]
    # The second argument of a generic client constructor in a file that is about Sirportly.
    key = '''^(?:[\w:.\\>-]*[.:\\>])?(?:api|http)?client(?:[.:]+new|->__construct)?\((?:1|secret)\)$'''
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
      '''X-Auth-Application: «5faa8e88-a6ea-fea1-01f8-a22d865e2d67»''',
      '''curl -H 'X-Auth-Application: «0501bb6e-dec3-46cb-6676-17a35ea0f811»' -d 'username=jo&password=...' https://api.sirportly.com/api/v2/users/login''',
      '''{"name": "X-Auth-Application", "value": "«fab87712-af73-5ff4-51a3-f8fe8ffeec8b»"}''',
      '''req['X-Auth-Application'] = '«bfa9be3a-131b-5242-7160-aaee3f140943»' ''',
      '''headers: { 'X-Auth-Application': '«4d0413ed-8a31-dab6-bece-340dd7b1f76c»' }''',
      '''request.setValue("«dd75f671-c980-0418-819c-cb5c7c33f249»", forHTTPHeaderField: "X-Auth-Application")''',
      '''connection.setRequestProperty("X-Auth-Application", "«68e9cd0f-f226-34d2-060d-78009f2b77f0»")''',
      '''SIRPORTLY_APPLICATION_TOKEN=«062ea877-ca74-d376-7efb-a846936f0840»''',
      '''SIRPORTLY_APP_TOKEN="«7add4c1d-9ef7-7725-a7fb-0b9803d0711b»"''',
      '''sirportly_api_application: «028b408a-0d97-7d3d-2411-9034f4c26608»''',
      '''Sirportly.application = '«9c345737-0689-bb1f-cfce-74cea66e601f»' ''',
      '''
        sirportly:
          application: «037d9ca7-ac8c-d411-91df-355f26c63cea»''',
      '''
        [sirportly]
        app_token = «5b3b1ebd-1a1c-8466-03d8-9c9be6da7244»''',
      '''static let sirportlyApplicationToken = "«e32e5a5c-6de7-af40-42e6-c7e007b11877»"''',
      '''Sirportly::Client.new(token, secret, application: '«fbca80bc-4f30-645e-c436-df729b5ef696»')''',
      '''
        # Sirportly mobile app registration
        APPLICATION_TOKEN = "«7c8775ec-cfc2-d08e-e68a-d73952830a5b»"''',
    ]
    negativeExamples = [
      '''X-Auth-Token: 650180b6-bfbf-8074-c62f-9e4d92e90a21''',
      '''application_id: 2ad68d87-8a7a-40e9-8a5f-0f23d58271cd  # sirportly''',
      '''app_id=de59b34a-d022-4eb8-b542-add1ef4be340 (sirportly)''',
      '''X-Auth-Application: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx''',
      '''X-Auth-Application: ${SIRPORTLY_APPLICATION}''',
      '''application: a587e7ed-5c1e-943e-c9ae-6e8a9bafa018''',
      '''sirportly_token: ede98e79-e156-be71-35cc-3027040fa1d4''',
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
    fileMentions = ["sirportly", "x-auth-token"]
    [[rules.context]]
    # The third argument of a Sirportly client constructor, or its application keyword.
    key = '''^(?!.*(?:ticket|user|object|contact|status|department|brand|team|priority|find|get|search|update|post|submit|request))[^()]*sirportly[^()]*\((?:2|(?:api[._-]?)?app(?:lication)?(?:[._-]?token)?)\)$'''
    """#
}
