local sirportly = {
  token = "a05b6ddc-cfe8-0e91-6280-8e1943b95796",
  secret = "hwxr427gg8jii9kojt0vsmf7omoxqbi0tz380adm4tf5ba7op1",
  base = "https://support.example.com",
}
return sirportly
