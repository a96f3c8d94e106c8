# JSON helpers for the node agent (busybox sh + busybox awk, no other tools).
#
# json_flat      stdin JSON -> one "path<TAB>value" line per scalar: .job, .image.url, .nics[0].mac.
#                String values stay JSON-escaped (so each fits on one line); json_decode unescapes them.
# json_get PATH  stdin JSON -> the raw (still escaped) value at PATH, empty if absent.
# json_decode    stdin escaped string -> the bytes it stands for (\n, \t, \", \\, \/, \uXXXX as UTF-8).
# json_str       stdin text -> a quoted JSON string; bytes outside printable ASCII become '?' or escapes.
# jstr TEXT      json_str of an argument; plain printable text without quote or backslash is quoted
#                by the shell itself, anything else goes through json_str.

json_flat() {
  awk 'BEGIN { RS = "\001" }
    function ws() { while (substr(s, i, 1) ~ /[ \t\r\n]/) i++ }
    function value(path,   c, n) {
      ws(); c = substr(s, i, 1)
      if (c == "{") { i++; ws(); if (substr(s, i, 1) == "}") { i++; return }
        while (1) { ws(); n = str(); ws(); i++; value(path "." n); ws(); c = substr(s, i, 1); i++; if (c != ",") return } }
      if (c == "[") { i++; ws(); n = 0; if (substr(s, i, 1) == "]") { i++; return }
        while (1) { value(path "[" n "]"); n++; ws(); c = substr(s, i, 1); i++; if (c != ",") return } }
      if (c == "\"") { print path "\t" str(); return }
      if (match(substr(s, i), /^[-+0-9.eEtruefalsn]+/)) { print path "\t" substr(s, i, RLENGTH); i += RLENGTH; return }
      i++
    }
    function str(   v) {
      if (!match(substr(s, i), /^"([^"\\]|\\.)*"/)) { i++; return "" }
      v = substr(s, i + 1, RLENGTH - 2); i += RLENGTH; return v
    }
    { s = s $0 }
    END { i = 1; value("") }'
}

json_get() {
  json_flat | awk -F '\t' -v k="$1" '$1 == k { print substr($0, length(k) + 2); exit }'
}

json_decode() {
  awk 'BEGIN { RS = "\001"; hex = "0123456789abcdef" }
    function utf8(c) {
      if (c < 128) return sprintf("%c", c)
      if (c < 2048) return sprintf("%c%c", 192 + int(c / 64), 128 + c % 64)
      return sprintf("%c%c%c", 224 + int(c / 4096), 128 + int(c / 64) % 64, 128 + c % 64)
    }
    function h(x) { return index(hex, tolower(x)) - 1 }
    {
      s = $0; sub(/\n$/, "", s); out = ""
      while ((p = index(s, "\\")) > 0) {
        out = out substr(s, 1, p - 1); e = substr(s, p + 1, 1); s = substr(s, p + 2)
        if (e == "n") out = out "\n"; else if (e == "t") out = out "\t"; else if (e == "r") out = out "\r"
        else if (e == "b") out = out "\b"; else if (e == "f") out = out "\f"
        else if (e == "u") { out = out utf8(((h(substr(s, 1, 1)) * 16 + h(substr(s, 2, 1))) * 16 + h(substr(s, 3, 1))) * 16 + h(substr(s, 4, 1))); s = substr(s, 5) }
        else out = out e
      }
      printf "%s", out s
    }'
}

json_str() {
  tr -d '\000-\010\013\014\016-\037' | tr '\200-\377' '?' | awk 'BEGIN { ORS = ""; printf "\"" }
    { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r"); if (NR > 1) printf "\\n"; printf "%s", $0 }
    END { printf "\"" }'
}

jstr() {
  case "$1" in
    *[\"\\]*|*[![:print:]]*) printf '%s' "$1" | json_str ;;
    *) printf '"%s"' "$1" ;;
  esac
}
