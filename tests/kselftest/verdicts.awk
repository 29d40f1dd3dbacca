# Reads a guest's console log (tests/kselftest/run.sh) and the rtnetlink map; writes one line per
# subtest: GROUP TAB SUBTEST TAB VERDICT (OK, FAIL, XFAIL, SKIP), and per group that ended
# GROUP TAB * TAB "rc=N secs=N". Verdict lines, as the twelve scripts print them:
#   [TEST: ]NAME  [ OK ] | [FAIL] | [XFAIL] | [SKIP]   (most; test_vxlan_fdb_changelink without TEST:)
#   run NAME test, then a line "ok" or "failed"        (route_localnet, arp_ndisc_evict_nocarrier)
#   PASS: | FAIL: | SKIP[:] TEXT                       (rtnetlink.sh only, named through the map;
#                                                       a check that prints only on failure passed
#                                                       if no line came and its callers ran)
# A subtest name seen again in one group gets "#2", "#3" ... (fib_tests repeats names per family).
# usage: awk -F'\t' -f verdicts.awk rtnetlink.map LOG
function emit(name, v) {
	seen[group SUBSEP name]++
	if (seen[group SUBSEP name] > 1) name = name " #" seen[group SUBSEP name]
	print group "\t" name "\t" v
}
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
FNR == NR {
	if ($0 ~ /^#/ || NF < 2) next
	nmap++; re[nmap] = $1; key[nmap] = $2
	if ($3 != "") quiet[$2] = $3
	next
}
{ sub(/\r$/, "") }
/^KST BEGIN / { group = $0; sub(/^KST BEGIN /, "", group); pending = ""; delete agg; nagg = 0; next }
/^KST END / {
	if (group != "") {
		if (pending != "") emit(pending, "FAIL")
		for (i = 1; i <= nagg; i++) emit(order[i], agg[order[i]])
		if (group == "rtnetlink") for (k in quiet) if (!(k in agg)) {
			nr = split(quiet[k], ran, " "); ok = 1
			for (i = 1; i <= nr; i++) if (!(ran[i] in agg)) ok = 0
			if (ok) emit(k, "OK")
		}
		st = $0; sub(/^KST END [^ ]* /, "", st)
		print group "\t*\t" st
	}
	group = ""; next
}
group == "" { next }
/\[ ?(OK|FAIL|XFAIL|SKIP) ?\][ \t]*$/ {
	line = $0
	v = line; sub(/.*\[ ?/, "", v); sub(/ ?\][ \t]*$/, "", v)
	name = line; sub(/[ \t]*\[ ?(OK|FAIL|XFAIL|SKIP) ?\][ \t]*$/, "", name)
	name = trim(name); sub(/^TEST:[ \t]*/, "", name)
	emit(trim(name), v); next
}
/^[ \t]*run .* test[ \t]*$/ {
	if (pending != "") emit(pending, "FAIL")
	pending = trim($0); sub(/^run /, "", pending); sub(/ test$/, "", pending); next
}
pending != "" && /^[ \t]*(ok|failed)[ \t]*$/ {
	emit(pending, trim($0) == "ok" ? "OK" : "FAIL"); pending = ""; next
}
group == "rtnetlink" && /^(PASS|FAIL|SKIP):? / {
	v = $0; sub(/[: ].*/, "", v)
	text = $0; sub(/^(PASS|FAIL|SKIP):? /, "", text)
	k = text
	for (i = 1; i <= nmap; i++) if (text ~ re[i]) { k = key[i]; break }
	if (!(k in agg)) { order[++nagg] = k; agg[k] = "SKIP" }
	if (v == "FAIL") agg[k] = "FAIL"
	else if (v == "PASS" && agg[k] != "FAIL") agg[k] = "OK"
	next
}
