#!/bin/sh
# Doc tier (no sandbox, changes nothing on the machine): doc/nsbox.1 renders with groff -ww and
# man -l without a warning and names every applet compiled in; `nsbox --help` lists those
# applets; `nsbox APPLET --help` gives what `APPLET --help` gives (stdout, stderr, exit status)
# for every applet, the link called through PATH as a user calls it.
# NSBOX=path picks the binary (default build/nsbox, or $NSBOX_B/nsbox). Last line: "N passed, N failed".
cd "$(dirname "$0")/../.." || exit 2
NSBOX=${NSBOX:-${NSBOX_B:-build}/nsbox}
case $NSBOX in /*) ;; *) NSBOX=$PWD/$NSBOX ;; esac
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "PASS: $1"; }
ko() { fail=$((fail + 1)); echo "FAIL: $1"; [ -z "$2" ] || printf '%s\n' "$2" | sed 's/^/    /'; }
[ -x "$NSBOX" ] || { echo "no $NSBOX: run make first"; echo "0 passed, 1 failed"; exit 1; }
W=$(mktemp -d /tmp/nsbox-doc.XXXXXX)
trap 'rm -rf "$W"' EXIT
applets=$("$NSBOX" --list)

# The man page.
if out=$(groff -man -Tutf8 -ww -z doc/nsbox.1 2>&1) && [ -z "$out" ]; then
	ok 'groff -man -Tutf8 -ww: no warning'
else
	ko 'groff -man -Tutf8 -ww: no warning' "$out"
fi
if MANWIDTH=80 man --warnings -l doc/nsbox.1 >"$W/man.txt" 2>"$W/man.err" && [ ! -s "$W/man.err" ] &&
	grep -q '^NAME' "$W/man.txt"; then
	ok 'man -l renders without a warning'
else
	ko 'man -l renders without a warning' "$(cat "$W/man.err")"
fi
# Every applet has its section (".SS ip", ".SS ping, ping6", ".SS modprobe, insmod, ...").
missing=
for a in $applets; do
	grep -Eq "^\.SS (.*, )?$a(,.*)?\$" doc/nsbox.1 || missing="$missing $a"
done
[ -z "$missing" ] && ok 'the man page has a section per applet' || ko 'the man page has a section per applet' "missing:$missing"
for s in 'EXIT STATUS' CONFIGURATION; do
	grep -q "^\.SH $s\$" doc/nsbox.1 && ok "the man page has $s" || ko "the man page has $s"
done
# The configuration symbols of configs/defconfig (when the tree has it) are all named.
if [ -f configs/defconfig ]; then
	missing=
	for sym in $(grep -oE 'NSBOX_(APPLET|FEATURE|BUILD)_[A-Z0-9_]+' configs/defconfig | sort -u); do
		grep -q "^\.[BT].* $sym\( \|\$\)" doc/nsbox.1 || missing="$missing $sym"
	done
	[ -z "$missing" ] && ok 'the man page names every symbol of configs/defconfig' ||
		ko 'the man page names every symbol of configs/defconfig' "missing:$missing"
fi

# nsbox --help: the usage, the pointer to APPLET --help, the applets compiled in.
"$NSBOX" --help >"$W/h.out" 2>"$W/h.err"; rc=$?
missing=
for a in $applets; do
	tr ', \t' '\n\n\n' <"$W/h.out" | grep -qx "$a" || missing="$missing $a"
done
if [ $rc = 0 ] && [ ! -s "$W/h.err" ] && [ -z "$missing" ] && grep -q 'nsbox APPLET --help' "$W/h.out"; then
	ok 'nsbox --help lists the applets and says nsbox APPLET --help'
else
	ko 'nsbox --help lists the applets and says nsbox APPLET --help' "exit $rc, missing:$missing"
fi
"$NSBOX" -h >"$W/h2.out" 2>&1; rc=$?
[ $rc = 0 ] && cmp -s "$W/h.out" "$W/h2.out" && ok 'nsbox -h is nsbox --help' || ko 'nsbox -h is nsbox --help' "exit $rc"
"$NSBOX" >"$W/n.out" 2>"$W/n.err"; rc=$?
[ $rc = 1 ] && [ ! -s "$W/n.out" ] && cmp -s "$W/h.out" "$W/n.err" &&
	ok 'nsbox alone: the same text on stderr, exit 1' || ko 'nsbox alone: the same text on stderr, exit 1' "exit $rc"

# APPLET --help and nsbox APPLET --help: same bytes on each stream, same exit status.
mkdir "$W/bin"
for a in $applets; do ln -s "$NSBOX" "$W/bin/$a"; done
for a in $applets; do
	for h in --help -h; do
		(cd "$W" && PATH=$W/bin:$PATH exec "$a" $h) >"$W/a.out" 2>"$W/a.err" </dev/null; rca=$?
		(cd "$W" && exec "$NSBOX" "$a" $h) >"$W/b.out" 2>"$W/b.err" </dev/null; rcb=$?
		if [ $rca = $rcb ] && cmp -s "$W/a.out" "$W/b.out" && cmp -s "$W/a.err" "$W/b.err" &&
			[ -s "$W/a.out" -o -s "$W/a.err" ]; then
			ok "$a $h = nsbox $a $h (exit $rca)"
		else
			ko "$a $h = nsbox $a $h" "exit $rca and $rcb; $(diff "$W/a.out" "$W/b.out"; diff "$W/a.err" "$W/b.err")"
		fi
	done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
