#!/usr/bin/env bash
# The time-zone boundaries (timeshape) that give a photo with a GPS position but no UTC offset its zone:
# what loading them costs db_organize. Run from the project folder after `./mvnw -B -q -DskipTests package`:
#   bench/timezones.sh [ROUNDS=3]
# Organises one photo with a position and no offset (the boundaries load) and one without a position
# (they do not), ROUNDS times each, and prints the load time db_organize logs, both runs' wall time and
# peak memory (RSS), then which heap limits (JAVA_OPTS=-Xmx...) still organise the first photo, and
# what a too small one prints.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
. bench/common.sh
photos="$work/timezone-photos"
rm -rf "$photos"; mkdir -p "$photos/gps" "$photos/plain"
ffmpeg -v error -y -f lavfi -i color=c=0x336699:s=64x64 -frames:v 1 -f image2 -c:v mjpeg "$photos/gps/tokyo.jpg"
cp "$photos/gps/tokyo.jpg" "$photos/plain/plain.jpg"
exiftool -q -overwrite_original -Make=Nikon -Model="NIKON D90" "-DateTimeOriginal=2024:07:04 12:00:00" \
    -GPSLatitude=35.6762 -GPSLatitudeRef=N -GPSLongitude=139.6503 -GPSLongitudeRef=E "$photos/gps/tokyo.jpg"
exiftool -q -overwrite_original -Make=Nikon -Model="NIKON D90" "-DateTimeOriginal=2024:07:04 12:01:00" "$photos/plain/plain.jpg"

organize() { # which -> "wall_seconds peak_kb exit load_ms" for db_organize of that one photo
    local which=$1 home="$work/timezone-home" start end code
    rm -rf "$home"; mkdir -p "$home"
    run() { (cd "$home" && AUPAT_HOME="$home/data" AUPAT_LOGS="$home/logs" "$project/bin/aupat" "$@" --quiet >>"$home/out.txt" 2>&1); }
    JAVA_OPTS= run --script=db_migrate
    JAVA_OPTS= run --script=db_import --source="$photos/$which" --name="Zone Mill" --state=ny --type=industrial
    start=$(seconds)
    set +e
    (cd "$home" && AUPAT_HOME="$home/data" AUPAT_LOGS="$home/logs" /usr/bin/time -f "%M" -o "$home/time.txt" \
        "$project/bin/aupat" --script=db_organize --quiet >"$home/organize.txt" 2>&1)
    code=$?
    set -e
    end=$(seconds)
    echo "$(calc "$end - $start") $(tail -1 "$home/time.txt") $code \
$(grep -o 'time-zone boundaries loaded in [0-9]* ms' "$home/logs/main.log" | grep -o '[0-9]*' || echo 0)"
}
for ((r = 1; r <= rounds; r++)); do
    read -r gw gm gc gl <<<"$(organize gps)"
    read -r pw pm pc pl <<<"$(organize plain)"
    printf 'round %d: with a position and no offset %.2f s, peak %d MB (exit %d, boundaries loaded in %d ms);' \
        "$r" "$gw" $((gm / 1024)) "$gc" "$gl"
    printf ' without a position %.2f s, peak %d MB (exit %d)\n' "$pw" $((pm / 1024)) "$pc"
done
for heap in 512m 384m 256m 192m 160m; do
    read -r w m c l <<<"$(JAVA_OPTS=-Xmx$heap organize gps)"
    printf 'JAVA_OPTS=-Xmx%s: exit %d, %.2f s, peak %d MB' "$heap" "$c" "$w" $((m / 1024))
    if [ "$c" != 0 ]; then printf ', printed: %s' "$(head -1 "$work/timezone-home/organize.txt")"; fi
    echo
done
echo "work folder: $work (delete when done)"
