# The raw records of bench/workloads.sh -> one line per figure (the median of its samples), the
# ratios, output checks and target verdicts; and, into the file named by -v md=FILE, the table.
# Records: "TOOL W FIG SAMPLE VALUE UNIT", "TOOL W FIG SAMPLE n/a UNIT WHY...", "info KEY VALUE...".
# A ratio A/B is the median over the samples both have of A's value / B's: the two were measured
# side by side, so the machine's drift cancels out. -v budget=BYTES: the S target, in bytes.

# Median of the space-separated numbers in s.
function median(s,    n, i, j, a, t) {
	n = split(s, a, " ")
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}

function fmt(v, u) {
	if (u == "instr") return sprintf("%d", v)
	if (u == "x") return sprintf("%.2f", v)
	if (u == "KiB") return v == int(v) ? sprintf("%d", v) : sprintf("%.1f", v)
	if (v >= 1000) return sprintf("%d", v + 0.5)
	if (v >= 100) return sprintf("%.1f", v)
	return sprintf("%.2f", v)
}

function has(t, wf) { return ((t "." wf) in med) }

# A/B for figure wf ("" when either lacks it): per sample, then the median. Sets rerr to the
# median's standard error, estimated from the spread of the per-sample ratios (IQR / 1.349 for
# the deviation, times 1.2533 / sqrt(n) for a median); "" with fewer than 4 samples.
function ratio(a, b, wf,    k, s, n, p, q, i, j, t) {
	rerr = ""
	if (!has(a, wf) || !has(b, wf)) return ""
	n = 0; s = ""
	for (k in sval) {
		split(k, p, SUBSEP)
		if (p[1] == a "." wf && ((b "." wf, p[2]) in sval) && sval[b "." wf, p[2]] > 0) {
			q[++n] = sval[k] / sval[b "." wf, p[2]]; s = s " " q[n]
		}
	}
	if (!n) return med[b "." wf] > 0 ? med[a "." wf] / med[b "." wf] : ""
	if (n >= 4) {
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && q[j - 1] > q[j]; j--) { t = q[j]; q[j] = q[j - 1]; q[j - 1] = t }
		rerr = 0.929 * (q[int(3 * n / 4 + 0.5)] - q[int(n / 4 + 0.5) < 1 ? 1 : int(n / 4 + 0.5)]) / sqrt(n)
	}
	return median(s)
}

# "value unit" for the table, or n/a / -.
function cell(t, wf,    k) {
	k = t "." wf
	if (k in med) return fmt(med[k], unit[k]) " " unit[k]
	if (k in why) return "n/a"
	return "-"
}

BEGIN {
	ntools = split("iproute2 busybox nsbox floor", tools, " ")
	# Targets: FIGURE KIND LIMIT; KIND ratio: nsbox/floor, value: nsbox's own figure. W2a.growth
	# (last 100 ops / first 100) is judged against the floor's growth in the same interleaved run:
	# the kernel's own growth and the machine's drift over the run cancel out.
	nt = split("W1.wall ratio 1.3;W1.instr value 15000;W1.rss value 256;" \
		"W2a.wall ratio 1.1;W2a.growth ratio 1.1;W2b.wall ratio 1.03;W3.wall ratio 1.03;" \
		"W4.link1000.wall ratio 1.2;W4.link4000.wall ratio 1.2;W4.addr1000.wall ratio 1.2;" \
		"W4.addr4000.wall ratio 1.2;W4.link.rssgrowth value 1.1;W4.addr.rssgrowth value 1.1;" \
		"W4.link4000.rss value 512;W4.addr4000.rss value 512;" \
		"W5.add.wall ratio 1.1;W5.del.wall ratio 1.1;W5.exec.wall ratio 1.1;" \
		"S.size value " (budget ? budget / 1024 : 96), targets, ";")
	label["W1.wall"] = "one `ip link show lo` process: wall"
	label["W1.instr"] = "one `ip link show lo`: instructions (callgrind)"
	label["W1.rss"] = "one `ip link show lo`: peak RSS"
	label["W2a.wall"] = "1000 `ip link add` processes, per op"
	label["W2a.first100"] = "1000 `ip link add`: first 100, per op"
	label["W2a.last100"] = "1000 `ip link add`: last 100, per op"
	label["W2a.growth"] = "1000 `ip link add`: last 100 / first 100"
	label["W2b.wall"] = "the same 1000 adds in one `ip -batch`, per op"
	label["W3.wall"] = "500 veth pairs, peers into 10 netns (`-batch`), per op"
	label["W4.link1000.wall"] = "`ip -o link show`, 1000 links"
	label["W4.link4000.wall"] = "`ip -o link show`, 4000 links"
	label["W4.addr1000.wall"] = "`ip -o addr show`, 1000 links"
	label["W4.addr4000.wall"] = "`ip -o addr show`, 4000 links"
	label["W4.link1000.rss"] = "`ip -o link show`, 1000 links: peak RSS"
	label["W4.link4000.rss"] = "`ip -o link show`, 4000 links: peak RSS"
	label["W4.addr1000.rss"] = "`ip -o addr show`, 1000 links: peak RSS"
	label["W4.addr4000.rss"] = "`ip -o addr show`, 4000 links: peak RSS"
	label["W4.link.rssgrowth"] = "`ip -o link show`: peak RSS 4000 / 1000"
	label["W4.addr.rssgrowth"] = "`ip -o addr show`: peak RSS 4000 / 1000"
	label["W5.add.wall"] = "`ip netns add`, 200 processes, per op"
	label["W5.exec.wall"] = "`ip netns exec X /bin/true`, 200, per op"
	label["W5.del.wall"] = "`ip netns del`, 200 processes, per op"
	label["S.size"] = "size: build/nsbox, all applets, static; iproute2's ip alone, dynamic"
}

$1 == "info" {
	k = $2; $1 = ""; $2 = ""; sub(/^ +/, ""); infos[++ninfo] = k " " $0
	next
}

{
	wf = $2 "." $3; k = $1 "." wf
	if (!(wf in seenwf)) { seenwf[wf] = 1; wfs[++nwf] = wf }
	unit[k] = $6; unitwf[wf] = $6
	if ($5 == "n/a") {
		w = ""; for (i = 7; i <= NF; i++) w = w (i > 7 ? " " : "") $i
		if (!(k in why)) why[k] = w
		next
	}
	vals[k] = vals[k] " " $5
	sval[k, $4] = $5
}

END {
	for (i = 1; i <= nwf; i++)
		for (j = 1; j <= ntools; j++) {
			k = tools[j] "." wfs[i]
			if ((k in vals) && !(k in why)) med[k] = median(vals[k])
		}
	# Peak RSS of the dump commands as N grows from 1000 to 4000: flat is 1.
	split("link addr", cs, " ")
	for (c = 1; c <= 2; c++) {
		wf = "W4." cs[c] ".rssgrowth"
		for (j = 1; j <= ntools; j++) {
			t = tools[j]
			if (has(t, "W4." cs[c] "1000.rss") && has(t, "W4." cs[c] "4000.rss")) {
				seenwf[wf] = 1
				med[t "." wf] = med[t ".W4." cs[c] "4000.rss"] / med[t ".W4." cs[c] "1000.rss"]
				unit[t "." wf] = "x"; unitwf[wf] = "x"
			} else if ((t ".W4." cs[c] "4000.rss") in why) {
				why[t "." wf] = why[t ".W4." cs[c] "4000.rss"]
			}
		}
	}
	# Figures in the table's order, then any others in the order they came.
	n = split("W1.wall W1.instr W1.rss W2a.wall W2a.first100 W2a.last100 W2a.growth W2b.wall W3.wall " \
		"W4.link1000.wall W4.addr1000.wall W4.link4000.wall W4.addr4000.wall W4.link1000.rss " \
		"W4.link4000.rss W4.link.rssgrowth W4.addr1000.rss W4.addr4000.rss W4.addr.rssgrowth " \
		"W5.add.wall W5.exec.wall W5.del.wall S.size", canon, " ")
	m = 0
	for (i = 1; i <= n; i++)
		if (canon[i] in seenwf) { sorted[++m] = canon[i]; placed[canon[i]] = 1 }
	for (i = 1; i <= nwf; i++)
		if (!(wfs[i] in placed)) sorted[++m] = wfs[i]
	nwf = m
	for (i = 1; i <= m; i++) wfs[i] = sorted[i]

	for (i = 1; i <= ninfo; i++) print "info " infos[i]
	for (i = 1; i <= nwf; i++)
		for (j = 1; j <= ntools; j++) {
			k = tools[j] "." wfs[i]
			if (k in med) print k " " fmt(med[k], unit[k]) " " unit[k]
			else if (k in why) print k " n/a " unit[k] " (" why[k] ")"
		}
	np = split("nsbox/iproute2 nsbox/floor iproute2/floor", pairs, " ")
	for (i = 1; i <= nwf; i++) {
		wf = wfs[i]
		if (wf == "S.size") continue
		for (p = 1; p <= np; p++) {
			split(pairs[p], ab, "/")
			r = ratio(ab[1], ab[2], wf)
			if (r != "")
				printf "ratio.%s.%s %.2f\n", wf, pairs[p], r
			else if (ab[1] == "nsbox")
				printf "ratio.%s.%s n/a\n", wf, pairs[p]
		}
	}
	pass = 0; miss = 0; nav = 0
	for (i = 1; i <= nt; i++) {
		split(targets[i], tg, " ")
		wf = tg[1]; lim = tg[3]
		if (tg[2] == "ratio") {
			desc = wf " nsbox/floor <= " lim
			v = ratio("nsbox", "floor", wf)
			ok = v != ""
			shown = ok ? sprintf("%.3f", v) (rerr != "" ? sprintf(" +-%.3f", rerr) : "") : ""
			tdesc[wf] = "<= " lim "x floor"
		} else {
			desc = wf " <= " lim
			ok = has("nsbox", wf)
			v = ok ? med["nsbox." wf] : 0
			shown = ok ? fmt(v, unit["nsbox." wf]) : ""
			tdesc[wf] = "<= " lim (unitwf[wf] == "x" ? "" : " " unitwf[wf])
		}
		if (!ok) {
			r = ("nsbox." wf) in why ? why["nsbox." wf] : (("floor." wf) in why ? "floor: " why["floor." wf] : "not measured")
			verdict[wf] = "n/a"
			print "target " desc ": n/a (" r ")"; nav++
		} else {
			verdict[wf] = v <= lim + 1e-9 ? "PASS" : "MISS"
			if (tg[2] == "ratio") vshown[wf] = " (" shown ")"
			print "target " desc ": " verdict[wf] " (" shown ")"
			if (verdict[wf] == "PASS") pass++; else miss++
		}
	}
	printf "targets %d pass, %d miss, %d n/a\n", pass, miss, nav

	if (md == "") exit
	print "| id | workload | iproute2 | busybox | nsbox | floor | nsbox/iproute2 | nsbox/floor | nsbox target |" > md
	print "|---|---|---|---|---|---|---|---|---|" > md
	for (i = 1; i <= nwf; i++) {
		wf = wfs[i]
		if (wf ~ /^W2a\.(first|last)100$/) continue
		id = wf; sub(/\..*/, "", id)
		r1 = ratio("nsbox", "iproute2", wf)
		r2 = ratio("nsbox", "floor", wf)
		tcell = (wf in verdict) ? tdesc[wf] ": **" verdict[wf] "**" vshown[wf] : ""
		printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", id, (wf in label ? label[wf] : wf),
			cell("iproute2", wf), cell("busybox", wf), cell("nsbox", wf), cell("floor", wf),
			r1 == "" ? "-" : sprintf("%.2f", r1), r2 == "" ? "-" : sprintf("%.2f", r2), tcell > md
	}
}
