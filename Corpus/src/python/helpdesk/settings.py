import os

SECRET_KEY = "f1y=hv#kd*77vng#v^s=+^t1k43#-(*xll4$1o+vq-88xnq&l+"
DEBUG = False
ALLOWED_HOSTS = ["helpdesk.example.com"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "helpdesk",
        "USER": "helpdesk",
        "PASSWORD": "zYibV%jWFDrRUSi6mrW",
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
    "BRAND": "239b86ca-a85d-4afd-bca6-7ea3a592c054",
}
EMAIL_HOST_PASSWORD = "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"
