extension BuiltinRules {
    /// Built-in provider rules (cloud, VCS, chat, payments, AI, observability, secrets managers,
    /// plus private keys, JWTs and a generic high-entropy assignment rule), in the same TOML schema
    /// users write in `.tokenaudit.toml` (docs/RULES.md). Token formats come from each provider's
    /// documentation (see each rule's `references`); every example value is generated, never real.
    static let providersTOML = #"""
    [[rules]]
    id = "aws-access-key-id"
    title = "AWS access key ID"
    description = "Identifies an AWS IAM access key (long-term AKIA, temporary ASIA, or the ABIA/ACCA service forms); on its own it only names the key, but next to its secret access key it signs API requests as the IAM principal. Deactivate and delete the key in IAM (aws iam update-access-key / delete-access-key) and create a new one."
    severity = "medium"
    keywords = ["AKIA", "ASIA", "ABIA", "ACCA"]
    regex = '''(?<![A-Za-z0-9/+])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9/+])'''
    entropy = 3.0
    references = ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids", "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"]
    tags = ["aws", "cloud"]
    examples = [
      '''aws_access_key_id = «AKIA2NGEVCHPZHKN4IV2»''',
      '''export AWS_ACCESS_KEY_ID="«ASIAZWDXI6QOI7MVGXA7»"''',
      '''"AccessKeyId": "«ASIA2EXKGICOPBOUMFA7»",''',
    ]
    negativeExamples = [
      '''aws_access_key_id = AKIAIOSFODNN7EXAMPLE''',
      '''aws_access_key_id = AKIA6GCELBGFVNHJAFU''',
      '''id = "XAKIAVW5C2M4CBUYSBX3A"''',
      '''aws_access_key_id = AKIA6Q7PVHG2OBPPMVS1''',
      '''aws_access_key_id = AKIA3HUQSKHX36PJFTYNO''',
    ]
    [[rules.allowlists]]
    description = "AWS documentation example key ids"
    stopwords = ["EXAMPLE"]

    [[rules]]
    id = "aws-secret-access-key"
    title = "AWS secret access key"
    description = "The 40-character secret half of an AWS access key; with its access key ID it signs requests with every permission of the IAM user or role. Deactivate and delete the access key in IAM, create a new one, and review CloudTrail for its use. Paired with an access key ID nearby, the finding becomes critical."
    severity = "high"
    keywords = ["aws", "secretaccesskey", "secret_access_key", "secret-access-key", "AKIA", "ASIA"]
    regex = '''(?|(?i:(?:aws[\w.-]{0,30}?secret|secret[_-]?access[_-]?key)[\w.-]{0,20}?)["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])|(?:AKIA|ASIA)[A-Z2-7]{16}[^\r\n]*\r?\n(?:[^\r\n]*\r?\n){0,3}?[^\r\n]*?(?<![\w.-])(?i:secret[_.-]?(?:access[_.-]?)?key)["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=]))'''
    entropy = 4.0
    pairWith = "aws-access-key-id"
    references = ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"]
    tags = ["aws", "cloud"]
    window = "multiline"
    examples = [
      '''aws_secret_access_key = «EOxxhogALybtWt4GvfTUVS9r9p4o0wqpHIzgpT60»''',
      '''AWS_SECRET_ACCESS_KEY: "«44BBSepJYmneZWAIMeHJo8i2KY1DHU3ALNUF/8ws»"''',
      '''"SecretAccessKey": "«/KzJl8fkp6dYr39nn14qQYSZx5oWNSaJ9CDAYOgy»",''',
      '''$awsSecret => '«zVK9AlSNYoO3ZyRvELbaRYBxw+/a2sLBupReBRpT»';''',
      "provider \"s3\" {\n  access_key = \"AKIAEBR43JUZLBUHOBC7\"\n  secret_key = \"«qSqfCt7Cc5Y+bF1snhWtznOqjcp2QEFjIjWba3Ak»\"\n}\n",
    ]
    negativeExamples = [
      '''aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY''',
      '''aws_secret_access_key = 67fRIYtOkAtCIhyv1ZIJiN9dtpYQBPmQln/Pe8n''',
      '''aws_secret_access_key = 2pKsCM2I51Yo6nyaNOyUDvwSaIPvE6YHAaRM4CY0V''',
      '''secret = "Ih37idK0ccFBWCQMdVIZUeqfHAuIuXI2DCIpXRcr"''',
      "client_id = \"AKIA4NSA7IVAKH4MA74D\"\nsecret_key = \"2BqEI85lYdemwjbtTWQrz+7LP3e6/MFpqsau6q5\"\n",
      '''aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY_FROM_VAULT_ENVIRONMENT_VAR}''',
    ]
    [[rules.allowlists]]
    description = "AWS documentation example secret"
    stopwords = ["EXAMPLEKEY"]

    [[rules]]
    id = "github-pat-classic"
    title = "GitHub personal access token (classic)"
    description = "A classic GitHub personal access token acts as the user with every scope it was granted (repositories, packages, organisation administration). Revoke it under Settings > Developer settings > Personal access tokens, or report it to GitHub, and issue a fine-grained token instead."
    severity = "high"
    keywords = ["ghp_"]
    regex = '''(?<![A-Za-z0-9_])(ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9_])'''
    entropy = 3.5
    references = ["https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats"]
    tags = ["github", "vcs"]
    examples = [
      '''GITHUB_TOKEN = «ghp_KJdYZNAJexbUR3Wr0iH1U4YXRzAoEGTh82vO»''',
      '''git clone https://x-access-token:«ghp_ZYPKhrZy2M9CUnVECihaijjaTBV3Ulz4O7KG»@github.com/acme/app.git''',
    ]
    negativeExamples = [
      '''GITHUB_TOKEN = ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx''',
      '''GITHUB_TOKEN = ghp_lgUn1zion1DOP5uxRjbwpqBeEXSo1YM3hw2''',
      '''GITHUB_TOKEN = ghp_jCQwwASlIJVyZcrJCaOU0Hz6gECmEKPDvuOkP''',
      '''GITHUB_TOKEN = ghp_IecwvVvQKZOH2nCTCWGz-2oiFXutgbVplPfm''',
      '''name = "xghp_D0jhYrEIP6UluaANWNrZdAHF45l9qZCRWgWF"''',
    ]

    [[rules]]
    id = "github-pat-fine-grained"
    title = "GitHub fine-grained personal access token"
    description = "A fine-grained GitHub personal access token acts as the user on the repositories and with the permissions it was granted. Revoke it under Settings > Developer settings > Fine-grained tokens."
    severity = "high"
    keywords = ["github_pat_"]
    regex = '''(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])'''
    entropy = 3.5
    references = ["https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens#fine-grained-personal-access-tokens"]
    tags = ["github", "vcs"]
    examples = [
      '''token: «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»''',
      '''curl -H "Authorization: Bearer «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»" https://api.github.com/user''',
    ]
    negativeExamples = [
      '''token: github_pat_WI0xjibaWCXTaDZ1x6bQt9_ue8RyvhQuKtM7YcQJIK4I33BbKRB7j2ayKocmgykHJ9XIU6tDQtMrugSxZ''',
      '''token: github_pat_xJMLMSA3FwvgcuAbV8dC54-SX81q2waB2l8ZNxcEWJuQEhM3v2Fuk2FOwvzIiKLIGZy6yp3NpNzwiuRXNc''',
      '''token: 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9''',
      '''token: github_pat_XXXXXXXXXXXXXXXXXXXXXX_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX''',
    ]

    [[rules]]
    id = "github-oauth-token"
    title = "GitHub OAuth access token"
    description = "An OAuth access token issued to a GitHub OAuth app acts as the authorising user within the app's scopes. Revoke it by deleting the app authorisation (Settings > Applications) or through the OAuth app's credentials API."
    severity = "high"
    keywords = ["gho_"]
    regex = '''(?<![A-Za-z0-9_])(gho_[A-Za-z0-9]{36})(?![A-Za-z0-9_])'''
    entropy = 3.5
    references = ["https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats"]
    tags = ["github", "vcs"]
    examples = [
      '''oauth_token = «gho_W01o44jLTPTnqRcKx2SNYMONh2LTYjbzwUf1»''',
      '''{"access_token":"«gho_ORS8bAkeAKJ31ILmNeVVO6b2UJZe0eYOPZqu»","token_type":"bearer"}''',
    ]
    negativeExamples = [
      '''oauth_token = gho_eiYXUuHiK8VwXCSkUv1ejVcSFFqdiyMPMIS''',
      '''oauth_token = gho_bGb1MCS7Vszo1NwQvc8fJ2H5bM8H9l!l7ahF''',
      '''oauth_token = gho_0000000000000000000000000000000000000''',
    ]

    [[rules]]
    id = "github-app-token"
    title = "GitHub App installation or user-to-server token"
    description = "A GitHub App token (ghs_ installation token or ghu_ user-to-server token) acts with the app's permissions on the installation's repositories. Installation tokens expire after an hour; revoke early with DELETE /installation/token, and rotate the app's private key if it leaked."
    severity = "high"
    keywords = ["ghs_", "ghu_"]
    regex = '''(?<![A-Za-z0-9_])(gh[su]_[A-Za-z0-9]{36})(?![A-Za-z0-9_])'''
    entropy = 3.5
    references = ["https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats"]
    tags = ["github", "vcs"]
    examples = [
      '''installation_token = «ghs_2n3YuYpHVwO20BAMDIpBfomQ7PZgQWBkCkK8»''',
      '''user_token: "«ghu_HaFLQCOMx1AIYaYF27YwSRCEZqlGYQBlXWGG»"''',
    ]
    negativeExamples = [
      '''installation_token = ghx_XUVX15O6O3vIqfhhv1ZdEvjkAAEcbOZpwvuI''',
      '''installation_token = ghs_UpMKYfkGDtFD2KORxEuErdUn0DOPzriP0Fy''',
      '''installation_token = ghs_okWjCD1vi8Qw9HeQ07agWkRWeo9qix0p52IH_suffix''',
    ]

    [[rules]]
    id = "github-refresh-token"
    title = "GitHub refresh token"
    description = "A GitHub App refresh token (ghr_) mints new user-to-server access tokens for up to six months. Revoke the user's authorisation of the app to invalidate it."
    severity = "high"
    keywords = ["ghr_"]
    regex = '''(?<![A-Za-z0-9_])(ghr_[A-Za-z0-9]{36,76})(?![A-Za-z0-9_])'''
    entropy = 3.5
    references = ["https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens"]
    tags = ["github", "vcs"]
    examples = [
      '''refresh_token = «ghr_c7AdCsS954gzJXLamp3gpkRbLce7sNzStrqU»''',
      '''{"refresh_token":"«ghr_JPCWUDtBvOaet7s1VsviXIsBdeAcmQs9LsVYTDdyBdvSVnVGfyX7ORuX7xle4nTotU58Wqjhgr3C»","refresh_token_expires_in":15811200}''',
    ]
    negativeExamples = [
      '''refresh_token = ghr_1ws5W4OiceYrnIZh0I2lbbDPyKKWx5upcSH''',
      '''refresh_token = ghr_CXYxEfP69AvZgQdty3d1RtDhwMOLFoAJigU9OdvppyF1LEbKPpuHh3sO8SG286Ftfcrin576FQwNI''',
      '''refresh_token = ghr_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa''',
    ]

    [[rules]]
    id = "gitlab-pat"
    title = "GitLab personal, project or group access token"
    description = "A GitLab access token (glpat-) acts as its user, project bot or group bot with the token's scopes, up to api and write_repository. Revoke it under User settings > Access tokens (or the project/group's Access tokens page) and create a new one."
    severity = "high"
    keywords = ["glpat-"]
    regex = '''(?<![A-Za-z0-9_-])(glpat-(?:[A-Za-z0-9_-]{27,300}\.[0-9a-z]{2}\.[0-9a-z]{7,9}|[A-Za-z0-9_-]{20}))(?![A-Za-z0-9_-]|\.[0-9a-z])'''
    entropy = 3.3
    references = ["https://docs.gitlab.com/security/tokens/#token-prefixes", "https://docs.gitlab.com/user/profile/personal_access_tokens/"]
    tags = ["gitlab", "vcs"]
    examples = [
      '''GITLAB_TOKEN = «glpat-9xdGDFEOz4SpHbBVZ5fk»''',
      '''private_token: "«glpat-ncNw5S6u87jfLFehapxDz5WPcIw6Tao9OAg-.01.6004k9cpz»"''',
      '''curl --header "PRIVATE-TOKEN: «glpat-1x97upx48SqtJK-xZ8eu»" https://gitlab.com/api/v4/projects''',
    ]
    negativeExamples = [
      '''GITLAB_TOKEN = glpat-f_G5rvZjVx5mKPMTDqB''',
      '''GITLAB_TOKEN = glpat-8Gba_XVPFLdubLFAmt1Ef''',
      '''GITLAB_TOKEN = glpat-xxxxxxxxxxxxxxxxxxxx''',
      '''GITLAB_TOKEN = glpat-XbnMYCuGQBLcT8k!PKWz''',
    ]

    [[rules]]
    id = "gitlab-runner-token"
    title = "GitLab runner authentication token"
    description = "A GitLab runner authentication token (glrt-) lets a machine register as the runner and pick up CI jobs, with their variables and secrets. Reset the runner's token (or delete the runner) in the project, group or admin Runners page."
    severity = "high"
    keywords = ["glrt-"]
    regex = '''(?<![A-Za-z0-9_-])(glrt-(?:[A-Za-z0-9_-]{27,300}\.[0-9a-z]{2}\.[0-9a-z]{7,9}|(?:t\d_)?[A-Za-z0-9_-]{20}))(?![A-Za-z0-9_-]|\.[0-9a-z])'''
    entropy = 3.3
    references = ["https://docs.gitlab.com/security/tokens/#runner-authentication-tokens", "https://docs.gitlab.com/security/tokens/#token-prefixes"]
    tags = ["gitlab", "ci"]
    examples = [
      '''token = "«glrt-NpX1PINizhLvKY9vQwHp»"''',
      '''gitlab-runner register --url https://gitlab.com --token «glrt-t1_AZfSjCVCtfxTS9UCDkHA»''',
      '''runner_token: «glrt-4bxKyQg1M8nXz8XLpLMew4GgWPjLK.01.m02p0unrs»''',
    ]
    negativeExamples = [
      '''token = "glrt-CfLw8w9pAbtmhgmJyST"''',
      '''token = "glrt-REPLACE_WITH_TOKEN"''',
      '''token = "xglrt-cuGZGib0kqOpoDF3JVjs"''',
    ]

    [[rules]]
    id = "gitlab-pipeline-trigger-token"
    title = "GitLab pipeline trigger token"
    description = "A GitLab pipeline trigger token (glptt-) starts pipelines on a project's branches and tags as the token's owner, with variables the caller chooses. Revoke it under the project's Settings > CI/CD > Pipeline trigger tokens."
    severity = "medium"
    keywords = ["glptt-"]
    regex = '''(?<![A-Za-z0-9_-])(glptt-(?:[0-9a-f]{40}|[A-Za-z0-9_-]{20}))(?![A-Za-z0-9_-])'''
    entropy = 3.0
    references = ["https://docs.gitlab.com/ci/triggers/", "https://docs.gitlab.com/security/tokens/#token-prefixes"]
    tags = ["gitlab", "ci"]
    examples = [
      '''TRIGGER_TOKEN = «glptt-e35a98546495b7e065bf8bde5a23807eaca8047b»''',
      '''curl -X POST -F token=«glptt-714cf8222798aef10a32119219847562c70de8f2» -F ref=main https://gitlab.com/api/v4/projects/42/trigger/pipeline''',
    ]
    negativeExamples = [
      '''TRIGGER_TOKEN = glptt-87da93f07088af035a2df6e5cd444f1b855b728''',
      '''TRIGGER_TOKEN = glptt-f03a4df07cb78ef13ea6c6cde20da0db2d5b03ea6''',
      '''TRIGGER_TOKEN = glptt-<your-trigger-token>''',
    ]

    [[rules]]
    id = "slack-bot-token"
    title = "Slack bot token"
    description = "A Slack bot token (xoxb-) calls the Web API as the app's bot user with the scopes granted at install: reading channels it is in, posting messages, reading files. Revoke it with auth.revoke or by reinstalling / uninstalling the app, and rotate the app's tokens."
    severity = "high"
    keywords = ["xoxb-"]
    regex = '''(?<![A-Za-z0-9-])(xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24})(?![A-Za-z0-9-])'''
    entropy = 3.3
    references = ["https://api.slack.com/authentication/token-types#bot"]
    tags = ["slack", "chat"]
    examples = [
      '''SLACK_BOT_TOKEN = «xoxb-692299373979-0157219178025-vAl6GpOJiZWRoAYU5Mzyipb6»''',
      '''client = WebClient(token="«xoxb-40387862697-937017785671-yqGXirYFKLCzG7zIkjBGGv8Z»")''',
    ]
    negativeExamples = [
      '''SLACK_BOT_TOKEN = xoxb-745645718357-3880181573051-W2XI0my0J6PWrt76RnqpFEs''',
      '''SLACK_BOT_TOKEN = xoxb-your-bot-token-here''',
      '''SLACK_BOT_TOKEN = xoxb-902197620244-7602745653731-xZydMdaKDIA6JGkESGb8IjH2Z''',
    ]

    [[rules]]
    id = "slack-user-token"
    title = "Slack user token"
    description = "A Slack user token (xoxp-) acts as the installing user, with the user scopes granted: reading their messages, DMs and files, posting as them. Revoke it with auth.revoke or by removing the app from the workspace."
    severity = "high"
    keywords = ["xoxp-"]
    regex = '''(?<![A-Za-z0-9-])(xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[0-9a-f]{32})(?![A-Za-z0-9-])'''
    entropy = 3.3
    references = ["https://api.slack.com/authentication/token-types#user"]
    tags = ["slack", "chat"]
    examples = [
      '''SLACK_USER_TOKEN = «xoxp-844737372391-688620590141-5545825745121-e92cec41349d64f8c30285bed6d86bd1»''',
      '''"token": "«xoxp-86534361972-889409895556-999465119733-43ea0e7145585b98b966bd2f3e614469»"''',
    ]
    negativeExamples = [
      '''SLACK_USER_TOKEN = xoxp-743278153990-500960300715-6494225513644-113d46a35334badf69e72b4ff783c82''',
      '''SLACK_USER_TOKEN = xoxp-316847370967-705737443783-2398016439515-a57571f7ffd039fec60d1f7c7ed097bg''',
      '''SLACK_USER_TOKEN = xoxp-XXXXXXXXXXXX-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX''',
    ]

    [[rules]]
    id = "slack-app-token"
    title = "Slack app-level token"
    description = "A Slack app-level token (xapp-) opens Socket Mode connections and reads the app's event subscriptions across every workspace the app is installed in. Revoke or regenerate it on the app's Basic Information page."
    severity = "high"
    keywords = ["xapp-"]
    regex = '''(?<![A-Za-z0-9-])(xapp-\d-[A-Z0-9]{9,12}-\d{10,13}-[0-9a-f]{64})(?![A-Za-z0-9-])'''
    entropy = 3.3
    references = ["https://api.slack.com/authentication/token-types#app-level"]
    tags = ["slack", "chat"]
    examples = [
      '''SLACK_APP_TOKEN = «xapp-1-A93839N0LEA-5724652341612-be4c54935487dbf890d0e97aef2a0c0276e0ab3d7d6027c65cd504ad4397aaf4»''',
      '''app_token: "«xapp-1-A1MZQH39C-213943363148-56503001c406ed5704adf76c7803bf355615872ce206ea9a5be52b2a2e4bad48»"''',
    ]
    negativeExamples = [
      '''SLACK_APP_TOKEN = xapp-1-AOPC0I03N3K-2365038962261-37a31ce3c1d7282e34962447d829ce2b0acedf3e1bfd8845373614b37f272b9''',
      '''SLACK_APP_TOKEN = xapp-1-A81O33R0VLO-7001691461918-6cc5b2c8f02f9d7baed9b7c818e4f1992a71669a50b7d3b4e0dddcc02ddd05aa3''',
      '''SLACK_APP_TOKEN = xapp-1-your-app-level-token''',
    ]

    [[rules]]
    id = "slack-webhook-url"
    title = "Slack incoming webhook URL"
    description = "A Slack incoming webhook URL posts messages into its channel without further authentication, which makes it useful for phishing and spam inside the workspace. Remove or regenerate the webhook in the app's Incoming Webhooks settings."
    severity = "medium"
    keywords = ["hooks.slack.com"]
    regex = '''(https://hooks\.slack\.com/services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24})(?![A-Za-z0-9])'''
    entropy = 3.5
    references = ["https://api.slack.com/messaging/webhooks"]
    tags = ["slack", "chat", "webhook"]
    examples = [
      '''SLACK_WEBHOOK_URL = «https://hooks.slack.com/services/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»''',
      '''curl -X POST -d '{"text":"deploy done"}' «https://hooks.slack.com/services/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»''',
    ]
    negativeExamples = [
      '''SLACK_WEBHOOK_URL = https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX''',
      '''SLACK_WEBHOOK_URL = https://hooks.slack.com/services/TP2I17KX5BW/BXL3XEI1Q7Z/CUzNoIh4g3432T6BsrCMGhW''',
      '''SLACK_WEBHOOK_URL = https://hooks.slack.com/services/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r''',
    ]

    [[rules]]
    id = "stripe-secret-key"
    title = "Stripe live secret key"
    description = "A Stripe live secret key (sk_live_) has full access to the account's API: charges, refunds, payouts, customer data. Roll it in the Dashboard under Developers > API keys (with an expiry for the old key) and prefer restricted keys."
    severity = "high"
    keywords = ["sk_live_"]
    regex = '''(?<![A-Za-z0-9_])(sk_live_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_-])'''
    entropy = 3.5
    references = ["https://docs.stripe.com/keys"]
    tags = ["stripe", "payments"]
    examples = [
      '''STRIPE_SECRET_KEY = «sk_live_vZXFc52EZq5aPZdfVyGBGUlk»''',
      '''Stripe.api_key = "«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»"''',
    ]
    negativeExamples = [
      '''STRIPE_SECRET_KEY = sk_test_Xa7HkuSCstEDMtqmZNVNoLz6''',
      '''STRIPE_SECRET_KEY = sk_live_ZUZ407SZuvTF8TEeCixeNzX''',
      '''STRIPE_SECRET_KEY = sk_live_xxxxxxxxxxxxxxxxxxxxxxxx''',
      '''STRIPE_SECRET_KEY = sk_live_NOCeMuJnORWmET46lVSX6Cnt_suffix''',
    ]

    [[rules]]
    id = "stripe-restricted-key"
    title = "Stripe live restricted key"
    description = "A Stripe live restricted key (rk_live_) calls the account's API with the permissions chosen when it was created, often including reads of customers and charges. Roll or delete it in the Dashboard under Developers > API keys."
    severity = "high"
    keywords = ["rk_live_"]
    regex = '''(?<![A-Za-z0-9_])(rk_live_[A-Za-z0-9]{24,247})(?![A-Za-z0-9_-])'''
    entropy = 3.5
    references = ["https://docs.stripe.com/keys#limit-access"]
    tags = ["stripe", "payments"]
    examples = [
      '''STRIPE_RESTRICTED_KEY = «rk_live_VcLPbKSeTWnpFBG75cHNJ30I»''',
      '''stripe.api_key = '«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»';''',
    ]
    negativeExamples = [
      '''STRIPE_RESTRICTED_KEY = rk_test_3LtBDeLfuZzZwN4Fy1Ekshep''',
      '''STRIPE_RESTRICTED_KEY = rk_live_C7ch44b9CfMdVMSkRBWq''',
      '''STRIPE_RESTRICTED_KEY = rk_live_KvX1QirwamjdPv8xDHkyEC9H-d27lU14j''',
    ]

    [[rules]]
    id = "google-api-key"
    title = "Google API key"
    description = "A Google Cloud API key (AIza…) bills API calls (Maps, Gemini, YouTube, Firebase…) to its project and, unless restricted by API and referrer/IP, works for anyone who holds it. Delete or regenerate it under APIs & Services > Credentials and add restrictions to its replacement."
    severity = "high"
    keywords = ["AIza"]
    regex = '''(?<![A-Za-z0-9_-])(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])'''
    entropy = 3.5
    references = ["https://cloud.google.com/docs/authentication/api-keys"]
    tags = ["google", "gcp", "cloud"]
    examples = [
      '''GOOGLE_API_KEY = «AIzaEZncvoHaMBoBPwCdrNZRCpN_h55MBJabrJo»''',
      '''<script src="https://maps.googleapis.com/maps/api/js?key=«AIza40eTPbDt1CraJ9uJx_FvAkZVO3ECA4uR7r-»&callback=initMap"></script>''',
    ]
    negativeExamples = [
      '''GOOGLE_API_KEY = AIzawDT7xxxOzLRZOgzL1UJJHn0zV1nkNSYpkT''',
      '''GOOGLE_API_KEY = AIzabjWQHSv7osjvY378v414Soh7wTaPcq9qrWFL''',
      '''GOOGLE_API_KEY = AIzaXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX''',
    ]

    [[rules]]
    id = "gcp-service-account-key"
    title = "Google Cloud service account private key"
    description = "A PEM private key in a JSON private_key member, as in a Google Cloud service-account key file (the private-key rule reports PEM blocks everywhere else); it signs tokens for the service account, with every IAM role it holds in the project. Delete the key under IAM & Admin > Service accounts > Keys (gcloud iam service-accounts keys delete) and prefer workload identity over key files."
    severity = "high"
    keywords = ["private_key"]
    regex = '''"private_key"[\x20\t]*:[\x20\t]*"(-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\[nr])+[A-Za-z0-9+/]{40}(?:[A-Za-z0-9+/=]|\\[nr])*+-----END (?:RSA )?PRIVATE KEY-----)'''
    references = ["https://cloud.google.com/iam/docs/keys-create-delete", "https://cloud.google.com/iam/docs/service-account-creds#key-types"]
    tags = ["google", "gcp", "cloud", "private-key"]
    examples = [
      '''"private_key": "«-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCaZ3vi1g42eNzxPF07KCxM/c0TxBSNp1N\nwegPEEUJJTwz2q7cvHVsCl7V5najCB9YdYBTrFeg37FqmSe0yXQIl4hw0Hl7IepI\nSJGngqe49gmw9D6YIYhe1j+M9el+iCXnE2FS9hfiRV9gSxTLgpi0uDBo642yq13e\nYULHjj0zHaC8FZHXvWzp=\n-----END PRIVATE KEY-----»\n",''',
      '''{"type": "service_account", "project_id": "billing-prod", "private_key_id": "b73f46b243bb51bdfa9941cf8556586dbd360b1f", "private_key": "«-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCmkA/r+F+FHC9iVNnfIgblsPXuJajiKcV\ncME19UIE0Px1W3Rgx2r/bdAagoiDVQnG+CFdSv8tIJpd4Wpfmg7cJTlm8sZCFagN\n-----END PRIVATE KEY-----»\n", "client_email": "deployer@billing-prod.iam.gserviceaccount.com"}''',
    ]
    negativeExamples = [
      '''"private_key": "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n",''',
      '''"private_key": "${GCP_PRIVATE_KEY}",''',
      '''"public_key": "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A01/e6aDTvCGI77H8Bu+SJgAyMXKvTXPqVgWbnRC/1uh8OzzZZvcE11C9VLBmySFt\nOX1qmjaJ/YVxl/2VMLEhfi+Ml1BEQ4Lk+XnFWunCCQ7XF7Gbzow1EEER/OhhIK6H\n-----END PUBLIC KEY-----\n",''',
    ]

    [[rules]]
    id = "azure-storage-account-key"
    title = "Azure storage account key"
    description = "An Azure storage account access key (AccountKey= in a connection string) grants full control of every blob, queue, table and file share in the account and signs SAS tokens. Rotate (regenerate) the key under the storage account's Access keys blade and move clients to Entra ID or SAS."
    severity = "high"
    keywords = ["AccountKey"]
    regex = '''(?i:AccountKey)[\x20\t]*=[\x20\t]*([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])'''
    entropy = 4.5
    references = ["https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage", "https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string"]
    tags = ["azure", "cloud"]
    examples = [
      '''AZURE_STORAGE_CONNECTION_STRING = "DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=«xd0C/tvT3+sbWg/sLcSqgkfRbRqZPuld6W+zOrXAb6iv+RsWiw57mNVHhzLea5UHwTWeKZLm5nXiupXkTGh9ql==»;EndpointSuffix=core.windows.net"''',
      '''storage: DefaultEndpointsProtocol=https;AccountName=invoices01;AccountKey=«jcbXpCybjd4oGNXP1oRPT5W/Pc93N/vVA7CF4xQzJqsp4U94jK4MPafc2LBHTvPDc+KQMlE+ySSXhUtiWyBaoQ==»''',
    ]
    negativeExamples = [
      '''AZURE_STORAGE_CONNECTION_STRING = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"''',
      '''connection = "AccountName=acmelogs;AccountKey=V8g7HS2Wp7QdT3d6OdcKzkhwVfHdkVMukeg8tEyCQzLcynQCSoA4odTcM0SG4C/3A3zjo9HFGOnahr734aDds==;"''',
      '''connection = "AccountName=acmelogs;AccountKey=<storage-account-key>;"''',
    ]
    [[rules.allowlists]]
    description = "Azurite / storage emulator well-known development key"
    stopwords = ["Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="]

    [[rules]]
    id = "azure-sas-token"
    title = "Azure shared access signature"
    description = "The sig= parameter of an Azure shared access signature URL or connection string grants the permissions in sp= on the storage resources in the URL until se= expires. Revoke it by rotating the storage key that signed it (or the stored access policy / user delegation key) and issue short-lived SAS tokens."
    severity = "high"
    keywords = ["sig="]
    regex = '''(?|(?<![A-Za-z0-9_])sv=\d{4}-\d\d-\d\d(?:&[^\s"'<>&#]*)*?&sig=((?:[A-Za-z0-9+/]|%2[BbFf]){43}(?:=|%3[Dd]))|(?<![A-Za-z0-9_])sig=((?:[A-Za-z0-9+/]|%2[BbFf]){43}(?:=|%3[Dd]))(?:&[^\s"'<>&#]*)*?&sv=\d{4}-\d\d-\d\d)'''
    entropy = 4.0
    references = ["https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview", "https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas"]
    tags = ["azure", "cloud"]
    examples = [
      '''BLOB_SAS_URL = https://acmelogs.blob.core.windows.net/exports/report.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-12-31T23:59:59Z&spr=https&sig=«wDiSu86xvcxrC9YLoC9q%2Bh8TWxJPvsF%2FWTfUPXrSLD5%3D»''',
      '''sas: "?sig=«07vixRUcaqU05Qqm5IU26jJ7HkQCryiY84SoC9qvQCJ=»&st=2025-01-01T00:00:00Z&se=2025-02-01T00:00:00Z&sp=rl&sv=2023-01-03&sr=c"''',
      '''"ConnectionString": "BlobEndpoint=https://invoices01.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=b&srt=sco&sp=rwdlac&se=2026-06-30T00:00:00Z&sig=«uhSRZx5GEk0lEwC7U14au9PhBwf5UB/KwCsJ5KB8ebL=»"''',
    ]
    negativeExamples = [
      '''url = https://acmelogs.blob.core.windows.net/exports/report.csv?sv=2022-11-02&sp=r&sig=<signature>''',
      '''url = https://acmelogs.blob.core.windows.net/exports/report.csv?sv=2022-11-02&sp=r&sig=Zewjbwk122lfUnWVmtDRptsVhRQtGsdTBXS2I9wH%3D''',
      '''url = https://cdn.example.net/file.js?sig=LKhfTf3EU9IbhV6tJkhsWhDtq3kcxQuSN6gcgmL7g3n=&v=2''',
    ]

    [[rules]]
    id = "twilio-api-key"
    title = "Twilio API key SID"
    description = "A Twilio API key SID (SK + 32 hex) names an API key; together with its secret it calls the Twilio REST API for the account (messages, calls, numbers). Delete the key in the Console under API keys & tokens and create a new one."
    severity = "medium"
    keywords = ["SK"]
    regex = '''(?<![A-Za-z0-9_])(SK[0-9a-f]{32})(?![A-Za-z0-9_])'''
    entropy = 3.0
    references = ["https://www.twilio.com/docs/iam/api-keys", "https://www.twilio.com/docs/glossary/what-is-a-sid"]
    tags = ["twilio", "messaging"]
    examples = [
      '''TWILIO_API_KEY = «SK1ce6272aacf53e5e995cd16066a04865»''',
      '''client = Client("«SK3999d8a7ac3c43e48bf94599c2146468»", api_secret, account_sid)''',
    ]
    negativeExamples = [
      '''TWILIO_API_KEY = SK27bdce2d21558514a5a9412bdd323cd''',
      '''TWILIO_API_KEY = SKfb3aa6082a7afc759b75b2029d5f1e858''',
      '''TWILIO_API_KEY = SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx''',
      '''TWILIO_API_KEY = SKE75E271ED34C9893881812A396DE9404''',
    ]

    [[rules]]
    id = "twilio-auth-token"
    title = "Twilio auth token"
    description = "A Twilio account auth token, with the account SID, has full access to the account's REST API (send messages, place calls, buy numbers, read logs). Rotate it in the Console (Account > API keys & tokens > promote the secondary token) and use API keys instead."
    severity = "high"
    keywords = ["twilio"]
    regex = '''(?|(?i:(?:twilio[\w.-]{0,20}?(?:auth)?|(?<![\w.-])auth)[_.-]?token)["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([0-9a-f]{32})(?![A-Za-z0-9_])|(?i:Client)\([\x20\t]*["']AC[0-9a-f]{32}["'][\x20\t]*,[\x20\t]*["']([0-9a-f]{32})["'])'''
    entropy = 3.0
    references = ["https://www.twilio.com/docs/iam/api/authtoken", "https://www.twilio.com/docs/usage/secure-credentials"]
    tags = ["twilio", "messaging"]
    examples = [
      '''TWILIO_AUTH_TOKEN = «d08853b52ce7bcabd10624a0b08b3da9»''',
      '''twilio_client = twilio.rest.Client("AC8dfa0d7718607a86ae5b0329ffa776a6", "«21b86091333215d91503c84641229818»")''',
      '''twilio.authToken: "«b48fee4eaa15868701bf45e1a8da3fa8»"''',
      '''WARN twilio sms failed account=AC96efe8c3138614a8c04960cb7b1c67d4 auth_token=«9d8b425e4acc0a8e8bedc10ca268a5ca»''',
    ]
    negativeExamples = [
      '''TWILIO_AUTH_TOKEN = 411275f7fdfecb7c44c2bc361312d14''',
      '''TWILIO_AUTH_TOKEN = your_auth_token''',
      '''TWILIO_ACCOUNT_SID = AC9e00ba379108322a131cdb0923e22a79''',
      '''TWILIO_AUTH_TOKEN = 9dae7c5200cc4a147dca496172148ee99''',
      '''auth_token = f634827b0cb98f05938cf0b88dfd0ebd''',
    ]
    [[rules.context]]
    near = ["twilio"]
    linesBefore = 2
    linesAfter = 2

    [[rules]]
    id = "sendgrid-api-key"
    title = "SendGrid API key"
    description = "A Twilio SendGrid API key sends mail as the account's verified senders and, depending on its scopes, reads contacts and changes settings. Delete it under Settings > API Keys and create a new key with restricted access."
    severity = "high"
    keywords = ["SG."]
    regex = '''(?<![A-Za-z0-9_.-])(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])'''
    entropy = 4.0
    references = ["https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys"]
    tags = ["sendgrid", "email"]
    examples = [
      '''SENDGRID_API_KEY = «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»''',
      '''sg = SendGridAPIClient('«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»')''',
    ]
    negativeExamples = [
      '''SENDGRID_API_KEY = SG.V4WHM8_ZBZBvKlsfTNaSQ3.E5DKnVruwCDpCsPNF7HR65jh-2DQ5nTrKm00OpeERB''',
      '''SENDGRID_API_KEY = SG.qke09br4WJsKo-zZitV9J.2hvN0vk4eekGGyA8_W_TJjpmQnrTBMiS1nGnhrhS8Zx''',
      '''SENDGRID_API_KEY = SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx''',
    ]

    [[rules]]
    id = "mailgun-api-key"
    title = "Mailgun API key"
    description = "A Mailgun account API key (key-… or the newer 32-hex-8-8 form) sends mail for every domain on the account and manages domains, routes and webhooks. Delete it under API Security and create a new key (or a domain sending key)."
    severity = "high"
    keywords = ["key-", "mailgun"]
    regex = '''(?|(?<![A-Za-z0-9_-])(key-[0-9a-f]{32})(?![A-Za-z0-9_-])|(?i:mailgun[\w.-]{0,20}?(?:api)?[_.-]?key)["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8})(?![A-Za-z0-9_-]))'''
    entropy = 3.0
    references = ["https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/#primary-account-api-key", "https://help.mailgun.com/hc/en-us/articles/203380100-Where-can-I-find-my-API-keys-and-SMTP-credentials"]
    tags = ["mailgun", "email"]
    examples = [
      '''MAILGUN_API_KEY = «key-93b66431fb3fe5272955e67c3cd6e042»''',
      '''mailgun_api_key: "«537c44104e61559cb60e93bf9310474b-75436217-279e374d»"''',
      '''curl -s --user 'api:«key-54931588be0c7b19fad69cb8d103f4fd»' https://api.mailgun.net/v3/mg.acme.io/messages''',
    ]
    negativeExamples = [
      '''MAILGUN_API_KEY = key-4888ee148bf2b9aeead41989877660f''',
      '''MAILGUN_API_KEY = key-b6c3024f215a3fb2d45b1e464e938e60f''',
      '''primary-key-8288de28093b638f3b6ee725190c7e65''',
      '''build_id = "9f548f82d19a61cf05b600d68c54174d-897a9174-ac65ed13"''',
    ]

    [[rules]]
    id = "mailchimp-api-key"
    title = "Mailchimp API key"
    description = "A Mailchimp Marketing API key (32 hex + -usNN data centre) reads and changes audiences, campaigns and account settings. Disable it under Profile > Extras > API keys and create a new one."
    severity = "high"
    keywords = ["-us"]
    regex = '''(?<![A-Za-z0-9_-])([0-9a-f]{32}-us[0-9]{1,2})(?![A-Za-z0-9_-])'''
    entropy = 3.0
    references = ["https://mailchimp.com/developer/marketing/guides/quick-start/#generate-your-api-key", "https://mailchimp.com/help/about-api-keys/"]
    tags = ["mailchimp", "email"]
    examples = [
      '''MAILCHIMP_API_KEY = «198aef13eb4769d3e8ddf2c2a1f5d7ad-us21»''',
      '''mailchimp.setConfig({ apiKey: "«bcd5d1791f82f195e2cea66e624ce091-us6»", server: "us6" });''',
    ]
    negativeExamples = [
      '''MAILCHIMP_API_KEY = beb6d83e0577d9eb9d275af5326cf31-us21''',
      '''MAILCHIMP_API_KEY = 10db945aa86818dba60e1806a64ab814-us''',
      '''MAILCHIMP_API_KEY = cc1dc7388777dcf4c05744a37d79c6d5-us123''',
      '''locale = a6ef06c81049874784fc5f339171be48-usa''',
    ]

    [[rules]]
    id = "npm-access-token"
    title = "npm access token"
    description = "An npm access token (npm_) publishes and unpublishes packages and reads private packages as its user, depending on its type and scope. Revoke it with npm token revoke or on npmjs.com under Access Tokens, and prefer granular, short-lived tokens or trusted publishing."
    severity = "high"
    keywords = ["npm_"]
    regex = '''(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])'''
    entropy = 3.5
    references = ["https://docs.npmjs.com/about-access-tokens", "https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/"]
    tags = ["npm", "package-registry"]
    examples = [
      '''NPM_TOKEN = «npm_PSphLU9seHl4eMGgMYpoZsXFHLdSAeXBiVWc»''',
      '''//registry.npmjs.org/:_authToken=«npm_3ivQVczkkwNJf8mNRCRbnCtBIC9xb2zfnAbo»''',
    ]
    negativeExamples = [
      '''NPM_TOKEN = npm_3IMm52o5hk29dTv6G6y3pp6M7ONT9v8oYHO''',
      '''NPM_TOKEN = npm_NJEezXQKbgbEkM3lZK5VhZ8y3GfrCIXznA2El''',
      '''//registry.npmjs.org/:_authToken=${NPM_TOKEN}''',
    ]

    [[rules]]
    id = "pypi-upload-token"
    title = "PyPI API token"
    description = "A PyPI API token (a macaroon starting pypi-AgEIcHlwaS5vcmc) uploads releases for every project of the user or for its one scoped project. Remove it under Account settings > API tokens; PyPI also revokes tokens reported to it, and trusted publishing avoids long-lived tokens."
    severity = "high"
    keywords = ["pypi-AgEIcHlwaS5vcmc"]
    regex = '''(?<![A-Za-z0-9_-])(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])'''
    entropy = 4.0
    references = ["https://pypi.org/help/#apitoken", "https://docs.pypi.org/trusted-publishers/"]
    tags = ["pypi", "package-registry"]
    examples = [
      '''password = «pypi-AgEIcHlwaS5vcmcQ8EoDq7vXCUdDVwCiGapn0v-qv7MnZH7U4vJe3Rn-YZX3aRmltBP5JgQ0N699nl_DURtaQqO9wc0o9TRkYQOE29Ljcnh2lrPZ6anE0RiiDSJnazkQxkQ9VnoWUkmxnxTzKemU3qlkNuJbguzHdau_L»''',
      '''TWINE_PASSWORD: "«pypi-AgEIcHlwaS5vcmcCJJuTmWyziCiKmd96bZvixGojaOx_kQZD2VfPZ1z0Eezoy1AeaB-47WWOpkWgZ»"''',
    ]
    negativeExamples = [
      '''password = pypi-AgEIcHlwaS5vcmcCXWTcnqLt9jEyXUYqn8F3Db_yTZqv2rFwCY3GCeF''',
      '''password = pypi-AgENdGVzdC5weXBpLm9yZwA81_x7o_xEftK4YILswVlFDABNbvrvohqR9-4uJh6cRPLGnXLsWjqoIiTYnB4bEK3rBSmydH3QBAzUUaIdPsOMvfBcsNW21i9CgIF1ffp93redSs6WCBSV5fW07YRpUt3OqiQLaSVh8NlxZxeRxJLc''',
      '''password = pypi-AgEIcHlwaS5vcmc<rest-of-token>''',
    ]

    [[rules]]
    id = "rubygems-api-key"
    title = "RubyGems API key"
    description = "A RubyGems.org API key (rubygems_) pushes and yanks gems and manages owners, within its scopes. Delete it under Settings > API keys on rubygems.org."
    severity = "high"
    keywords = ["rubygems_"]
    regex = '''(?<![A-Za-z0-9_])(rubygems_[0-9a-f]{48})(?![A-Za-z0-9_])'''
    entropy = 3.0
    references = ["https://guides.rubygems.org/api-key-scopes/"]
    tags = ["rubygems", "package-registry"]
    examples = [
      '''GEM_HOST_API_KEY = «rubygems_a7228a9ead18a3f00f9bdc3a4e088cb6c795dda11e8d7abe»''',
      '''---
    :rubygems_api_key: «rubygems_12eb526650efe292ec5ec180ac48d849485918fddf596e4a»''',
    ]
    negativeExamples = [
      '''GEM_HOST_API_KEY = rubygems_622fb387c2b6a7aadc6770a66ba0d3dd7df194e0d24c34a''',
      '''GEM_HOST_API_KEY = rubygems_beeef7ec6c351fd31ed13372741a87416a8e4daa5e5584e38''',
      '''GEM_HOST_API_KEY = rubygems_DC854748D4F63B7E5B029EFFE2D7540ECC2A47B17EBD3826''',
    ]

    [[rules]]
    id = "nuget-api-key"
    title = "NuGet API key"
    description = "A nuget.org API key (oy2…) pushes and unlists packages matching its glob pattern for the owning account. Delete or regenerate it under API Keys on nuget.org."
    severity = "high"
    keywords = ["oy2"]
    regex = '''(?<![A-Za-z0-9_])(oy2[a-z0-9]{43})(?![A-Za-z0-9_])'''
    entropy = 3.5
    references = ["https://learn.microsoft.com/en-us/nuget/nuget-org/scoped-api-keys"]
    tags = ["nuget", "package-registry"]
    examples = [
      '''NUGET_API_KEY = «oy2snvw3b0u9vhw62jfbwduh6bxjg26ut5n5m1i92jmifo»''',
      '''dotnet nuget push Acme.Core.1.2.0.nupkg --api-key «oy2n3h9kpvk37kco0tjkt8lmvn1rgfdw496nv1ni5c9i5b» --source https://api.nuget.org/v3/index.json''',
    ]
    negativeExamples = [
      '''NUGET_API_KEY = oy2dzv27swd00s98fbizsllvdo531vo7dwletu08fmtc1''',
      '''NUGET_API_KEY = oy24vhgbwhd4o5e8iv2ibkg6c3wirlt34goumt66273967a''',
      '''NUGET_API_KEY = oy27P76S13LQQ3A5313LMQP2JDL720SKYI3SS2SLCT31EI''',
    ]

    [[rules]]
    id = "dockerhub-pat"
    title = "Docker Hub personal access token"
    description = "A Docker Hub personal access token (dckr_pat_) logs in as the user to push and pull repositories within its access scope. Delete it under Account settings > Personal access tokens."
    severity = "high"
    keywords = ["dckr_pat_"]
    regex = '''(?<![A-Za-z0-9_-])(dckr_pat_[A-Za-z0-9_-]{27})(?![A-Za-z0-9_-])'''
    entropy = 3.5
    references = ["https://docs.docker.com/security/for-developers/access-tokens/"]
    tags = ["docker", "container-registry"]
    examples = [
      '''DOCKERHUB_TOKEN = «dckr_pat_laPUO4js-ezqg2zATVWZW0UITQl»''',
      '''echo "«dckr_pat_JYs3TBo5Uls0EsjGYKHVunrel-N»" | docker login -u ci-bot --password-stdin''',
    ]
    negativeExamples = [
      '''DOCKERHUB_TOKEN = dckr_pat_DGlJld6qQTaQIxLU_stcPfvL44''',
      '''DOCKERHUB_TOKEN = dckr_pat_ISkKBNmLUoImhzh6SmeI3ax-8IKz''',
      '''"secret": "dckr_pat_124509ugsdjga93"''',
    ]

    [[rules]]
    id = "heroku-api-key"
    title = "Heroku API key"
    description = "A Heroku API key or OAuth token (HRKU- format, or a UUID assigned to a Heroku key) acts as the user on the Platform API: deploys, config vars (often holding more secrets), add-ons and billing. Regenerate it under Account settings > API Key, or revoke it with heroku authorizations:revoke."
    severity = "high"
    keywords = ["HRKU-", "heroku"]
    regex = '''(?|(?<![A-Za-z0-9_-])(HRKU-AA[0-9A-Za-z_-]{58})(?![A-Za-z0-9_-])|(?i:heroku[\w.-]{0,20}?(?:api[_.-]?key|token|auth[\w.-]{0,10}?))["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])|machine[\x20\t]+(?:api|git)\.heroku\.com(?:[\x20\t]+|[\x20\t]*\r?\n[\x20\t]*)(?:login[\x20\t]+\S+(?:[\x20\t]+|[\x20\t]*\r?\n[\x20\t]*))?password[\x20\t]+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|HRKU-AA[0-9A-Za-z_-]{58})(?![A-Za-z0-9_-]))'''
    entropy = 3.0
    references = ["https://devcenter.heroku.com/articles/authentication", "https://help.heroku.com/PBGP6IDE/how-should-i-generate-an-api-key-that-allows-me-to-use-the-heroku-platform-api"]
    tags = ["heroku", "cloud"]
    window = "multiline"
    examples = [
      '''HEROKU_API_KEY = «HRKU-AAczal_gjNO-dpgWrISFmrg7kgCfBaekBQAbZqvaav_____wOGjDUU4VPP4K»''',
      '''HEROKU_API_KEY = «617f1b45-1f13-49a3-a6ab-aea2a0210b4d»''',
      '''heroku_token: "«HRKU-AAycjFPSxunCYzT44t7yKvglZViZPCm90yGVs0Hb2wqtHV_5oorOsnRvs2qw»"''',
      "machine api.heroku.com login ops@acme.io password «bad97b67-c641-45e0-94aa-4dc6a5613607»",
      "machine api.heroku.com\n  login ops@acme.io\n  password «53c88014-cc1a-4f2c-b9a6-d084f0853016»\n",
    ]
    negativeExamples = [
      '''HEROKU_API_KEY = HRKU-AAn4O_QG2A6ZQHkGf8jtH7ecwbLDSfFoO47Q-LzI6JQsXfPDDVrVDx5IF4s''',
      '''HEROKU_APP_ID = cf47d1ff-cc8a-46aa-a842-879c2071bc02''',
      '''request_id = bbdc4dd5-6df2-40d8-ab03-0f312a9a84be''',
      '''HEROKU_API_KEY = HRKU-AAnDXrjWTV4cMpghreFgzsA7atTp0_FJlo88tNgmJHs6bzd7_Roz-cDtoQcN9''',
      "machine api.github.com\n  login ops@acme.io\n  password 97ff9c9b-7941-4dcb-b3c6-6a1c97bd7b1f\n",
    ]
    [[rules.context]]
    near = ["heroku", "HRKU-"]
    linesBefore = 2
    linesAfter = 2

    [[rules]]
    id = "shopify-access-token"
    title = "Shopify Admin API access token"
    description = "A Shopify Admin API access token (shpat_) reads and writes the shop's orders, customers, products and settings within the app's granted scopes. Uninstall the app or rotate the token from the app's API credentials page in the Shopify admin or Partner Dashboard."
    severity = "high"
    keywords = ["shpat_"]
    regex = '''(?<![A-Za-z0-9_])(shpat_[a-fA-F0-9]{32})(?![A-Za-z0-9_])'''
    entropy = 3.0
    references = ["https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin", "https://shopify.dev/docs/apps/build/authentication-authorization"]
    tags = ["shopify", "ecommerce"]
    examples = [
      '''SHOPIFY_ACCESS_TOKEN = «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»''',
      '''headers = {"X-Shopify-Access-Token": "«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»"}''',
    ]
    negativeExamples = [
      '''SHOPIFY_ACCESS_TOKEN = shpat_2a70d88f59d748537658a2ecdc3dfff''',
      '''SHOPIFY_ACCESS_TOKEN = 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4''',
      '''SHOPIFY_ACCESS_TOKEN = shpat_b3a5cef4f0cca8daeab5ea6c770ccf7z''',
    ]

    [[rules]]
    id = "shopify-custom-app-token"
    title = "Shopify custom app access token"
    description = "A Shopify custom app access token (shpca_) calls the Admin API of the shop it was created for with the custom app's scopes. Uninstall the custom app (or rotate its credentials) in the shop's Apps > Develop apps settings."
    severity = "high"
    keywords = ["shpca_"]
    regex = '''(?<![A-Za-z0-9_])(shpca_[a-fA-F0-9]{32})(?![A-Za-z0-9_])'''
    entropy = 3.0
    references = ["https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/generate-app-access-tokens-admin"]
    tags = ["shopify", "ecommerce"]
    examples = [
      '''SHOPIFY_CUSTOM_APP_TOKEN = «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»''',
      '''shopify.session.accessToken = '«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»';''',
    ]
    negativeExamples = [
      '''SHOPIFY_CUSTOM_APP_TOKEN = shpca_a20fd870f8a3e8622d1c2221a49517''',
      '''SHOPIFY_CUSTOM_APP_TOKEN = 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_old''',
      '''SHOPIFY_CUSTOM_APP_TOKEN = shpca_00000000000000000000000000000000''',
    ]

    [[rules]]
    id = "shopify-private-app-token"
    title = "Shopify private app access token"
    description = "A legacy Shopify private app password/token (shppa_) calls the Admin API of its shop with the private app's permissions. Delete the private app (or migrate it to a custom app) in the Shopify admin."
    severity = "high"
    keywords = ["shppa_"]
    regex = '''(?<![A-Za-z0-9_])(shppa_[a-fA-F0-9]{32})(?![A-Za-z0-9_])'''
    entropy = 3.0
    references = ["https://shopify.dev/docs/apps/build/authentication-authorization"]
    tags = ["shopify", "ecommerce"]
    examples = [
      '''SHOPIFY_PASSWORD = «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»''',
      '''https://api-user:«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»@acme-store.myshopify.com/admin/api/2024-01/orders.json''',
    ]
    negativeExamples = [
      '''SHOPIFY_PASSWORD = shppa_f81391fab25479904142ce367056ff9''',
      '''SHOPIFY_PASSWORD = shppa_<private app password>''',
      '''SHOPIFY_PASSWORD = x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''',
    ]

    [[rules]]
    id = "shopify-shared-secret"
    title = "Shopify app shared secret"
    description = "A Shopify app shared secret (shpss_) verifies webhooks and OAuth callbacks and completes the OAuth exchange for the app; with it an attacker can forge webhooks or obtain tokens for shops installing the app. Rotate the client secret in the Partner Dashboard."
    severity = "high"
    keywords = ["shpss_"]
    regex = '''(?<![A-Za-z0-9_])(shpss_[a-fA-F0-9]{32})(?![A-Za-z0-9_])'''
    entropy = 3.0
    references = ["https://shopify.dev/docs/apps/build/authentication-authorization/client-secrets/rotate-revoke-client-credentials"]
    tags = ["shopify", "ecommerce"]
    examples = [
      '''SHOPIFY_API_SECRET = «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»''',
      '''  apiSecretKey: "«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»",''',
    ]
    negativeExamples = [
      '''SHOPIFY_API_SECRET = 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c''',
      '''SHOPIFY_API_SECRET = shpss_745633dabecc9ca8daf0''',
      '''SHOPIFY_API_SECRET = shpss_4caf0ab4dddfb68ad7094d2ddaad779q''',
    ]

    [[rules]]
    id = "atlassian-api-token"
    title = "Atlassian API token"
    description = "An Atlassian account API token (ATATT3…) authenticates as the user to Jira, Confluence and Bitbucket Cloud REST APIs with all of the user's permissions. Revoke it at id.atlassian.com under Security > API tokens."
    severity = "high"
    keywords = ["ATATT3"]
    regex = '''(?<![A-Za-z0-9_-])(ATATT3[A-Za-z0-9_=-]{186})(?![A-Za-z0-9_=-])'''
    entropy = 4.0
    references = ["https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/"]
    tags = ["atlassian", "jira", "confluence"]
    examples = [
      '''JIRA_API_TOKEN = «ATATT3xFfGF0Cd8WBHmib1LAO3Js5KuKjyjhIlqJgqN3qMqLAfJTJSXHfvwUsSIkHdrMiYKyEdmFPGdBtQPKmXaZu3ndXX7IYUDNWQrQxIHK_sfJzPeCTBN4NRCh2v8I9n3tr8t8FTuScUt43jTCOnDEXsTz7PuzjFIurE7nc3cqtTPB62V2ji5=BE996734»''',
      '''curl -u ops@acme.io:«ATATT3xFfGF0s_TfyzXb1xeBz_i0gNa-pMAI_wO3B5KM9QB4EdH6r8of8zBJVrRrM2viJR1rzd7SYdZLhp-VU1eUAcSvqg5QX3SDFYSxaFem1EUwVNsWzMR0G-VdbjUCJrQPzUxTPpiQloaVjpRFU5MgxViRtuCT-F-S-yLP6-tOZHG22sHwpx3=158C0CAD» https://acme.atlassian.net/rest/api/3/myself''',
    ]
    negativeExamples = [
      '''JIRA_API_TOKEN = ATATT3xFfGF0s3AQ2hPbgVZkKEwbKSvGWHZLMtBl2c38rH1Nltfbd4ZsKzCQUmbYG8ynE63-q8jHsjNpOgIB1rdZIWujXGiJ4Mj8AbADS78WGjcf3yTNAcN8maf59NPCwehM02wn7caL0myiirVSNYe4RcASOjklQk9IqeGyqYNzYsMYwJVkfc=ACFEE914''',
      '''JIRA_API_TOKEN = ATATT3xFfGF0fXepsh1jKuyH0DAX_SMfRfnuV-97TeIXehAk5k08ukfpcLfcyYROn-d5jmR-0NQnHjeb9BCValgIUgfR_cRBHmn7Z_858XiE-cRqNAT5cZ6Ns2oiHzX9xKgD6C_zaYsTJeT-DCI8IgmA-3xOAfHPONihZ3-hibEI1ZikvkxoOZba=BB2F4E6B''',
      '''JIRA_API_TOKEN = ATATT3<your-api-token>''',
    ]

    [[rules]]
    id = "openai-api-key"
    title = "OpenAI API key"
    description = "An OpenAI API key (sk-…, sk-proj-…, sk-svcacct-…, sk-admin-…, all carrying the T3BlbkFJ marker) calls the OpenAI API billed to its organisation or project, and admin keys manage the organisation. Delete it in the platform dashboard under API keys (or the project's keys) and create a new one."
    severity = "high"
    keywords = ["T3BlbkFJ"]
    regex = '''(?<![A-Za-z0-9_-])(sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200})(?![A-Za-z0-9_-])'''
    entropy = 4.0
    references = ["https://platform.openai.com/docs/api-reference/authentication", "https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety"]
    tags = ["openai", "ai"]
    examples = [
      '''OPENAI_API_KEY = «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»''',
      '''openai.api_key = "«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»"''',
      '''OPENAI_ADMIN_KEY: «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»''',
    ]
    negativeExamples = [
      '''OPENAI_API_KEY = sk-L6hgvRDrW7tSXVQ4QPCvo29PK9Bfo2ST4aXhInE6EhVweFGY''',
      '''OPENAI_API_KEY = sk-S2HcubCL6eYr1g8ZTVkT3BlbkFJSnoCPWBApxRN3yKDwo3U''',
      '''OPENAI_API_KEY = sk-proj-...T3BlbkFJ...''',
    ]

    [[rules]]
    id = "anthropic-api-key"
    title = "Anthropic API key"
    description = "An Anthropic API key (sk-ant-api03-) calls the Claude API billed to its workspace. Disable or delete it in the Claude Console under API keys; Anthropic also revokes keys reported through GitHub secret scanning."
    severity = "high"
    keywords = ["sk-ant-api03-"]
    regex = '''(?<![A-Za-z0-9_-])(sk-ant-api03-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])'''
    entropy = 4.0
    references = ["https://docs.anthropic.com/en/api/getting-started#authentication", "https://support.anthropic.com/en/articles/9767949-api-key-best-practices-keeping-your-keys-safe-and-secure"]
    tags = ["anthropic", "ai"]
    examples = [
      '''ANTHROPIC_API_KEY = «sk-ant-api03-Tbdqg8gO6i9cfGHRlkOPcgpT5VU5BfIqa16Xo8bloxhw8K4ipxPhxc9NkVcMGUumXZJyEY_MT0ts1YKTieU_xo2BYZQgXAA»''',
      '''client = anthropic.Anthropic(api_key="«sk-ant-api03-5NV2iyt6NjUDHtcMiMNQtveDxitZ7oqeBXHmt0IOKiwOKzeANGDOp8_PBFVFm6P5EDpoccW8KkPyABkDD1SlQ-i4eV6kHAA»")''',
    ]
    negativeExamples = [
      '''ANTHROPIC_API_KEY = sk-ant-api03-rIWULss5BtnY-2Ez2ROHEghdnHefIIGxRgLpU72UJyq9qPeYg3GraNFqD73XU4_l7-GgqwzdPC36yXqUewwm99hF8qGgAA''',
      '''ANTHROPIC_API_KEY = sk-ant-api03-fy-J2JxUmrKZFk9ldhS_j1vKXJOZRvX-9vT_ry1eLpI9UfuiCwJDUl30q1zKVcPNlQKbZb8ZFgwc1SbtLQyrHVK50V7NUAB''',
      '''ANTHROPIC_API_KEY = sk-ant-api03-...''',
    ]

    [[rules]]
    id = "anthropic-admin-key"
    title = "Anthropic Admin API key"
    description = "An Anthropic Admin API key (sk-ant-admin01-) manages the organisation: members, workspaces and API keys. Delete it in the Claude Console under Admin keys."
    severity = "high"
    keywords = ["sk-ant-admin01-"]
    regex = '''(?<![A-Za-z0-9_-])(sk-ant-admin01-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])'''
    entropy = 4.0
    references = ["https://docs.anthropic.com/en/api/administration-api"]
    tags = ["anthropic", "ai"]
    examples = [
      '''ANTHROPIC_ADMIN_KEY = «sk-ant-admin01-hKy2x18SyBpU-QfLSp-qF0xj7oI2kNyALWQr6KgD1G-k19D3E6SgH6_WgPWENu-vXhvN8_Cc7nNVhVL45DertqXx-3kJ4AA»''',
      '''curl https://api.anthropic.com/v1/organizations/users -H "x-api-key: «sk-ant-admin01-t3HUr2pKzfcMsrVLg-2JCtmMQ96Y2xtBb_6zCi6gIWdCbiv5wy_3brWA6CunLbbVcps7sf3F7UR2ZJgk7ap95VNZTfdCFAA»"''',
    ]
    negativeExamples = [
      '''ANTHROPIC_ADMIN_KEY = sk-ant-admin01-8qSeFqyC1PlCn7IQPDso0KLtHOgv88w_SX4nilic43PhvU4nnw7AyOI7C7upheTirJgoWlr3ptj7k52_BSkGLbIYQO-Iy8AA''',
      '''ANTHROPIC_ADMIN_KEY = sk-ant-admin01-ekF34bQJ3RcuK_Sls7zamv-EmTAd_uSYzzwiaGUe0xrFeRQ2hVkZWsqpwNDSjxEdXdtETvxysG-rhPW2rLV8iYebhKzmq''',
      '''ANTHROPIC_ADMIN_KEY = sk-ant-admin02-nupw3Tr-UaPWRjGFkEro52kqoUAPVVYf4_SoAzrlEyJRVohQ8INT7nBHdBbtXobV9eiS1ISjh05K1OxWpHGojkKKvwm_tAA''',
    ]

    [[rules]]
    id = "huggingface-token"
    title = "Hugging Face access token"
    description = "A Hugging Face user access token (hf_) reads, and with write or fine-grained scopes pushes to, the user's and organisations' models, datasets and Spaces, including private ones. Invalidate it under Settings > Access Tokens."
    severity = "high"
    keywords = ["hf_"]
    regex = '''(?<![A-Za-z0-9_])(hf_[A-Za-z]{34})(?![A-Za-z0-9_])'''
    entropy = 3.5
    references = ["https://huggingface.co/docs/hub/security-tokens"]
    tags = ["huggingface", "ai"]
    examples = [
      '''HF_TOKEN = «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»''',
      '''huggingface-cli login --token «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»''',
    ]
    negativeExamples = [
      '''HF_TOKEN = hf_HeSRsJMNAdehMEiekPJRGPJoRsKRnFufT''',
      '''HF_TOKEN = hf_mPHejQgzTJJGisCvdAKQuAbSHpTdqvpLWbV''',
      '''HF_TOKEN = hf_XkWCpICntNPRLkvlQEaujtrTKlZEZF2NvR''',
      '''HF_TOKEN = hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx''',
    ]

    [[rules]]
    id = "digitalocean-pat"
    title = "DigitalOcean personal access token"
    description = "A DigitalOcean personal access token (dop_v1_) calls the DigitalOcean API as the team with its read or write scopes: droplets, databases, Spaces keys, DNS. Delete it in the control panel under API > Tokens."
    severity = "high"
    keywords = ["dop_v1_"]
    regex = '''(?<![A-Za-z0-9_])(dop_v1_[a-f0-9]{64})(?![A-Za-z0-9_])'''
    entropy = 3.0
    references = ["https://docs.digitalocean.com/reference/api/create-personal-access-token/"]
    tags = ["digitalocean", "cloud"]
    examples = [
      '''DIGITALOCEAN_TOKEN = «dop_v1_52fc0e9fbe3f0ffc1e0085ab7fc5208e7416ea4a54ff07e8ec3f57706e6d46f1»''',
      '''doctl auth init --access-token «dop_v1_b7e700e44c56cd2d8fb081cc7444b4bd41d0fcfbb8366e5e525f24787a86f7da»''',
    ]
    negativeExamples = [
      '''DIGITALOCEAN_TOKEN = dop_v1_b45db69d5a9bd1c3591790e7681c3da15bde05a7fd05a1d4685fb19ad8dbe3a''',
      '''DIGITALOCEAN_TOKEN = dop_v1_7d78bac2fc9107da092941e93b5305a1879e9c35144ee0b67fd9a19eb47513a6a''',
      '''DIGITALOCEAN_TOKEN = dop_v2_3a865b516813c8ccaf709d6c3a0ef551d54a0ad673f0eea4bac21fbea876750a''',
    ]

    [[rules]]
    id = "digitalocean-oauth-token"
    title = "DigitalOcean OAuth access token"
    description = "A DigitalOcean OAuth access token (doo_v1_) calls the API on behalf of the user who authorised an application, with the granted scopes. Revoke it via the OAuth revoke endpoint or by removing the application's authorisation in the control panel."
    severity = "high"
    keywords = ["doo_v1_"]
    regex = '''(?<![A-Za-z0-9_])(doo_v1_[a-f0-9]{64})(?![A-Za-z0-9_])'''
    entropy = 3.0
    references = ["https://docs.digitalocean.com/reference/api/oauth/"]
    tags = ["digitalocean", "cloud"]
    examples = [
      '''access_token = «doo_v1_bb9a800533e6b7337f93d7d72a708898ea144ff934963fb4b0e3a02badbb11e8»''',
      '''{"access_token":"«doo_v1_ba00f75c06857839eb3400f48f31a9f7194caf328c773c05627bcf9d0a363d4c»","token_type":"bearer","expires_in":2592000}''',
    ]
    negativeExamples = [
      '''access_token = doo_v1_838f307d3354bd12db19c85fd1cb66b4a89250c91cdac248107fe43b45e8''',
      '''access_token = doo_v1_E6509502204A79941D0FEE5E7414DBA84AC0FC61820A0BAFFFA732B0605BC321''',
      '''access_token = doo_v1_<token>''',
    ]

    [[rules]]
    id = "databricks-token"
    title = "Databricks personal access token"
    description = "A Databricks personal access token (dapi…) calls the workspace REST APIs and SQL warehouses as its user, including notebooks, jobs, clusters and data the user can read. Revoke it under User settings > Developer > Access tokens, or an admin can revoke it with the Token Management API."
    severity = "high"
    keywords = ["dapi"]
    regex = '''(?<![A-Za-z0-9_])(dapi[a-f0-9]{32}(?:-\d)?)(?![A-Za-z0-9_-])'''
    entropy = 3.0
    references = ["https://docs.databricks.com/en/dev-tools/auth/pat.html"]
    tags = ["databricks", "data"]
    examples = [
      '''DATABRICKS_TOKEN = «dapiec307a10e7a6bcd8ffc7ec0643262eb6»''',
      '''token: "«dapi1aef0a1a53724a0af42469af4203dfd2-2»"''',
    ]
    negativeExamples = [
      '''DATABRICKS_TOKEN = dapie736ddd44178a09f709fb1511532ccb''',
      '''DATABRICKS_TOKEN = dapidbbee5aaba08fd1c8935551e76eb675a2''',
      '''DATABRICKS_TOKEN = dapixxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx''',
    ]

    [[rules]]
    id = "discord-bot-token"
    title = "Discord bot token"
    description = "A Discord bot token logs in as the bot: reading and sending messages in every guild it joined and using its permissions there (often moderation or administrator). Reset the token on the application's Bot page in the Developer Portal."
    severity = "high"
    keywords = ["discord"]
    regex = '''(?<![A-Za-z0-9_.-])([MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_.-])'''
    entropy = 4.0
    references = ["https://discord.com/developers/docs/reference#authentication", "https://discord.com/developers/docs/topics/oauth2#bots"]
    tags = ["discord", "chat"]
    examples = [
      '''DISCORD_BOT_TOKEN = «MiQcMQuI2r5FsMWMc6WLm8PRfV.60LYfb.v5qjaveTvzXCC2803ip4jueYw0RKqdz5E6xsbE»''',
      '''discord_client.run("«N6CjRPDilsrQu2mhkEbY-plP.ooxpOL.Jkxh7fnmzV7wcJo6-x3Xo2XUDXc»")''',
    ]
    negativeExamples = [
      '''DISCORD_BOT_TOKEN = MKpYhyHOuYl_vbwAkgaR408w7H.YZieA.pgLdjXoZY8SEpz9Y57hBi-QEFKqJP_3Uu5gKU8''',
      '''DISCORD_BOT_TOKEN = Ar1O26pC_rlhG3bomKj4R22PSy.BUrzkU.geLrhpYzda2xiRGfhWCEE5nFehx-pLvqPnnwnf''',
      '''session = Moe-3DHztftK9qEqnSFjoFepMa.O98a9H.SoFolj0RnrliShuVo5w8-rdCL1unrpYl4xAWP4''',
    ]
    [[rules.context]]
    near = ["discord"]
    linesBefore = 3
    linesAfter = 3

    [[rules]]
    id = "discord-webhook-url"
    title = "Discord webhook URL"
    description = "A Discord webhook URL posts messages (with any name and avatar) into its channel without further authentication, and can also edit or delete the webhook. Delete the webhook in the channel's Integrations settings."
    severity = "medium"
    keywords = ["/api/webhooks/"]
    regex = '''(https://(?:(?:ptb|canary)\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68})(?![A-Za-z0-9_-])'''
    entropy = 4.0
    references = ["https://discord.com/developers/docs/resources/webhook#execute-webhook"]
    tags = ["discord", "chat", "webhook"]
    examples = [
      '''DISCORD_WEBHOOK_URL = «https://discord.com/api/webhooks/1344094048147860202/2lP4znEeaAQpksbrtYdjJkQvc-FkWMX1YlLpIi4KZTcNBDX_r2zKMUAxEZU0fJosjo3J»''',
      '''requests.post("«https://discordapp.com/api/webhooks/921715919731464071/37aC6AEmBOs587vuUPZxcIF7JvCwt8pgQrCKw0Dzoz3USA1Aplq0ct5kW6XKqdP1»", json=payload)''',
    ]
    negativeExamples = [
      '''DISCORD_WEBHOOK_URL = https://discord.com/api/webhooks/073046508197549067/SgOYMzxl3cXKWNdIkkKxghzZ0yBOXxLyZo6UfxUHI3Svw1lHH8JTexvgdof''',
      '''DISCORD_WEBHOOK_URL = https://discord.com/api/webhooks/{webhook.id}/{webhook.token}''',
      '''DISCORD_WEBHOOK_URL = https://discord.example/api/webhooks/927400889606124354/oIhRENqdRDiBQGIsY_u9LzhDRHcvTui2eQVSNwE5SsOfc9_rAB2h9PhOEbCm0cl6nko1''',
    ]

    [[rules]]
    id = "telegram-bot-token"
    title = "Telegram bot token"
    description = "A Telegram Bot API token (bot id, colon, 35-character secret starting AA) controls the bot: reading every message sent to it and posting as it. Revoke it with /revoke in a chat with @BotFather."
    severity = "high"
    keywords = [":AA"]
    regex = '''(?:(?<=/bot)|(?<![A-Za-z0-9_:]))([0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])'''
    entropy = 4.0
    references = ["https://core.telegram.org/bots/api#authorizing-your-bot", "https://core.telegram.org/bots/features#botfather"]
    tags = ["telegram", "chat"]
    examples = [
      '''TELEGRAM_BOT_TOKEN = «8973418207:AADAuYQX-Yfj5-0WYeSL3sceU3m2VxTLd68»''',
      '''curl https://api.telegram.org/bot«208887671:AABDbe2YpPtvBMCUEBGGKSSLh_K9cJs7-h_»/getMe''',
    ]
    negativeExamples = [
      '''TELEGRAM_BOT_TOKEN = 9862454184:AAo_NX98uIOFJu5U8_swOiOdKh5tJs-Aqa''',
      '''TELEGRAM_BOT_TOKEN = 7863275436:ABlFoi5M7FnNkAxMWgRDR7ThxIu34GnKeAX''',
      '''TELEGRAM_BOT_TOKEN = 8514196495:AArbGo-39XHRYN6eNDOyJU16mtUjbUZhvYtc''',
      '''TELEGRAM_BOT_TOKEN = 123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw''',
    ]
    [[rules.allowlists]]
    description = "token printed in the Telegram Bot API documentation"
    stopwords = ["AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"]

    [[rules]]
    id = "datadog-api-key"
    title = "Datadog API key"
    description = "A Datadog API key submits metrics, logs and events to the organisation (and, with an application key, reads its data). Revoke it under Organization Settings > API Keys and create a new one."
    severity = "high"
    keywords = ["datadog", "dd_api", "dd-api", "ddapi"]
    regex = '''(?i:(?:datadog|dd)[\w.-]{0,20}?api[_.-]?key)["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([0-9a-f]{32})(?![A-Za-z0-9_])'''
    entropy = 3.0
    references = ["https://docs.datadoghq.com/account_management/api-app-keys/"]
    tags = ["datadog", "monitoring"]
    examples = [
      '''DD_API_KEY = «485a3503518dbafb34f6c53fa88d20cf»''',
      '''curl -X POST https://api.datadoghq.com/api/v2/series -H "DD-API-KEY: «c5d2704bbf333acf4d9541cab59ecd16»"''',
      '''datadog.api_key: "«0b0958802fd9d453f2ea61f57ab7b997»"''',
    ]
    negativeExamples = [
      '''DD_API_KEY = ecb4853e0e71424867a00d5bcb0548c''',
      '''DD_API_KEY = 231e2b05d17809991504e3b2fc2f3155bb153390''',
      '''DD_TRACE_ID = 9392b8fc8cf74acac9d2b65992232810''',
      '''DD_API_KEY = <DATADOG_API_KEY>''',
    ]
    [[rules.context]]
    near = ["datadog", "dd_api", "dd-api", "ddapi"]
    linesBefore = 2
    linesAfter = 2

    [[rules]]
    id = "datadog-app-key"
    title = "Datadog application key"
    description = "A Datadog application key, used with an API key, reads and changes the organisation's data and configuration (dashboards, monitors, logs) with its owner's permissions or scopes. Revoke it under Organization Settings > Application Keys."
    severity = "high"
    keywords = ["datadog", "dd_app", "dd-app", "ddapp", "dd-application"]
    regex = '''(?i:(?:datadog|dd)[\w.-]{0,20}?app(?:lication)?[_.-]?key)["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([0-9a-f]{40})(?![A-Za-z0-9_])'''
    entropy = 3.0
    references = ["https://docs.datadoghq.com/account_management/api-app-keys/#application-keys"]
    tags = ["datadog", "monitoring"]
    examples = [
      '''DD_APP_KEY = «36cf1f456b77c6a3c8e92b90c00049910a69f197»''',
      '''-H "DD-APPLICATION-KEY: «2ff0d464473598f9883b7e845b9562d4c6b76b33»"''',
    ]
    negativeExamples = [
      '''DD_APP_KEY = 9ead349ba41576ac0d897f9d0887193c7928708''',
      '''DD_APP_VERSION = d37ad94d9d2c5fcdfcf42aaf3096b7f0b65efd5c''',
      '''DD_APP_KEY = a2f7136b4df27bbdae89ce6290b38b58bd4128531''',
    ]
    [[rules.context]]
    near = ["datadog", "dd_app", "dd-app", "ddapp", "dd-application"]
    linesBefore = 2
    linesAfter = 2

    [[rules]]
    id = "new-relic-user-api-key"
    title = "New Relic user API key"
    description = "A New Relic user key (NRAK-) calls NerdGraph and the REST API as its user, reading telemetry and changing alerts, dashboards and account settings. Delete it in the API keys UI and create a new one."
    severity = "high"
    keywords = ["NRAK-"]
    regex = '''(?<![A-Za-z0-9_-])(NRAK-[A-Z0-9]{27})(?![A-Za-z0-9_-])'''
    entropy = 3.5
    references = ["https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#user-key"]
    tags = ["newrelic", "monitoring"]
    examples = [
      '''NEW_RELIC_API_KEY = «NRAK-470P2MI2XSLNA461YNYWZJIILM8»''',
      '''curl https://api.newrelic.com/graphql -H 'API-Key: «NRAK-XLRO3OMLDSAQH3IRL387OEQTQFQ»' ''',
    ]
    negativeExamples = [
      '''NEW_RELIC_API_KEY = NRAK-7D81QU5VDSINNMJ5CTN43Q9ETJ''',
      '''NEW_RELIC_API_KEY = NRAK-GZ4KU821GY7YZWBAFHVRU9O4GALW''',
      '''NEW_RELIC_API_KEY = NRAK-bno03w8xjr9qx8232sq1xgjye3n''',
    ]

    [[rules]]
    id = "new-relic-license-key"
    title = "New Relic ingest license key"
    description = "A New Relic license (ingest) key sends metrics, events, logs and traces into the account, so a holder can flood or poison its telemetry. Delete it in the API keys UI and roll out a new ingest key to agents."
    severity = "medium"
    keywords = ["NRAL", "newrelic", "new_relic", "new-relic", "new.relic"]
    regex = '''(?|(?<![A-Za-z0-9_-])([A-Za-z0-9]{36}NRAL)(?![A-Za-z0-9_-])|(?i:new[_.-]?relic[\w.-]{0,20}?licen[sc]e[_.-]?key)["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([0-9a-f]{40})(?![A-Za-z0-9_-]))'''
    entropy = 3.0
    references = ["https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/#license-key"]
    tags = ["newrelic", "monitoring"]
    examples = [
      '''NEW_RELIC_LICENSE_KEY = «eu01xx603fa5a7730172594aa5dc6e324aa5NRAL»''',
      '''newrelic.license_key: "«d2c7e8246c903163a8968c861d198345bb58eb8e»"''',
    ]
    negativeExamples = [
      '''NEW_RELIC_LICENSE_KEY = eu01xx4e3be87a56549fddb6e379ddabaabNRAL''',
      '''NEW_RELIC_APP_NAME = c989b760d827902341c0f772f42f2e7e8cdb0426''',
      '''NEW_RELIC_LICENSE_KEY = <your-license-key>''',
    ]
    [[rules.context]]
    near = ["NRAL", "newrelic", "new_relic", "new-relic", "new.relic", "new relic"]
    linesBefore = 2
    linesAfter = 2

    [[rules]]
    id = "sentry-auth-token"
    title = "Sentry auth token"
    description = "A Sentry organisation auth token (sntrys_) uploads source maps and releases for the organisation; a user auth token (sntryu_) calls the API as its user with its scopes. Revoke it under Settings > Auth Tokens (organisation) or User settings > Personal Tokens."
    severity = "high"
    keywords = ["sntrys_", "sntryu_"]
    regex = '''(?<![A-Za-z0-9_])(sntryu_[a-f0-9]{64}|sntrys_eyJ[A-Za-z0-9+/=_-]{40,})(?![A-Za-z0-9+/=_-])'''
    entropy = 3.5
    references = ["https://docs.sentry.io/account/auth-tokens/", "https://docs.sentry.io/security-legal-pii/security/token-formats/"]
    tags = ["sentry", "monitoring"]
    examples = [
      '''SENTRY_AUTH_TOKEN = «sntrys_eyJpYXQiOjE3swE9SZUYiieZCdU1GHy5hbQoxIfIa6v4QOOl2Nb2TYx2vKtpxQzj/oVxTF7mM2xAx2zpQ2D0J+0oHGCyqZF7DaHodr4hqhp6Oc3dvLRz2JohobF8VaCmWtme_FkQ26hNWYwzvMYue+3BcN0dwsvSQ2KL+/Y1C0A/axhk»''',
      '''auth.token: "«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»"''',
    ]
    negativeExamples = [
      '''SENTRY_AUTH_TOKEN = sntryu_c19cc55ce4628475bc48eadce73be9ad019fd637f2152a72fbf78b923b62b3f''',
      '''SENTRY_AUTH_TOKEN = sntrys_YOUR_TOKEN_HERE''',
      '''SENTRY_AUTH_TOKEN = sntryu_f8e57ce4c623e08d82356f8abc2c5282000fd3d3c1cb572d08c1f8e962257a4d8''',
    ]

    [[rules]]
    id = "cloudflare-api-token"
    title = "Cloudflare API token"
    description = "A Cloudflare API token calls the Cloudflare API with the permissions and zones it was created with (DNS, Workers, WAF, R2…). Roll or delete it under My Profile > API Tokens (or the account's API tokens)."
    severity = "high"
    keywords = ["cloudflare", "cf_api", "cf-api", "cf_token"]
    regex = '''(?i:(?:cloudflare|cf)[\w.-]{0,20}?(?:api[_.-]?)?token|api[_.-]?token)["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])'''
    entropy = 3.5
    references = ["https://developers.cloudflare.com/fundamentals/api/get-started/create-token/", "https://developers.cloudflare.com/fundamentals/api/how-to/roll-token/"]
    tags = ["cloudflare", "cloud"]
    examples = [
      '''CLOUDFLARE_API_TOKEN = «dsay5KsB5csJk-87ZbervCfgMikQoB1Un8ZT7YuG»''',
      '''cloudflare:
      api_token: "«TBp7532erCqREYYpyv9exqTGBijU3H8KBymMI6_I»"''',
      '''CF_API_TOKEN: «DrOY8-HtgmSGw3BBH4UsCIpiBID8HF_23ei8f3II»''',
    ]
    negativeExamples = [
      '''CLOUDFLARE_API_TOKEN = KbHJgVbzOyVqwyUH9Wcw38-1Hwc8FbXN8qWeV-k''',
      '''CLOUDFLARE_ZONE_ID = 3c88a53200574f79642c8a3689db37a0''',
      '''CLOUDFLARE_API_TOKEN = D4JT94oQWBkybP2QIYV7OLNZSL700U_DCOlfsQRhk''',
    ]
    [[rules.context]]
    near = ["cloudflare", "cf_api", "cf-api", "cf_token"]
    linesBefore = 2
    linesAfter = 2

    [[rules]]
    id = "cloudflare-global-api-key"
    title = "Cloudflare global API key"
    description = "The Cloudflare global API key, with the account email, has every permission of the user on every account and zone. View and roll it under My Profile > API Tokens > Global API Key, and move automation to scoped API tokens."
    severity = "high"
    keywords = ["cloudflare", "cf_api", "cf-api", "x-auth-key"]
    regex = '''(?i:(?:cloudflare|cf)[\w.-]{0,20}?(?:global[_.-]?)?api[_.-]?key|x-auth-key)["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([0-9a-f]{37})(?![A-Za-z0-9_-])'''
    entropy = 3.0
    references = ["https://developers.cloudflare.com/fundamentals/api/get-started/keys/"]
    tags = ["cloudflare", "cloud"]
    examples = [
      '''CLOUDFLARE_API_KEY = «57624528f6869e07a8cc1c4f3bf76187f4714»''',
      '''curl https://api.cloudflare.com/client/v4/zones -H "X-Auth-Email: ops@acme.io" -H "X-Auth-Key: «909f2677e6f6748b879e7ede3aa4797c289db»"''',
    ]
    negativeExamples = [
      '''CLOUDFLARE_API_KEY = b6fc5d1c2415129dd5ef8a14399bdcc60986''',
      '''CLOUDFLARE_API_KEY = 1291849ceb18e2d9faa08a1711c724fea5d47b''',
      '''X-Auth-Key: 8a3fe542da96b6050a61fb9235309b25034ea''',
    ]
    [[rules.context]]
    near = ["cloudflare", "cf_api", "cf-api", "x-auth-email"]
    linesBefore = 2
    linesAfter = 2

    [[rules]]
    id = "cloudflare-origin-ca-key"
    title = "Cloudflare Origin CA key"
    description = "A Cloudflare Origin CA key (v1.0-…) creates, lists and revokes Origin CA certificates for the user's zones. Revoke and roll it under My Profile > API Tokens > Origin CA Key."
    severity = "medium"
    keywords = ["v1.0-"]
    regex = '''(?<![A-Za-z0-9_.-])(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})(?![A-Za-z0-9_-])'''
    entropy = 3.0
    references = ["https://developers.cloudflare.com/fundamentals/api/get-started/ca-keys/"]
    tags = ["cloudflare", "cloud"]
    examples = [
      '''CF_ORIGIN_CA_KEY = «v1.0-9543074c71ec0f6ed87d97c6-c64a3a89a20563cc03897d6c6b97423cefff0ed97eb1068f9d2d6145e396e1641940ac24efbe162eb60ad734e883f006db0328be5ef6f291c25d0cb8113b15866d34656659edb42bbe»''',
      '''-H "X-Auth-User-Service-Key: «v1.0-110a7b616f0a59562f1bb37b-46cc4e57af8df8f8dbdf8b2e54de15a090efa000104b165bae235b300176250c41353e9a88177e348014c079e3ff0d90b3342551abd26d5d5490cbab874ef6891a771bb5a08bc254f0»"''',
    ]
    negativeExamples = [
      '''CF_ORIGIN_CA_KEY = v1.0-1d345dd071730bfd32663a00-406305bd62d42f9c0b506c3671c837a14c57f94919485e8534fba16a493a523123e27c0efa18218799faae482eea6605cdbd2a1f3e01fa85f0581a61bed5856d8ce77758cce282095''',
      '''CF_ORIGIN_CA_KEY = v1.0-82741d58f1c13c9c81780b4-6824c3cdd3cca7ed7485c57b9668849c08210c04cacd448ebb2c77a707c827624245fcb5177b6a6976fb6240a349ececbaa47aef3f55df4747a1941ef32a7cd0565be7afa41a48935d''',
      '''CF_ORIGIN_CA_KEY = v1.0-<origin-ca-key>''',
    ]

    [[rules]]
    id = "pagerduty-api-key"
    title = "PagerDuty REST API key"
    description = "A PagerDuty REST API key (general access or user token) reads and changes incidents, schedules, services and users of the account. Delete it under Integrations > API Access Keys (or the user's API access settings) and create a new one."
    severity = "high"
    keywords = ["pagerduty"]
    regex = '''(?|(?i:pagerduty[\w.-]{0,20}?(?:api[_.-]?)?(?:key|token))["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([A-Za-z0-9_+-]{20})(?![A-Za-z0-9_+-])|Token token=([A-Za-z0-9_+-]{20})(?![A-Za-z0-9_+-]))'''
    entropy = 3.5
    references = ["https://support.pagerduty.com/main/docs/api-access-keys", "https://developer.pagerduty.com/docs/authentication"]
    tags = ["pagerduty", "monitoring"]
    examples = [
      '''PAGERDUTY_API_KEY = «OH5-8CX2Xyr5OM6mzug7»''',
      '''curl https://api.pagerduty.com/incidents -H "Authorization: Token token=«u+CIrGVhnEF4iRW43fpK»"''',
    ]
    negativeExamples = [
      '''PAGERDUTY_API_KEY = gtZHIbiTXVSQZNOdbKX''',
      '''PAGERDUTY_SERVICE_ID = PXHUS4B''',
      '''PAGERDUTY_API_KEY = kUbCTrdQvmawDV5FBF5NU''',
    ]
    [[rules.context]]
    near = ["pagerduty"]
    linesBefore = 2
    linesAfter = 2

    [[rules]]
    id = "vault-service-token"
    title = "HashiCorp Vault service token"
    description = "A HashiCorp Vault service token (hvs.) reads and writes the secrets its policies allow until it expires or is revoked, and can create child tokens. Revoke it with vault token revoke (or its accessor) and review its policies."
    severity = "high"
    keywords = ["hvs."]
    regex = '''(?<![A-Za-z0-9_.-])(hvs\.[A-Za-z0-9_-]{24,300})(?![A-Za-z0-9_-])'''
    entropy = 3.5
    references = ["https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes", "https://developer.hashicorp.com/vault/docs/commands/token/revoke"]
    tags = ["vault", "hashicorp", "secrets-manager"]
    examples = [
      '''VAULT_TOKEN = «hvs.xZzZnpZWf3ERHywqrk8fFtHJ»''',
      '''vault login «hvs.CAESIkaSl8-7nA3ceU29SrlGQlOsKYF5w5AROGz2ShEjSf_koIkIb902mKShBRkEHZVh7IUxQ5urgqaZ923rzODjTMX0elq»''',
    ]
    negativeExamples = [
      '''VAULT_TOKEN = hvs.K5Gz_pWYHcKW76BoHlvEEVx''',
      '''VAULT_TOKEN = hvs.<token>''',
      '''VAULT_TOKEN = hvs.xxxxxxxxxxxxxxxxxxxxxxxx''',
    ]

    [[rules]]
    id = "vault-batch-token"
    title = "HashiCorp Vault batch token"
    description = "A HashiCorp Vault batch token (hvb.) carries its own policies and grants them until its TTL ends; batch tokens cannot be revoked individually, so revoke their parent token or lease and shorten TTLs."
    severity = "high"
    keywords = ["hvb."]
    regex = '''(?<![A-Za-z0-9_.-])(hvb\.[A-Za-z0-9_-]{24,300})(?![A-Za-z0-9_-])'''
    entropy = 3.5
    references = ["https://developer.hashicorp.com/vault/docs/concepts/tokens#batch-tokens", "https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes"]
    tags = ["vault", "hashicorp", "secrets-manager"]
    examples = [
      '''VAULT_TOKEN = «hvb.AAAAAQyvjoFuUQKyVczkuITc0a2CSd_N9GikrM3LrnaxAvQ-LOTeh9qjLghr2CRUW0hjdwV83JfIY96bwpi_PN-KqSKChByGswgmdMKxH1vDWVbftUxshSFra03TKkDURq43qO5V»''',
      '''"client_token": "«hvb.mhKoMGS-NOEoIt3hNFsdhxl54GniqTtMH5FFi6MzthkPH9ixyEK-YdO4iCAuYidK3ApEGr6SqCS5ax_UYXUDOnvpg-WbIawEU7Ad7kjOIaLFm-MdHpSsNPWbOScNvnUohBhgSe1Gx55l»",''',
    ]
    negativeExamples = [
      '''VAULT_TOKEN = hvb.0OfV7KbWrv1GQgZHLQnD''',
      '''VAULT_TOKEN = hvb.{{ batch_token }}''',
      '''VAULT_TOKEN = xhvb.NO79YgfeMOpb3xkiXRIo0G9-swyTBkct1v_79mXT8sNWoch7Jgl4vPwVLt1fR9mtFyBqjCakDD0qneAcdCMsv09zrJpWCx3rM3SdqPR2Gt7ety2kfvP7tuvWhUsEJiRc0enOtPzYWWM6''',
    ]

    [[rules]]
    id = "terraform-cloud-token"
    title = "HCP Terraform / Terraform Enterprise API token"
    description = "An HCP Terraform (Terraform Cloud) or Terraform Enterprise API token (….atlasv1.…) acts as its user, team or organisation: reading state (which holds secrets), queuing runs and changing workspaces. Delete it under User settings > Tokens (or the team/organisation token page)."
    severity = "high"
    keywords = [".atlasv1."]
    regex = '''(?<![A-Za-z0-9_.-])([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])'''
    entropy = 4.0
    references = ["https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens"]
    tags = ["terraform", "hashicorp", "iac"]
    examples = [
      '''TF_TOKEN_app_terraform_io = «9ltZZ9LAcyzK8Y.atlasv1.pPNw5BfWG38l4u1OrggKKkIQ4HSmfRpWSb3aESpxa0J2LmQHtSfPOHXdwXoT5qTa-38»''',
      '''credentials "app.terraform.io" { token = "«bdBWC18C5nEvdG.atlasv1.TEgpwLEVbw3skd4bxaWgEf_GgW33FxVoxRtrlZt4-polgUlW8m9dW6kQcT6L»" }''',
    ]
    negativeExamples = [
      '''TF_TOKEN_app_terraform_io = wqDsLMzl3b5Yj.atlasv1.ACjvTpYeB9sH8Nelbv_6l1FR0wt_iqYr0mwi8OeGm3c7jx20HEfLSGn3t0XSEd8Vfhn''',
      '''TF_TOKEN_app_terraform_io = 9rVSeyn4s5n0an.atlasv1.hD5JeBVsPtjsUXBenl0zQo1rE4pc2NJsW4K8UFL7RPN_NnRe-ynHMvjM5q1''',
      '''TF_TOKEN_app_terraform_io = gYSlQGfyvm0thZ.atlasv1.DZoW4k9lcf6E42vMPNdvGb4elSbiAMp0YpvgFN-A4YRc4W8KDKh2fM0mULKUXW3rk70Ixbl''',
    ]

    [[rules]]
    id = "postman-api-key"
    title = "Postman API key"
    description = "A Postman API key (PMAK-) reads and changes the user's workspaces, collections and environments, which often hold further credentials. Revoke it in Postman under Settings > API keys."
    severity = "high"
    keywords = ["PMAK-"]
    regex = '''(?<![A-Za-z0-9_-])(PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?![A-Za-z0-9_-])'''
    entropy = 3.0
    references = ["https://learning.postman.com/docs/developer/postman-api/authentication/"]
    tags = ["postman", "api-tools"]
    examples = [
      '''POSTMAN_API_KEY = «PMAK-5474a3d1b6a82acb5d6af292-2e10046d419a448bd46cfdfc964ff6ca08»''',
      '''curl https://api.getpostman.com/collections -H "X-Api-Key: «PMAK-24eea7dec70814cbd6edc1eb-386abb5e04688e746d4e103240a1990157»"''',
    ]
    negativeExamples = [
      '''POSTMAN_API_KEY = PMAK-ac34cfcca7c9161b1b0c02f2-6a36b00caaa963d485e269f7977a4969a''',
      '''POSTMAN_API_KEY = PMAK-159cdaeba034b2080b7b4ecb-d2a05732b9f73b0d7403e13bcae020b3fd2''',
      '''POSTMAN_API_KEY = PMAK-{{postman_api_key}}''',
    ]

    [[rules]]
    id = "square-access-token"
    title = "Square access token"
    description = "A Square access token (EAAA…, legacy sq0atp-) takes payments, issues refunds and reads customers and orders for the seller account within its OAuth scopes. Revoke it in the Developer Dashboard (personal access token: replace it; OAuth: RevokeToken)."
    severity = "high"
    keywords = ["EAAA", "sq0atp-"]
    regex = '''(?<![A-Za-z0-9_-])(EAAA[A-Za-z0-9_-]{60}|sq0atp-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])'''
    entropy = 3.5
    references = ["https://developer.squareup.com/docs/build-basics/access-tokens"]
    tags = ["square", "payments"]
    examples = [
      '''SQUARE_ACCESS_TOKEN = «EAAAr4EZSIOWtXGhCb38Dl73pHvnxzLKYh3wRcpxWL6Aq5l1U_RrCVunJvp3JALR»''',
      '''square_token: "«sq0atp-ppoQQ4nSgnckH8eR5KvOm1»"''',
    ]
    negativeExamples = [
      '''SQUARE_ACCESS_TOKEN = EAAA5AAG39dTb-ERo7JFR-TvZJlfpDe7E4WQyZOywJVAIdN5OqYaSzFKdTK-7gG''',
      '''SQUARE_ACCESS_TOKEN = EAAAEKyry23PQg-fnTpjkOXBp3tauyLZyENmYBq7oH6_y51LRDghFjaNIyc5nJoNx''',
      '''SQUARE_ACCESS_TOKEN = sq0atp-zi3-Ei6G2-Jh4xAnV_wdg''',
    ]

    [[rules]]
    id = "square-oauth-secret"
    title = "Square application secret"
    description = "A Square application (OAuth client) secret (sq0csp-) exchanges authorisation codes and refresh tokens for seller access tokens. Replace it on the application's OAuth page in the Developer Dashboard."
    severity = "high"
    keywords = ["sq0csp-"]
    regex = '''(?<![A-Za-z0-9_-])(sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])'''
    entropy = 3.5
    references = ["https://developer.squareup.com/docs/oauth-api/overview"]
    tags = ["square", "payments"]
    examples = [
      '''SQUARE_APPLICATION_SECRET = «sq0csp-Hw-Q_-yMukQ3bcMZoP9zViscr0_aodsIhEBnsQCJFgV»''',
      '''client_secret: "«sq0csp-4TePIN0ggQQutBs0kq3cqAXanwFBh3gEernECj9q24l»"''',
    ]
    negativeExamples = [
      '''SQUARE_APPLICATION_SECRET = sq0csp-fcVs0cpt5g06e7tLY4Fj7THRKTqarjZqED4BhkGuT8''',
      '''SQUARE_APPLICATION_SECRET = sq0csp-wIDAOLKonfZ4YOp84PPpertqY7K3z1I8t_u993dmxc55''',
      '''SQUARE_APPLICATION_SECRET = sq0csp-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX''',
    ]

    [[rules]]
    id = "linear-api-key"
    title = "Linear API key"
    description = "A Linear personal API key (lin_api_) reads and writes issues, projects and comments in every team its user can access. Revoke it under Settings > Security & access > Personal API keys."
    severity = "high"
    keywords = ["lin_api_"]
    regex = '''(?<![A-Za-z0-9_])(lin_api_[A-Za-z0-9]{40})(?![A-Za-z0-9_])'''
    entropy = 3.5
    references = ["https://linear.app/developers/graphql#personal-api-keys"]
    tags = ["linear", "project-management"]
    examples = [
      '''LINEAR_API_KEY = «lin_api_uurea3pOUFu0FZwcAstKr9cvsxz93E0uy3tKBEXG»''',
      '''const linear = new LinearClient({ apiKey: "«lin_api_wDSxzKzmNd0Wkt8Bq92YerBK1E8xyxiIuqUEj0TI»" });''',
    ]
    negativeExamples = [
      '''LINEAR_API_KEY = lin_api_8XW680Scg0GosZoF6CMuN3Nrjvw3mjs3CcQsInY''',
      '''LINEAR_API_KEY = lin_api_bitKANlmRavIGR3HU9HbaXr1l8Ni3hLFFYRyzNwkI''',
      '''LINEAR_API_KEY = lin_oauth_hbIVAJmCJ4sQsQryGar3lOmnwDSDphsxvRXVGZRtx''',
    ]

    [[rules]]
    id = "notion-integration-token"
    title = "Notion integration token"
    description = "A Notion internal integration token (ntn_, legacy secret_) reads and edits every page and database shared with the integration. Refresh (rotate) the secret on the integration's page at notion.so/my-integrations, or delete the integration."
    severity = "high"
    keywords = ["ntn_", "secret_"]
    regex = '''(?<![A-Za-z0-9_])(ntn_[A-Za-z0-9]{46}|secret_[A-Za-z0-9]{43})(?![A-Za-z0-9_])'''
    entropy = 4.0
    references = ["https://developers.notion.com/docs/authorization#internal-integration-auth-flow-set-up", "https://developers.notion.com/reference/authentication"]
    tags = ["notion", "collaboration"]
    examples = [
      '''NOTION_TOKEN = «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»''',
      '''const notion = new Client({ auth: "«secret_zNfjKoK4efBAHxRXTnrs0VnzM982EL26LURVeg23b2N»" });''',
    ]
    negativeExamples = [
      '''NOTION_TOKEN = ntn_ySDQrKEnc0rwmtcfNS8raAXsOQw4pMBcGVeFg8LGezLAj''',
      '''NOTION_TOKEN = secret_9jKkVvj6zHDBhL1HEbAdacmJOhOevT4J0EaQHGNxsP''',
      '''client_secret_FbZ68DHRnCXWQhMI63A9cEHik6j9J3HWc9buRCv360R''',
      '''NOTION_TOKEN = secret_key_base''',
    ]

    [[rules]]
    id = "grafana-cloud-token"
    title = "Grafana Cloud access policy token"
    description = "A Grafana Cloud access policy token (glc_) reads or writes metrics, logs and traces, or manages the stack, according to its access policy. Delete the token (or its access policy) in the Cloud Portal under Security > Access Policies."
    severity = "high"
    keywords = ["glc_"]
    regex = '''(?<![A-Za-z0-9_])(glc_[A-Za-z0-9+/]{32,400}={0,3})(?![A-Za-z0-9+/=_])'''
    entropy = 4.0
    references = ["https://grafana.com/docs/grafana-cloud/security-and-account-management/authentication-and-permissions/access-policies/"]
    tags = ["grafana", "monitoring"]
    examples = [
      '''GRAFANA_CLOUD_TOKEN = «glc_eyJvIjoiz41MpVtQ/c3g4aLFIpjRdjkwxnXWySiobMkoaI6QBPcfPJ96JJ3Koy5CFLHIXpZgtjn+hLzAxER8bIzH9yeyUiCExZU/K8RflDX57Qgte+74iClhfraNloVC==»''',
      '''password: «glc_eyJvIjoiFG1VHHWljvrKZekS3tHW57RZEl9Rke4vYXaNKgDoH2XO7qNr9+Q6yi36KvRgB84l/2Tfu1JBOcJ2Tb7V»''',
    ]
    negativeExamples = [
      '''GRAFANA_CLOUD_TOKEN = glc_ZklbLo5/pmB170ItSRTvWHfRHNRcgbg''',
      '''GRAFANA_CLOUD_TOKEN = glc_<token>''',
      '''GRAFANA_CLOUD_TOKEN = glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx''',
    ]

    [[rules]]
    id = "grafana-service-account-token"
    title = "Grafana service account token"
    description = "A Grafana service account token (glsa_) calls the Grafana HTTP API with the service account's role: dashboards, data sources (and their credentials), alerting. Delete the token on the service account's page under Administration > Service accounts."
    severity = "high"
    keywords = ["glsa_"]
    regex = '''(?<![A-Za-z0-9_])(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})(?![A-Za-z0-9_])'''
    entropy = 3.5
    references = ["https://grafana.com/docs/grafana/latest/administration/service-accounts/"]
    tags = ["grafana", "monitoring"]
    examples = [
      '''GRAFANA_TOKEN = «glsa_rnlvqkXWvyDWXEr4pwrZe78LWiL7wgDS_d6ac060d»''',
      '''curl -H "Authorization: Bearer «glsa_w7WW16lBSVEFprPltajLBOfUGoCpNgt1_428b1e94»" https://grafana.acme.io/api/dashboards/home''',
    ]
    negativeExamples = [
      '''GRAFANA_TOKEN = glsa_qZj1icPByMH876WV1CstRkCxkhlqVR5_3f3314d1''',
      '''GRAFANA_TOKEN = glsa_5UVX2OcBNPH7eV4QvF0EFZX2gAN6CmTJ_937a24e''',
      '''GRAFANA_TOKEN = glsa_c3b0B9A1NZ9Q5IZuN9RA0neUrjqX6i6Q_0966a7az''',
    ]

    [[rules]]
    id = "doppler-token"
    title = "Doppler token"
    description = "A Doppler token (dp.pt. personal, dp.st. service, dp.ct. CLI, dp.sa. service account, dp.scim., dp.audit.) reads the secrets of the projects and configs it covers, and personal or CLI tokens act as the user. Revoke it in the Doppler dashboard (Access / Tokens) or with doppler configs tokens revoke."
    severity = "high"
    keywords = ["dp.pt.", "dp.st.", "dp.ct.", "dp.sa.", "dp.scim.", "dp.audit."]
    regex = '''(?<![A-Za-z0-9_.-])(dp\.(?:pt|st|ct|sa|scim|audit)\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})(?![A-Za-z0-9_.-])'''
    entropy = 3.5
    references = ["https://docs.doppler.com/reference/auth-token-formats", "https://docs.doppler.com/docs/service-tokens"]
    tags = ["doppler", "secrets-manager"]
    examples = [
      '''DOPPLER_TOKEN = «dp.st.prd.PfGYZwkO0KY8mcUbNE84YMfghI0keenV3J9b6xSjNz5»''',
      '''doppler configure set token «dp.pt.BigbjsqYiYlne7G93MSKXh5gjXy4CeuVIGcPxQ7Cmg0»''',
      '''DOPPLER_CLI_TOKEN: «dp.ct.sQTVDrcvUovJ4zDrTCueoWtkJarXaHjURDQm3wGBdK8t»''',
    ]
    negativeExamples = [
      '''DOPPLER_TOKEN = dp.st.prd.ep80GIzgexql06FEvElPwUtpdt09OUdYgJPSULZ''',
      '''DOPPLER_TOKEN = dp.xx.glm1hwSfQoI0kuZ4qvflxqVFF3arjI24E6OvKbU9kL4''',
      '''DOPPLER_TOKEN = dp.pt.9ShlfaGSJw6Cx6N7SoTKnKVi4gzXwamVsgryjYPXEEFEe''',
    ]

    [[rules]]
    id = "pulumi-access-token"
    title = "Pulumi access token"
    description = "A Pulumi Cloud access token (pul-) acts as its user, team or organisation: reading stack state and configuration (including encrypted secrets' plaintext through the service) and running updates. Delete it under Settings > Access tokens in Pulumi Cloud."
    severity = "high"
    keywords = ["pul-"]
    regex = '''(?<![A-Za-z0-9_-])(pul-[a-f0-9]{40})(?![A-Za-z0-9_-])'''
    entropy = 3.0
    references = ["https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/"]
    tags = ["pulumi", "iac"]
    examples = [
      '''PULUMI_ACCESS_TOKEN = «pul-dd902b84af361de3989cca695e7e881b63f2008f»''',
      '''pulumi login --token «pul-addb9581ad26ae86628f9a34ea120e3eb8c75cea»''',
    ]
    negativeExamples = [
      '''PULUMI_ACCESS_TOKEN = pul-7c4eaa0e87d98e5679b92f39fdff9a6270b7307''',
      '''PULUMI_ACCESS_TOKEN = pul-90e6c7b565a03e806dbcbd27d4c1822187fdae9e1''',
      '''PULUMI_ACCESS_TOKEN = pul-6EA543B7089D91455F743CD68A7DA06EB86B481C''',
    ]

    [[rules]]
    id = "supabase-access-token"
    title = "Supabase personal access token"
    description = "A Supabase personal access token (sbp_) calls the Management API as its user: creating and deleting projects, reading their API keys and database settings. Revoke it in the dashboard under Account > Access Tokens."
    severity = "high"
    keywords = ["sbp_"]
    regex = '''(?<![A-Za-z0-9_])(sbp_[a-f0-9]{40})(?![A-Za-z0-9_])'''
    entropy = 3.0
    references = ["https://supabase.com/docs/reference/api/introduction", "https://supabase.com/dashboard/account/tokens"]
    tags = ["supabase", "database"]
    examples = [
      '''SUPABASE_ACCESS_TOKEN = «sbp_4fafda09651b3a6c3eb2e8e61b7c95e09ea15c84»''',
      '''supabase login --token «sbp_0537895cb4bce60b4187209fc8deda52126b1515»''',
    ]
    negativeExamples = [
      '''SUPABASE_ACCESS_TOKEN = sbp_77075480303b0094dc8364b074c22310102adfb''',
      '''SUPABASE_ACCESS_TOKEN = sbp_381357fb3793d4f881ba91f202f46db09043ece00''',
      '''SUPABASE_ACCESS_TOKEN = sbp_<your-access-token>''',
    ]

    [[rules]]
    id = "age-secret-key"
    title = "age secret key"
    description = "An age X25519 identity (AGE-SECRET-KEY-1…) decrypts every file and SOPS secret encrypted to its public key. Generate a new identity with age-keygen, re-encrypt the data to it and remove the old recipient."
    severity = "high"
    keywords = ["AGE-SECRET-KEY-1"]
    regex = '''(?<![A-Za-z0-9_-])(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Za-z0-9_-])'''
    entropy = 3.5
    references = ["https://age-encryption.org/v1", "https://github.com/FiloSottile/age#readme"]
    tags = ["age", "encryption", "private-key"]
    examples = [
      '''SOPS_AGE_KEY = «AGE-SECRET-KEY-1W09PG0N2W8HAWQU747DYQRPHUUGUWM62M8PYHF90SPDCW20ATQCK2FHMWX»''',
      '''# created: 2025-03-14T09:26:53+01:00
    # public key: age1lpsuwtawjpcowrxjioahgpcayuqegtyszgsooytevhrmfjpwuhnhlntfow
    «AGE-SECRET-KEY-1T6VRD4ECD5Q63CLVNU3F5F3X4WWPAGC9K5QAG8GV5ZK3UCUSLU8V20VURU»''',
    ]
    negativeExamples = [
      '''SOPS_AGE_KEY = AGE-SECRET-KEY-17FGZ9KZKKZ5E9V5C7G28T820JMP0FLVULKJVG0UVK0P0U9JQ3WKW34S8T''',
      '''SOPS_AGE_KEY = AGE-SECRET-KEY-17WDPEHVX4PZT5E58EFK6DE7RWR8CKYKV2VHSH5VQCEX0ADC2XXBA2ZY4VJ''',
      '''recipient = age1wgogolybejggshxhirfishtsqegpdesaqlpldweuacxbolthticnjixnqn''',
    ]

    [[rules]]
    id = "gitlab-deploy-token"
    title = "GitLab deploy token"
    description = "A GitLab deploy token (gldt-) clones or pulls the project's repository, packages and container images (and pushes them with write scopes) without a user. Revoke it under the project or group's Settings > Repository > Deploy tokens."
    severity = "high"
    keywords = ["gldt-"]
    regex = '''(?<![A-Za-z0-9_-])(gldt-(?:[A-Za-z0-9_-]{27,300}\.[0-9a-z]{2}\.[0-9a-z]{7,9}|[A-Za-z0-9_-]{20}))(?![A-Za-z0-9_-]|\.[0-9a-z])'''
    entropy = 3.3
    references = ["https://docs.gitlab.com/user/project/deploy_tokens/", "https://docs.gitlab.com/security/tokens/#token-prefixes"]
    tags = ["gitlab", "vcs"]
    examples = [
      '''DEPLOY_TOKEN = «gldt-RXgMohtfn8JuGpZr4Reh»''',
      '''git clone https://gitlab+deploy-token-42:«gldt-lMrnOAdznYLeLOIZThhA»@gitlab.com/acme/app.git''',
    ]
    negativeExamples = [
      '''DEPLOY_TOKEN = gldt-bDyfO289LoCC3vC-W-r''',
      '''DEPLOY_TOKEN = gldt--X8OwDQ5zFjpgbLP4zIK-''',
      '''DEPLOY_TOKEN = gldt-<deploy-token>''',
    ]

    [[rules]]
    id = "stripe-webhook-secret"
    title = "Stripe webhook signing secret"
    description = "A Stripe webhook endpoint signing secret (whsec_) lets whoever holds it forge events that the endpoint accepts as coming from Stripe (payments marked paid, subscriptions changed). Roll the secret on the endpoint in the Dashboard under Developers > Webhooks."
    severity = "medium"
    keywords = ["whsec_"]
    regex = '''(?<![A-Za-z0-9_])(whsec_[A-Za-z0-9+/=]{32,88})(?![A-Za-z0-9_+/=])'''
    entropy = 3.5
    references = ["https://docs.stripe.com/webhooks#verify-official-libraries", "https://docs.stripe.com/webhooks#roll-endpoint-secrets"]
    tags = ["stripe", "payments", "webhook"]
    examples = [
      '''STRIPE_WEBHOOK_SECRET = «whsec_ndrWYNDwxMs1Gsp1YFJIs1LTPIrQvJZr»''',
      '''event = stripe.Webhook.construct_event(payload, sig_header, "«whsec_XdQUNvmNomNJ8OBcDy0Yo2mR6zQ573KBPb0ByT25»")''',
    ]
    negativeExamples = [
      '''STRIPE_WEBHOOK_SECRET = whsec_GuHcsWI9DKeKIUrS5neE5msJx54cloh''',
      '''STRIPE_WEBHOOK_SECRET = whsec_...''',
      '''STRIPE_WEBHOOK_SECRET = whsec_nAvZelnSAYaI66wxWK2my87CGJ6ii5_hVpF''',
    ]

    [[rules]]
    id = "azure-ad-client-secret"
    title = "Microsoft Entra ID (Azure AD) client secret"
    description = "A Microsoft Entra ID application client secret (40 characters with Q~ after the fourth) obtains tokens as the application, with every Microsoft Graph and Azure permission granted to it. Delete it under App registrations > Certificates & secrets and add a new secret or, better, a certificate or federated credential."
    severity = "high"
    keywords = ["Q~"]
    regex = '''(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])'''
    entropy = 3.5
    references = ["https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials", "https://learn.microsoft.com/en-us/entra/identity-platform/security-best-practices-for-app-registration#credential-configuration"]
    tags = ["azure", "entra", "cloud"]
    examples = [
      '''AZURE_CLIENT_SECRET = «j048Q~aLLabybzFmIU0sPjoFZoOhNFQkcih8Cl1C»''',
      '''"ClientSecret": "«dFx7Q~88tzgozz_Y9WZhmMjWzSlyGJeLHV3v4»",''',
    ]
    negativeExamples = [
      '''AZURE_CLIENT_SECRET = 4iQ8Q~zjYI0N5EW9TmAc4Fs4jOoYK1oM-Hs0''',
      '''AZURE_CLIENT_SECRET = a7S8Q~9bZFr0wIXNFyFbREbVhXeJeaJlgwqg0idYB''',
      '''AZURE_CLIENT_SECRET = jfGxQ~_sjsvOgeIXmAW0zZx9YQaKmO0fApLEx8Qh''',
    ]

    [[rules]]
    id = "planetscale-token"
    title = "PlanetScale service token, password or OAuth token"
    description = "A PlanetScale service token (pscale_tkn_), database password (pscale_pw_) or OAuth token (pscale_oauth_) manages the organisation's databases or connects to a branch with the password's role. Delete the service token or password (or revoke the OAuth grant) in the PlanetScale dashboard."
    severity = "high"
    keywords = ["pscale_tkn_", "pscale_pw_", "pscale_oauth_"]
    regex = '''(?<![A-Za-z0-9_])(pscale_(?:tkn|pw|oauth)_[A-Za-z0-9_.=-]{32,64})(?![A-Za-z0-9_.=-])'''
    entropy = 3.5
    references = ["https://planetscale.com/docs/concepts/service-tokens", "https://planetscale.com/docs/concepts/connection-strings"]
    tags = ["planetscale", "database"]
    examples = [
      '''PLANETSCALE_SERVICE_TOKEN = «pscale_tkn_qL2HZLjuH8_5A8TJObWZgWNvB7G4GGGmIzCeTimapa8»''',
      '''DATABASE_URL = "mysql://app9x2:«pscale_pw_yZ13J8eZJdQ32jhsH7HBkyC2oIwtgmd7ck-RhBGhf27»@aws.connect.psdb.cloud/shop?sslaccept=strict"''',
    ]
    negativeExamples = [
      '''PLANETSCALE_SERVICE_TOKEN = pscale_tkn_yg4z8JM8g3P_giS4XUqCNJI7nOGPOMR''',
      '''PLANETSCALE_SERVICE_TOKEN = pscale_tkn_gLhl0ngn2t79gAZDWwokAQl4rMcJF5syqvDhgeTrVLfPvxJ9dggo6qUMePooidT4X''',
      '''PLANETSCALE_SERVICE_TOKEN = pscale_key_Sdc2pKn2xpx3Czr-jb78J34niefaj8Qxak_-2WH2pY5''',
    ]

    [[rules]]
    id = "mapbox-secret-token"
    title = "Mapbox secret access token"
    description = "A Mapbox secret token (sk.eyJ…) has secret scopes such as uploading tilesets, managing styles and creating tokens for the account. Delete it on the Access tokens page of the Mapbox account; public tokens (pk.) are meant for clients and are not reported."
    severity = "high"
    keywords = ["sk.eyJ"]
    regex = '''(?<![A-Za-z0-9_.-])(sk\.eyJ[A-Za-z0-9_-]{20,200}\.[A-Za-z0-9_-]{20,40})(?![A-Za-z0-9_.-])'''
    entropy = 4.0
    references = ["https://docs.mapbox.com/help/dive-deeper/access-tokens/", "https://docs.mapbox.com/api/accounts/tokens/"]
    tags = ["mapbox", "maps"]
    examples = [
      '''MAPBOX_SECRET_TOKEN = «sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6IxI_7rs2Z9XOpuTMbcbBqsrKOkLdEXY.jXL-YMEx4_Sii5ePKrtAss»''',
      '''mapbox_token: "«sk.eyJ1IjoiZmxlZXQiLCJhIjoim-9R3t_T6x635R4JUQu1jfNbv_ha.7PQuiex0CXA5rJNkj3jxur»"''',
    ]
    negativeExamples = [
      '''MAPBOX_PUBLIC_TOKEN = pk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6Iz7M8ExLrhDEsN89S9SBDEFvAsrBo4-.Y14E_EyHf_RbA9yUvgyZcq''',
      '''MAPBOX_SECRET_TOKEN = sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6Ik1BY0VfIfBlsWCknBqh2l9hdrvaGCU''',
      '''MAPBOX_SECRET_TOKEN = sk.eyJ1IjoiYWNtZS1tYXBzIiwiYSI6Ij0Qs5h3gQYUeNWSxGRnzD8zybaV1R3.C9KvxK6tOExzI-tZva-''',
    ]

    [[rules]]
    id = "private-key"
    title = "Private key (PEM / OpenSSH / PGP)"
    description = "A PEM-armoured private key (RSA, EC, DSA, PKCS#8, encrypted PKCS#8, OpenSSH or PGP): whoever holds it can impersonate the server, user or signer it belongs to, or decrypt what was encrypted to it. Replace the key pair, revoke any certificate or authorised-key entry for the old public key, and move the new key to a secret store."
    severity = "high"
    keywords = ["PRIVATE KEY"]
    regex = '''(?<!"private_key":\x20")(?<!"private_key":")(-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY((?: BLOCK)?)-----(?:\r?\n|(?:\\r)?\\n)(?:[\x20\t]*[A-Za-z][A-Za-z0-9-]*:[^\r\n\\]*(?:\r?\n|(?:\\r)?\\n))*(?:[\x20\t]*(?:\r?\n|(?:\\r)?\\n))?(?:[\x20\t]*[A-Za-z0-9+/=]{4,}(?:\r?\n|(?:\\r)?\\n))++[\x20\t]*-----END \2PRIVATE KEY\3-----)'''
    secretGroup = 1
    entropy = 4.5
    references = ["https://www.rfc-editor.org/rfc/rfc7468", "https://www.rfc-editor.org/rfc/rfc4880#section-6.2"]
    tags = ["private-key", "crypto"]
    window = "multiline"
    examples = [
      "«-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAwpXtF2Gh1cxEuDPTPswK4udtuqYF4LWCsIdj5/anVK5L5BHb\nsvg+QGkwF4yAZvZyaENMu/m9DhurrEn5sZKA3FSikQ0IpUFY8MVlP+3CmNjRT1bo\niwOfbcURix5h/sXkrwaz6JWm9BbRK4zBDYWb57IhPhe/+LsQ3xta1fM1XnZGRVi6\npcj0FPoYSkq2mrAvIbaKFCQjaqFK7PMtP3Nns13x==\n-----END RSA PRIVATE KEY-----»\n",
      "server_key: |\n  «-----BEGIN EC PRIVATE KEY-----\n  MHcCAQEEIBPrTy0+MzDgvUr3Mq9lVinB3h6qOXGjpYJvBsyxeqXJgtB7p1LdlxuP\n  cwkY8DjqLmPItyPbPyaSAnhPLFN9myKw5iHlV26E75AvS61GKlemngDMOEChYUtE\n  snUGl/VDq+a8cPch0vfowZoE==\n  -----END EC PRIVATE KEY-----»\n",
      "SSH_PRIVATE_KEY = \"«-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAAeZLx3fof+MhVHcQfMmRXxwpVlIsPIhQX0BrWwt7FX2Q3pY\\nkSWoqGIlc2I52ive8jWn15xCIeSqZGn2s+dB3AQfB6Z0kuRSCQJeYpTb97qAJZMgkYuvhb\\n+Itg75/vQUsLxE3zig5pF7MdvntIMB=\\n-----END OPENSSH PRIVATE KEY-----»\"",
      "«-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,4AA69D9FC216734E71DA764A42BF64BE\n\nHiAXIxsSt5mYMlNFMm1R3o9gn4Nn+Gk5XyODVQt53Z/KbdXMAv6x0OIhvLRA5YLf\nT2oan5AcmdHiBOln3GUjCNFc7L3mEIPH/F6ZrHniaFIrR65hEBp+rcCqGElL/KXP\n-----END RSA PRIVATE KEY-----»",
      "«-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQww9V9hBu5RmidBeFi6svwT\n1/FNCYrBe3s/llNPQgKCoMKmxl2E4zImQ3v4dLwNAoPzxHvSjEHLV1iA3FPlSDcb\n-----END ENCRYPTED PRIVATE KEY-----»",
      "«-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBG6cVMVdr6CrTAdSqTfYwIGispDelBTKSz6+76gvbTKj6/eY3rkMRKArIsOb\n47q+Pl20cupqJ5s/RSvFYn3QGXrb/AhwW0caOck1rV2mnLkBd6EzIXH7OlAnPagi\n=zkyl\n-----END PGP PRIVATE KEY BLOCK-----»",
      "«-----BEGIN DSA PRIVATE KEY-----\nMIIBuwIBAAKBgQmmVlYiGtrxVyX5xnu/+hqFLWK3YTGGgWjuxPtg0EcWkccgwFzE\naWs8BI6TiIOf+rSZdBvaDGZN6G2V7fRRqUqKZpDI1njDRDdUmXh9A03w8LltZ+g5\n-----END DSA PRIVATE KEY-----»",
    ]
    negativeExamples = [
      "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAO0aNLbN2tCYxl9FHdh2T\nFHFc2C7EfQxE1ZJiRSPzpd0hFXPILMdM++ofupLN1g9FsPdFuTmcM6F+1ZxzYBYW\n-----END PUBLIC KEY-----",
      "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE8i783IoxoVOHm8V6TEk89F3FrXpxK5pCGAJtoc2br0kL\nCseMUk7Lqvwdd/I+U4D5Ov3CNsn1YHqtv9JTK+lrBUjyoP2J7je+P2MQccz3gVOC\n-----END CERTIFICATE-----",
      "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
      "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGdLznIr1XI2eQJ0FkWkUJJGd9/32vcPeeP3ftT+kdMi97znXO4GVBvqKDbq\n56KLZRlelGep6Rgre4z0+rgclOteOYGeWmllmEj8km1vG84GG1L52i5p+Y5kewLb\n-----END PGP PUBLIC KEY BLOCK-----",
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAHRIpAhdZuIjKPbC2tQEphkn45bIQXZrCcG2LkDlG6F2OriwK\ncRqz1j9fS2LKwihloEtCY7SDi+CDsEN/mQa3d9wFJUauxS84DpyL4aCv5IpUI2Vy\n-----END EC PRIVATE KEY-----",
      "-----BEGIN RSA PRIVATE KEY-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END RSA PRIVATE KEY-----",
    ]

    [[rules]]
    id = "jwt"
    title = "JSON Web Token"
    description = "A signed JSON Web Token is a bearer credential: until it expires, anyone holding it acts as its subject with its claims, and long-lived service tokens often never expire. Revoke the session or rotate the issuer's signing key, and keep tokens out of logs and code."
    severity = "medium"
    keywords = ["eyJ"]
    regex = '''(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_.-])'''
    entropy = 4.0
    references = ["https://www.rfc-editor.org/rfc/rfc7519", "https://www.rfc-editor.org/rfc/rfc7515#section-7.1"]
    tags = ["jwt", "bearer-token"]
    examples = [
      '''ACCESS_TOKEN = «eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTMzOTU2MyIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTczNTY4OTYwMCwiZXhwIjoxNzY3MjI1NjAwfQ.aHQEyNLCzZJwYXJ5F2xfTmoqpQYplJZYSVZMGcjtzUf»''',
      '''Authorization: Bearer «eyJhbGciOiJSUzI1NiIsImtpZCI6Ims3UW0yIn0.eyJpc3MiOiJiaWxsaW5nIiwic3ViIjoic3ZjLWxlZGdlciIsInNjb3BlIjoicGF5bWVudHM6d3JpdGUiLCJpYXQiOjE3NDEzOTIwMDB9.cb1E-xFX27N4zLPu2ES-bStPS849wr5SMpRwyZGVdki8RaLadRxiF3zU-gzNhR2BGkPBDLgQbeu_TrrjF3c8r_XcjWez4dpNsGrczQeJ3uh9_m4lo61IRlVn5wcmPCZUetbn3t8kZdKnRAYVpZBG10RcE0-L06Oh7GzG1PhNTGPz19IcCX80s2zTkg_UjPeD9H0pBRbYRhFRrjtrr_RvtCni34Rrzlzqwpit8IZBx_6Ck1Em2mjslfAQaM4HQxAZielFBMX2Zb1j_wlb2C8d4bRCCIMdOLN4iB-6pME_ApL59zLPeCeDOzYNP7O8Skf4GEJ9u-vOz4U4P9z7eopmIN»''',
    ]
    negativeExamples = [
      '''ACCESS_TOKEN = eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1c2VyLTMzOTU2MyIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTczNTY4OTYwMCwiZXhwIjoxNzY3MjI1NjAwfQ.''',
      '''header = eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9''',
      '''ACCESS_TOKEN = eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTMzOTU2MyIsInJvbGUiOiJhZG1pbiIsImlhdCI6MTczNTY4OTYwMCwiZXhwIjoxNzY3MjI1NjAwfQ.ZmPIWqU1gvqoy311ur8''',
      '''JWE = eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.-kuJ4Utu9vJ6wkDy-ujcYIinqXZbxz1FgVBj0n96tEO-nBn6odTEzARh89zp.ekC_N7p6K8Rki3Y1.hzVzgG4SLrvjS84wCSI048GR3RW7Ub8JHG6ViIc4.RtQcml3gClPuI695dsmd9J''',
      '''token = eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.Jquy_uPZCdStfkwFVJFu1Dxfvd4KvwXcDxb4ZGi0kkf''',
    ]
    [[rules.allowlists]]
    description = "tokens from the JWT specification, jwt.io and library documentation ({\"sub\":\"1234567890\",\"name\":\"John Doe\"…}, {\"some\":\"payload\"}, {\"iss\":\"joe\"…})"
    stopwords = ["eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwi", "eyJzb21lIjoicGF5bG9hZCJ9", "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"]

    [[rules]]
    id = "generic-api-key"
    title = "Generic API key or secret assignment"
    description = "A high-entropy literal assigned to a key named like api_key, secret, token, access_key, auth_token or an application/encryption/signing key, whose provider no specific rule recognises. Find out which service or application issued it, revoke or rotate it there, and load it from the environment or a secret store instead of the source."
    severity = "low"
    keywords = ["secret", "token", "apikey", "api_key", "api-key", "api.key", "accesskey", "access_key", "access-key", "access.key", "authkey", "auth_key", "auth-key", "privatekey", "private_key", "private-key", "clientkey", "client_key", "client-key", "appkey", "app_key", "app-key", "app.key", "encryptionkey", "encryption_key", "encryption-key", "decryptionkey", "decryption_key", "validationkey", "validation_key", "signingkey", "signing_key", "signing-key", "masterkey", "master_key", "master-key", "sessionkey", "session_key"]
    regex = '''(?<![\w.-])[\w.-]*?(?i:(?:api|access|auth|secret|private|client|app|encryption|decryption|validation|signing|master|session)[_.-]?(?:key|token|secret)|apikey|secret|token)(?:["']?[\x20\t]*(?::=|=>|[:=])|["'][\x20\t]*,)[\x20\t]*(?|"(?:base64:)?((?=[^"\s]*[0-9])(?=[^"\s]*[A-Za-z])[^"\s]{16,128})"|'(?:base64:)?((?=[^'\s]*[0-9])(?=[^'\s]*[A-Za-z])[^'\s]{16,128})'|(?:base64:)?((?=[\w\-+/=.~!@#$^*]*[0-9])(?=[\w\-+/=.~!@#$^*]*[A-Za-z])[\w\-+/=.~!@#$^*]{20,128})(?![\w\-+/=.~!@#$^*]))'''
    secretGroup = 1
    entropy = 3.5
    references = ["https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html"]
    tags = ["generic", "fallback"]
    yields = "any-other-rule"
    examples = [
      '''api_key = "«pmwOdRRfBZY9lZ191Fawi3rlu6N80yMh»"''',
      '''CLIENT_SECRET: «45rVWrF4oPcNd4Fc1U-VSop1WidIv_h3LEHQm4Qc»''',
      '''const authToken = '«ph94uxg7nThmmWX0Fuykwaf9»';''',
      '''config.secret := "«BrF4sctl112ap8vco9mdcCG6kOIevbXcq8+I6gCpQsTL»"''',
      '''APP_KEY=base64:«rtvxBVD1cmFCfMEOG9Wu5QXOnXIENEmUGZE5W5cg9kR=»''',
      '''SECRET_KEY = "«k9#w37lifcog35zv$x*1rjepgcat8!q@wj60kuqqaxwmbk^z»"''',
      '''define( 'AUTH_KEY',         '«NvZuvyYPXN%N{F+M0XInySwNP8p*l_1](pYKXPA3SCfJgIdJh{»' );''',
      '''<machineKey validationKey="«9A47E0F04431DA4A43F5D94C9E422F0628FD254D72D7E52B3BA89F4CCDDCFEB7FF397F40485A8D18C8CDA01CE5D07CD9493FE51BBB9F4B860B5DB9B5ABB2228F»" decryption="AES" />''',
    ]
    negativeExamples = [
      '''api_key = "a52752b4-2b33-43e7-a1c3-d35776f4a2c9"''',
      '''token = "30afcf6f9c7761d2f001488f0a6394b3117e04af"''',
      '''api_key = "your_api_key_here_123"''',
      '''secret = "${APP_SECRET}"''',
      '''secret = "aaaaaaaaaaaaaaaa1"''',
      '''token = "ghp_z4Igxe4w66oaHn8ojj37yU7uit4IJRMEX84S"''',
      '''api_key = "T15T70DTDdA560e"''',
      '''token_type = "bearer_token_v2_refresh"''',
      '''CLOUDFLARE_API_TOKEN = "dmconDD6bDcgZpiZYe9trQ6gNLiYwwUrsSJlB9Wz"''',
      '''aws_secret_access_key = "5k8vhhAbda6BPaHYk0xPMN8BhJCpxK1mI+1GTncS"''',
      '''X-Auth-Secret: mX2MTnL4geSIahWVWkskKF9DMEZmsIapEPN39KQFg39KoIvQjC''',
      '''secret = r0bmq6ie5wpirhy0vxin4da1wqolw7rsz6fa1bmhpu1nw7rjg4''',
      '''DISCORD_BOT_TOKEN = "MSI3y4hwuNSmRhAlUxTt4XEob3.zDJ38u.I3xRVIixWxfn2Nzh6RouqpaFAW0bpiyP4Un-xS"''',
      '''MAILCHIMP_API_KEY = "fdd03806c4c0c685f89f623df458cd06-us21"''',
      '''ApiKey = "SK3cc49cee20ab1a8c141de6e4b172011d"''',
      '''AZURE_CLIENT_SECRET = "vns8Q~w0CluZn3HiCvIhKQMsBgaOhvNSvMJZFmAv"''',
      '''secret_store = "https://vault.internal:8200/v1/kv/data/app1"''',
      '''client_secret_file = "/etc/oauth2/client_secret_2024.json"''',
      '''sign(secret, "release-2024-11-28-build42")''',
      '''  secret_key = "K4kbpFdZvQNxRpcjgtj20r5aqPUpY+mqiXC7zpdt"''',
      '''apiKey = tenantSettings.primaryApiKeyV2''',
      '''Location: https://client.example.com/cb#access_token=2YotnFZFEjr1zCsicMWpAA&state=xyz''',
      '''https://api.acme.io/v1/items?token=k2j4h5g6l8m9n1p3q5&page=2''',
    ]
    [[rules.allowlists]]
    description = "placeholders and documentation values (including the OAuth 2.0 / OpenID Connect specifications' example tokens)"
    stopwords = ["example", "placeholder", "changeme", "change_me", "your_", "your-", "xxxxxx", "dummy", "sample", "redacted", "notreal", "replace", "insert", "2YotnFZFEjr1zCsicMWpAA", "tGzv3JOkF0XG5Qx2TlKWIA", "SlAV32hkKG", "8xLOxBtZp8", "i1WsRn1uB1"]
    [[rules.allowlists]]
    description = "UUIDs, dotted identifiers, URLs and paths, 50-character Sirportly secrets (sirportly-secret reports them), and values a provider-specific rule reports better"
    regexes = [
      '''^[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$''',
      '''^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)+$''',
      '''^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+(?:\(\))?$''',
      '''://''',
      '''^(?:/|\./|\.\./|~/|[A-Za-z]:\\)[\w./\\-]+$''',
      '''^[A-Za-z0-9]{50}$''',
      '''^[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}$''',
      '''^[0-9a-f]{32}-(?:us[0-9]{1,2}|[0-9a-f]{8}-[0-9a-f]{8})$''',
      '''\.atlasv1\.''',
      '''^SK[0-9a-fA-F]{32}$''',
      '''^(?:gh[pousr]_|github_pat_|glpat-|glrt-|glptt-|xox[bpa]-|xapp-|[sr]k_live_|AIza|SG\.|key-|npm_|pypi-|rubygems_|oy2|dckr_pat_|HRKU-|shp(?:at|ca|pa|ss)_|ATATT3|sk-|hf_|do[op]_v1_|dapi|NRAK-|sntry[su]_|v1\.0-|hv[sb]\.|PMAK-|EAAA|sq0(?:atp|csp)-|lin_api_|ntn_|secret_|gl(?:c|sa)_|dp\.|pul-|sbp_|AGE-SECRET-KEY-1|AKIA|ASIA|eyJ|-----BEGIN|gldt-|whsec_|pscale_|sk\.eyJ|[A-Za-z0-9_~.]{3}\dQ~)''',
    ]
    [[rules.allowlists]]
    description = "hex digests (a hex value counts only under a key that names a key: validationKey, encryption_key, signing_key, master_key…)"
    regexTarget = "match"
    regexes = [
      '''^(?![\w.-]*?(?i:(?:validation|decryption|encryption|signing|master)[_.-]?key))[^=:,]*?(?::=|=>|[:=,])[\x20\t"']*(?:base64:)?[0-9a-fA-F]+["']?$''',
    ]
    [[rules.allowlists]]
    description = "assignments whose key names a provider or header with its own rule (AWS secret key, including a 40-character secret_key as in Terraform's AWS provider, Cloudflare, PagerDuty, Datadog, Twilio, Heroku, Mailgun, New Relic, Sirportly headers)"
    regexTarget = "match"
    regexes = [
      '''^(?i:secret[_.-]?key)["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?[A-Za-z0-9/+]{40}["']?$''',
      '''(?i)aws[\w.-]{0,30}?secret|secret[_.-]?access[_.-]?key|cloudflare|cf[_.-]api|pagerduty|datadog|dd[_.-]ap[ip]|twilio|heroku|mailgun|new[_.-]?relic|sirportly|x-auth-(?:secret|token|application)''',
    ]
    """#
}
