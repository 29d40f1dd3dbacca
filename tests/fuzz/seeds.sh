#!/bin/sh
# Regenerates tests/fuzz/corpus/ (seeds.py) in a throwaway network and mount namespace: the
# topology it builds never touches the host's. Needs root, strace and build/nsbox.
cd "$(dirname "$0")/../.." || exit 2
[ -x build/nsbox ] || { echo "seeds.sh: build/nsbox missing (make)"; exit 2; }
HOST_NS=$(readlink /proc/self/ns/net) exec unshare --net --mount --propagation private -- sh -c 'mount -t tmpfs none /run && python3 tests/fuzz/seeds.py'
