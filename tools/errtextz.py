#!/usr/bin/env python3
# errtextz: the table of cmds/lib/errtext.c, written from the texts below (glibc's strerror,
# errno 0 to 133; "" where glibc says "Unknown error N"). Run by hand after changing a text:
#   python3 tools/errtextz.py cmds/lib/errtext.c
# It learns byte pairs (each byte from 0x80 to 0xff, then 0x01 to 0x1f, stands for two others,
# which may be pairs in turn; 0x80 + 0x80 is no code) and rewrites the lines between the
# "errtextz:" markers. Deterministic: the same texts give the same table.
import collections, sys

TEXTS = [
	"Success",
	"Operation not permitted",
	"No such file or directory",
	"No such process",
	"Interrupted system call",
	"Input/output error",
	"No such device or address",
	"Argument list too long",
	"Exec format error",
	"Bad file descriptor",
	"No child processes",
	"Resource temporarily unavailable",
	"Cannot allocate memory",
	"Permission denied",
	"Bad address",
	"Block device required",
	"Device or resource busy",
	"File exists",
	"Invalid cross-device link",
	"No such device",
	"Not a directory",
	"Is a directory",
	"Invalid argument",
	"Too many open files in system",
	"Too many open files",
	"Inappropriate ioctl for device",
	"Text file busy",
	"File too large",
	"No space left on device",
	"Illegal seek",
	"Read-only file system",
	"Too many links",
	"Broken pipe",
	"Numerical argument out of domain",
	"Numerical result out of range",
	"Resource deadlock avoided",
	"File name too long",
	"No locks available",
	"Function not implemented",
	"Directory not empty",
	"Too many levels of symbolic links",
	"",
	"No message of desired type",
	"Identifier removed",
	"Channel number out of range",
	"Level 2 not synchronized",
	"Level 3 halted",
	"Level 3 reset",
	"Link number out of range",
	"Protocol driver not attached",
	"No CSI structure available",
	"Level 2 halted",
	"Invalid exchange",
	"Invalid request descriptor",
	"Exchange full",
	"No anode",
	"Invalid request code",
	"Invalid slot",
	"",
	"Bad font file format",
	"Device not a stream",
	"No data available",
	"Timer expired",
	"Out of streams resources",
	"Machine is not on the network",
	"Package not installed",
	"Object is remote",
	"Link has been severed",
	"Advertise error",
	"Srmount error",
	"Communication error on send",
	"Protocol error",
	"Multihop attempted",
	"RFS specific error",
	"Bad message",
	"Value too large for defined data type",
	"Name not unique on network",
	"File descriptor in bad state",
	"Remote address changed",
	"Can not access a needed shared library",
	"Accessing a corrupted shared library",
	".lib section in a.out corrupted",
	"Attempting to link in too many shared libraries",
	"Cannot exec a shared library directly",
	"Invalid or incomplete multibyte or wide character",
	"Interrupted system call should be restarted",
	"Streams pipe error",
	"Too many users",
	"Socket operation on non-socket",
	"Destination address required",
	"Message too long",
	"Protocol wrong type for socket",
	"Protocol not available",
	"Protocol not supported",
	"Socket type not supported",
	"Operation not supported",
	"Protocol family not supported",
	"Address family not supported by protocol",
	"Address already in use",
	"Cannot assign requested address",
	"Network is down",
	"Network is unreachable",
	"Network dropped connection on reset",
	"Software caused connection abort",
	"Connection reset by peer",
	"No buffer space available",
	"Transport endpoint is already connected",
	"Transport endpoint is not connected",
	"Cannot send after transport endpoint shutdown",
	"Too many references: cannot splice",
	"Connection timed out",
	"Connection refused",
	"Host is down",
	"No route to host",
	"Operation already in progress",
	"Operation now in progress",
	"Stale file handle",
	"Structure needs cleaning",
	"Not a XENIX named type file",
	"No XENIX semaphores available",
	"Is a named type file",
	"Remote I/O error",
	"Disk quota exceeded",
	"No medium found",
	"Wrong medium type",
	"Operation canceled",
	"Required key not available",
	"Key has expired",
	"Key has been revoked",
	"Key was rejected by service",
	"Owner died",
	"State not recoverable",
	"Operation not possible due to RF-kill",
	"Memory page has hardware error",
]

CODES = list(range(0x80, 0x100)) + list(range(0x01, 0x20))


def learn(texts):
    seqs = [[ord(c) for c in t] for t in texts]
    pairs = []

    def rep(s, a, b, code):
        o, i, k = [], 0, 0
        while i < len(s):
            if i + 1 < len(s) and s[i] == a and s[i + 1] == b:
                o.append(code)
                i += 2
                k += 1
            else:
                o.append(s[i])
                i += 1
        return o, k

    for code in CODES:
        cnt = collections.Counter()
        for s in seqs:
            for i in range(len(s) - 1):
                cnt[(s[i], s[i + 1])] += 1
        best = None
        for (a, b), _ in cnt.most_common(5):
            n = sum(rep(s, a, b, code)[1] for s in seqs)
            if best is None or n > best[0]:
                best = (n, a, b)
        if best is None or best[0] <= 2:   # a pair costs two bytes
            break
        _, a, b = best
        seqs = [rep(s, a, b, code)[0] for s in seqs]
        pairs.append((a, b))
    return seqs, pairs


def lit(bs, per=24):
    out, line = [], ''
    for i, c in enumerate(bs):
        line += '\\%03o' % c if c < 0x20 or c >= 0x7f else '\\' + chr(c) if chr(c) in '"\\' else chr(c)
        if (i + 1) % per == 0:
            out.append('\t"%s"' % line)
            line = ''
    if line:
        out.append('\t"%s"' % line)
    return '\n'.join(out)


def main():
    assert len(TEXTS) == 134
    seqs, pairs = learn(TEXTS)
    flat = []
    for i, (a, b) in enumerate(pairs):
        if i == 128:
            flat += [0, 0]   # index 128 is byte 0x00, the end of a text: no code
        flat += [a, b]
    body = []
    for s in seqs:
        body += s + [0]
    gen = ['/* errtextz: the rest of this block is written by tools/errtextz.py */',
           'static const char pairs[] =', lit(flat) + ';',
           'static const char texts[] =', lit(body[:-1], 32) + ';',
           '/* errtextz: end */']
    path = sys.argv[1]
    src = open(path).read()
    a = src.index('/* errtextz: the rest')
    b = src.index('/* errtextz: end */') + len('/* errtextz: end */')
    open(path, 'w').write(src[:a] + '\n'.join(gen) + src[b:])


main()
