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
      '''D, [2026-11-26 18:13:56 +0000 #599] DEBUG -- : [15865b0d-3486-4df7-a545-d84732f93125]   X-Auth-Token: «569564c6-5c99-0841-6851-b646130dedcd»''',
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
      '''client = Sirportly::Client.new('«9c3efead-73f1-9e57-626b-4905956d8e49»', 'oc8osnsphyh4i82dpaw15k0g55kzxvmloxrtfaihbkfj5s0844')''',
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
      '''#0 /var/www/app/Helpdesk.php(31): Sirportly\\Client->__construct('«3fec86b8-3177-83c0-67ff-843d68f5d0eb»', 'h8pnpfaivea1s35on4om2opgktllq35ccl1hl9uh6vuaart7xa')''',
      '''INSERT INTO integrations (id, provider, token) VALUES (7, 'sirportly', '«5ad309ae-baa2-c8ab-a470-a6e1cdde764e»');''',
      '''
        id,provider,name,token,created_by
        1,sirportly,Helpdesk 1,«d7545b57-3f6a-6998-8b42-2fea0b127dcb»,tom.becker''',
      '''send: b'GET /api/v2/tickets/all HTTP/1.1\r\nHost: api.sirportly.com\r\nX-Auth-Token: «6aa520e9-a664-36ad-e1b3-cdc11809fafb»\r\n\r\n' ''',
      '''fun legacy(http: HttpClient) = SirportlyApi(http, "«95d99e51-4b0b-0391-278b-cdee6b32f5b1»", "01qkhsix3ljm190xfde0i8up1obgog0mnapw6xipfsmbkarcw8")''',
      '''
        # Quick console check (remove before release):
        # gw = Helpdesk::SirportlyGateway.new("«2bb959b4-7f3c-56d5-cff5-f39d2c06fc5a»", "cndmfbiddiybh5ma4rt28cv0b384if5sbpoesvnvo0diyck0wq")''',
      '''The staging token is `«30f0ad89-5ca4-3a43-d509-e219778a8930»` (ask #helpdesk for the Sirportly secret).''',
      '''<string name="sirportly_api_token">«970c4971-3174-a824-4a26-df9e6459937f»</string>''',
    ]
    negativeExamples = [
      '''2026-11-26T10:00:00Z level=info msg="sirportly sync done" request_id=bd5b6be7-bf7d-402f-9bed-e19f05a5f957 duration=120ms''',
      '''I, [2026-11-26T10:00:00 #42]  INFO -- : [3f1f9d7c-215e-4b9d-a42d-545330e13a97] Completed 200 OK in 12ms (sirportly)''',
      '''{"trace_id": "286cb9be-4d23-429a-bbea-9fb67936e041", "span": "sirportly.fetch"}''',
      '''{"job_id": "d0bbf024-7b4f-4f21-a8fa-e199e7b547c0", "queue": "sirportly-sync", "attempt": 1}''',
      '''
        sirportly:
          ticket_id: 2311977e-38e6-4294-bd3f-196b0370f46d
          reference: 2df203b2-a035-4d8f-89be-568ba9290cba
          id: aa0d96e8-aec6-42fd-8eb9-921c50b73c9b''',
      '''INSERT INTO sirportly_tickets (id, reference, subject) VALUES ('a0cd817f-3c68-46fe-a2f8-7a3d94352753', 'AB-123456', 'Printer');''',
      '''Message-ID: <ac352820-3bd6-44f0-81be-004b4ba345b1@helpdesk.example.com> (sirportly notification)''',
      '''SIRPORTLY_TOKEN=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx''',
      '''SIRPORTLY_TOKEN=00000000-0000-0000-0000-000000000000''',
      '''sirportly_token: your_token_here''',
      '''SIRPORTLY_TOKEN=${SIRPORTLY_TOKEN}''',
      '''client = Sirportly::Client.new(ENV['SIRPORTLY_TOKEN'], ENV['SIRPORTLY_SECRET'])''',
      '''const token = process.env.SIRPORTLY_TOKEN;''',
      '''SIRPORTLY_TOKEN=8b954cdf-c34d-19bb-bd37-3224253694087f3a''',
      '''X-Auth-Token: b4ce944b-a369-a1a8-34e4-edc28afd25d5zz''',
      '''X-Auth-Token: D3F269A9-932E-EEB0-05E7-14FDFF8696B2''',
      '''sirportly_token: 2d157bb1fb61db83deed8ec2a34b9ee6bf894473''',
      '''sirportly_token: 4626161bdb1e25cc14923c9204e6fe026babee595e44ef602b49914133ae695e''',
      '''HEROKU_API_KEY=e3857874-be6a-479a-8def-b05055685dc5  # deploys sirportly-bridge''',
      '''
        # sirportly bridge
        postmark:
          token: 1628d6be-18a7-4f51-a292-28cfd9297bd1''',
      '''X-Auth-Application: 6fd6e22d-ccef-46a2-aa3b-4bf706216413''',
      '''sirportly_application_token: 566ef43c-3f96-f97f-8c7b-70d3b322f199''',
      '''Sirportly::Ticket.find('ead62f10-1666-4c94-a48d-fe9b9d2ab45e')''',
      '''GET /api/v2/objects/d0d56cbf-6347-4d43-949f-1490bda6f425/edit (sirportly)''',
      '''token: ecfac7e2-e0ba-544c-902d-84bbc834da09''',
      '''
        id,provider,ticket_ref,created_by
        1,sirportly,9a68c4dd-ae71-4f4f-9951-71dade8e622e,tom.becker''',
      '''The request id is `2969b6a4-b18b-4391-b15b-2c3e99c36b5e` (sirportly).''',
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
      '''X-Auth-Secret: «ufy0gn7fq6v6wmy7m4dcp5edi4vios8l9vvfec8gtvwmmqyz1u»''',
      '''X-Auth-Secret: «TqmUqgRcTLScTrcCay75dijsbaCo6jsgfuvsGFHW0FjzHGxfuU»''',
      '''curl -H "X-Auth-Token: 9f8d7986-5224-4407-6b54-f1d680228984" -H "X-Auth-Secret: «yndjjjkmuw0dikyifxt8pomdg43ltt5hrxismv965eigsdusn6»" https://api.sirportly.com/api/v2/tickets/all''',
      '''{"name":"X-Auth-Secret","value":"«0nRqB0QQSSYHr7oqvYpvTO2YIb3TtXYt9vMGkS4b4P7fFL9g0K»"}''',
      '''req['X-Auth-Secret'] = '«1bjt1jupe6a0p5ciqikwn1ugfm50sfg4bmh671qk4qw4lrr4y4»' ''',
      '''headers: {'X-Auth-Secret' => '«a7ajskb7bdjz69cdagcbpzm02mlpfiygqtslaenn27fyll4vmy»'}''',
      '''$headers[] = 'X-Auth-Secret: «xnw0nf19jyi1ablm2zwhq70ln2b09zoz3jrzlb3tz7emsj47dy»';''',
      '''fetch(url, { headers: { "X-Auth-Secret": "«kYqIfpcMy80GfN12HJEBFZkTHt9whiv1bPRefgA3w9q2kXieu7»" } })''',
      '''xhr.setRequestHeader('X-Auth-Secret', '«trg2oox056lwh018y4krg4lv4wqfv9alploizoik20xyh7i0bi»')''',
      '''session.headers.update({"X-Auth-Secret": "«5zjf4g20ggsodu29z2oupkgysrwtldjgr0lhsy1vzkpn3hh06s»"})''',
      '''req.Header.Add("X-Auth-Secret", "«jok5a9vmcqzqdafkx8iivojf0ulp4fb1oa6d8v6xz15mtw50ky»")''',
      '''.addHeader("X-Auth-Secret", "«O00ZRBcYR34WiwES3gTDiRa1Q9Bs7yU0CXfkcGEFelgOYLgaQg»")''',
      '''urlRequest.setValue("«gxhsl91302jn0142bzkzgogllee9186by7lhhlyvpyw3027ur8»", forHTTPHeaderField: "X-Auth-Secret")''',
      '''http.DefaultRequestHeaders.TryAddWithoutValidation("X-Auth-Secret", "«k0vd64ue1t8ss0ag7m93ejndlhdqgpl44vp8w9ed7u4zkwzpuy»");''',
      '''[2026-11-26 09:12:44] DEBUG   X-Auth-Secret: «dk990cjfbx8o4qc4liqc0nicoiorqg0gof9k1y5ixt92afmi4m»''',
      '''SIRPORTLY_SECRET=«26ejemz5cbi4zfkdfu6faaazoa3eaqd77ikwa3558o2p50zajf»''',
      '''export SIRPORTLY_API_SECRET='«abbqxfZPc3TdRlgEFO7HX59BKjHo37i3iA1GA5EF3HQ37xJYL6»' ''',
      '''sirportly_secret: «veogl2msrwohpaz2xounhqpnwpqc1suj3ru1ji5oz0j09tfz7r»''',
      '''Sirportly.secret = '«uis3vdod362io5rhfwt82fivprsqf01c6v7zhxy83fvpfm47bg»' ''',
      '''config.sirportly.secret = "«exp5ZOSbyjKxIiFYKym20b3zWD1MtImQwXxYRAghd9aGYOyBh5»"''',
      '''$config['sirportly']['secret'] = '«cbk9008kwtz7vpltqm6t6w9ox4u4gicz5zaa3bvoohb0vtjfd4»';''',
      '''
        'sirportly' => array(
            'token'  => getenv('SIRPORTLY_TOKEN'),
            'secret' => '«njjeopngd496oga26enh5nnuvyepunkugtbksr7nf00evniuu3»',
        ),''',
      '''
        sirportly:
          token: 4a0c3c55-7736-5ddd-a8dc-55fedb511705
          secret: «de8cyu9i3znrbc5pf98xbbepft4wyf4h7mxhys135qeitu7pju»''',
      '''
        [sirportly]
        secret = "«A1WAIhD3koQ3deyqN6E4GfuA3fHhwk8KcsOhjmoaiX8U74O6qr»"''',
      '''
        {
          "Sirportly": {
            "Secret": "«k73rvby0ffg21xqvf0q6pe1ma1m74qbwocfvr4fjstl17451da»"
          }
        }''',
      '''sirportly.api.secret=«vi1s3ipnaucmb9ixz8qjtrg36mxtmb5075kbi2c8ofxh5ludr4»''',
      '''<sirportly token="5faa8e88-a6ea-fea1-01f8-a22d865e2d67" secret="«vh567x3rg66xlbk13wvgpgsrradwtk7uwxivd5egu6vvqftbdc»" />''',
      '''
        - name: SIRPORTLY_SECRET
          value: «04o2b8xgn2ouk8pwm2xlnonvs944uuet42qjgz2usosw0s23cp»''',
      '''client = Sirportly::Client.new('0501bb6e-dec3-46cb-6676-17a35ea0f811', '«9mfsal9b6dx30l9quxgthmanepuf9jue1vtts9jktu72cyrrj3»')''',
      '''
        client = Sirportly::Client.new(
          ENV.fetch('SIRPORTLY_TOKEN'),
          '«u26f81hjlehx4n6olxca9ca1vcwvuhixf6yvhw41lcmhpfln4x»'
        )''',
      '''$client = new Sirportly('fab87712-af73-5ff4-51a3-f8fe8ffeec8b', '«Ym8Fz1CLxKGnoXRFlK1l6YpSGNjRRsvNvgtbhASlU9fMq9MHCs»');''',
      '''new SirportlyClient({ token: process.env.SIRPORTLY_TOKEN, secret: '«x3fs1sngd614kllcqnjx66xqpsems5esidn1pvgidzqh3zmvt4»' })''',
      '''api = sirportly.Client(token, "«5xkrclnhe75eixzn6jyoga1aik77y568nv48cxv16c3p80obqf»")''',
      '''Sirportly(token=token, secret="«tzpzonicsgybasqgpok1tbeo1obpmz50n5hc4dzjkvol6ozz1g»")''',
      '''
        # Sirportly credentials for the nightly export
        SECRET = "«q8kasrjlujwx9k53lr56qn0rdxaaofr2wcg42vamsbvqvm1vuu»"''',
      '''{"msg": "sirportly login response", "body": {"user": {"token": "bfa9be3a-131b-5242-7160-aaee3f140943", "secret": "«jy1vu17jgze45j618mqpywzpykjcr7b1cadszkbuomck5e64oh»"}}}''',
      '''GET /api/v2/tickets/all?auth_token=4d0413ed-8a31-dab6-bece-340dd7b1f76c&auth_secret=«9ej7rm6lvntogufmmntzyf0zdx37gm8ddi7taqlk8pz0x540tc» HTTP/1.1 (sirportly)''',
      '''#0 /var/www/app/Helpdesk.php(31): Sirportly\\Client->__construct('dd75f671-c980-0418-819c-cb5c7c33f249', '«k5mi12ixvm074fbsniv5lrad18zdc029bi42mcgqpq94ow757q»')''',
      '''2026-11-26 23:47:07 DEBUG [auth] sirportly login ok, storing credentials token=68e9cd0f-f226-34d2-060d-78009f2b77f0 secret=«ihbua4x3uwlvjxhi85zqhqh8tlt0c0vcdu59yltk270b1yo39g»''',
      '''
        upstream timed out, client: 10.0.0.7, server: helpdesk.example.com, request: "GET /api/v2/tickets/all?auth_token=062ea877-ca74-d376-7efb-a846936f0840&auth_secret=«iu5m6cnq6vw6vxy0h8kyg04zi3sa11vcbi1x4u3ol1w43o8u81» HTTP/1.1"''',
      '''return new self('7add4c1d-9ef7-7725-a7fb-0b9803d0711b', '«fpbyvakhq6si0pcrqpqs52abyv4koxcyxjlpdwfc3l1xtz5vw4»'); // SirportlyGateway''',
      '''
        id	provider	token	secret
        2	sirportly	028b408a-0d97-7d3d-2411-9034f4c26608	«3tS4p6NUA56uUDQkVpmb1QQxBPRznnbXa6ewfs4lg0hzHBIXZf»''',
      '''
        "attributes": {
          "id": "/helpdesk/sirportly/secret",
          "type": "SecureString",
          "value": "«dswkn6zsmqmh7582oe7fiv37v8ktix2hoh46nracv0ipf8h4f3»"
        }''',
    ]
    negativeExamples = [
      '''secret: FceBv4oviuaXBtfs3Lsd9rJUGDaODgNFdcNJlZersmu1QOtI10+hjZZUrxFmKDIauOxtuZreG9RGkZI40/UHBJTo8IrX3UpbjLNJvJ==''',
      '''X-Auth-Secret: odmh0hj02yyp9p3qvrp5sivn0bh8nemdq9qk1qi1dk3wrp3em2x9Q''',
      '''sirportly_secret: a221d411e1c5f4d5f8fca320e32df8b894df8ee79aaf7e9ba91d1f21eede7573''',
      '''
        # sirportly bridge settings
        SECRET_KEY = 'b0OAgU8Z5r18gnKx3gTRTTqWFxOAfFslqMV1Q7MRDMpHETcCI0'
        ''',
      '''
        # sirportly oauth bridge
        client_secret: yyRrDryy7EnOhUv64NwB2XNADbFEDbxSrObD8l8XQGo0ii3F96''',
      '''SIRPORTLY_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx''',
      '''SIRPORTLY_SECRET=${SIRPORTLY_SECRET}''',
      '''secret = ENV.fetch("SIRPORTLY_SECRET")''',
      '''session_secret: dfhj318zwir7j58okxfgodkfrzfj0v0kobdav6j91g0j15qfsy  # sirportly portal cookies''',
      '''
        # sirportly portal
        webhook:
          secret: hrp0xe0xyt0hvmuiea1x9fah8fv6jzoyq4ysb5atwu0gnnl68t''',
      '''commit np0icumq880pdahju9n8vr0sce0y4f29kei75kjd6btrx9yvpx (sirportly-sync)''',
      '''secret: i5d1272kd9r43ajdr7a53nq1n0zz4mplteyaltv5c7bl10ukl1''',
      '''X-Auth-Token: 188ywoy3r21zib9g6vspsxkl5hx727immzbi7nnj3wf06xzrcc''',
      '''https://cdn.example.com/xanldqb1llgqijmcatu0mk08lgajwd12eoeue8x18rp27qu9sv/app.js (sirportly)''',
      '''sirportly_secret = "d6pjzzurak3nogt8euj1c55flrg1ni0h0q4i6ylgrggsbz53hk_v2"''',
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
      '''X-Auth-Application: «9c345737-0689-bb1f-cfce-74cea66e601f»''',
      '''curl -H 'X-Auth-Application: «037d9ca7-ac8c-d411-91df-355f26c63cea»' -d 'username=jo&password=...' https://api.sirportly.com/api/v2/users/login''',
      '''{"name": "X-Auth-Application", "value": "«5b3b1ebd-1a1c-8466-03d8-9c9be6da7244»"}''',
      '''req['X-Auth-Application'] = '«e32e5a5c-6de7-af40-42e6-c7e007b11877»' ''',
      '''headers: { 'X-Auth-Application': '«fbca80bc-4f30-645e-c436-df729b5ef696»' }''',
      '''request.setValue("«7c8775ec-cfc2-d08e-e68a-d73952830a5b»", forHTTPHeaderField: "X-Auth-Application")''',
      '''connection.setRequestProperty("X-Auth-Application", "«650180b6-bfbf-8074-c62f-9e4d92e90a21»")''',
      '''SIRPORTLY_APPLICATION_TOKEN=«a587e7ed-5c1e-943e-c9ae-6e8a9bafa018»''',
      '''SIRPORTLY_APP_TOKEN="«ede98e79-e156-be71-35cc-3027040fa1d4»"''',
      '''sirportly_api_application: «50e63613-a0f4-90be-6cd1-ad2ba6b3cba6»''',
      '''Sirportly.application = '«3ffcf1d9-1796-c5a6-6777-5ccb2547b028»' ''',
      '''
        sirportly:
          application: «7843380f-ef3c-95bc-9742-789bffb379ac»''',
      '''
        [sirportly]
        app_token = «7b365630-62d8-75b5-e5ba-54a09e281857»''',
      '''static let sirportlyApplicationToken = "«3243519e-bcbe-647a-5449-10ce8b7ea495»"''',
      '''Sirportly::Client.new(token, secret, application: '«5f52fefb-0556-5b1b-feb7-ac13b681d99e»')''',
      '''
        <key>SirportlyApplicationToken</key>
        <string>«edb7c748-2ebd-0dec-9cec-8b1e3d9bb5b4»</string>''',
      '''<string name="sirportly_application_token">«40318d19-f184-9cea-9e88-6e70811241f5»</string>''',
      '''DEBUG [auth] POST /api/v2/users/authenticate body=username=jo&password=*** app=«fe3d8a85-0881-cecc-a7b6-ec8f1fe3b4bb» (sirportly)''',
      '''
        # Sirportly mobile app registration
        APPLICATION_TOKEN = "«06d6f17e-cf08-676d-5175-ca495a29f798»"''',
    ]
    negativeExamples = [
      '''X-Auth-Token: 6812b235-d9fe-5248-3254-0d5745ef22cc''',
      '''application_id: 3ecbfb34-40df-45d7-a0c5-7e5fd52ef4ad  # sirportly''',
      '''app_id=a63a5b82-bd33-43d9-998f-9824af0b2641 (sirportly)''',
      '''X-Auth-Application: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx''',
      '''X-Auth-Application: ${SIRPORTLY_APPLICATION}''',
      '''application: 3f59aa75-a80f-a67f-a4ff-f550e24d805d''',
      '''sirportly_token: 1eca4b31-07da-31e0-301d-3dc742e1a016''',
      '''GET /api/v2/apps?app=5f5ab5e4-d75c-4678-a9f1-4c9835b7167d (sirportly)''',
      '''
        <key>CFBundleIdentifier</key>
        <string>e4f436e7-2382-46d1-a77b-3855f316caf7</string>
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
