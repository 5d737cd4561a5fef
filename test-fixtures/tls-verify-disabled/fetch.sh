#!/bin/sh
set -eu
# vigil-expect: tls-verify-disabled
curl -k "https://artifacts.example/releases/$VERSION/app.tgz" -o app.tgz
# vigil-expect: tls-verify-disabled
out=$(curl -sS --insecure https://status.example/health)
# vigil-expect: tls-verify-disabled
/usr/bin/curl --proxy-insecure -x https://proxy.example:3128 https://api.example/
# vigil-expect: tls-verify-disabled
wget --no-check-certificate -O app.tgz "https://artifacts.example/app.tgz"

# Older releases were fetched with curl -k https://artifacts.example/, which skipped verification.
# vigil-ok: tls-verify-disabled
curl -sS --cacert ./ca.pem https://artifacts.example/app.tgz -o app.tgz # not curl -k
# vigil-ok: tls-verify-disabled
kubectl --insecure-skip-tls-verify get pods
# vigil-ok: tls-verify-disabled
curl -sS https://api.example/ --insecure-skip-this-is-not-a-curl-option
# vigil-ok: tls-verify-disabled
wget --no-check-certificates-is-not-an-option https://artifacts.example/
# vigil-ok: tls-verify-disabled
curl -sS https://api.example/ -o out.json; tar -k -xf out.tgz
# vigil-ok: tls-verify-disabled
echo 'curl is called with "-k" nowhere' && libcurl-config -k
