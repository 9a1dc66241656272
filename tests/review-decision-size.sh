#!/usr/bin/env bash
# What a review decision costs on the wire: the bytes of /documents/3 (the largest seed document) in review mode,
# then of accepting its first suggestion, rejecting its second and deleting the accepted claim, as the reader's htmx sends them.
# Builds nothing: run `dotnet build src/Tracker.Web` first. Starts the app on PORT with a throwaway database.
# Usage: tests/review-decision-size.sh [PORT]
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd); port=${1:-5391}; dir=$(mktemp -d); jar=$dir/cookies; url=http://127.0.0.1:$port
cd "$dir"
Tracker__DataDirectory=$dir/data Tracker__AdminEmail=admin@example.org Tracker__AdminPassword='measure review decisions' \
  dotnet run --no-build --no-launch-profile --project "$repo/src/Tracker.Web" -- --urls $url >"$dir/app.log" 2>&1 &
app=$!
trap 'kill $app; wait $app 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 120); do curl -fs -o /dev/null "$url/account/sign-in" && break; sleep 1; done
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
t=$(curl -s -c "$jar" -b "$jar" "$url/account/sign-in" | token)
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$t" \
  --data-urlencode "Input.UserName=admin@example.org" --data-urlencode "Input.Password=measure review decisions" "$url/account/sign-in"
page_time=$(curl -s -c "$jar" -b "$jar" "$url/documents/3?review=true" -o "$dir/page.html" -w "%{time_total}")
echo "GET /documents/3?review=true: $(wc -c <"$dir/page.html") bytes, $page_time s, $(grep -o 'class="suggestion-card' "$dir/page.html" | wc -l) suggestions"
# htmx sends the page's antiforgery token (in <body hx-headers>) as a header.
t=$(grep -o 'RequestVerificationToken&quot;:&quot;[^&]*' "$dir/page.html" | head -1 | sed 's/.*&quot;:&quot;//')
keys=$(grep -o 'data-key="[^"]*"' "$dir/page.html" | sed 's/data-key="//;s/"$//' | head -2)
for handler in Accept Reject; do
  key=$(echo "$keys" | sed -n "$([ $handler = Accept ] && echo 1 || echo 2)p")
  size=$(curl -s -b "$jar" -H "HX-Request: true" -H "RequestVerificationToken: $t" --data-urlencode "key=$key" \
    -o "$dir/$handler.html" -w '%{size_download} bytes, HTTP %{http_code}, %{time_total} s' "$url/documents/3?handler=$handler")
  echo "POST /documents/3?handler=$handler ($key): $size"
done
# A claim deleted in the reader: the accepted claim above, as the claim form's delete button sends it.
claim=$(grep -o 'data-claim="[0-9]*"' "$dir/Accept.html" | head -1 | sed 's/[^0-9]//g')
curl -s -b "$jar" -H "HX-Request: true" "$url/documents/3?handler=ClaimForm&claim=$claim" -o "$dir/form.html"
version=$(grep -o 'name="Input.Version" value="[^"]*"' "$dir/form.html" | head -1 | sed 's/.*value="//;s/"$//')
size=$(curl -s -b "$jar" -H "HX-Request: true" -H "RequestVerificationToken: $t" -H "HX-Current-URL: $url/documents/3?review=true" \
  --data-urlencode "Input.ClaimId=$claim" --data-urlencode "Input.Version=$version" \
  -o "$dir/Delete.html" -w '%{size_download} bytes, HTTP %{http_code}, %{time_total} s' "$url/documents/3?handler=DeleteClaim")
echo "POST /documents/3?handler=DeleteClaim (claim $claim): $size"
