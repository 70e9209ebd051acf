// SPDX-License-Identifier: GPL-2.0
/*
 * sha512crypt_test.c - host unit tests for kinit/auth/: SHA-512 against
 * the FIPS 180 examples, SHA-512-crypt against the test vectors of
 * Drepper's "Unix crypt using SHA-256 and SHA-512" (rounds= forms, a salt
 * cut at 16, rounds clamped), the strict reader of stored hashes, the
 * constant-time compare and the password check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "auth/sha512.c"
#include "auth/sha512crypt.c"
#include "auth/crypt_parse.c"
#include "lib/util.h"

#include "ktap.h"

struct sha_case {
	const char *name, *msg;
	size_t repeat;		/* the message this many times */
	const char *hex;
};

static const struct sha_case sha_cases[] = {
	{ "empty", "", 1,
	  "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
	  "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e" },
	{ "abc", "abc", 1,
	  "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
	  "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
	{ "448 bits", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
	  "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c335"
	  "96fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445" },
	{ "896 bits (two blocks)",
	  "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
	  "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 1,
	  "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
	  "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909" },
	{ "a million a", "a", 1000000,
	  "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
	  "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b" },
};

struct crypt_case {
	const char *setting, *key, *want;
};

/* The spec's SHA-512 vectors, as glibc's and libxcrypt's crypt() give them */
static const struct crypt_case crypt_cases[] = {
	{ "$6$saltstring", "Hello world!",
	  "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTL"
	  "iBFdcbYEdFCoEOfaS35inz1" },
	{ "$6$rounds=10000$saltstringsaltstring", "Hello world!",
	  "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSn"
	  "CM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v." },
	{ "$6$rounds=5000$toolongsaltstring", "This is just a test",
	  "$6$rounds=5000$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwll"
	  "F7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0" },
	{ "$6$rounds=1400$anotherlongsaltstring",
	  "a very much longer text to encrypt.  This one even stretches over morethan one line.",
	  "$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6I"
	  "oYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1" },
	{ "$6$rounds=77777$short", "we have a short salt string but not a short password",
	  "$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5C"
	  "CaUeOxFmtlcGZelFl5CxtgfiAc0" },
	{ "$6$rounds=123456$asaltof16chars..", "a short string",
	  "$6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwcelCjmw2kSYu."
	  "Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1" },
	{ "$6$rounds=10$roundstoolow", "the minimum number is still observed",
	  "$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt5"
	  "8jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX." },
};

#define H86 "svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1"

struct parse_case {
	const char *s;
	int ok;
	unsigned long rounds;	/* when ok */
};

static const struct parse_case parse_cases[] = {
	{ "$6$saltstring$" H86, 1, 5000 },
	{ "$6$rounds=5000$saltstring$" H86, 1, 5000 },
	{ "$6$rounds=1000$s$" H86, 1, 1000 },
	{ "$6$rounds=999999999$s$" H86, 1, 999999999 },
	{ "$6$./09AZaz./09AZaz$" H86, 1, 5000 },		/* 16: the most */
	{ "", 0, 0 },
	{ "$6$", 0, 0 },
	{ "$1$saltstring$" H86, 0, 0 },				/* MD5 */
	{ "$5$saltstring$" H86, 0, 0 },				/* SHA-256 */
	{ "$y$j9T$saltstring$" H86, 0, 0 },			/* yescrypt */
	{ "6$saltstring$" H86, 0, 0 },
	{ "$6$rounds=999$s$" H86, 0, 0 },			/* too few */
	{ "$6$rounds=1000000000$s$" H86, 0, 0 },		/* too many */
	{ "$6$rounds=05000$s$" H86, 0, 0 },			/* leading zero */
	{ "$6$rounds=$s$" H86, 0, 0 },
	{ "$6$rounds=5k$s$" H86, 0, 0 },
	{ "$6$rounds=-5000$s$" H86, 0, 0 },
	{ "$6$rounds=5000s$" H86, 0, 0 },
	{ "$6$$" H86, 0, 0 },					/* empty salt */
	{ "$6$./09AZaz./09AZazX$" H86, 0, 0 },			/* 17 */
	{ "$6$salt string$" H86, 0, 0 },
	{ "$6$salt-string$" H86, 0, 0 },
	{ "$6$salt\xc3\xa9$" H86, 0, 0 },
	{ "$6$salt:x$" H86, 0, 0 },
	{ "$6$saltstring" H86, 0, 0 },				/* no $ */
	{ "$6$saltstring$", 0, 0 },				/* no hash */
	{ "$6$saltstring$" H86 "1", 0, 0 },			/* 87 */
	{ "$6$saltstring$" H86 "$", 0, 0 },
	{ "$6$saltstring$" H86 "\n", 0, 0 },
	{ "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz", 0, 0 },	/* 85 */
	{ "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35in*1", 0, 0 },
	{ "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz2", 0, 0 },	/* 3 bits in the last */
};

static void hex(const uint8_t *d, size_t n, char *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", d[i]);
}

static void sha_tests(struct ktap *t)
{
	char got[2 * SHA512_DIGEST + 1];
	uint8_t d[SHA512_DIGEST];
	struct sha512 s;
	size_t i, r, j, len;

	for (i = 0; i < ARRAY_SIZE(sha_cases); i++) {
		sha512_init(&s);
		for (r = 0; r < sha_cases[i].repeat; r++)
			sha512_update(&s, sha_cases[i].msg, strlen(sha_cases[i].msg));
		sha512_final(&s, d);
		hex(d, sizeof(d), got);
		KTAP_EQ_STR(t, got, sha_cases[i].hex, sha_cases[i].name);
	}
	/* the same message fed in pieces of every size: the buffering */
	len = strlen(sha_cases[3].msg);
	for (j = 1, r = 0; j <= len; j++) {
		sha512_init(&s);
		for (i = 0; i < len; i += j)
			sha512_update(&s, sha_cases[3].msg + i, i + j > len ? len - i : j);
		sha512_final(&s, d);
		hex(d, sizeof(d), got);
		r += !strcmp(got, sha_cases[3].hex);
	}
	KTAP_EQ_INT(t, r, len, "two blocks fed in pieces of 1..112 bytes");
	KTAP_EQ_INT(t, s.bytes + s.n + s.h[0], 0, "sha512_final() wipes the state");
}

static void crypt_tests(struct ktap *t)
{
	char out[SHA512CRYPT_MAX];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(crypt_cases); i++) {
		memset(out, 0, sizeof(out));
		sha512crypt(crypt_cases[i].key, strlen(crypt_cases[i].key),
			    crypt_cases[i].setting, out);
		ktap_check(t, !strcmp(out, crypt_cases[i].want), "spec vector %s # got %s",
			   crypt_cases[i].setting, out);
	}
	KTAP_EQ_INT(t, sha512crypt("x", 1, "$5$salt", out), -EINVAL, "sha512crypt() takes $6$ only");
	KTAP_EQ_INT(t, sha512crypt("x", SHA512CRYPT_KEY_MAX + 1, "$6$salt", out), -E2BIG,
		    "sha512crypt() refuses an overlong key");
}

static void parse_tests(struct ktap *t)
{
	struct sha512crypt_spec spec;
	const char *why;
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(parse_cases); i++) {
		ret = sha512crypt_parse(parse_cases[i].s, &spec, &why);
		ktap_check(t, parse_cases[i].ok ? !ret && spec.rounds == parse_cases[i].rounds :
			   ret == -EINVAL && why && why[0],
			   "parse %.40s%s is %s # %s", parse_cases[i].s,
			   strlen(parse_cases[i].s) > 40 ? "..." : "",
			   parse_cases[i].ok ? "accepted" : "refused", ret ? why : "accepted");
	}
	/* what the parser keeps is what crypt(3) wrote: the vectors round-trip */
	for (i = 0, ret = 0; i < ARRAY_SIZE(crypt_cases); i++) {
		if (sha512crypt_parse(crypt_cases[i].want, &spec, &why))
			continue;
		ret += sha512crypt_verify(crypt_cases[i].key, strlen(crypt_cases[i].key), &spec);
		ret += !sha512crypt_verify("wrong", 5, &spec);
	}
	KTAP_EQ_INT(t, ret, 2 * ARRAY_SIZE(crypt_cases), "every vector parses, verifies, and refuses a wrong key");
}

/*
 * An implementation that is not ours: openssl passwd -6 (package openssl,
 * in scripts/install-deps), on passwords and salts of every length,
 * some 8-bit, for the salt and key handling the vectors do not reach.
 */
static void openssl_tests(struct ktap *t)
{
	static const char salt_chars[] =
		"./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
	char key[200], salt[SHA512CRYPT_SALT_MAX + 1], cmd[512], want[SHA512CRYPT_MAX];
	char setting[32], got[SHA512CRYPT_MAX], path[] = "/tmp/sha512crypt-key-XXXXXX";
	unsigned int seed = 42;
	int i, n, same = 0, ran = 0;
	size_t k, klen, slen;
	FILE *f;

	for (i = 0; i < 24; i++) {
		klen = i < 4 ? (size_t[]){ 1, 63, 64, 65 }[i] : 1 + (size_t)rand_r(&seed) % (sizeof(key) - 1);
		slen = 1 + (size_t)i % SHA512CRYPT_SALT_MAX;
		for (k = 0; k < klen; k++)
			key[k] = (char)(' ' + rand_r(&seed) % (i & 1 ? 95 : 200));
		for (k = 0; k < slen; k++)
			salt[k] = salt_chars[rand_r(&seed) % 64];
		salt[slen] = '\0';
		/* the key through a file: any byte, no shell quoting, no newline */
		n = mkstemp(path);
		if (n < 0 || write(n, key, klen) != (ssize_t)klen)
			break;
		close(n);
		snprintf(cmd, sizeof(cmd), "openssl passwd -6 -salt '%s' -in %s 2>&1", salt, path);
		f = popen(cmd, "r");
		want[0] = '\0';
		if (!f || !fgets(want, sizeof(want), f))
			want[0] = '\0';
		if (f)
			pclose(f);
		unlink(path);
		strcpy(path, "/tmp/sha512crypt-key-XXXXXX");
		want[strcspn(want, "\n")] = '\0';
		if (strncmp(want, "$6$", 3)) {
			printf("# openssl passwd -6: %s\n", want[0] ? want : "no output");
			break;
		}
		/* openssl -in reads a line: a key with a newline is cut there */
		if (memchr(key, '\n', klen) || memchr(key, '\r', klen))
			continue;
		snprintf(setting, sizeof(setting), "$6$%s", salt);
		sha512crypt(key, klen, setting, got);
		same += !strcmp(got, want);
		ran++;
	}
	ktap_check(t, ran >= 16 && same == ran,
		   "%d of %d hashes equal openssl passwd -6's (run: scripts/install-deps)", same, ran);
}

static void compare_tests(struct ktap *t)
{
	static const char a[] = "0123456789abcdef", b[] = "0123456789abcdeF";

	KTAP_EQ_INT(t, ct_memeq(a, a, sizeof(a)), 1, "ct_memeq: equal");
	KTAP_EQ_INT(t, ct_memeq(a, b, sizeof(a)), 0, "ct_memeq: the last byte differs");
	KTAP_EQ_INT(t, ct_memeq("x123", "y123", 4), 0, "ct_memeq: the first byte differs");
	KTAP_EQ_INT(t, ct_memeq(a, b, 15), 1, "ct_memeq: only @len bytes");
}

int main(void)
{
	struct ktap t = { 0 };
	int planned = ARRAY_SIZE(sha_cases) + 2 + ARRAY_SIZE(crypt_cases) + 2 +
		      ARRAY_SIZE(parse_cases) + 1 + 4 + 1;

	ktap_begin("sha512crypt", planned);
	sha_tests(&t);
	crypt_tests(&t);
	parse_tests(&t);
	compare_tests(&t);
	openssl_tests(&t);
	return ktap_end(&t, planned);
}
