#!/bin/sh
# Regenerates the small sample media in this folder: real files, tagged by exiftool the way the
# devices named below tag them. Needs ffmpeg and exiftool. Run from anywhere: sh samples/make-samples.sh
set -eu
cd "$(dirname "$0")"
rm -rf card && mkdir -p card/DCIM card/DJI card/GOPRO card/SCANS card/DOCS

jpeg() { # name colour: a 64x48 test picture
    ffmpeg -v error -y -f lavfi -i "testsrc=s=64x48:d=1" -vf "drawbox=c=$2:t=fill:w=16:h=16" \
        -frames:v 1 -q:v 8 -f image2 -c:v mjpeg "$1"
}
clip() { # name format [extra ffmpeg options...]: a half-second 64x48 H.264 clip
    out=$1; fmt=$2; shift 2
    ffmpeg -v error -y -f lavfi -i "testsrc=s=64x48:d=0.5:r=10" -c:v libx264 -pix_fmt yuv420p "$@" -f "$fmt" "$out"
}
tag() { exiftool -q -overwrite_original "$@"; }

# A camera photo (Canon EOS), with capture time, offset and GPS.
jpeg card/DCIM/_MG_0001.JPG red
tag -Make=Canon "-Model=Canon EOS 5D Mark IV" "-DateTimeOriginal=2023:05:01 10:00:00" -OffsetTimeOriginal=-04:00 \
    -GPSLatitude=42.886 -GPSLatitudeRef=N -GPSLongitude=78.878 -GPSLongitudeRef=W card/DCIM/_MG_0001.JPG

# A phone live photo: iPhone still + MOV with QuickTime Keys, same name stem.
jpeg card/DCIM/IMG_0001.JPG blue
tag -Make=Apple "-Model=iPhone 13 Pro" "-DateTimeOriginal=2023:05:01 10:05:00" -OffsetTimeOriginal=-04:00 card/DCIM/IMG_0001.JPG
clip card/DCIM/IMG_0001.MOV mov
tag -Keys:Make=Apple "-Keys:Model=iPhone 13 Pro" "-Keys:CreationDate=2023:05:01 10:05:00-04:00" card/DCIM/IMG_0001.MOV

# A DJI drone still: DJI writes the camera code (FC3170 = Mavic Air 2) as the model.
jpeg card/DJI/DJI_0001.JPG green
tag -Make=DJI -Model=FC3170 "-DateTimeOriginal=2023:05:01 11:00:00" card/DJI/DJI_0001.JPG

# A DJI drone video (no make tag, handler name says DJI) with its telemetry subtitle.
clip card/DJI/DJI_0002.MP4 mp4 -metadata:s:v:0 handler_name=DJI.AVC -metadata creation_time=2023-05-01T15:01:00Z
printf '1\n00:00:00,000 --> 00:00:00,033\nF/2.8, SS 1000, ISO 100, EV 0, GPS (-78.878, 42.886, 19), D 12.3m, H 30.0m\n' \
    > card/DJI/DJI_0002.SRT

# An action-camera photo (GoPro).
jpeg card/GOPRO/GOPR0001.JPG yellow
tag -Make=GoPro "-Model=HERO9 Black" card/GOPRO/GOPR0001.JPG

# A film scan: the scanner's make and model.
jpeg card/SCANS/roll01_frame01.jpg white
tag -Make=EPSON "-Model=Perfection V600 Photo" card/SCANS/roll01_frame01.jpg

# A document and an ignored GoPro thumbnail (.THM).
printf 'Site notes\nNorth wing: roof collapsed, stairwell C passable.\n' > card/DOCS/notes.txt
head -c 512 card/GOPRO/GOPR0001.JPG > card/GOPRO/GOPR0001.THM

du -sh card
