#!/bin/sh
# Layout tier: the layering the README's layout table states, checked on the built objects.
# kernel-if/ includes only its own headers and calls nothing of cmds/; no two files of cmds/
# call each other, even through others (a circle of calls, from nm's defined and undefined
# symbols of build/obj). Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
B=${NSBOX_B:-build}
p=0; f=0
ok() { p=$((p + 1)); echo "PASS: $1"; }
bad() { f=$((f + 1)); echo "FAIL: $1"; printf '%s\n' "$2" | sed 's/^/    /'; }

if ! make -s all >/dev/null 2>&1 || [ ! -d "$B/obj" ]; then
	echo "layout: make failed"; echo "0 passed, 1 failed"; exit 1
fi
out=$(grep -h '#include "' kernel-if/*.c kernel-if/*.h | sed 's/.*#include "\([^"]*\)".*/\1/' | sort -u |
	while read -r h; do [ -f "kernel-if/$h" ] || echo "$h"; done)
[ -z "$out" ] && ok "kernel-if includes only kernel-if/" || bad "kernel-if includes from elsewhere" "$out"

# "file symbol D|U" lines for every object
syms=$(mktemp); trap 'rm -f "$syms"' EXIT
for o in $(find "$B/obj" -name '*.o' | sort); do
	n=${o#"$B/obj/"}; n=${n%.o}
	[ -f "$n.c" ] || continue   # an object left from a source that moved or went
	nm "$o" | awk -v n="$n" 'NF == 3 && $2 ~ /^[TDBRCGS]$/ { print n, $3, "D" } NF == 2 && $1 == "U" { print n, $2, "U" }'
done >"$syms"
out=$(awk '$3 == "D" { def[$2] = $1 } $3 == "U" { use[NR] = $1 " " $2 }
	END {
		for (i in use) { split(use[i], u, " "); d = def[u[2]]; if (d != "" && d != u[1]) edge[u[1], d] = 1 }
		for (k in edge) { split(k, e, SUBSEP); node[e[1]] = 1; node[e[2]] = 1; reach[e[1], e[2]] = 1 }
		for (k in node) for (i in node) if ((i, k) in reach) for (j in node) if ((k, j) in reach) reach[i, j] = 1
		for (k in edge) { split(k, e, SUBSEP); if ((e[2], e[1]) in reach) print e[1] " -> " e[2] }
	}' "$syms" | sort)
[ -z "$out" ] && ok "no circle of calls between files" || bad "calls in a circle" "$out"
out=$(awk '$3 == "D" { def[$2] = $1 } $3 == "U" && $1 ~ /^kernel-if\// { u[$1 " " $2] = 1 }
	END { for (k in u) { split(k, a, " "); if (def[a[2]] ~ /^cmds\//) print a[1] " uses " a[2] } }' "$syms" | sort)
[ -z "$out" ] && ok "kernel-if calls nothing of cmds/" || bad "kernel-if calls into cmds/" "$out"
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
