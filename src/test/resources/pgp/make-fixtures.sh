#!/usr/bin/env bash
# Regenerates the OpenPGP test fixtures with GnuPG 2.2 (run from anywhere; writes beside this script).
#
#   keys/        healthy keys (public and, test-only, unprotected secret keys used to decrypt in tests)
#   corpus/      malformed or hostile keys and signatures; corpus/manifest.csv names the reason each
#                must be refused with (CorpusTests reads it)
#   statement.txt  the policy statement the signatures sign: a header, a blank line, then the policy text
#                verbatim from src/main/resources/catalogue/policy/2017-06-28.txt; PolicyAcceptanceServiceTests
#                checks that the service renders exactly this text for the input in statement-input.properties
#   statement-paraphrase.txt  the statement as it was before it carried the policy text (a paraphrase);
#                a signature over it must be refused
#
#   make-fixtures.sh             everything from scratch: new keys, corpus, statements, signatures
#   make-fixtures.sh statements  only the statements, the signatures over them and the signature corpus,
#                                made with the keys already in keys/ (after the statement format or the
#                                policy text changed; the fingerprints the tests know stay the same)
#
# Tests judge the fixtures at 2026-11-28T00:00Z (Fixtures.NOW): healthy keys are dated KEYS_AT and
# signatures that must verify SIGN_AT, both before it.
#
# Every secret key here is a throw-away test key with an empty passphrase: never use one for anything else.
set -euo pipefail

MODE="${1:-all}"
case "$MODE" in all|statements) ;; *) echo "usage: $0 [statements]" >&2; exit 2 ;; esac

HERE="$(cd "$(dirname "$0")" && pwd)"
KEYS="$HERE/keys"
CORPUS="$HERE/corpus"
POLICY="${POLICY:-$HERE/../../../main/resources/catalogue/policy/2017-06-28.txt}"
KEYS_AT=20261127T100000
SIGN_AT=20261127T120000
test -f "$POLICY" || { echo "no policy text at $POLICY" >&2; exit 1; }

export GNUPGHOME="$(mktemp -d)"
trap 'gpgconf --kill all >/dev/null 2>&1 || true; rm -rf "$GNUPGHOME"' EXIT
chmod 700 "$GNUPGHOME"
# no-auto-key-locate etc. keep gpg offline; SHA-1 must stay usable for the weak fixtures
cat > "$GNUPGHOME/gpg.conf" <<CONF
no-auto-key-locate
no-auto-key-retrieve
CONF

G=(gpg --batch --quiet --yes --pinentry-mode loopback --passphrase '')

fpr() { gpg --batch --with-colons --list-keys "$1" | awk -F: '/^fpr/ {print $10; exit}'; }

if [ "$MODE" = statements ]; then
  for who in ann bob carol; do "${G[@]}" --import "$KEYS/$who.sec.asc"; done
  ANN=$(cat "$KEYS/ann.fpr"); BOB=$(cat "$KEYS/bob.fpr"); CAROL=$(cat "$KEYS/carol.fpr")
else
rm -rf "$KEYS" "$CORPUS"
mkdir -p "$KEYS" "$CORPUS"

# --- healthy keys --------------------------------------------------------------------------
"${G[@]}" --faked-system-time "$KEYS_AT" --quick-gen-key 'Ann Example <ann@example.org>' ed25519 cert,sign never
ANN=$(fpr ann@example.org)
"${G[@]}" --faked-system-time "$KEYS_AT" --quick-add-key "$ANN" cv25519 encr never

"${G[@]}" --faked-system-time "$KEYS_AT" --quick-gen-key 'Bob Example <bob@example.org>' rsa3072 cert,sign never
BOB=$(fpr bob@example.org)
"${G[@]}" --faked-system-time "$KEYS_AT" --quick-add-key "$BOB" rsa3072 encr never

"${G[@]}" --faked-system-time "$KEYS_AT" --quick-gen-key 'Carol Other <carol@other.org>' ed25519 cert,sign never
CAROL=$(fpr carol@other.org)
"${G[@]}" --faked-system-time "$KEYS_AT" --quick-add-key "$CAROL" cv25519 encr never

for who in ann:$ANN bob:$BOB carol:$CAROL; do
  name=${who%%:*}; f=${who#*:}
  gpg --batch --armor --export "$f" > "$KEYS/$name.pub.asc"
  "${G[@]}" --armor --export-secret-keys "$f" > "$KEYS/$name.sec.asc"
  echo "$f" > "$KEYS/$name.fpr"
done

# --- unhealthy keys ------------------------------------------------------------------------
# expired primary: made in 2020, valid for one year
"${G[@]}" --faked-system-time 20200101T000000 --quick-gen-key 'Old Example <old@example.org>' ed25519 cert,sign 1y
OLD=$(fpr old@example.org)
"${G[@]}" --faked-system-time 20200101T000100 --quick-add-key "$OLD" cv25519 encr 1y
gpg --batch --armor --export "$OLD" > "$CORPUS/key-expired.asc"

# encryption subkey expired, primary still valid
"${G[@]}" --faked-system-time 20200101T000000 --quick-gen-key 'Sub Expired <subexp@example.org>' ed25519 cert,sign never
SUBEXP=$(fpr subexp@example.org)
"${G[@]}" --faked-system-time 20200101T000100 --quick-add-key "$SUBEXP" cv25519 encr 1y
gpg --batch --armor --export "$SUBEXP" > "$CORPUS/key-encryption-subkey-expired.asc"

# revoked primary: gpg 2.2 writes a revocation certificate on key creation; import it (the
# armor header line is escaped with a colon so that it cannot be imported by accident)
"${G[@]}" --faked-system-time "$KEYS_AT" --quick-gen-key 'Rev Example <rev@example.org>' ed25519 cert,sign never
REV=$(fpr rev@example.org)
"${G[@]}" --faked-system-time "$KEYS_AT" --quick-add-key "$REV" cv25519 encr never
# a signature made before the revocation, for the signature corpus
printf 'signed before revocation\n' > "$GNUPGHOME/before-rev.txt"
"${G[@]}" --faked-system-time "$KEYS_AT" --armor --detach-sign -u "$REV" -o "$CORPUS/sig-by-revoked-key.asc" "$GNUPGHOME/before-rev.txt"
sed 's/^:-----BEGIN/-----BEGIN/' "$GNUPGHOME/openpgp-revocs.d/$REV.rev" > "$GNUPGHOME/rev.asc"
"${G[@]}" --import "$GNUPGHOME/rev.asc"
gpg --batch --armor --export "$REV" > "$CORPUS/key-revoked.asc"
gpg --batch --armor --export "$REV" > "$KEYS/revoked.pub.asc"
echo "$REV" > "$KEYS/revoked.fpr"

# SHA-1 self and binding signatures
"${G[@]}" --faked-system-time "$KEYS_AT" --cert-digest-algo SHA1 --quick-gen-key 'Sha One <sha1@example.org>' ed25519 cert,sign never
SHA1=$(fpr sha1@example.org)
"${G[@]}" --faked-system-time "$KEYS_AT" --cert-digest-algo SHA1 --quick-add-key "$SHA1" cv25519 encr never
gpg --batch --armor --export "$SHA1" > "$CORPUS/key-sha1-bindings.asc"

# weak algorithms
"${G[@]}" --faked-system-time "$KEYS_AT" --quick-gen-key 'Weak Rsa <weak@example.org>' rsa1024 cert,sign never
WRSA=$(fpr weak@example.org)
"${G[@]}" --faked-system-time "$KEYS_AT" --quick-add-key "$WRSA" rsa1024 encr never
gpg --batch --armor --export "$WRSA" > "$CORPUS/key-rsa1024.asc"

"${G[@]}" --faked-system-time "$KEYS_AT" --quick-gen-key 'Old Dsa <dsa@example.org>' dsa1024 cert,sign never
DSA=$(fpr dsa@example.org)
"${G[@]}" --faked-system-time "$KEYS_AT" --quick-add-key "$DSA" elg1024 encr never
gpg --batch --armor --export "$DSA" > "$CORPUS/key-dsa1024-elg1024.asc"

# signing only: no encryption-capable key at all
"${G[@]}" --faked-system-time "$KEYS_AT" --quick-gen-key 'Sign Only <signonly@example.org>' ed25519 cert,sign never
SO=$(fpr signonly@example.org)
gpg --batch --armor --export "$SO" > "$CORPUS/key-signing-only.asc"

# several keys in one block, and a secret key
gpg --batch --armor --export "$ANN" "$CAROL" > "$CORPUS/key-two-keys.asc"
cp "$KEYS/ann.sec.asc" "$CORPUS/key-secret.asc"

# --- broken armor ----------------------------------------------------------------------------
GOOD="$KEYS/ann.pub.asc"
# bad CRC: replace the checksum line ("=XXXX" right before the END line)
awk '/^=....$/ {print "=AAAA"; next} {print}' "$GOOD" > "$CORPUS/key-bad-crc.asc"
# truncated: keep the first half of the base64 body and no END line
head -n $(( $(wc -l < "$GOOD") / 2 )) "$GOOD" > "$CORPUS/key-truncated.asc"
# truncated inside the packet but with a well-formed armor frame (no checksum line)
{ echo '-----BEGIN PGP PUBLIC KEY BLOCK-----'; echo
  sed -n '/^$/,/^=/p' "$GOOD" | grep -v '^=' | grep -v '^$' | head -n 3
  echo '-----END PGP PUBLIC KEY BLOCK-----'; } > "$CORPUS/key-truncated-packet.asc"
# binary (unarmored) key
gpg --batch --export "$ANN" > "$CORPUS/key-binary.gpg"
# random bytes, armored garbage, base64 with invalid characters, an empty block, plain text
head -c 2048 /dev/urandom > "$CORPUS/key-random-bytes.bin"
{ echo '-----BEGIN PGP PUBLIC KEY BLOCK-----'; echo; head -c 600 /dev/urandom | base64 -w 64
  echo '-----END PGP PUBLIC KEY BLOCK-----'; } > "$CORPUS/key-armored-random.asc"
{ echo '-----BEGIN PGP PUBLIC KEY BLOCK-----'; echo; echo 'mDMEZ!!!not*base64***@@@'
  echo '-----END PGP PUBLIC KEY BLOCK-----'; } > "$CORPUS/key-invalid-base64.asc"
printf -- '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n-----END PGP PUBLIC KEY BLOCK-----\n' > "$CORPUS/key-empty-block.asc"
printf 'this is my key, trust me\n' > "$CORPUS/key-plain-text.txt"
: > "$CORPUS/key-empty-file.txt"

fi

# --- statements and signatures -------------------------------------------------------------------
cat > "$HERE/statement-input.properties" <<PROPS
policyVersion=2017-06-28
list=linux-distros
distroName=Example Linux
requestId=0b1e4a52-7c1d-4f7e-9a0b-5d2f3c4e6a71
personName=Ann Example
email=ann@example.org
fingerprint=$ANN
date=2026-11-27
PROPS
# Must stay byte for byte what PolicyAcceptanceService#statement renders for the input above:
# the header block, one blank line, the policy text as the catalogue holds it.
{ cat <<TXT
Vouchsafe: acceptance of the (linux-)distros list policy
List: linux-distros
Request: 0b1e4a52-7c1d-4f7e-9a0b-5d2f3c4e6a71
Distro: Example Linux
Person: Ann Example <ann@example.org>
Key fingerprint: $ANN
Policy version: 2017-06-28
Date: 2026-11-27
By signing this text I accept the list policy below, in full and as published, on behalf of the distro above.

TXT
  cat "$POLICY"; } > "$HERE/statement.txt"
# The statement as served until it carried the policy text: a paraphrase that left rules out.
cat > "$HERE/statement-paraphrase.txt" <<TXT
Vouchsafe: acceptance of the (linux-)distros list policy

Policy version: 2017-06-28
Distro: Example Linux
Request: 0b1e4a52-7c1d-4f7e-9a0b-5d2f3c4e6a71
Person: Ann Example <ann@example.org>
Key fingerprint: $ANN
Date: 2026-11-27

I accept version 2017-06-28 of the list policy on behalf of Example Linux.
Information from the lists stays within the need-to-know of our security team until
the agreed disclosure date, the reporter's approval or substantially complete
publication, and is used only to fix our distro for its users. Should any of it
leak through us, we tell the reporter and the list at once, investigate, and report
the extent of the leak and the measures taken.
TXT
ST="$HERE/statement.txt"
S=("${G[@]}" --faked-system-time "$SIGN_AT")
"${S[@]}" --armor --detach-sign -u "$ANN" -o "$KEYS/statement-paraphrase.ann.sig.asc" "$HERE/statement-paraphrase.txt"
"${S[@]}" --armor --detach-sign -u "$ANN" -o "$KEYS/statement.ann.sig.asc" "$ST"
"${S[@]}" --armor --detach-sign --textmode -u "$ANN" -o "$KEYS/statement.ann.textmode.sig.asc" "$ST"
"${S[@]}" --clearsign -u "$ANN" -o "$KEYS/statement.ann.clearsigned.asc" "$ST"
"${S[@]}" --armor --detach-sign -u "$BOB" -o "$KEYS/statement.bob-rsa.sig.asc" "$ST"
# CRLF copy signed in binary mode (a Windows editor): must verify against the LF statement too
sed 's/$/\r/' "$ST" > "$GNUPGHOME/statement-crlf.txt"
"${S[@]}" --armor --detach-sign -u "$ANN" -o "$KEYS/statement-crlf.ann.sig.asc" "$GNUPGHOME/statement-crlf.txt"

"${S[@]}" --armor --detach-sign -u "$CAROL" -o "$CORPUS/sig-by-other-key.asc" "$ST"
printf 'I accept nothing at all.\n' > "$GNUPGHOME/other.txt"
"${S[@]}" --armor --detach-sign -u "$ANN" -o "$CORPUS/sig-over-other-text.asc" "$GNUPGHOME/other.txt"
"${G[@]}" --faked-system-time 21000101T000000 --armor --detach-sign -u "$ANN" -o "$CORPUS/sig-future-dated.asc" "$ST"
"${G[@]}" --faked-system-time 20200101T000000 --ignore-time-conflict --armor --detach-sign -u "$ANN" \
  -o "$CORPUS/sig-before-key-existed.asc" "$ST"
"${S[@]}" --digest-algo SHA1 --armor --detach-sign -u "$ANN" -o "$CORPUS/sig-sha1.asc" "$ST"
"${S[@]}" --clearsign -u "$CAROL" -o "$CORPUS/sig-clearsigned-by-other-key.asc" "$ST"
# clear-signed text altered after signing
sed 's/need-to-know/whole world/' "$KEYS/statement.ann.clearsigned.asc" > "$CORPUS/sig-clearsigned-altered.asc"
# clear-signed signature over a different text
"${S[@]}" --clearsign -u "$ANN" -o "$CORPUS/sig-clearsigned-other-text.asc" "$GNUPGHOME/other.txt"
# inline-signed message (not detached, not clear-signed)
"${S[@]}" --armor --sign -u "$ANN" -o "$CORPUS/sig-inline-message.asc" "$ST"
# a public key where a signature should be, a truncated signature, garbage
cp "$KEYS/ann.pub.asc" "$CORPUS/sig-public-key-instead.asc"
head -n 4 "$KEYS/statement.ann.sig.asc" > "$CORPUS/sig-truncated.asc"
awk '/^=....$/ {print "=AAAA"; next} {print}' "$KEYS/statement.ann.sig.asc" > "$CORPUS/sig-bad-crc.asc"
if [ "$MODE" = statements ]; then
  echo "statements and signatures written to $HERE"
  exit 0
fi
head -c 512 /dev/urandom > "$CORPUS/sig-random-bytes.bin"
printf 'I hereby sign.\n' > "$CORPUS/sig-plain-text.txt"

cat > "$CORPUS/manifest.csv" <<CSV
# file,kind,expected,key,email
# kind: key (inspected for the given email) or signature (verified over statement.txt against the given key)
key-expired.asc,key,PRIMARY_EXPIRED,,old@example.org
key-encryption-subkey-expired.asc,key,NO_ENCRYPTION_SUBKEY,,subexp@example.org
key-revoked.asc,key,PRIMARY_REVOKED,,rev@example.org
key-sha1-bindings.asc,key,SHA1_BINDING,,sha1@example.org
key-rsa1024.asc,key,WEAK_ALGORITHM,,weak@example.org
key-dsa1024-elg1024.asc,key,WEAK_ALGORITHM,,dsa@example.org
key-signing-only.asc,key,NO_ENCRYPTION_SUBKEY,,signonly@example.org
key-two-keys.asc,key,MULTIPLE_KEYS,,ann@example.org
key-secret.asc,key,SECRET_KEY,,ann@example.org
key-bad-crc.asc,key,BAD_CRC,,ann@example.org
key-truncated.asc,key,TRUNCATED,,ann@example.org
key-truncated-packet.asc,key,TRUNCATED,,ann@example.org
key-binary.gpg,key,NOT_ARMORED,,ann@example.org
key-random-bytes.bin,key,NOT_ARMORED,,ann@example.org
key-armored-random.asc,key,NOT_A_KEY,,ann@example.org
key-invalid-base64.asc,key,NOT_A_KEY,,ann@example.org
key-empty-block.asc,key,NOT_A_KEY,,ann@example.org
key-plain-text.txt,key,NOT_ARMORED,,ann@example.org
key-empty-file.txt,key,NOT_ARMORED,,ann@example.org
../keys/carol.pub.asc,key,NO_MATCHING_USER_ID,,ann@example.org
sig-inline-message.asc,key,NOT_A_KEY,,ann@example.org
sig-by-other-key.asc,signature,WRONG_KEY,ann,
sig-over-other-text.asc,signature,TEXT_ALTERED,ann,
sig-future-dated.asc,signature,MADE_IN_FUTURE,ann,
sig-before-key-existed.asc,signature,KEY_NOT_VALID_AT_SIGNING_TIME,ann,
sig-sha1.asc,signature,WEAK_ALGORITHM,ann,
sig-clearsigned-by-other-key.asc,signature,WRONG_KEY,ann,
sig-clearsigned-altered.asc,signature,TEXT_ALTERED,ann,
sig-clearsigned-other-text.asc,signature,TEXT_ALTERED,ann,
sig-inline-message.asc,signature,NOT_A_SIGNATURE,ann,
sig-public-key-instead.asc,signature,NOT_A_SIGNATURE,ann,
sig-truncated.asc,signature,NOT_A_SIGNATURE,ann,
sig-bad-crc.asc,signature,NOT_A_SIGNATURE,ann,
sig-random-bytes.bin,signature,NOT_A_SIGNATURE,ann,
sig-plain-text.txt,signature,NOT_A_SIGNATURE,ann,
sig-by-revoked-key.asc,signature,KEY_NOT_VALID_AT_SIGNING_TIME,revoked,
CSV
echo "fixtures written to $HERE"
