library(httr)
sirportly_token <- "248f9ae2-a251-0215-256e-bff38ae9493f"
sirportly_secret <- "ol43o4zfc00ek5otvzt02vv4ckimsflspuhxkgwqi53tjt49ok"
resp <- GET("https://support.example.com/api/v2/tickets/all",
            add_headers(`X-Auth-Token` = sirportly_token, `X-Auth-Secret` = sirportly_secret))
