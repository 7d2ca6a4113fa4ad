#!/bin/sh
# Scale run of notification bundles (README, Benchmarks, "Notification bundles"): a demo world of N persons
# (Party A's instance, data in $DIR/a), six intermediaries to export to, each export a full first bundle; a
# receiving instance ($DIR/btemplate: party-a with A's public key, party-b, the six intermediaries) copied afresh
# before each import, so that every import creates every person. Whole-command timings with farm-bench.
# Usage: bench/scripts/bundle-scale.sh app/target/parley.jar [PERSONS=20000] [DIR=/tmp/bundles-bench] [PORT=18603]
set -eu
JAR=$(readlink -f "$1"); PERSONS=${2:-20000}; DIR=${3:-/tmp/bundles-bench}; PORT=${4:-18603}
mkdir -p "$DIR"; cp "$JAR" "$DIR/parley.jar"; cd "$DIR"
java -Dparley.rate-limit.enabled=false -jar parley.jar demo --persons "$PERSONS" --data-dir a --port "$PORT" \
    > demo.log 2>&1 &
DEMO=$!
until grep -q 'Parley is ready' demo.log; do sleep 5; kill -0 "$DEMO"; done
kill "$DEMO"; wait "$DEMO" || true
sed -n '/BEGIN PUBLIC KEY/,/END PUBLIC KEY/p' a/audit-ed25519.key > a-public.pem
java -jar parley.jar organisation add party-a --name "Party A" --kind PARTY --public-key a-public.pem --data-dir btemplate
java -jar parley.jar organisation add party-b --name "Party B" --kind PARTY --data-dir btemplate
for k in 1 2 3 4 5 6; do
    java -jar parley.jar organisation add agency-$k --name "Agency $k" --kind INTERMEDIARY --data-dir a
    java -jar parley.jar organisation add agency-$k --name "Agency $k" --kind INTERMEDIARY --data-dir btemplate
done
cat > export.sh <<SH
#!/bin/sh
n=\$(( \$(cat $DIR/counter) + 1 )); echo \$n > $DIR/counter
exec java -jar $DIR/parley.jar bundle export --from party-a --to agency-\$n --out $DIR/out-\$n.json --data-dir $DIR/a
SH
cat > import.sh <<SH
#!/bin/sh
n=\$(( \$(cat $DIR/counter2) + 1 )); echo \$n > $DIR/counter2
rm -rf $DIR/b && cp -a $DIR/btemplate $DIR/b
exec java -jar $DIR/parley.jar bundle import $DIR/out-\$n.json --receiver agency-\$n --data-dir $DIR/b
SH
chmod +x export.sh import.sh; echo 0 > counter; echo 0 > counter2
farm-bench -n 5 --warmup 1 --timeout 900 -- sh -c "exec $DIR/export.sh >>$DIR/export.log 2>&1"
farm-bench -n 5 --warmup 1 --timeout 900 -- sh -c "exec $DIR/import.sh >>$DIR/import.log 2>&1"
farm-bench -n 3 --warmup 1 --timeout 300 -- java -jar parley.jar organisation list --data-dir btemplate
cat export.log import.log
