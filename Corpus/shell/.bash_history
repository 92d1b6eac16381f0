cd ~/src/helpdesk-sync
git pull --rebase
bundle exec rake sirportly:sync
export SIRPORTLY_TOKEN=67e81c1c-c4f4-82ac-03ee-476af3ebbf36
export SIRPORTLY_SECRET=zaxwvxh5xpvwfdgn3q471lwqrmhg5uhq7r1wnywgbsdomifck2
bundle exec rake sirportly:sync
mysql -u root -pglacier-velvet-copper-96 helpdesk_production -e 'select count(*) from tickets'
psql "postgresql://reporting:Lantern1993*@db.internal.example.com:5432/warehouse" -c '\dt'
curl -u admin:Harbor1976! http://localhost:15672/api/queues
export GITHUB_TOKEN=ghp_kpJ1T5Bl03ZHP4dV2TupvT2FKvwdD5DjaoLg
gh pr list
export AWS_ACCESS_KEY_ID=AKIABVZZNXMBFMYRBSZP
export AWS_SECRET_ACCESS_KEY=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
aws s3 ls s3://helpdesk-exports/
export SIRPORTLY_TOKEN=$(vault kv get -field=token secret/sirportly)
export SIRPORTLY_SECRET=$(op read "op://Ops/Sirportly/secret")
mysql -u root -p helpdesk_production
docker run --rm -e SIRPORTLY_TOKEN -e SIRPORTLY_SECRET helpdesk-sync:latest
git log -1 --format=%H  # 567a195ec528ef51e51bbaced9cb7ae691716459
sha256sum helpdesk-sync.tar.gz  # cf2d70dc60d8e4e7c549887560ca9b3423005c08686f052d4b72ec4afbd49f16
uuidgen  # CE672A82-DED0-429C-B639-F66E832884B3
history | grep sirportly
