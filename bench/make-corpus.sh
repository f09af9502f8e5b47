#!/usr/bin/env bash
# Builds a deterministic benchmark corpus: COUNT JPEGs of about 1 MB with real camera tags spread
# over the hardware categories, plus VIDEOS short videos. Same arguments, same bytes.
#   bench/make-corpus.sh DIR [COUNT=1000] [VIDEOS=10]
set -euo pipefail
dir=${1:?usage: make-corpus.sh DIR [COUNT] [VIDEOS]}
count=${2:-1000}
videos=${3:-10}
mkdir -p "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One noisy base image (noise compresses badly, so about 1 MB at this size and quality).
ffmpeg -loglevel error -y -f lavfi -i "color=c=gray:s=1200x900,noise=alls=60:allf=t:all_seed=42" \
    -frames:v 1 -q:v 2 "$work/base.jpg"

# Make and model per category, as real devices write them.
cameras=("Canon|Canon EOS 5D Mark IV" "NIKON CORPORATION|NIKON D850" "Apple|iPhone 13 Pro" "samsung|SM-G991B"
         "DJI|FC3170" "Hasselblad|L1D-20c" "GoPro|HERO9 Black" "DJI|OSMO POCKET" "EPSON|Perfection V600 Photo" "Unknown|Mystery Cam")
per=$(( (count + ${#cameras[@]} - 1) / ${#cameras[@]} ))
n=0
for i in "${!cameras[@]}"; do
    make=${cameras[$i]%%|*}
    model=${cameras[$i]#*|}
    sub="$dir/cam$i"
    mkdir -p "$sub"
    for ((k = 0; k < per && n < count; k++, n++)); do
        cp "$work/base.jpg" "$sub/IMG_$(printf %05d "$n").JPG"
    done
    # One exiftool run per folder: the unique id makes every file's bytes (and SHA-256) different.
    exiftool -q -overwrite_original -Make="$make" -Model="$model" -DateTimeOriginal="2021:06:01 12:00:00" \
        -OffsetTimeOriginal="-04:00" -GPSLatitude=42.9 -GPSLatitudeRef=N -GPSLongitude=78.8 -GPSLongitudeRef=W \
        '-ImageUniqueID<FileName' "$sub" >/dev/null
done

mkdir -p "$dir/video"
for ((v = 0; v < videos; v++)); do
    ffmpeg -loglevel error -y -f lavfi -i "testsrc2=s=640x360:r=30:d=2" -f lavfi -i "sine=f=$((400 + v)):d=2" \
        -c:v libx264 -preset ultrafast -c:a aac -shortest -metadata make="DJI" -metadata model="FC3170" \
        -fflags +bitexact -map_metadata -1 "$dir/video/DJI_$(printf %04d "$v").MP4"
done
echo "corpus: $(find "$dir" -type f | wc -l) files, $(du -sh "$dir" | cut -f1) in $dir"
