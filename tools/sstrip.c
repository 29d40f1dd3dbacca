/* sstrip FILE: cuts an ELF executable down to what the kernel loads. It drops the section
 * headers, the section names and what only they point at (.comment ...), everything after the
 * end of the last segment in the file, and the zero bytes that end the last loadable segment
 * (its memory past p_filesz is zeroed by the kernel anyway). Run on the build machine (BUILD_CC)
 * for any target: 32- or 64-bit, either byte order. Exit 1 with a message when FILE is not an
 * ELF file it can cut; FILE is then left as it was. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned char *img;
static size_t len;
static int is64, big;

/* A field of `n` bytes at `off`, in the file's byte order. */
static unsigned long long get(size_t off, int n)
{
	unsigned long long v = 0;

	for (int i = 0; i < n; i++)
		v |= (unsigned long long)img[off + (big ? n - 1 - i : i)] << (8 * i);
	return v;
}

static void put(size_t off, int n, unsigned long long v)
{
	for (int i = 0; i < n; i++)
		img[off + (big ? n - 1 - i : i)] = (unsigned char)(v >> (8 * i));
}

static int fail(const char *file, const char *why)
{
	fprintf(stderr, "sstrip: %s: %s\n", file, why);
	return 1;
}

int main(int argc, char **argv)
{
	FILE *f;
	long sz;
	size_t phoff, phentsize, phnum, end = 0, last = 0;
	int w, have_last = 0;

	if (argc != 2) {
		fprintf(stderr, "usage: sstrip FILE\n");
		return 2;
	}
	struct stat st;
	mode_t mode;

	if (stat(argv[1], &st))
		return fail(argv[1], "cannot read");
	mode = st.st_mode & 07777;
	f = fopen(argv[1], "rb");
	if (!f || fseek(f, 0, SEEK_END) || (sz = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		return fail(argv[1], "cannot read");
	len = (size_t)sz;
	img = malloc(len ? len : 1);
	if (!img || fread(img, 1, len, f) != len)
		return fail(argv[1], "cannot read");
	fclose(f);
	if (len < 52 || memcmp(img, "\177ELF", 4) || (img[4] != 1 && img[4] != 2) || (img[5] != 1 && img[5] != 2))
		return fail(argv[1], "not an ELF file");
	is64 = img[4] == 2;
	big = img[5] == 2;
	w = is64 ? 8 : 4;
	if (is64 && len < 64)
		return fail(argv[1], "not an ELF file");
	if (get(16, 2) != 2)
		return fail(argv[1], "not an executable (ET_EXEC)");
	phoff = (size_t)get(is64 ? 32 : 28, w);
	phentsize = (size_t)get(is64 ? 54 : 42, 2);
	phnum = (size_t)get(is64 ? 56 : 44, 2);
	if (phentsize < (size_t)(is64 ? 56 : 32) || phnum == 0 || phoff > len || phnum > (len - phoff) / phentsize)
		return fail(argv[1], "bad program headers");
	end = phoff + phnum * phentsize;
	if (end < (size_t)(is64 ? 64 : 52))
		end = is64 ? 64 : 52;
	/* The end in the file of every segment; the last loadable one ending furthest. */
	for (size_t i = 0; i < phnum; i++) {
		size_t p = phoff + i * phentsize;
		unsigned long long type = get(p, 4);
		unsigned long long off = get(p + (is64 ? 8 : 4), w);
		unsigned long long fsz = get(p + (is64 ? 32 : 16), w);

		if (off > len || fsz > len - off)
			return fail(argv[1], "a segment past the end of the file");
		if (off + fsz >= end) {
			end = (size_t)(off + fsz);
			have_last = type == 1 /* PT_LOAD */;
			last = p;
		}
	}
	/* Trailing zeros of the last segment, if it is loadable and nothing else ends there. */
	if (have_last) {
		size_t start = (size_t)get(last + (is64 ? 8 : 4), w), e = end;
		for (size_t i = 0; i < phnum; i++) {
			size_t p = phoff + i * phentsize;
			unsigned long long o = get(p + (is64 ? 8 : 4), w), s = get(p + (is64 ? 32 : 16), w);
			if (p != last && o + s == end && s)
				have_last = 0;
		}
		if (have_last) {
			size_t floor = phoff + phnum * phentsize;
			while (e > start && e > floor && !img[e - 1])
				e--;
			put(last + (is64 ? 32 : 16), w, get(last + (is64 ? 32 : 16), w) - (end - e));
			end = e;
		}
	}
	/* No section headers. */
	put(is64 ? 40 : 32, w, 0);
	put(is64 ? 58 : 46, 2, 0);
	put(is64 ? 60 : 48, 2, 0);
	put(is64 ? 62 : 50, 2, 0);
	/* Written beside it, then renamed over it: FILE is never left half written. */
	{
		size_t n = strlen(argv[1]);
		char *tmp = malloc(n + 5);
		if (!tmp)
			return fail(argv[1], "out of memory");
		memcpy(tmp, argv[1], n);
		memcpy(tmp + n, ".tmp", 5);
		f = fopen(tmp, "wb");
		if (!f || fwrite(img, 1, end, f) != end || fclose(f) || chmod(tmp, mode) || rename(tmp, argv[1])) {
			remove(tmp);
			return fail(argv[1], "cannot write");
		}
	}
	return 0;
}
