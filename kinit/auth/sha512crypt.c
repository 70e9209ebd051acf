// SPDX-License-Identifier: GPL-2.0
/*
 * sha512crypt.c - SHA-512-crypt ("$6$", as in /etc/shadow), written from
 * Ulrich Drepper's "Unix crypt using SHA-256 and SHA-512", and the
 * constant-time comparison that checks a password against it.
 */
#include <errno.h>

#include "lib/format.h"
#include "sha512.h"

static const char b64[] =
	"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/* Add @len bytes of the 64-byte @seq repeated (steps 11 and 16's idiom). */
static void add_repeated(struct sha512 *s, const uint8_t *seq, size_t len)
{
	for (; len > SHA512_DIGEST; len -= SHA512_DIGEST)
		sha512_update(s, seq, SHA512_DIGEST);
	sha512_update(s, seq, len);
}

/* Steps 1-12: digest A from the key, the salt and digest B. */
static void digest_a(const char *key, size_t keylen, const char *salt, size_t saltlen,
		     uint8_t a[SHA512_DIGEST])
{
	struct sha512 s;
	uint8_t b[SHA512_DIGEST];
	size_t n;

	sha512_init(&s);
	sha512_update(&s, key, keylen);
	sha512_update(&s, salt, saltlen);
	sha512_update(&s, key, keylen);
	sha512_final(&s, b);

	sha512_init(&s);
	sha512_update(&s, key, keylen);
	sha512_update(&s, salt, saltlen);
	add_repeated(&s, b, keylen);
	/* each bit of the key's length, lowest first: 1 adds B, 0 the key */
	for (n = keylen; n > 0; n >>= 1) {
		if (n & 1)
			sha512_update(&s, b, SHA512_DIGEST);
		else
			sha512_update(&s, key, keylen);
	}
	sha512_final(&s, a);
	auth_wipe(b, sizeof(b));
}

/* Steps 13-20: the P and S byte sequences the rounds mix in. */
static void sequences(const char *key, size_t keylen, const char *salt, size_t saltlen,
		      const uint8_t a[SHA512_DIGEST], uint8_t *p, uint8_t *sseq)
{
	struct sha512 s;
	uint8_t d[SHA512_DIGEST];
	size_t i;

	sha512_init(&s);
	for (i = 0; i < keylen; i++)
		sha512_update(&s, key, keylen);
	sha512_final(&s, d);
	for (i = 0; i < keylen; i++)
		p[i] = d[i % SHA512_DIGEST];

	sha512_init(&s);
	for (i = 0; i < 16u + a[0]; i++)
		sha512_update(&s, salt, saltlen);
	sha512_final(&s, d);
	memcpy(sseq, d, saltlen);
	auth_wipe(d, sizeof(d));
}

/* Step 22: the digest in the spec's byte order, 6 bits a character. */
static void encode(const uint8_t c[SHA512_DIGEST], char out[SHA512CRYPT_HASH_LEN + 1])
{
	static const uint8_t base[3] = { 0, 21, 42 };
	uint32_t w;
	int j, k, o = 0;

	/* groups (j, j+21, j+42), rotated left by j % 3 */
	for (j = 0; j < 21; j++) {
		w = 0;
		for (k = 0; k < 3; k++)
			w = w << 8 | c[base[(k + j) % 3] + j];
		for (k = 0; k < 4; k++, w >>= 6)
			out[o++] = b64[w & 0x3f];
	}
	w = c[63];
	out[o++] = b64[w & 0x3f];
	out[o++] = b64[w >> 6];
	out[o] = '\0';
}

/**
 * sha512crypt_digest() - the encoded SHA-512-crypt digest of a key
 * @key:	the password (any bytes)
 * @keylen:	its length, at most SHA512CRYPT_KEY_MAX (more is not looked at)
 * @salt:	the salt, at most 16 characters (more are not looked at)
 * @rounds:	the rounds, clamped to 1000..999999999 as the spec says
 * @hash:	the 86 characters after the last '$', NUL-terminated
 *
 * Every intermediate value is wiped before the return.
 */
void sha512crypt_digest(const char *key, size_t keylen, const char *salt,
			unsigned long rounds, char hash[SHA512CRYPT_HASH_LEN + 1])
{
	size_t saltlen = strnlen(salt, SHA512CRYPT_SALT_MAX);
	uint8_t a[SHA512_DIGEST], sseq[SHA512CRYPT_SALT_MAX];
	uint8_t p[SHA512CRYPT_KEY_MAX];
	struct sha512 s;
	unsigned long r;

	if (rounds < SHA512CRYPT_ROUNDS_MIN)
		rounds = SHA512CRYPT_ROUNDS_MIN;
	if (rounds > SHA512CRYPT_ROUNDS_MAX)
		rounds = SHA512CRYPT_ROUNDS_MAX;
	/* the P sequence is as long as the key: the callers bound it */
	if (keylen > SHA512CRYPT_KEY_MAX)
		keylen = SHA512CRYPT_KEY_MAX;
	digest_a(key, keylen, salt, saltlen, a);
	sequences(key, keylen, salt, saltlen, a, p, sseq);
	for (r = 0; r < rounds; r++) {
		sha512_init(&s);
		if (r & 1)
			sha512_update(&s, p, keylen);
		else
			sha512_update(&s, a, SHA512_DIGEST);
		if (r % 3)
			sha512_update(&s, sseq, saltlen);
		if (r % 7)
			sha512_update(&s, p, keylen);
		if (r & 1)
			sha512_update(&s, a, SHA512_DIGEST);
		else
			sha512_update(&s, p, keylen);
		sha512_final(&s, a);
	}
	encode(a, hash);
	auth_wipe(a, sizeof(a));
	auth_wipe(p, sizeof(p));
	auth_wipe(sseq, sizeof(sseq));
}

/**
 * sha512crypt() - crypt(3) for a "$6$" setting, as the spec defines it
 * @key:	the password
 * @keylen:	its length
 * @setting:	"$6$[rounds=N$]salt[$...]": the salt ends at '$' or after
 *		16 characters, rounds are clamped (the spec's lenient reading;
 *		a stored hash goes through sha512crypt_parse() instead)
 * @out:	"$6$[rounds=N$]salt$hash"
 *
 * Return: 0, -EINVAL when @setting does not start with "$6$", -E2BIG for
 * a key longer than SHA512CRYPT_KEY_MAX.
 */
int sha512crypt(const char *key, size_t keylen, const char *setting,
		char out[SHA512CRYPT_MAX])
{
	unsigned long rounds = SHA512CRYPT_ROUNDS_DEFAULT;
	char salt[SHA512CRYPT_SALT_MAX + 1], hash[SHA512CRYPT_HASH_LEN + 1];
	const char *s = setting + 3, *d;
	int given = 0;
	size_t n;

	if (strncmp(setting, "$6$", 3))
		return -EINVAL;
	if (keylen > SHA512CRYPT_KEY_MAX)
		return -E2BIG;
	if (!strncmp(s, "rounds=", 7)) {
		rounds = 0;
		for (d = s + 7; *d >= '0' && *d <= '9' && rounds <= SHA512CRYPT_ROUNDS_MAX; d++)
			rounds = rounds * 10 + (unsigned long)(*d - '0');
		if (*d == '$' && d > s + 7) {
			given = 1;
			s = d + 1;
		} else {
			rounds = SHA512CRYPT_ROUNDS_DEFAULT;
		}
	}
	for (n = 0; n < SHA512CRYPT_SALT_MAX && s[n] && s[n] != '$'; n++)
		salt[n] = s[n];
	salt[n] = '\0';
	if (rounds < SHA512CRYPT_ROUNDS_MIN)
		rounds = SHA512CRYPT_ROUNDS_MIN;
	if (rounds > SHA512CRYPT_ROUNDS_MAX)
		rounds = SHA512CRYPT_ROUNDS_MAX;
	sha512crypt_digest(key, keylen, salt, rounds, hash);
	if (given)
		ksnprintf(out, SHA512CRYPT_MAX, "$6$rounds=%lu$%s$%s", rounds, salt, hash);
	else
		ksnprintf(out, SHA512CRYPT_MAX, "$6$%s$%s", salt, hash);
	return 0;
}

/**
 * ct_memeq() - compare without a timing that tells where they differ
 * @a:		one buffer
 * @b:		the other
 * @len:	bytes to compare
 *
 * Return: 1 when equal, else 0; the time depends on @len only.
 */
int ct_memeq(const void *a, const void *b, size_t len)
{
	const uint8_t *x = a, *y = b;
	uint8_t diff = 0;
	size_t i;

	/* the empty asm hides @diff: no early exit once it is non-zero */
	for (i = 0; i < len; i++) {
		diff |= x[i] ^ y[i];
		__asm__ __volatile__("" : "+r"(diff));
	}
	return diff == 0;
}

/**
 * sha512crypt_verify() - is @key the password @spec was made from?
 * @key:	the password typed
 * @keylen:	its length
 * @spec:	the stored hash, parsed by sha512crypt_parse()
 *
 * Return: 1 when it is, else 0.
 */
int sha512crypt_verify(const char *key, size_t keylen,
		       const struct sha512crypt_spec *spec)
{
	char hash[SHA512CRYPT_HASH_LEN + 1];
	int ok;

	sha512crypt_digest(key, keylen, spec->salt, spec->rounds, hash);
	ok = ct_memeq(hash, spec->hash, SHA512CRYPT_HASH_LEN);
	auth_wipe(hash, sizeof(hash));
	return ok;
}
