import os

SECRET_KEY = "6mvy#xw22uq$(uicq*ew!&f#9@80(5t@fvu_vdbwxxs@m$8+^j"
DEBUG = False
ALLOWED_HOSTS = ["helpdesk.example.com"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "helpdesk",
        "USER": "helpdesk",
        "PASSWORD": "Rocket!Ember9146",
        "HOST": "pg-primary.internal",
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": os.environ.get("REPLICA_DB_PASSWORD", ""),
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]

SIRPORTLY = {
    "TOKEN": "1ab34abc-9f64-f09f-1538-cead8699513a",
    "SECRET": "cgw8ksi4w3ityuv4u70uc0bhsounc419c4hu4hmnjubbldnzsc",
    "BRAND": "ab03f4c8-520e-411d-8a3f-535d6c3f1e28",
}
EMAIL_HOST_PASSWORD = "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"
