#!/bin/sh
# Scale run of backup and restore (README, Benchmarks, "Backup and restore"): a backup of a demo world of N persons
# taken WHILE its server runs (the command reaches the running embedded server on its own port), then restores of
# that file into fresh directories, each verified ('audit verify' against the backup's checkpoint). Whole-command
# timings with farm-bench; the file's size with stat.
# Usage: bench/scripts/backup-scale.sh app/target/parley.jar [PERSONS=1000000] [DIR=/tmp/backup-bench] [PORT=18622] [RUNS=2]
# A demo already loaded in $DIR/data (e.g. by an earlier run) is reused: the load takes 5-13 minutes at a million.
set -eu
JAR=$(readlink -f "$1"); PERSONS=${2:-1000000}; DIR=${3:-/tmp/backup-bench}; PORT=${4:-18622}; RUNS=${5:-2}
mkdir -p "$DIR"; cp "$JAR" "$DIR/parley.jar"; cd "$DIR"
java -Dparley.rate-limit.enabled=false -jar parley.jar demo --persons "$PERSONS" --data-dir data --port "$PORT" \
    > demo.log 2>&1 &
DEMO=$!
until grep -q 'Parley is ready' demo.log; do sleep 5; kill -0 "$DEMO"; done
cat > backup.sh <<SH
#!/bin/sh
exec java -jar $DIR/parley.jar backup --out $DIR/data.backup --data-dir $DIR/data
SH
cat > restore.sh <<SH
#!/bin/sh
rm -rf $DIR/restored
exec java -jar $DIR/parley.jar restore $DIR/data.backup --data-dir $DIR/restored --key-file $DIR/data/audit-ed25519.key
SH
chmod +x backup.sh restore.sh
farm-bench -n "$RUNS" --warmup 0 --timeout 3600 -- sh -c "exec $DIR/backup.sh >>$DIR/backup.log 2>&1"
stat -c 'backup file: %s bytes' data.backup
du -sh data/postgres
kill "$DEMO"; wait "$DEMO" || true
farm-bench -n "$RUNS" --warmup 0 --timeout 3600 -- sh -c "exec $DIR/restore.sh >>$DIR/restore.log 2>&1"
du -sh restored/postgres
cat backup.log restore.log
