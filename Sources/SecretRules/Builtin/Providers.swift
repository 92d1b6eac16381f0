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
    keywords = ["aws", "secretaccesskey", "secret_access_key", "secret-access-key"]
    regex = '''(?i:(?:aws[\w.-]{0,30}?secret|secret[_-]?access[_-]?key)[\w.-]{0,20}?)["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])'''
    entropy = 4.0
    pairWith = "aws-access-key-id"
    references = ["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"]
    tags = ["aws", "cloud"]
    examples = [
      '''aws_secret_access_key = «EOxxhogALybtWt4GvfTUVS9r9p4o0wqpHIzgpT60»''',
      '''AWS_SECRET_ACCESS_KEY: "«44BBSepJYmneZWAIMeHJo8i2KY1DHU3ALNUF/8ws»"''',
      '''"SecretAccessKey": "«/KzJl8fkp6dYr39nn14qQYSZx5oWNSaJ9CDAYOgy»",''',
      '''$awsSecret => '«zVK9AlSNYoO3ZyRvELbaRYBxw+/a2sLBupReBRpT»';''',
    ]
    negativeExamples = [
      '''aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY''',
      '''aws_secret_access_key = JCj43TpyXDpOcDF+qSqfCt7Cc5Y+bF1snhWtznO''',
      '''aws_secret_access_key = qjcp2QEFjIjWba3Ak67fRIYtOkAtCIhyv1ZIJiN9d''',
      '''secret = "tpYQBPmQln/Pe8n2pKsCM2I51Yo6nyaNOyUDvwSa"''',
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
    """#
}
