#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, from what the kernel really answers: builds a topology in
a throwaway network namespace (tests/fuzz/seeds.sh runs this under unshare), runs nsbox's show
commands under strace and keeps the datagrams each read got (cmdline: the command and those
replies; nlreply: the messages one by one). The other targets' seeds are made up here from the
sandbox tests' fixtures. Writes tests/fuzz/corpus/TARGET/NAME."""
import hashlib, os, re, shlex, struct, subprocess, sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NSBOX = os.path.join(TOP, 'build/nsbox')
OUT = os.path.join(TOP, 'tests/fuzz/corpus')

MADE_UP = sys.argv[1:] == ['made-up']   # only the seeds made up here, no capture: no sandbox needed
if not MADE_UP and os.readlink('/proc/self/ns/net') == os.environ.get('HOST_NS', os.readlink('/proc/self/ns/net')):
    sys.exit('seeds.py: in the host network namespace; run tests/fuzz/seeds.sh')

def sh(cmd):
    subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

SETUP = r'''
ip link set lo up
ip link add va type veth peer name vb
ip link set va up; ip link set vb up
ip addr add 10.1.0.1/24 brd + dev va label va:one
ip addr add 10.1.0.5 peer 10.1.0.6/32 dev va
ip addr add 2001:db8::1/64 dev va valid_lft 300 preferred_lft 100
ip link add br0 type bridge stp_state 1 vlan_filtering 1
ip link set vb master br0; ip link set br0 up
ip link add link va name va.7 type vlan id 7 protocol 802.1ad
ip link add link va name mv0 type macvlan mode bridge
ip link add link va name iv0 type ipvlan mode l3
ip link add vx0 type vxlan id 42 remote 10.1.0.9 dstport 4789 dev va
ip link add d0 type dummy; ip link set d0 alias "a dummy" mtu 1400 group 5
ip route add 10.9.0.0/16 via 10.1.0.2 metric 7
ip route add 10.8.0.0/16 nexthop via 10.1.0.2 weight 2 nexthop via 10.1.0.3
ip route add blackhole 10.7.0.0/16
ip route add 10.6.0.0/16 via 10.1.0.2 table 100 mtu lock 1400 proto static
ip route add 2001:db8:1::/64 via 2001:db8::2
ip route add unreachable 2001:db8:2::/64
ip neigh add 10.1.0.2 lladdr 02:00:00:00:00:02 dev va nud permanent
ip neigh add 10.1.0.3 lladdr 02:00:00:00:00:03 dev va nud stale
ip neigh add proxy 10.1.0.4 dev va
ip -6 neigh add 2001:db8::2 lladdr 02:00:00:00:00:22 dev va router
ip rule add from 10.0.0.0/8 table 100 prio 100
ip rule add fwmark 0x7/0xff iif va lookup main prio 200
ip rule add not to 10.5.0.0/16 tos 0x10 prohibit prio 300
ip -6 rule add from 2001:db8::/32 table 100
ip netns add t1; ip netns set t1 9
ip link add vn0 type veth peer name vn1 netns t1
'''

COMMANDS = [
    'ip link show', 'ip -d link show', 'ip -s -s link show', 'ip -j -p -d link show',
    'ip -br link', 'ip -o link', 'ip -d -j -s link show vx0', 'ip link show type bridge',
    'ip addr show', 'ip -6 addr', 'ip -j addr show dev va', 'ip -br -c addr', 'ip -o -4 addr',
    'ip route show table all', 'ip -6 route show table all', 'ip -j route', 'ip -d route show table 100',
    'ip route get 10.9.1.1', 'ip -6 route get 2001:db8:1::5', 'ip route show 10.8.0.0/16',
    'ip neigh show', 'ip -6 neigh', 'ip -j neigh show proxy', 'ip -s neigh',
    'ip rule show', 'ip -6 rule', 'ip -j rule list', 'ip netns list-id', 'ip netns list',
    'ip link add va type dummy', 'ip addr add 10.1.0.1/24 dev va', 'ip route add 10.9.0.0/16 via 10.1.0.2',
    'ip neigh add 10.1.0.2 lladdr 02:00:00:00:00:02 dev va', 'ip rule add from 10.0.0.0/8 table 100 prio 100',
    'ip link set nosuch up', 'ip route add 10.99.0.0/16 table 300 via 10.1.0.2',
    'ip route del 10.99.0.0/16 table 300', 'ip addr flush dev d0', 'ip -s neigh flush dev va',
    'ip -d link show br0', 'ip link show master br0',
    'brctl show', 'brctl showmacs br0', 'brctl showstp br0', 'route -n', 'route -6 -n', 'route -ee',
    'route', 'route -C',
]

def capture(cmd):
    """The datagrams nsbox's reads got, in order."""
    log = '/tmp/nsbox-seed-strace.txt'
    subprocess.run(['strace', '-qq', '-f', '-e', 'trace=recvmsg,recvfrom', '-e', 'read=all', '-o', log, NSBOX]
                   + shlex.split(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    grams, cur = [], None
    for line in open(log, errors='replace'):
        m = re.match(r'^(\d+\s+)?\s*\* (\d+) bytes in buffer', line)
        if m:
            cur = bytearray()
            grams.append(cur)
            continue
        m = re.match(r'^(\d+\s+)?\s*\| [0-9a-f]{5}  ((?:[0-9a-f]{2} {1,2}){1,16})', line)
        if m and cur is not None:
            cur += bytes.fromhex(m.group(2).replace(' ', ''))
    os.unlink(log)
    return [bytes(g) for g in grams]

def record(b):
    return struct.pack('<H', len(b)) + b

def save(target, data, name=None):
    d = os.path.join(OUT, target)
    os.makedirs(d, exist_ok=True)
    name = name or hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), 'wb') as f:
        f.write(data)

def messages(gram):
    at = 0
    while at + 16 <= len(gram):
        n = struct.unpack_from('<I', gram, at)[0]
        if n < 16 or at + n > len(gram):
            break
        yield gram[at:at + n]
        at += (n + 3) & ~3

def main():
    if MADE_UP:
        return made_up()
    sh(SETUP)
    seen = set()
    for i, cmd in enumerate(COMMANDS):
        grams = capture(cmd)
        words = b'\0'.join(w.encode() for w in shlex.split(cmd))
        save('cmdline', words + b'\0\0' + b''.join(record(g) for g in grams),
             'c%02d_' % i + re.sub(r'[^a-z0-9]+', '_', cmd)[:40])
        # nlreply: one file per message type and command, under varying options.
        for g in grams:
            for m in messages(g):
                t = struct.unpack_from('<H', m, 4)[0]
                if (cmd, t) in seen:
                    continue
                seen.add((cmd, t))
                opt = (len(seen) * 37) & 0xff
                save('nlreply', bytes([opt, len(seen) & 0xff]) + m)
        # Many messages at once too.
        if grams:
            save('nlreply', bytes([i * 5 & 0xff, i]) + b''.join(grams)[:16384])
    made_up()

def made_up():
    modprobe_seeds()
    ping_seeds()
    batch_seeds()
    args_seeds()
    dhcp_seeds()

def dhcp_seeds():
    """BOOTP replies (the harness puts the IPv4 and UDP headers around them, and the request's
    xid and client address in): an offer with every option ipconfig reads, an ACK, a NAK, plain
    BOOTP, options in the file and sname fields (overload), and a search list with pointers."""
    def bootp(opts, sname=b'', file=b'pxe'):
        b = bytearray(236)
        b[0], b[1], b[2] = 2, 1, 6
        b[16:24] = bytes([10, 5, 0, 55, 10, 5, 0, 1])
        b[44:44 + len(sname)] = sname
        b[108:108 + len(file)] = file
        return bytes(b) + (b'\x63\x82\x53\x63' + bytes.fromhex(opts) if opts is not None else b'')
    seeds = [
        bootp('350102 36040a050001 33040000 0e10 0104ffffff00 03080a0500010a0500fe 06080a0500020a050003'
              '0c0a636c69656e74686f7374 0f0c6578616d706c652e74657374 1a020578 1c040a0500ff'
              '2803 6e6973 1104 2f6e6673 ff'.replace(' ', '')),
        bootp('350105 36040a050001 33040000 0e10 0104ffffff00 ff'.replace(' ', '')),
        bootp('350106 ff'),
        bootp(None),
        bootp('350102 340103 ff', sname=bytes.fromhex('0304 0a050001 ff'), file=bytes.fromhex('0c03 616263 ff')),
        bootp(('350105 770f 076578616d706c6503636f6d00 c000'
               '7912 18 0a0101 0a050001 00 0a050001 20 0a000001 0a050002 ff').replace(' ', '')),
    ]
    for i, b in enumerate(seeds):
        save('dhcp', bytes([0]) + b, 'd%d' % i)
        save('dhcp', bytes([4 | 8]) + b, 'd%d_build' % i)

def modprobe_seeds():
    dep = (b'kernel/net/nsbx-top.ko: kernel/net/nsbx_mid.ko kernel/net/nsbx_low.ko\n'
           b'kernel/net/nsbx_mid.ko: kernel/net/nsbx_low.ko\nkernel/net/nsbx_low.ko:\n'
           b'kernel/net/nsbx_zst.ko.zst:\n')
    alias = (b'# Aliases extracted from modules themselves.\nalias rtnl-link-nsbx nsbx_top\n'
             b'alias pci:v00001AF4d00001041sv*sd*bc*sc*i* nsbx_mid\nalias fs-[ab]x* nsbx_low\n')
    builtin = b'kernel/net/nsbx_bi.ko\nkernel/fs/ext4/ext4.ko\n'
    for i, name in enumerate([b'nsbx_top', b'nsbx-top', b'rtnl-link-nsbx', b'nsbx_bi', b'nosuch',
                              b'pci:v00001AF4d00001041sv00001AF4sd00001100bc02sc00i00', b'fs-bx1', b'nsbx_zst']):
        save('modprobe', bytes([i * 3]) + name + b'\0' + dep + b'\0' + alias + b'\0' + builtin, 'm%d' % i)

def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def ping_seeds():
    ts = struct.pack('<q', 1000000000 + 100)   # the fake clock starts at 1e9 us
    for i, (mode, seq) in enumerate([(0, 1), (1, 1), (2, 1), (0, 2), (3, 1)]):
        icmp = bytearray(struct.pack('!BBHHH', 129 if mode == 2 else 0, 0, 0, 0x1234, seq) + ts + bytes(range(40)))
        if mode != 2:
            struct.pack_into('!H', icmp, 2, csum(bytes(icmp)))
        pkt = bytes(icmp)
        if mode in (0, 3):      # raw IPv4: the IP header first
            ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(pkt), 1, 0, 64, 1, 0,
                             bytes([127, 0, 0, 1]), bytes([127, 0, 0, 1]))
            pkt = ip + pkt
        save('ping', bytes([mode, 3]) + record(pkt) + record(pkt), 'p%d' % i)

def batch_seeds():
    for i, text in enumerate([
            b'# build a pair\nlink add bv0 type veth peer name bv1\nnetns add bat\n'
            b'addr add 10.2.0.1/24 dev bv0   # trailing comment\nlink set bv1 \\\n  netns bat\n',
            b'link show "lo"\nlink show \'lo\'\n\n   \nbogus\nlink show lo\n',
            b'link show "lo\n', b'link show lo \\\n', b'netns exec e1 sh -c "echo in-child; exit 3"\n',
            b'a ' * 120 + b'\n']):
        save('batch', bytes([i]) + text, 'b%d' % i)

def args_seeds():
    words = {
        0: [b'0', b'0x10', b'010', b' +7', b'-0', b'4294967295', b'4294967296', b'9223372036854775807'],
        1: [b'10.1.0.1', b'10.1', b'0x7f.1', b'1.2.3.4/24', b'10.0.0.0/255.255.0.0', b'::1/128',
            b'fe80::1%eth0', b'default', b'any/0', b'1.2.3.4/010'],
        2: [b'02:00:00:00:00:01', b'2:0:0:0:0:1', b'ff', b'aa:bb:cc:dd:ee:ff:00:11:22:33:44:55:66:77:88:99:aa'],
        3: [b'link', b'host', b'global', b'kernel', b'boot', b'main', b'local', b'255', b'blackhole'],
        4: [b'\x01\x02\x03\x04\x05\x06', b'\xff' * 20],
        5: [b'stp_state\x001\x00forward_delay\x00400', b'id\x00007\x00protocol\x00802.1ad',
            b'mode\x00bridge\x00nopromisc', b'mode\x00l3s\x00private',
            b'id\x0042\x00remote\x0010.1.0.9\x00dstport\x004789\x00ttl\x00inherit',
            b'fdb_flush\x00mcast_snooping\x000\x00vlan_protocol\x00802.1ad'],
    }
    kind_sel = {0: 0x05, 1: 0x15, 2: 0x25, 3: 0x45, 4: 0x65, 5: 0x05}
    for sel, ws in words.items():
        if sel == 5:
            for j, w in enumerate(ws):
                save('args', bytes([(0x05, 0x15, 0x25, 0x45, 0x65, 0x05)[j]]) + w, 'k%d' % j)
        else:
            save('args', bytes([sel]) + b'\0'.join(ws), 'a%d' % sel)
            save('args', bytes([sel | 0x10]) + b'\0'.join(ws), 'a%d_16' % sel)

main()
