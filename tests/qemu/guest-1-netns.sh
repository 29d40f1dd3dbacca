# Scenario 1 of the article: create, list, use and delete a network namespace.
. /tests/lib.sh
reset
say "1. network namespace: add, list, exec, delete"

check s1-netns-add eval 'x ip netns add ns1 && fact [ -e /run/netns/ns1 ]'
check s1-netns-list eval 'x ip netns list && has "^ns1( |$)"'
# Root's lo is up (guest-0), so a lone lo that is down proves the command ran inside ns1.
check s1-netns-exec eval 'x ip netns exec ns1 ip addr &&
	has "^1: lo: <LOOPBACK> mtu 65536 " && lacks "^2: "'
check s1-netns-delete eval 'x ip netns delete ns1 && x ip netns list &&
	fact [ ! -s $out ] && fact [ ! -e /run/netns/ns1 ]'
reset
end
