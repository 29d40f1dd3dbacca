/* What the fuzz targets share. nsbox's objects are built for them with the calls that reach the
 * kernel renamed (-Dsocket=fz_socket, -Dexit=fz_exit ...: see FUZZ_RENAME in the Makefile), and
 * fakesys.c answers those calls: netlink requests get replies cut from the fuzz input, ICMP
 * sockets get echo replies from it, and everything that would change the system (mount,
 * unshare, setns, clone, module calls, opening a file for writing, exec) fails with EPERM.
 * exit() longjmps back to the harness, so an applet that exits on bad input is fuzzed in the
 * same process (see fz_call). */
#ifndef NSBOX_FUZZ_H
#define NSBOX_FUZZ_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

/* The fake kernel's replies: records of a 2-byte little-endian length and that many bytes (the
 * last one cut at the end of the data), each one datagram. Netlink messages in a record get the
 * seq and portid of the request they answer; a record of length 0 stands for the reply the
 * kernel would give by itself (DONE to a dump, an ack to NLM_F_ACK, ENODEV to a get). Once the
 * records are used up every request gets that reply. */
void fz_replies(const uint8_t *data, size_t len);
/* Forget every fake socket (between inputs). */
void fz_reset(void);

/* Run fn(argc, argv) with nsbox's global state reset and exit() caught: its return value, or
 * the code it exited with. stdout and stderr go to /dev/null unless FUZZ_VERBOSE is set. */
int fz_call(int (*fn)(int, char **), int argc, char **argv);
/* Split data into at most max-1 words at NUL bytes into a copy (freed at the next call), argv
 * NULL-ended; returns argc. *rest: the bytes after the first empty word (two NULs in a row),
 * or NULL. */
int fz_words(const uint8_t *data, size_t len, char **argv, int max, const uint8_t **rest, size_t *restlen);
/* Called once: silences output, fixes the fake clock and pid. */
void fz_init(void);

/* fd is one of the fake sockets. */
int fz_is_sock(int fd);

/* Raw sockets fail with EPERM (as for a user): ping falls back to a datagram socket. */
extern int fz_raw_eperm;

/* Set while fz_call runs; fz_exit jumps to it. */
extern jmp_buf *fz_jmp;
extern int fz_exit_code;

/* A failed check inside a harness: a crash libFuzzer records. */
#define FZ_ASSERT(c) do { if (!(c)) __builtin_trap(); } while (0)

#endif
