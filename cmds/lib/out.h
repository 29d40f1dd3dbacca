/* Buffered stdout and stderr over write(2), and the small printf the applets use, which also
 * formats into a caller's buffer. nsbox does without stdio: it would bring in float
 * formatting and the FILE machinery, most of the binary. */
#ifndef NSBOX_OUT_H
#define NSBOX_OUT_H

#include <stdarg.h>
#include <stddef.h>

/* On a varargs function whose arguments are never floating point (nsbox passes no float to
 * one): on x86_64 its entry then does not store the eight SSE argument registers, 59 bytes. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define OUT_VA __attribute__((target("general-regs-only")))
#else
#define OUT_VA
#endif
/* A writer: the buffer of a file descriptor, or a caller's string (fd < 0), which counts on
 * past its end as snprintf does. */
struct sink {
	char *buf;
	size_t len, cap;
	int fd;
	int mode;
};
extern struct sink out_stdout, out_stderr;
#define OUT (&out_stdout)
#define ERR (&out_stderr)

/* Conversions: %d %i %u %x %c %s %%, flags - 0 #, width and precision (digits or *),
 * lengths hh h l ll z. vsfmt only appends: it is a part of a message that a later call of
 * the others, or sflush, completes. */
void sfmt(struct sink *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void vsfmt(struct sink *s, const char *fmt, va_list ap);
void sputs(struct sink *s, const char *str);
void sputc(struct sink *s, int c);
void sflush(struct sink *s);

/* stdout is written when its buffer fills, at out_flush() and out_exit(), and line by line
 * on a terminal; stderr at the end of each call, as an unbuffered stream is. */
void outf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void voutf(const char *fmt, va_list ap);
/* stderr, written at once. */
void verrf(const char *fmt, va_list ap);
void outs(const char *str);
void outc(int c);
static inline void out_flush(void) { sflush(OUT); }
/* The end of one record of a listing: flushed when stdout and stderr are the same file,
 * so that errors fall between records as iproute2's do; elsewhere that order can't be seen
 * and one write per buffer is cheaper than one per record. */
void out_record_end(void);
/* exit(3) after flushing stdout: the way out of an applet other than returning from it. */
_Noreturn void out_exit(int code);

/* snprintf: writes at most len bytes with the NUL, returns the length of the whole text. */
int bfmt(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* printf's %g of v, digit for digit as glibc prints it, for |v| from 2^-46 (1.4e-14) to 2^63;
 * outside that (zero included) it prints 0. buf holds 16. */
char *fmt_g(char *buf, double v);

#endif
