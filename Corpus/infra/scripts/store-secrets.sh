#!/usr/bin/env bash
set -euo pipefail
aws ssm put-parameter --name /helpdesk/prod/smtp_password --type SecureString --value 'Glacier1977*' --overwrite
aws ssm put-parameter --name /helpdesk/prod/db/password --type SecureString --value "$DB_PASSWORD" --overwrite
az keyvault secret set --vault-name helpdesk-kv --name ldap-bind-password --value 'quartz-saffron-juniper-62'
echo -n 'quartz-pixel-glacier-83' | gcloud secrets create helpdesk-redis-password --data-file=-
gcloud secrets versions access latest --secret=helpdesk-redis-password
