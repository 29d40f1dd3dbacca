/* printf's %g without the libc float formatter: six significant digits taken from the exact
 * binary value of the double, ties to even, trailing zeros dropped. */
#include <stdint.h>
#include <string.h>
#include "out.h"

static uint64_t pow10u(int k)
{
	uint64_t p = 1;

	while (k--)
		p *= 10;
	return p;
}

/* a * b as two 64-bit halves (no 128-bit integer type on 32-bit targets). */
static void mul64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
	uint64_t al = a & 0xffffffff, ah = a >> 32, bl = b & 0xffffffff, bh = b >> 32;
	uint64_t ll = al * bl, lh = al * bh, hl = ah * bl;
	uint64_t mid = (ll >> 32) + (lh & 0xffffffff) + (hl & 0xffffffff);

	*lo = mid << 32 | (ll & 0xffffffff);
	*hi = ah * bh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}

/* Bit i of hi:lo, and whether any bit below i is set. */
static int bit(uint64_t hi, uint64_t lo, int i)
{
	return (int)((i >= 64 ? hi >> (i - 64) : lo >> i) & 1);
}

static int below(uint64_t hi, uint64_t lo, int i)
{
	return i >= 64 ? lo || (hi & ((1ull << (i - 64)) - 1)) : (lo & ((1ull << i) - 1)) != 0;
}

/* m * 2^e2 * 10^k rounded to an integer; *range is -1 or 1 when, before rounding, it was
 * below 10^5 or at least 10^6: six digits need another k. */
static uint64_t scaled(uint64_t m, int e2, int k, int *range)
{
	uint64_t q, r, half;
	int odd, up;

	if (k >= 0) {
		/* v < 10^6 here, so e2 < 0. */
		uint64_t hi, lo;
		int sh = -e2;

		mul64(m, pow10u(k), &hi, &lo);
		q = sh >= 64 ? hi >> (sh - 64) : lo >> sh | hi << (64 - sh);
		/* The remainder above half, or at half with q odd (ties to even). */
		up = bit(hi, lo, sh - 1) && (below(hi, lo, sh - 1) || (q & 1));
	} else {
		uint64_t den = pow10u(-k);
		if (e2 >= 0)
			m <<= e2;
		else
			den <<= -e2;
		q = m / den;
		r = m % den;
		half = den - r;
		odd = q & 1;
		up = r > half || (r == half && odd);
	}
	*range = q < 100000 ? -1 : q >= 1000000 ? 1 : 0;
	return q + up;
}

char *fmt_g(char *buf, double v)
{
	char d[8], *p = buf;
	uint64_t bits, m, q;
	int e2, e10, range, n;

	memcpy(&bits, &v, sizeof(bits));
	if (bits >> 63)
		*p++ = '-';
	m = bits & ((1ull << 52) - 1);
	e2 = (int)(bits >> 52 & 0x7ff);
	e2 -= 1075;
	/* Past 2^-46 .. 2^63 the integers below would overflow; nsbox prints nothing there. */
	if (e2 < -98 || e2 > 10) {
		memcpy(p, "0", 2);
		return buf;
	}
	m |= 1ull << 52;
	/* log10(2) ~ 78913 / 2^18; then step to the exponent that gives six digits. */
	e10 = ((e2 + 52) * 78913) >> 18;
	for (;;) {
		q = scaled(m, e2, 5 - e10, &range);
		if (!range)
			break;
		e10 += range;
	}
	if (q == 1000000)
		q = 100000, e10++;
	for (n = 6; n--; q /= 10)
		d[n] = '0' + q % 10;
	for (n = 6; n > 1 && d[n - 1] == '0'; n--)
		;
	if (e10 < -4 || e10 >= 6) {
		*p++ = d[0];
		if (n > 1)
			*p++ = '.', memcpy(p, d + 1, n - 1), p += n - 1;
		*p++ = 'e';
		*p++ = e10 < 0 ? '-' : '+';
		if (e10 < 0)
			e10 = -e10;
		if (e10 >= 100)
			*p++ = '0' + e10 / 100;
		*p++ = '0' + e10 / 10 % 10;
		*p++ = '0' + e10 % 10;
	} else if (e10 >= 0) {
		memcpy(p, d, e10 + 1);
		p += e10 + 1;
		if (n > e10 + 1)
			*p++ = '.', memcpy(p, d + e10 + 1, n - e10 - 1), p += n - e10 - 1;
	} else {
		*p++ = '0';
		*p++ = '.';
		for (int i = -1; i > e10; i--)
			*p++ = '0';
		memcpy(p, d, n);
		p += n;
	}
	*p = 0;
	return buf;
}
