#!/bin/sh
# Vigil fixture: shell script. Every value is fake.
# vigil-expect: hardcoded-secret
export API_TOKEN="c2b9f1e07d3a4c58b6e1f0a9d2c7e4b3"
# vigil-ok: hardcoded-secret
export API_TOKEN="$(vault kv get -field=token secret/reporting)"
# vigil-expect: hardcoded-secret
curl -H "Authorization: Bearer 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" https://api.vigil.invalid/
# vigil-ok: hardcoded-secret
curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.vigil.invalid/
# vigil-expect: hardcoded-secret
mysql --user=reporting --password=Pw9-vigil-FixtureDefault app < dump.sql
# vigil-ok: hardcoded-secret
mysql --user=reporting --password="$DB_PASSWORD" app < dump.sql
# Credentials on a command line.
# vigil-expect: hardcoded-secret
curl -u deploy:Vg9-curlUser-Fixture21 https://api.vigil.invalid/releases
# vigil-ok: hardcoded-secret
curl -u "deploy:${DEPLOY_PASSWORD}" https://api.vigil.invalid/releases
# vigil-ok: hardcoded-secret
docker run -u 1000:1000 app
# vigil-expect: hardcoded-secret
mysqldump -h db.vigil.invalid -u backup -pVg9-mysqlDump-Fixture33 reporting > dump.sql
# vigil-ok: hardcoded-secret
mysql -h db.vigil.invalid -u backup -p reporting
# vigil-ok: hardcoded-secret
mysql -u backup -p"$MYSQL_PASSWORD" reporting
