#!/usr/bin/env bash
# Makes the SAMPLE (stand-in) testimonial video for John (Malta): a still title
# card plus a synthetic espeak-ng voice reading his words, with matching captions.
#
# NOTE: the QUOTE text below must match the testimonial quote in
#       src/content/posts/miracle-in-cell-no-7.json exactly (same characters,
#       same curly quotes). If you change one, change the other and re-run.
#
# Outputs (in public/media/):
#   john-sample.webm  (VP9 + Opus)      john-sample.mp4 (H.264 + AAC, faststart)
#   john-sample-poster.jpg (title card) john-sample.en.vtt (English captions)
#
# Needs (Debian): apt-get install ffmpeg espeak-ng imagemagick fonts-dejavu-core
set -euo pipefail
export LC_ALL=C.UTF-8

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
OUT="$REPO_ROOT/public/media"
NAME="john-sample"

VOICE="en-gb"      # espeak-ng voice
SPEED=160          # words per minute
GAP=0.25           # silence between cues (s)
LEAD=0.75          # silence before first cue (s)
TAIL=1.25          # silence after last cue (s)
MAX_CUE=84         # max characters per cue (~2 lines of 42)
MIN_CUE=16         # sentences shorter than this are merged with the next one
RATE=22050         # espeak-ng native sample rate

QUOTE="$(cat <<'EOF'
“Hello! My name is John Amato, I am from Malta, and my goosebump moment is from this Turkish movie called: “Miracle in cell number seven” when Memo finally meets his daughter Ova after everyone helped him escape. I actually watched this movie recently, maybe a week ago because somebody recommended it to me, and this is a very emotional scene. It really makes you validate freedom, and it shows how strong family ties can be. Memo’s pure heart changed almost every character in a good way and getting to see him and his daughter reunited after all they went through was just something beautiful to see”.
EOF
)"

for tool in ffmpeg ffprobe espeak-ng; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done
if command -v magick >/dev/null; then IM=(magick); else IM=(convert); fi

FONT_DIR=/usr/share/fonts/truetype/dejavu
FONT="$FONT_DIR/DejaVuSans.ttf"
FONT_BOLD="$FONT_DIR/DejaVuSans-Bold.ttf"
[[ -f "$FONT" && -f "$FONT_BOLD" ]] || { echo "missing DejaVu fonts (fonts-dejavu-core)" >&2; exit 1; }

mkdir -p "$OUT"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# ---------------------------------------------------------------- cue split
# Cues are split at spaces only. First the quote is cut into sentences (a word
# ending in . ! ? , optionally with a closing quote; very short sentences are
# merged with the next). A sentence longer than MAX_CUE is then cut into
# roughly equal parts, preferring breaks after , ; : or before a conjunction,
# and avoiding breaks after small words such as "the" or "to" or inside a
# quoted title.
join() { local IFS=' '; echo "$*"; }
CUES=()
split_long() { # $1 = text; appends to CUES
  local text="$1" len n target i best bestcost cost prev next left q
  while ((${#text} > MAX_CUE)); do
    len=${#text}
    n=$(((len + MAX_CUE - 1) / MAX_CUE))
    target=$((len / n))
    best=-1; bestcost=999999
    for ((i = 1; i < len - 1 && i <= MAX_CUE; i++)); do
      [[ "${text:i:1}" == " " ]] || continue
      left="${text:0:i}"; prev="${left##* }"
      next="${text:i+1}"; next="${next%% *}"
      cost=$(( (i > target ? i - target : target - i) * 2 ))
      [[ "$prev" =~ [,\;:]$ ]] && cost=$((cost - 30))
      [[ "$next" =~ ^(and|but|when|after|because|which|that|maybe)$ ]] && cost=$((cost - 16))
      [[ "$prev" =~ ^(a|an|the|to|of|in|is|was|his|her|my|and|from|with|after)$ ]] && cost=$((cost + 40))
      ((len - i - 1 < MIN_CUE)) && cost=$((cost + 100))
      # never break inside a quoted title such as “Miracle in cell number seven”
      q="${left%“*}"
      if [[ "$left" == *“* && -n "$q" && "${left##*“}" != *”* && "${text:i}" == *”* ]]; then
        cost=$((cost + 200))
      fi
      if ((cost < bestcost)); then bestcost=$cost; best=$i; fi
    done
    ((best > 0)) || break
    CUES+=("${text:0:best}")
    text="${text:best+1}"
  done
  CUES+=("$text")
}
read -r -a WORDS <<<"$QUOTE"
cur=()
for w in "${WORDS[@]}"; do
  cur+=("$w")
  text="$(join "${cur[@]}")"
  if [[ "$w" =~ [.!?][”\"’]?$ || "$w" =~ [”\"’][.!?]$ ]] && ((${#text} >= MIN_CUE)); then
    split_long "$text"
    cur=()
  fi
done
((${#cur[@]} > 0)) && split_long "$(join "${cur[@]}")"

# Sanity check: the cues joined with single spaces must give back the quote.
if [[ "$(join "${CUES[@]}")" != "$QUOTE" ]]; then
  echo "internal error: cue text does not match the quote" >&2; exit 1
fi

# ---------------------------------------------------------------- audio
silence() { ffmpeg -v error -y -f lavfi -i "anullsrc=r=$RATE:cl=mono" -t "$1" -c:a pcm_s16le "$2"; }
silence "$GAP"  "$TMP/gap.wav"
silence "$LEAD" "$TMP/lead.wav"
silence "$TAIL" "$TMP/tail.wav"
dur() { ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$1"; }

: >"$TMP/list.txt"
echo "file '$TMP/lead.wav'" >>"$TMP/list.txt"
DURS=()
for i in "${!CUES[@]}"; do
  wav="$TMP/cue$i.wav"
  # Normalise to our sample rate / mono s16 so the concat demuxer is exact.
  espeak-ng -v "$VOICE" -s "$SPEED" -w "$TMP/raw$i.wav" -- "${CUES[i]}"
  ffmpeg -v error -y -i "$TMP/raw$i.wav" -ar "$RATE" -ac 1 -c:a pcm_s16le "$wav"
  DURS+=("$(dur "$wav")")
  ((i > 0)) && echo "file '$TMP/gap.wav'" >>"$TMP/list.txt"
  echo "file '$wav'" >>"$TMP/list.txt"
done
echo "file '$TMP/tail.wav'" >>"$TMP/list.txt"
ffmpeg -v error -y -f concat -safe 0 -i "$TMP/list.txt" -c:a pcm_s16le "$TMP/voice.wav"
TOTAL="$(dur "$TMP/voice.wav")"

# ---------------------------------------------------------------- captions
ts() { awk -v t="$1" 'BEGIN { ms = int(t * 1000 + 0.5);
  printf "%02d:%02d:%02d.%03d", int(ms / 3600000), int(ms / 60000) % 60, int(ms / 1000) % 60, ms % 1000 }'; }
add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", a + b }'; }
{
  echo "WEBVTT"
  echo
  t="$LEAD"
  for i in "${!CUES[@]}"; do
    end="$(add "$t" "${DURS[i]}")"
    echo "$((i + 1))"
    echo "$(ts "$t") --> $(ts "$end")"
    echo "${CUES[i]}"
    echo
    t="$(add "$end" "$GAP")"
  done
} >"$OUT/$NAME.en.vtt"

# ---------------------------------------------------------------- title card
"${IM[@]}" -size 640x360 xc:'#16181d' \
  -fill '#ffffff' -font "$FONT_BOLD" -pointsize 46 -gravity north -annotate +0+92 'Sample video' \
  -fill '#e4e6eb' -font "$FONT" -pointsize 21 -gravity north -annotate +0+172 'John’s goosebump moment' \
  -annotate +0+202 'Miracle in Cell No. 7' \
  -fill '#cf142b' -draw 'rectangle 290,252 350,254' \
  -fill '#9aa0aa' -pointsize 14 -gravity north -annotate +0+272 'Stand-in: synthetic voice reading John’s words' \
  "$TMP/card.png"
"${IM[@]}" "$TMP/card.png" -strip -interlace Plane -quality 75 "$OUT/$NAME-poster.jpg"

# ---------------------------------------------------------------- video
FPS=2
# WebM: VP9 still image + Opus mono.
ffmpeg -v error -y -loop 1 -framerate "$FPS" -i "$TMP/card.png" -i "$TMP/voice.wav" \
  -t "$TOTAL" -map 0:v -map 1:a \
  -c:v libvpx-vp9 -pix_fmt yuv420p -b:v 0 -crf 40 -g 20 -row-mt 1 -deadline good -cpu-used 2 \
  -c:a libopus -b:a 24k -ac 1 -ar 48000 -application voip \
  "$OUT/$NAME.webm"
# MP4: H.264 main + AAC mono, moov at the front for progressive playback.
ffmpeg -v error -y -loop 1 -framerate "$FPS" -i "$TMP/card.png" -i "$TMP/voice.wav" \
  -t "$TOTAL" -map 0:v -map 1:a \
  -c:v libx264 -profile:v main -level 3.0 -pix_fmt yuv420p -tune stillimage -crf 28 -g 20 \
  -c:a aac -b:a 32k -ac 1 -ar "$RATE" \
  -movflags +faststart "$OUT/$NAME.mp4"

echo "Wrote ${#CUES[@]} cues, ${TOTAL}s:"
ls -l "$OUT/$NAME.webm" "$OUT/$NAME.mp4" "$OUT/$NAME-poster.jpg" "$OUT/$NAME.en.vtt"
