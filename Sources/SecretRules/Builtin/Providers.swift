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
    description = "A PEM private key in a JSON private_key field, as in a Google Cloud service-account key file; it signs tokens for the service account, with every IAM role it holds in the project. Delete the key under IAM & Admin > Service accounts > Keys (gcloud iam service-accounts keys delete) and prefer workload identity over key files."
    severity = "high"
    keywords = ["private_key"]
    regex = '''"private_key"[\x20\t]*:[\x20\t]*"(-----BEGIN (?:RSA )?PRIVATE KEY-----(?:\\[nr])+[A-Za-z0-9+/]{40}(?:[A-Za-z0-9+/=]|\\[nr])*+-----END (?:RSA )?PRIVATE KEY-----)(?:\\n)?"'''
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
    regex = '''(?|(?i:twilio[\w.-]{0,20}?(?:auth)?[_.-]?token)["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([0-9a-f]{32})(?![A-Za-z0-9_])|(?i:Client)\([\x20\t]*["']AC[0-9a-f]{32}["'][\x20\t]*,[\x20\t]*["']([0-9a-f]{32})["'])'''
    entropy = 3.0
    references = ["https://www.twilio.com/docs/iam/api/authtoken", "https://www.twilio.com/docs/usage/secure-credentials"]
    tags = ["twilio", "messaging"]
    examples = [
      '''TWILIO_AUTH_TOKEN = «d08853b52ce7bcabd10624a0b08b3da9»''',
      '''twilio_client = twilio.rest.Client("AC8dfa0d7718607a86ae5b0329ffa776a6", "«21b86091333215d91503c84641229818»")''',
      '''twilio.authToken: "«b48fee4eaa15868701bf45e1a8da3fa8»"''',
    ]
    negativeExamples = [
      '''TWILIO_AUTH_TOKEN = 96efe8c3138614a8c04960cb7b1c67d''',
      '''TWILIO_AUTH_TOKEN = your_auth_token''',
      '''TWILIO_ACCOUNT_SID = AC49d8b425e4acc0a8e8bedc10ca268a5c''',
      '''TWILIO_AUTH_TOKEN = a411275f7fdfecb7c44c2bc361312d149''',
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
    regex = '''(?|(?<![A-Za-z0-9_-])(HRKU-AA[0-9A-Za-z_-]{58})(?![A-Za-z0-9_-])|(?i:heroku[\w.-]{0,20}?(?:api[_.-]?key|token|auth[\w.-]{0,10}?))["']?[\x20\t]*(?::=|=>|[:=])[\x20\t]*["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-]))'''
    entropy = 3.0
    references = ["https://devcenter.heroku.com/articles/authentication", "https://help.heroku.com/PBGP6IDE/how-should-i-generate-an-api-key-that-allows-me-to-use-the-heroku-platform-api"]
    tags = ["heroku", "cloud"]
    examples = [
      '''HEROKU_API_KEY = «HRKU-AAczal_gjNO-dpgWrISFmrg7kgCfBaekBQAbZqvaav_____wOGjDUU4VPP4K»''',
      '''HEROKU_API_KEY = «617f1b45-1f13-49a3-a6ab-aea2a0210b4d»''',
      '''heroku_token: "«HRKU-AAycjFPSxunCYzT44t7yKvglZViZPCm90yGVs0Hb2wqtHV_5oorOsnRvs2qw»"''',
    ]
    negativeExamples = [
      '''HEROKU_API_KEY = HRKU-AAup0kdsacwaQGV4BSooT3yYoXZHPbAfWOzjhBFTywEo-Ixkpa3DjQ9AgXO''',
      '''HEROKU_APP_ID = 0169e3f4-1d0e-4641-a917-f8b1e77c6204''',
      '''request_id = 71a3ee4f-2c2e-424b-a573-005a50ce21eb''',
      '''HEROKU_API_KEY = HRKU-AAx_Rf2G88zzgqZrqjQKicmwJDcEtxCKsv1yR03XY28IC2ivANB8MHIonqiRu''',
    ]
    [[rules.context]]
    near = ["heroku", "HRKU-"]
    linesBefore = 2
    linesAfter = 2
    """#
}
