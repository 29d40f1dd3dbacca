#!/bin/sh
# make valgrind: the sandbox tier with every nsbox command under valgrind's memcheck. nsbox is
# build/vg/bin/nsbox (the objects of build/nsbox, linked without -s so reports name functions),
# reached through a wrapper build/vg/nsbox (a link's name still picks the applet); each
# process writes its report to build/vg/log/vg.PID. SANDBOX_TESTS picks files as for run.sh.
# Prints the tier's result, then the reports with errors; last line "N clean, N with errors".
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
vg=build/vg
[ -x $vg/bin/nsbox ] || { echo "valgrind.sh: $vg/bin/nsbox missing (make valgrind)"; exit 2; }
rm -rf $vg/log
mkdir -p $vg/log
cat >$vg/nsbox <<WRAP
#!/bin/sh
case \${0##*/} in nsbox) ;; *) set -- "\${0##*/}" "\$@" ;; esac
exec valgrind -q --vgdb=no --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect \\
	--errors-for-leak-kinds=definite,indirect --track-origins=yes --trace-children=no \\
	--suppressions=$top/tests/fuzz/valgrind.supp --log-file=$top/$vg/log/vg.%p $top/$vg/bin/nsbox "\$@"
WRAP
chmod +x $vg/nsbox
# The tier's failures under valgrind (slower; a wrapper in between) are listed, not counted.
NSBOX_B=$vg sh tests/sandbox/run.sh >$vg/tier.log 2>&1
grep -e '^FAIL' -e ': [0-9]* passed, [1-9?]' $vg/tier.log
tail -n 1 $vg/tier.log
# valgrind's notes on syscalls and ioctls it does not know (open_tree, move_mount, listmount,
# NS_GET_NSTYPE ...: nsbox falls back, or the kernel fills in an int) are no finding.
findings() {
	grep -v -e '^--[0-9]*-- ' -e 'Warning: noted but unhandled ioctl' -e 'This could cause spurious value' \
		-e 'See README_MISSING_SYSCALL_OR_IOCTL' -e '^==[0-9]*== *$' "$1"
}
n=0; bad=0
for f in $vg/log/vg.*; do
	[ -e "$f" ] || continue
	n=$((n + 1))
	if findings "$f" | grep -q .; then
		bad=$((bad + 1))
		[ $bad -le 20 ] && { echo "== $f"; findings "$f" | head -n 40; }
	fi
done
echo "valgrind: $n processes, $((n - bad)) clean, $bad with errors"
echo "$((n - bad)) clean, $bad with errors"
[ $bad -eq 0 ]
