#!/usr/bin/env bash
# Real camera files: how AUPAT sorts them (issue 19's "Done when") and what db_organize costs per file
# against one exiftool batch over the same files. Run from the project folder after
# `./mvnw -B -q -DskipTests package`, on any folder of real files (never modified), e.g. public
# test-image collections, or src/test/resources/camera-files:
#   bench/cameras.sh FOLDER [REFERENCE=bench/camera-reference.tsv]
# Imports FOLDER into a fresh archive in the work folder, times db_organize, then prints:
#   - db_organize per file (wall, and its organizing step from the log) against `exiftool -json` over
#     the same staged files, and the time the time-zone boundaries took to load, if they were needed;
#   - of the files with a Make tag (as exiftool reads it), the share sorted as the reference says a
#     photographer would (REFERENCE: make and model patterns -> camera, phone, drone, go_pro, film,
#     dash_cam, other; first match wins; makes it does not name are listed as unjudged);
#   - of the photos and videos with a DateTimeOriginal, the share with a capture time;
#   - sidecars (xmp, aae, dop, pp3...) and RAW+JPEG pairs (same stem, same folder) linked;
#   - files exiftool calls damaged (an Error) flagged damaged, and db_organize's exit code (never 0 then).
# Needs python3 and sqlite3 besides the bench's tools.
set -euo pipefail
cd "$(dirname "$0")/.."
folder=$(readlink -f "${1:?usage: bench/cameras.sh FOLDER [REFERENCE]}")
reference=$(readlink -f "${2:-bench/camera-reference.tsv}")
[ -d "$folder" ] || { echo "no such folder: $folder" >&2; exit 2; }
for tool in python3 sqlite3; do
    command -v $tool >/dev/null || { echo "needs $tool: apt-get install $tool" >&2; exit 2; }
done
. bench/common.sh
home="$work/cameras-home"
rm -rf "$home"; mkdir -p "$home"
aupat() { (cd "$home" && AUPAT_HOME="$home/data" AUPAT_LOGS="$home/logs" "$project/bin/aupat" "$@" --quiet >>"$home/out.txt" 2>&1); }
aupat --script=db_migrate || { tail -5 "$home/out.txt" >&2; exit 1; }
aupat --script=db_import --source="$folder" --name="Camera Files" --state=ny --type=industrial \
    || [ $? = 4 ] || { tail -5 "$home/out.txt" >&2; exit 1; }
db="$home/data/aupat.db"
sqlite3 "$db" "SELECT img_loc FROM images UNION ALL SELECT vid_loc FROM videos" >"$home/staged.txt"
staged=$(wc -l <"$home/staged.txt")

warm "$home/data"
start=$(seconds)
exiftool -json -q -q -@ "$home/staged.txt" >"$home/exiftool-staged.json" 2>/dev/null || true
exif=$(calc "$(seconds) - $start")

warm "$home/data"
start=$(seconds)
set +e
aupat --script=db_organize
organize_exit=$?
set -e
organize=$(calc "$(seconds) - $start")
log_seconds() { awk -F'[:,]' '{ printf "%.3f", $1 * 3600 + $2 * 60 + $3 + $4 / 1000 }' <<<"$1"; }
log="$home/logs/main.log"
first=$(grep -m1 'organizing images: 0/' "$log" | awk '{print $2}')
last=$(grep -E "Progress.java:[0-9]+:close \| organizing videos" "$log" | tail -1 | awk '{print $2}')
step=$(calc "$(log_seconds "$last") - $(log_seconds "$first")")
zones=$(grep -o 'time-zone boundaries loaded in [0-9]* ms' "$log" | grep -o '[0-9]*' || echo 0)

printf 'files: %d staged as photos or videos\n' "$staged"
printf 'db_organize: %.1f s wall (%.1f ms per file), its organizing step %.1f s (%.1f ms per file)\n' \
    "$organize" "$(calc "$organize * 1000 / $staged")" "$step" "$(calc "$step * 1000 / $staged")"
if [ "$zones" != 0 ]; then
    printf '  of which loading the time-zone boundaries: %.1f s, once (step without it: %.1f ms per file)\n' \
        "$(calc "$zones / 1000")" "$(calc "($step - $zones / 1000) * 1000 / $staged")"
fi
printf 'one exiftool -json over the same files: %.1f s (%.1f ms per file); organizing step / exiftool: %.2f\n' \
    "$exif" "$(calc "$exif * 1000 / $staged")" "$(calc "$step / $exif")"

# exiftool's own reading of the originals: the reference for makes, dates and damage.
exiftool -json -q -q -r -Make -Model -DateTimeOriginal -Error -FileType "$folder" >"$home/exiftool-source.json" 2>/dev/null || true
python3 - "$db" "$home/exiftool-source.json" "$reference" "$organize_exit" <<'PY'
import json, re, sqlite3, sys, os, collections
db, source, reference, organize_exit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
tags = {os.path.abspath(o["SourceFile"]): o for o in json.load(open(source))} if os.path.getsize(source) else {}
rules = []
for line in open(reference, encoding="utf-8"):
    if line.strip() and not line.startswith("#"):
        make, model, category = (line.rstrip("\n").split("\t") + ["", ""])[:3]
        rules.append((re.compile(make, re.I), re.compile(model or ".*", re.I), category.strip()))
def expected(make, model):
    for m, mo, category in rules:
        if m.search(make) and mo.search(model or ""):
            return category
    return None
con = sqlite3.connect(db)
flags = {"images": ["camera", "phone", "drone", "go_pro", "film", "other"],
         "videos": ["camera", "phone", "drone", "go_pro", "dash_cam", "other"]}
rows = []
for table, p in (("images", "img"), ("videos", "vid")):
    for r in con.execute(f"SELECT {p}_loco, {p}_nameo, {p}_taken_local, {p}_damaged, {', '.join(flags[table])},"
                         f" {p}_sha256, {p}_docs{', img_pairs' if p == 'img' else ', vid_imgs'} FROM {table}"):
        cat = [f for f, v in zip(flags[table], r[4:4 + len(flags[table])]) if v == 1]
        rows.append(dict(table=table, path=os.path.join(r[0] or "", r[1]), taken=r[2], damaged=r[3],
                         category=cat[0] if cat else None, sha=r[-3], docs=r[-2], pairs=r[-1]))
judged = right = live = 0
unjudged = collections.Counter()
wrong = collections.Counter()
for row in rows:
    t = tags.get(row["path"], {})
    make = str(t.get("Make", "")).strip()
    if not make:
        continue
    if row["table"] == "videos" and row["pairs"] and row["pairs"] != "[]":
        live += 1  # a live photo's video: filed under other beside its photo by rule, whoever made it
        continue
    want = expected(make, str(t.get("Model", "")))
    if want is None:
        unjudged[(make, str(t.get("Model", "")))] += 1
        continue
    judged += 1
    if want == row["category"]:
        right += 1
    else:
        wrong[(make, str(t.get("Model", "")), row["category"], want)] += 1
with_make = judged + sum(unjudged.values())
print(f"hardware: {right} of {judged} judged files with a Make sorted as a photographer would:"
      f" {100.0 * right / max(judged, 1):.1f} % ({with_make + live} files with a Make: {sum(unjudged.values())} unjudged,"
      f" {live} live-photo videos filed with their photo)")
for (make, model, got, want), n in wrong.most_common():
    print(f"  wrong: {n} x {make!r} {model!r}: {got}, a photographer says {want}")
for (make, model), n in unjudged.most_common():
    print(f"  unjudged (add to the reference): {n} x {make!r} {model!r}")
dated = timed = 0
for row in rows:
    value = str(tags.get(row["path"], {}).get("DateTimeOriginal", ""))
    if re.match(r"[12]\d{3}:\d\d:\d\d \d\d:\d\d:\d\d", value) and not value.startswith(("0000", "1970:01:01 00:00:00")):
        dated += 1
        if row["taken"]:
            timed += 1
        else:
            print(f"  no capture time: {row['path']} (DateTimeOriginal {value})")
print(f"capture time: {timed} of {dated} photos and videos with a DateTimeOriginal: {100.0 * timed / max(dated, 1):.1f} %")
# Sidecars and pairs, decided from the originals' names alone.
sidecar_ext = {"xmp", "aae", "dop", "pp3", "xmp~", "on1", "cos", "arp"}
raw_ext = {"cr3", "crw", "cr2", "nef", "nrw", "arw", "sr2", "srf", "orf", "rw2", "rwl", "pef", "dng", "raf", "srw",
           "3fr", "fff", "iiq", "erf", "dcr", "kdc", "mrw", "x3f", "gpr", "raw"}
by_stem = collections.defaultdict(list)
for row in rows:
    if row["table"] == "images":
        folder, name = os.path.split(row["path"])
        by_stem[(folder, os.path.splitext(name)[0].lower())].append(row)
docs = list(con.execute("SELECT doc_loco, doc_nameo, docs_img FROM documents"))
sidecars = linked = 0
for loco, nameo, docs_img in docs:
    stem, ext = os.path.splitext(nameo)
    if ext[1:].lower() in sidecar_ext and (loco, stem.lower()) in by_stem:
        sidecars += 1
        if docs_img and docs_img != "[]":
            linked += 1
        else:
            print(f"  sidecar not linked: {os.path.join(loco, nameo)}")
print(f"sidecars: {linked} of {sidecars} with a photo of their stem linked to it")
pairs = paired = 0
for key, group in by_stem.items():
    exts = {os.path.splitext(r["path"])[1][1:].lower() for r in group}
    if len(group) > 1 and exts & raw_ext:
        pairs += 1
        if all(r["pairs"] and r["pairs"] != "[]" for r in group):
            paired += 1
        else:
            print(f"  pair not linked: {[r['path'] for r in group]}")
print(f"RAW+JPEG pairs: {paired} of {pairs} linked both ways")
broken = [r for r in rows if tags.get(r["path"], {}).get("Error")]
flagged = [r for r in broken if r["damaged"] == 1]
for r in broken:
    if r["damaged"] != 1:
        print(f"  exiftool error, not flagged damaged: {r['path']}: {tags[r['path']]['Error']}")
damaged = sum(1 for r in rows if r["damaged"] == 1)
print(f"damaged: {len(flagged)} of {len(broken)} files exiftool reports an error for are flagged damaged;"
      f" {damaged} flagged in all; db_organize exited {organize_exit}"
      + (" (WRONG: damaged files passed with exit 0)" if damaged and organize_exit == 0 else ""))
PY
echo "work folder: $work (delete when done)"
