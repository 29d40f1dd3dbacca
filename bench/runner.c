/* runner: fork+exec commands N times each, with no shell in between, and report their cost.
 *
 *   runner [-n N] [-s START] [-o] [-m] [-e PREFIX] CMD [:: CMD]...
 *   CMD: [@NETNS] PROG [ARG...]
 *
 * With several commands the runs interleave, A B C A B C ..., each turn starting with the next
 * command and every other turn in reverse: on a shared machine whose speed drifts, every command
 * then sees the same machine, which is what makes their ratios trustworthy. "%d" in an argument becomes the iteration number (START,
 * START+1, ...). @NETNS: the child enters the network namespace at that path before its exec
 * (the same small cost for every command). The child's stdout goes to /dev/null unless -o;
 * its stderr to PREFIX.K (K: the command's index from 0) with -e, else it is kept. One line per command, in the order given:
 *   n=N fail=F total_us=T mean_us=M median_us=D first_us=A last_us=B rss_kib=R
 * first/last: the median op of the first and of the last 100 (of all when N < 100): medians,
 * because one stalled op would move a mean.
 * rss (-m only, else 0): the largest peak RSS (VmHWM) of a run, read from /proc/PID/status at the
 * ptrace exit stop. wait4's ru_maxrss is no use for small programs: since Linux 6.2 the RSS
 * counters are per-CPU and the value it reports is off by up to 32 pages per CPU (a static
 * program shows 0 KiB), and it also counts the forked runner's pages before exec. -m slows each
 * run (two ptrace stops), so its times are not the figures. Exit: 0 when every run exited 0. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAXN 20000
#define MAXCMDS 8
#define MAXARGS 64
#define ARGBUF 8192

extern char **environ;

struct cmd {
	char **argv;
	int argc;
	int nsfd, errfd;
	long fails, maxrss;
	long long total;
	unsigned *ns; /* per-op time in ns; 4 s at most per op is plenty */
};

static struct cmd cmds[MAXCMDS];
static unsigned op_ns[MAXCMDS][MAXN];
static unsigned part[100];

static int cmp(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
	return x < y ? -1 : x > y;
}

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* argv with "%d" replaced by i; the strings live in buf. */
static void subst(char **dst, char **src, int argc, long i, char *buf)
{
	char *p = buf, *end = buf + ARGBUF;
	for (int k = 0; k < argc; k++) {
		const char *s = src[k], *pct = strstr(s, "%d");
		int n;
		dst[k] = p;
		if (pct)
			n = snprintf(p, (size_t)(end - p), "%.*s%ld%s", (int)(pct - s), s, i, pct + 2);
		else
			n = snprintf(p, (size_t)(end - p), "%s", s);
		if (n < 0 || n >= end - p) {
			fputs("runner: arguments too long\n", stderr);
			exit(2);
		}
		p += n + 1;
	}
	dst[argc] = NULL;
}

/* VmHWM of a stopped process, in KiB; -1 when unreadable. */
static long vm_hwm(pid_t pid)
{
	char path[64], b[4096];
	ssize_t n;
	int fd;
	const char *p;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, b, sizeof(b) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	b[n] = 0;
	p = strstr(b, "\nVmHWM:");
	return p ? atol(p + 7) : -1;
}

/* Runs the traced child to its end; its status in *st, its peak RSS returned. */
static long trace_child(pid_t pid, int *st)
{
	long hwm = -1;
	int sig;

	/* The first stop is the SIGTRAP of its execve. */
	if (waitpid(pid, st, 0) < 0 || !WIFSTOPPED(*st))
		return -1;
	ptrace(PTRACE_SETOPTIONS, pid, 0, (void *)(long)(PTRACE_O_TRACEEXIT | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL));
	sig = 0;
	for (;;) {
		ptrace(PTRACE_CONT, pid, 0, (void *)(long)sig);
		if (waitpid(pid, st, 0) < 0)
			return -1;
		if (WIFEXITED(*st) || WIFSIGNALED(*st))
			return hwm;
		sig = 0;
		if (*st >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8)))
			hwm = vm_hwm(pid);
		else if (*st >> 8 != (SIGTRAP | (PTRACE_EVENT_EXEC << 8)))
			sig = WSTOPSIG(*st);
	}
}

/* Sorts t[0..n) and returns its median in microseconds. */
static double median_us(unsigned *t, long n)
{
	qsort(t, (size_t)n, sizeof(t[0]), cmp);
	return n & 1 ? t[n / 2] / 1000.0 : (t[n / 2 - 1] + (double)t[n / 2]) / 2000.0;
}

static int run_once(struct cmd *c, long i, long iter, int devnull, int mem)
{
	static char *args[MAXARGS + 1];
	static char buf[ARGBUF];
	long long t0, t;
	pid_t pid;
	int st;

	subst(args, c->argv, c->argc, i, buf);
	t0 = now_ns();
	pid = fork();
	if (pid == 0) {
		if (devnull >= 0)
			dup2(devnull, 1);
		if (c->errfd >= 0)
			dup2(c->errfd, 2);
		if (c->nsfd >= 0 && setns(c->nsfd, CLONE_NEWNET) < 0) {
			perror("runner: setns");
			_exit(126);
		}
		if (mem && ptrace(PTRACE_TRACEME, 0, 0, 0) < 0)
			_exit(126);
		execve(args[0], args, environ);
		perror(args[0]);
		_exit(127);
	}
	if (pid < 0) {
		perror("runner: fork");
		return -1;
	}
	if (mem) {
		long hwm = trace_child(pid, &st);
		if (hwm > c->maxrss)
			c->maxrss = hwm;
	} else {
		while (waitpid(pid, &st, 0) < 0)
			if (errno != EINTR) {
				perror("runner: waitpid");
				return -1;
			}
	}
	t = now_ns() - t0;
	c->total += t;
	c->ns[iter] = t > 0xffffffffLL ? 0xffffffffu : (unsigned)t;
	if (!WIFEXITED(st) || WEXITSTATUS(st)) {
		if (!c->fails)
			fprintf(stderr, "runner: %s ... (iteration %ld) ended with status %#x\n", args[0], i, st);
		c->fails++;
	}
	return 0;
}

static void report(struct cmd *c, long n)
{
	long k = n < 100 ? n : 100;
	double first, last;

	memcpy(part, c->ns, (size_t)k * sizeof(part[0]));
	first = median_us(part, k);
	memcpy(part, c->ns + n - k, (size_t)k * sizeof(part[0]));
	last = median_us(part, k);
	printf("n=%ld fail=%ld total_us=%.1f mean_us=%.2f median_us=%.2f first_us=%.2f last_us=%.2f rss_kib=%ld\n",
	       n, c->fails, c->total / 1000.0, c->total / 1000.0 / n, median_us(c->ns, n), first, last, c->maxrss);
}

int main(int argc, char **argv)
{
	long n = 1, start = 0, fails = 0;
	int keep_out = 0, mem = 0, opt, devnull = -1, ncmds = 0;
	const char *errpfx = NULL;

	while ((opt = getopt(argc, argv, "+n:s:ome:")) != -1) {
		if (opt == 'n')
			n = atol(optarg);
		else if (opt == 's')
			start = atol(optarg);
		else if (opt == 'o')
			keep_out = 1;
		else if (opt == 'm')
			mem = 1;
		else if (opt == 'e')
			errpfx = optarg;
		else
			return 2;
	}
	for (int i = optind; i < argc;) {
		struct cmd *c = &cmds[ncmds];
		int j = i;
		while (j < argc && strcmp(argv[j], "::"))
			j++;
		if (ncmds == MAXCMDS || j == i || j - i > MAXARGS)
			goto usage;
		c->nsfd = -1;
		c->errfd = -1;
		if (errpfx) {
			char path[4096];
			snprintf(path, sizeof(path), "%s.%d", errpfx, ncmds);
			c->errfd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
			if (c->errfd < 0) {
				perror(path);
				return 2;
			}
		}
		if (argv[i][0] == '@') {
			c->nsfd = open(argv[i] + 1, O_RDONLY | O_CLOEXEC);
			if (c->nsfd < 0) {
				perror(argv[i] + 1);
				return 2;
			}
			if (++i == j)
				goto usage;
		}
		c->argv = argv + i;
		c->argc = j - i;
		c->ns = op_ns[ncmds++];
		i = j + 1;
	}
	if (!ncmds || n < 1 || n > MAXN)
		goto usage;
	if (!keep_out) {
		devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
		if (devnull < 0) {
			perror("runner: /dev/null");
			return 2;
		}
	}
	for (long i = 0; i < n; i++)
		for (int k = 0; k < ncmds; k++) {
			int at = (i / ncmds) & 1 ? ncmds - 1 - k : k;
			if (run_once(&cmds[(i + at) % ncmds], start + i, i, devnull, mem) < 0)
				return 2;
		}
	for (int k = 0; k < ncmds; k++) {
		report(&cmds[k], n);
		fails += cmds[k].fails;
	}
	return fails ? 1 : 0;
usage:
	fputs("usage: runner [-n N] [-s START] [-o] [-m] [-e PREFIX] [@NETNS] PROG [ARG...] [:: CMD]...\n", stderr);
	return 2;
}
