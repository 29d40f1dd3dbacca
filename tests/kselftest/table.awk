# Reads IP TAB GROUP TAB SUBTEST TAB VERDICT lines (IP: iproute2 or nsbox; SUBTEST "*" holds the
# group's "rc=N secs=N") and prints the table, the groups' status, a summary per script and the
# closing line "N same, N worse, N better". A line starting "FAIL" means the comparison itself
# is not sound (iproute2's run did not get through a group).
# usage: awk -F'\t' -v scripts="S1 S2 ..." -v groups=FILE -f table.awk VERDICTS
function rank(v) { return v == "OK" ? 2 : v == "XFAIL" ? 1 : 0 }
{
	if ($3 == "*") { st[$1, $2] = $4; next }
	if (!(($2, $3) in known)) { known[$2, $3] = 1; nk[$2]++; keys[$2, nk[$2]] = $3 }
	v[$1, $2, $3] = $4
}
END {
	while ((getline line < groups) > 0) {
		if (line ~ /^#/ || line !~ /[^ \t]/) continue
		split(line, f, /[ \t]+/); ng++; gname[ng] = f[1]
	}
	fmt = "%-28s %-62s %-8s %-8s %s\n"
	printf fmt, "GROUP", "SUBTEST", "IPROUTE2", "NSBOX", "RESULT"
	n = split(scripts, sc, /[ \t\n]+/)
	for (i = 1; i <= n; i++) want[sc[i]] = 1
	for (g = 1; g <= ng; g++) {
		G = gname[g]; S = G; sub(/:.*/, "", S)
		if (!(S in want)) continue
		for (k = 1; k <= nk[G]; k++) {
			K = keys[G, k]
			a = ((("iproute2", G, K) in v) ? v["iproute2", G, K] : "-")
			b = ((("nsbox", G, K) in v) ? v["nsbox", G, K] : "-")
			r = rank(b) < rank(a) ? "worse" : rank(b) > rank(a) ? "better" : "same"
			cnt[S, r]++; tot[r]++
			printf fmt, G, K, a, b, r
		}
	}
	print ""
	for (g = 1; g <= ng; g++) {
		G = gname[g]; S = G; sub(/:.*/, "", S)
		if (!(S in want)) continue
		a = (("iproute2", G) in st) ? st["iproute2", G] : "did not finish"
		b = (("nsbox", G) in st) ? st["nsbox", G] : "did not finish"
		printf "group %-28s iproute2: %-20s nsbox: %-20s %d subtests\n", G, a, b, nk[G]
		if (!(("iproute2", G) in st)) { fail[++nf] = "FAIL: group " G " did not finish with iproute2: no sound comparison" }
		else if (nk[G] == 0) note[++nn] = "note: group " G " printed no verdict"
	}
	print ""
	for (i = 1; i <= n; i++) {
		S = sc[i]
		printf "script %-28s %3d same, %3d worse, %3d better\n", S, cnt[S, "same"], cnt[S, "worse"], cnt[S, "better"]
	}
	for (i = 1; i <= nn; i++) print note[i]
	for (i = 1; i <= nf; i++) print fail[i]
	printf "%d same, %d worse, %d better\n", tot["same"], tot["worse"], tot["better"]
}
