// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline.c - turn the kernel command line into a struct boot_args.
 * Pure: no I/O, no allocation; the policy for the values lives elsewhere.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <sys/types.h>

#include "cmdline.h"

#define SECONDS_MAX		86400UL	/* rootwait=, rootdelay=: one day */
#define PARTNROFF_MAX		255	/* the kernel has at most 256 partitions */
#define LABEL_MAX		127	/* what the prober keeps of a label */
#define PARTLABEL_UNITS		36	/* GPT names are 36 UTF-16 code units */
#define DEV_MAJOR_MAX		0xfffUL	/* MKDEV(): 12-bit major, 20-bit minor */
#define DEV_MINOR_MAX		0xfffffUL
#define WHY_MAX			160
#define QUOTE_MAX		80	/* longer words are cut, so the reason shows */

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#endif

#define ROOT_FORMS "want /dev/NAME, MAJ:MIN, hex dev_t, LABEL=, UUID=, PARTUUID=[/PARTNROFF=N] or PARTLABEL="

static __attribute__((format(printf, 3, 4)))
void seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* @param[=@val] for an error message, cut to QUOTE_MAX with "...". */
static const char *quote(char *buf, const char *param, const char *val)
{
	int n = snprintf(buf, QUOTE_MAX, "%s%s%s", param, val ? "=" : "", val ? val : "");
	size_t end = QUOTE_MAX - 4;

	if (n < QUOTE_MAX)
		return buf;
	while (end && (buf[end] & 0xc0) == 0x80)	/* not inside a UTF-8 character */
		end--;
	memcpy(buf + end, "...", 4);
	return buf;
}

/* Our own ctype: the C locale's, whatever the libc, and no sign trouble. */
static int is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int hex_val(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int is_ctl(char c)
{
	return (unsigned char)c < 0x20 || c == 0x7f;
}

static char *skip_spaces(char *s)
{
	while (is_space(*s))
		s++;
	return s;
}

/* Copy @src into @dst[@size]; -E2BIG if it does not fit. */
static int copy_str(char *dst, size_t size, const char *src)
{
	size_t len = strnlen(src, size);

	if (len == size)
		return -E2BIG;
	memcpy(dst, src, len + 1);
	return 0;
}

/* A decimal number with nothing around it, at most @max. */
static int parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
	unsigned long v;
	char *end;

	if (!is_digit(*s))
		return -EINVAL;
	v = strtoul(s, &end, 10);
	if (*end || v > max)	/* overflow gives ULONG_MAX, caught too */
		return -EINVAL;
	*out = v;
	return 0;
}

/*
 * next_arg() from the kernel's lib/cmdline.c, so that kinit splits the
 * line exactly as the kernel did: a word is param or param=value, double
 * quotes protect spaces, and quotes around the whole word or around the
 * value are dropped.  @args is modified in place.
 */
static char *next_arg(char *args, char **param, char **val)
{
	unsigned int i, equals = 0;
	int in_quote = 0, quoted = 0;

	if (*args == '"') {
		args++;
		in_quote = 1;
		quoted = 1;
	}

	for (i = 0; args[i]; i++) {
		if (is_space(args[i]) && !in_quote)
			break;
		if (equals == 0 && args[i] == '=')
			equals = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}

	*param = args;
	if (!equals) {
		*val = NULL;
	} else {
		args[equals] = '\0';
		*val = args + equals + 1;
		if (**val == '"') {
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';

	if (args[i]) {
		args[i] = '\0';
		args += i + 1;
	} else {
		args += i;
	}
	return skip_spaces(args);
}

/*
 * Does @s[0..@len) consist of hex groups of the widths in @w (0-ended),
 * separated by single dashes?
 */
static int hex_groups(const char *s, size_t len, const unsigned char *w)
{
	size_t i = 0;
	unsigned int n;

	for (; *w; w++) {
		for (n = 0; n < *w; n++, i++)
			if (i >= len || hex_val(s[i]) < 0)
				return 0;
		if (w[1]) {
			if (i >= len || s[i] != '-')
				return 0;
			i++;
		}
	}
	return i == len;
}

/*
 * Filesystem UUIDs as blkid (and our prober) print them.  Most
 * filesystems (ext*, xfs, btrfs, f2fs, erofs, swap, LUKS, md) carry an
 * RFC 4122 UUID; vfat and exfat only have a 32-bit volume serial,
 * printed XXXX-XXXX; iso9660 uses its creation time, YYYY-MM-DD-hh-mm-ss-cc.
 */
static const unsigned char uuid_forms[][8] = {
	{ 8, 4, 4, 4, 12 },
	{ 4, 4 },
	{ 4, 2, 2, 2, 2, 2, 2 },
};

/*
 * Partition UUIDs as the kernel matches them: a GPT unique partition
 * GUID, or for MBR the disk signature and the partition number, SSSSSSSS-PP.
 */
static const unsigned char partuuid_forms[][8] = {
	{ 8, 4, 4, 4, 12 },
	{ 8, 2 },
};

/* Store @s[0..@len) lower-cased if it has one of @n @forms. */
static int set_uuid(struct root_spec *spec, const char *s, size_t len,
		    const unsigned char (*forms)[8], size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (hex_groups(s, len, forms[i]))
			break;
	if (i == n || len >= sizeof(spec->value))
		return -EINVAL;
	for (i = 0; i < len; i++)
		spec->value[i] = (s[i] >= 'A' && s[i] <= 'F') ? s[i] - 'A' + 'a' : s[i];
	spec->value[len] = '\0';
	return 0;
}

static int root_uuid(struct root_spec *spec, const char *s, char *why, size_t wl)
{
	if (set_uuid(spec, s, strlen(s), uuid_forms,
		     ARRAY_SIZE(uuid_forms))) {
		seterr(why, wl, "not a UUID (want 8-4-4-4-12 hex digits, or vfat's XXXX-XXXX)");
		return -EINVAL;
	}
	return 0;
}

static int root_partuuid(struct root_spec *spec, const char *s, char *why, size_t wl)
{
	const char *slash = strchr(s, '/');
	size_t len = slash ? (size_t)(slash - s) : strlen(s);
	unsigned long off;
	const char *n;

	if (set_uuid(spec, s, len, partuuid_forms,
		     ARRAY_SIZE(partuuid_forms))) {
		seterr(why, wl, "not a partition UUID (want GPT 8-4-4-4-12 or MBR SSSSSSSS-PP hex digits)");
		return -EINVAL;
	}
	if (!slash)
		return 0;
	if (strncmp(slash, "/PARTNROFF=", 11)) {
		seterr(why, wl, "only /PARTNROFF=N may follow the UUID");
		return -EINVAL;
	}
	n = slash + 11;
	if (parse_ulong(n + (*n == '-' || *n == '+'), PARTNROFF_MAX, &off)) {
		seterr(why, wl, "bad PARTNROFF (want an integer from -%d to %d)",
		       PARTNROFF_MAX, PARTNROFF_MAX);
		return -EINVAL;
	}
	spec->partnroff = *n == '-' ? -(int)off : (int)off;
	return 0;
}

/* A label written root=LABEL="my root" keeps its quotes in next_arg(). */
static int set_label(struct root_spec *spec, const char *s, size_t max, char *why, size_t wl)
{
	size_t len = strlen(s);

	if (len >= 2 && s[0] == '"' && s[len - 1] == '"') {
		s++;
		len -= 2;
	}
	if (!len) {
		seterr(why, wl, "empty label");
		return -EINVAL;
	}
	if (len > max) {
		seterr(why, wl, "label longer than %d bytes", (int)max);
		return -EINVAL;
	}
	memcpy(spec->value, s, len);
	spec->value[len] = '\0';
	return 0;
}

static int root_label(struct root_spec *spec, const char *s, char *why, size_t wl)
{
	return set_label(spec, s, LABEL_MAX, why, wl);
}

static int root_partlabel(struct root_spec *spec, const char *s, char *why, size_t wl)
{
	unsigned int units = 0;
	const char *p;

	if (set_label(spec, s, sizeof(spec->value) - 1, why, wl))
		return -EINVAL;
	/* UTF-8 leading bytes; a 4-byte sequence is a UTF-16 surrogate pair */
	for (p = spec->value; *p; p++)
		if ((*p & 0xc0) != 0x80)
			units += ((unsigned char)*p >= 0xf0) ? 2 : 1;
	if (units > PARTLABEL_UNITS) {
		seterr(why, wl, "GPT partition names have at most %d characters",
		       PARTLABEL_UNITS);
		return -EINVAL;
	}
	return 0;
}

static int root_path(struct root_spec *spec, const char *s, char *why, size_t wl)
{
	const char *p;

	if (!s[5]) {
		seterr(why, wl, "no device name after /dev/");
		return -EINVAL;
	}
	for (p = s; *p; p++) {
		if (*p == ' ' || is_ctl(*p)) {
			seterr(why, wl, "space or control character in device path");
			return -EINVAL;
		}
	}
	if (copy_str(spec->value, sizeof(spec->value), s)) {
		seterr(why, wl, "path longer than %d bytes", ROOT_VALUE_MAX - 1);
		return -EINVAL;
	}
	return 0;
}

/* MAJ:MIN in decimal, as the kernel's devt_from_devnum() reads it. */
static int root_majmin(struct root_spec *spec, const char *s, char *why, size_t wl)
{
	char maj[8];
	const char *colon = strchr(s, ':');
	size_t n = (size_t)(colon - s);
	unsigned long ma, mi;

	if (n >= sizeof(maj))
		goto bad;
	memcpy(maj, s, n);
	maj[n] = '\0';
	if (parse_ulong(maj, DEV_MAJOR_MAX, &ma) ||
	    parse_ulong(colon + 1, DEV_MINOR_MAX, &mi))
		goto bad;
	spec->devnum = makedev(ma, mi);
	return 0;
bad:
	seterr(why, wl, "not MAJ:MIN (want decimal major <= %lu, minor <= %lu)",
	       DEV_MAJOR_MAX, DEV_MINOR_MAX);
	return -EINVAL;
}

/*
 * A bare hex dev_t ("801", "fe01", "0x801"): the kernel reads it with
 * simple_strtoul(, 16), which allows 0x, and new_decode_dev().
 */
static int root_hexdev(struct root_spec *spec, const char *s, char *why, size_t wl)
{
	const char *p = s;
	unsigned long v = 0;
	unsigned int ma, mi;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && p[2])
		p += 2;
	if (strlen(p) > 8)
		goto bad;
	for (; *p; p++) {
		if (hex_val(*p) < 0)
			goto bad;
		v = v << 4 | hex_val(*p);
	}
	ma = (v & 0xfff00) >> 8;
	mi = (v & 0xff) | ((v >> 12) & 0xfff00);
	spec->devnum = makedev(ma, mi);
	return 0;
bad:
	seterr(why, wl, "not a device (" ROOT_FORMS ")");
	return -EINVAL;
}

/* Anything without a prefix is a device number; 0:0 is not a device. */
static int root_devnum(struct root_spec *spec, const char *s, char *why, size_t wl)
{
	int ret;

	if (strchr(s, ':'))
		ret = root_majmin(spec, s, why, wl);
	else
		ret = root_hexdev(spec, s, why, wl);
	if (!ret && !spec->devnum) {
		seterr(why, wl, "device 0:0 does not exist");
		ret = -EINVAL;
	}
	return ret;
}

struct root_prefix {
	const char *prefix;
	enum root_kind kind;
	int (*parse)(struct root_spec *spec, const char *s, char *why, size_t wl);
};

/* Tried in order; the last entry's empty prefix matches anything. */
static const struct root_prefix root_prefixes[] = {
	{ .prefix = "/dev/",		.kind = ROOT_PATH,	.parse = root_path },
	{ .prefix = "LABEL=",		.kind = ROOT_LABEL,	.parse = root_label },
	{ .prefix = "UUID=",		.kind = ROOT_UUID,	.parse = root_uuid },
	{ .prefix = "PARTUUID=",	.kind = ROOT_PARTUUID,	.parse = root_partuuid },
	{ .prefix = "PARTLABEL=",	.kind = ROOT_PARTLABEL,	.parse = root_partlabel },
	{ .prefix = "",			.kind = ROOT_DEVNUM,	.parse = root_devnum },
};

/* root_spec_parse() without the quoted text: @why says only what is wrong. */
static int root_spec_why(struct root_spec *spec, const char *text, char *why, size_t wl)
{
	const struct root_prefix *rp = root_prefixes;
	size_t len;
	int ret;

	memset(spec, 0, sizeof(*spec));
	if (!*text) {
		seterr(why, wl, "empty (" ROOT_FORMS ")");
		return -EINVAL;
	}
	while (strncmp(text, rp->prefix, strlen(rp->prefix)))
		rp++;
	/* a path keeps its /dev/; LABEL= and the like are dropped */
	len = rp->kind == ROOT_PATH ? 0 : strlen(rp->prefix);
	ret = rp->parse(spec, text + len, why, wl);
	if (ret)
		memset(spec, 0, sizeof(*spec));
	else
		spec->kind = rp->kind;
	return ret;
}

/**
 * root_spec_parse() - parse a device reference as written after root=
 * @spec:	output, zeroed on failure
 * @text:	e.g. "/dev/vda1", "UUID=...", "PARTUUID=.../PARTNROFF=1", "8:1"
 * @err:	message quoting @text on failure
 * @errlen:	size of @err
 *
 * Accepted forms: /dev/... (kept as a path, so /dev/disk/by-uuid/X and
 * /dev/VG/LV work too); MAJ:MIN in decimal; a bare hex dev_t as the
 * kernel reads it ("801", "fe01", "0x801"); LABEL=x (1..127 bytes);
 * UUID= with 8-4-4-4-12 hex digits, or the short forms vfat/exfat
 * (XXXX-XXXX) and iso9660 (YYYY-MM-DD-hh-mm-ss-cc) have; PARTUUID= with a
 * GPT GUID or an MBR SSSSSSSS-PP, optionally followed by /PARTNROFF=N;
 * PARTLABEL=x (at most 36 characters, as in GPT).  UUIDs are stored
 * lower-cased; a label in double quotes loses them.
 *
 * Return: 0, or -EINVAL when @text is malformed (empty LABEL=, bad UUID,
 * trailing garbage, ...).
 */
int root_spec_parse(struct root_spec *spec, const char *text, char *err, size_t errlen)
{
	char why[WHY_MAX], word[QUOTE_MAX];
	int ret;

	ret = root_spec_why(spec, text, why, sizeof(why));
	if (ret)
		seterr(err, errlen, "%s: %s", quote(word, text, NULL), why);
	return ret;
}

/*
 * Option handlers: @val is NULL for a bare word.  They only store
 * values; on error they say in @why what is wrong, and the caller quotes
 * the word.
 */
static int opt_root(struct boot_args *a, const char *val, char *why, size_t wl)
{
	if (copy_str(a->root_raw, sizeof(a->root_raw), val)) {
		seterr(why, wl, "longer than %d bytes", ROOT_VALUE_MAX - 1);
		return -E2BIG;
	}
	return root_spec_why(&a->root, val, why, wl);
}

static int opt_rootfstype(struct boot_args *a, const char *val, char *why, size_t wl)
{
	const char *p;
	char prev = ',';

	for (p = val; *p; prev = *p++) {
		if (*p == ',' && prev != ',')
			continue;
		if (!((*p >= 'a' && *p <= 'z') || is_digit(*p) ||
		      *p == '_' || *p == '.' || *p == '-')) {
			seterr(why, wl, "want filesystem names [a-z0-9_.-] separated by commas");
			return -EINVAL;
		}
	}
	if (prev == ',') {	/* empty, or a trailing comma */
		seterr(why, wl, "want filesystem names [a-z0-9_.-] separated by commas");
		return -EINVAL;
	}
	if (copy_str(a->rootfstype, sizeof(a->rootfstype), val)) {
		seterr(why, wl, "longer than %d bytes", FSTYPE_MAX - 1);
		return -E2BIG;
	}
	return 0;
}

static int opt_rootflags(struct boot_args *a, const char *val, char *why, size_t wl)
{
	if (copy_str(a->rootflags, sizeof(a->rootflags), val)) {
		seterr(why, wl, "longer than %d bytes", ROOTFLAGS_MAX - 1);
		return -E2BIG;
	}
	return 0;
}

static int set_seconds(int *dst, const char *val, unsigned long min,
		       char *why, size_t wl)
{
	unsigned long v;

	if (parse_ulong(val, SECONDS_MAX, &v) || v < min) {
		seterr(why, wl, "want whole seconds from %lu to %lu", min, SECONDS_MAX);
		return -EINVAL;
	}
	*dst = (int)v;
	return 0;
}

static int opt_rootwait(struct boot_args *a, const char *val, char *why, size_t wl)
{
	if (!val) {
		a->rootwait = 0;	/* wait for ever */
		return 0;
	}
	return set_seconds(&a->rootwait, val, 1, why, wl);
}

static int opt_rootdelay(struct boot_args *a, const char *val, char *why, size_t wl)
{
	return set_seconds(&a->rootdelay, val, 0, why, wl);
}

static int opt_init(struct boot_args *a, const char *val, char *why, size_t wl)
{
	const char *p;

	if (val[0] != '/' || !val[1]) {
		seterr(why, wl, "not an absolute path to a program");
		return -EINVAL;
	}
	for (p = val; *p; p++) {
		if (is_ctl(*p)) {
			seterr(why, wl, "control character in path");
			return -EINVAL;
		}
	}
	if (copy_str(a->init, sizeof(a->init), val)) {
		seterr(why, wl, "longer than %d bytes", INIT_PATH_MAX - 1);
		return -E2BIG;
	}
	return 0;
}

static const struct {
	const char *name;
	enum rd_break point;
} rd_breaks[] = {
	{ .name = "pre-mount",	.point = RD_BREAK_PRE_MOUNT },
	{ .name = "pre-pivot",	.point = RD_BREAK_PRE_PIVOT },
};

static int opt_rd_break(struct boot_args *a, const char *val, char *why, size_t wl)
{
	size_t i;

	if (!val) {
		a->rd_break = RD_BREAK_PRE_PIVOT;
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(rd_breaks); i++) {
		if (!strcmp(val, rd_breaks[i].name)) {
			a->rd_break = rd_breaks[i].point;
			return 0;
		}
	}
	seterr(why, wl, "unknown breakpoint (want pre-mount or pre-pivot)");
	return -EINVAL;
}

static int opt_rd_shell(struct boot_args *a, const char *val, char *why, size_t wl)
{
	if (!val || !strcmp(val, "1")) {
		a->rd_shell = 1;
	} else if (!strcmp(val, "0")) {
		a->rd_shell = 0;
	} else {
		seterr(why, wl, "want 0 or 1");
		return -EINVAL;
	}
	return 0;
}

/* ---- storage: rd.luks.*, rd.lvm.*, rd.md.*, raid=, resume= ------------ */

static int set_switch(int *dst, const char *val, char *why, size_t wl)
{
	if (!val || !strcmp(val, "1")) {
		*dst = 1;
	} else if (!strcmp(val, "0")) {
		*dst = 0;
	} else {
		seterr(why, wl, "want 0 or 1");
		return -EINVAL;
	}
	return 0;
}

static int opt_rd_luks(struct boot_args *a, const char *val, char *why, size_t wl)
{
	return set_switch(&a->storage.luks, val, why, wl);
}

static int opt_rd_lvm(struct boot_args *a, const char *val, char *why, size_t wl)
{
	return set_switch(&a->storage.lvm, val, why, wl);
}

static int opt_rd_md(struct boot_args *a, const char *val, char *why, size_t wl)
{
	return set_switch(&a->storage.md, val, why, wl);
}

/* Room for one more entry in a list of STORAGE_LIST_MAX. */
static int list_room(int count, char *why, size_t wl)
{
	if (count < STORAGE_LIST_MAX)
		return 0;
	seterr(why, wl, "given more than %d times", STORAGE_LIST_MAX);
	return -E2BIG;
}

/* A LUKS UUID, with or without dracut's "luks-" in front. */
static int luks_uuid(char *dst, const char *val, char *why, size_t wl)
{
	struct root_spec spec;

	if (!strncmp(val, "luks-", 5))
		val += 5;
	if (set_uuid(&spec, val, strlen(val), uuid_forms, 1)) {
		seterr(why, wl, "not a LUKS UUID (want 8-4-4-4-12 hex digits)");
		return -EINVAL;
	}
	memcpy(dst, spec.value, STORAGE_UUID_MAX);
	return 0;
}

static int opt_luks_uuid(struct boot_args *a, const char *val, char *why, size_t wl)
{
	struct storage_args *s = &a->storage;
	int ret = list_room(s->luks_uuids, why, wl);

	if (!ret)
		ret = luks_uuid(s->luks_uuid[s->luks_uuids], val, why, wl);
	if (!ret)
		s->luks_uuids++;
	return ret;
}

/* Mapping, VG and LV names: what LVM and device-mapper accept. */
static int dm_name_ok(const char *s, int slash)
{
	const char *p;

	if (!*s || *s == '-' || !strcmp(s, ".") || !strcmp(s, ".."))
		return 0;
	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      is_digit(*p) || strchr("+_.-", *p) || (slash && *p == '/')))
			return 0;
	return 1;
}

static int opt_luks_name(struct boot_args *a, const char *val, char *why, size_t wl)
{
	struct storage_args *s = &a->storage;
	const char *eq = strchr(val, '=');
	char uuid[ROOT_VALUE_MAX];
	int ret = list_room(s->luks_names, why, wl);

	if (ret)
		return ret;
	if (!eq || (size_t)(eq - val) >= sizeof(uuid) || !dm_name_ok(eq + 1, 0) ||
	    strlen(eq + 1) >= STORAGE_NAME_MAX) {
		seterr(why, wl, "want UUID=NAME, NAME of [A-Za-z0-9+_.-]");
		return -EINVAL;
	}
	memcpy(uuid, val, eq - val);
	uuid[eq - val] = '\0';
	ret = luks_uuid(s->luks_name_uuid[s->luks_names], uuid, why, wl);
	if (ret)
		return ret;
	strcpy(s->luks_name[s->luks_names++], eq + 1);
	return 0;
}

static int opt_luks_key(struct boot_args *a, const char *val, char *why, size_t wl)
{
	if (val[0] != '/' || strchr(val, ':')) {
		seterr(why, wl, "want the absolute path of a key file in the image (no :DEVICE)");
		return -EINVAL;
	}
	if (copy_str(a->storage.luks_key, LUKS_KEY_MAX, val)) {
		seterr(why, wl, "longer than %d bytes", LUKS_KEY_MAX - 1);
		return -E2BIG;
	}
	return 0;
}

static const struct {
	const char *name;
	int bit;
} luks_opts[] = {
	{ .name = "discard",			.bit = LUKS_OPT_DISCARD },
	{ .name = "allow-discards",		.bit = LUKS_OPT_DISCARD },
	{ .name = "readonly",			.bit = LUKS_OPT_READONLY },
	{ .name = "read-only",			.bit = LUKS_OPT_READONLY },
	{ .name = "no-read-workqueue",		.bit = LUKS_OPT_NO_READ_WORKQUEUE },
	{ .name = "no-write-workqueue",		.bit = LUKS_OPT_NO_WRITE_WORKQUEUE },
	{ .name = "same-cpu-crypt",		.bit = LUKS_OPT_SAME_CPU_CRYPT },
	{ .name = "submit-from-crypt-cpus",	.bit = LUKS_OPT_SUBMIT_FROM_CRYPT_CPUS },
};

/* One word of rd.luks.options=: a known name or tries=N. */
static int luks_option(struct storage_args *s, const char *w, size_t len)
{
	char num[8];
	unsigned long n;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(luks_opts); i++) {
		if (strlen(luks_opts[i].name) == len && !strncmp(w, luks_opts[i].name, len)) {
			s->luks_options |= luks_opts[i].bit;
			return 0;
		}
	}
	if (len > 6 && len - 6 < sizeof(num) && !strncmp(w, "tries=", 6)) {
		memcpy(num, w + 6, len - 6);
		num[len - 6] = '\0';
		if (!parse_ulong(num, 10, &n) && n) {
			s->luks_tries = (int)n;
			return 0;
		}
	}
	return -EINVAL;
}

static int opt_luks_options(struct boot_args *a, const char *val, char *why, size_t wl)
{
	const char *p = val, *comma;

	a->storage.luks_options = 0;
	a->storage.luks_tries = -1;
	for (;;) {
		comma = strchr(p, ',');
		if (luks_option(&a->storage, p, comma ? (size_t)(comma - p) : strlen(p))) {
			seterr(why, wl, "want a comma list of discard, readonly, no-read-workqueue, no-write-workqueue, same-cpu-crypt, submit-from-crypt-cpus, tries=N (1-10)");
			return -EINVAL;
		}
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

static int opt_lvm_vg(struct boot_args *a, const char *val, char *why, size_t wl)
{
	struct storage_args *s = &a->storage;
	int ret = list_room(s->lvm_vgs, why, wl);

	if (ret)
		return ret;
	if (!dm_name_ok(val, 0) || strlen(val) >= STORAGE_NAME_MAX) {
		seterr(why, wl, "not a volume group name ([A-Za-z0-9+_.-])");
		return -EINVAL;
	}
	strcpy(s->lvm_vg[s->lvm_vgs++], val);
	return 0;
}

static int opt_lvm_lv(struct boot_args *a, const char *val, char *why, size_t wl)
{
	struct storage_args *s = &a->storage;
	const char *slash = strchr(val, '/');
	int ret = list_room(s->lvm_lvs, why, wl);

	if (ret)
		return ret;
	if (!dm_name_ok(val, 1) || !slash || slash == val || !slash[1] ||
	    strchr(slash + 1, '/') || strlen(val) >= STORAGE_NAME_MAX) {
		seterr(why, wl, "want VG/LV");
		return -EINVAL;
	}
	strcpy(s->lvm_lv[s->lvm_lvs++], val);
	return 0;
}

/* mdadm's xxxxxxxx:xxxxxxxx:xxxxxxxx:xxxxxxxx or 8-4-4-4-12: 32 hex digits. */
static int opt_md_uuid(struct boot_args *a, const char *val, char *why, size_t wl)
{
	static const unsigned char md_form[] = { 8, 8, 8, 8, 0 };
	struct storage_args *s = &a->storage;
	char hex[33], colons[40];
	size_t i, n = 0, len = strlen(val);
	int ret = list_room(s->md_uuids, why, wl);

	if (ret)
		return ret;
	/* the dash form goes through set_uuid(); the colon form is checked here */
	for (i = 0; i < len && i < sizeof(colons) - 1; i++)
		colons[i] = val[i] == ':' ? '-' : val[i];
	colons[i] = '\0';
	if (len >= sizeof(colons) ||
	    (!hex_groups(colons, len, md_form) && !hex_groups(val, len, uuid_forms[0]))) {
		seterr(why, wl, "not an md UUID (want mdadm's 8:8:8:8 or 8-4-4-4-12 hex digits)");
		return -EINVAL;
	}
	for (i = 0; i < len; i++)
		if (hex_val(val[i]) >= 0)
			hex[n++] = "0123456789abcdef"[hex_val(val[i])];
	hex[n] = '\0';
	memcpy(s->md_uuid[s->md_uuids++], hex, n + 1);
	return 0;
}

/* raid=noautodetect[,partitionable]: the kernel's own md_setup words. */
static int opt_raid(struct boot_args *a, const char *val, char *why, size_t wl)
{
	const char *p = val, *comma;
	size_t len;

	for (;;) {
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		if (len == 12 && !strncmp(p, "noautodetect", 12)) {
			a->storage.md_autodetect = 0;
		} else if (!(len == 13 && !strncmp(p, "partitionable", 13)) &&
			   !(len == 4 && !strncmp(p, "part", 4))) {
			seterr(why, wl, "want noautodetect or partitionable");
			return -EINVAL;
		}
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

static int opt_resume(struct boot_args *a, const char *val, char *why, size_t wl)
{
	if (copy_str(a->storage.resume_raw, sizeof(a->storage.resume_raw), val)) {
		seterr(why, wl, "longer than %d bytes", ROOT_VALUE_MAX - 1);
		return -E2BIG;
	}
	return root_spec_why(&a->storage.resume, val, why, wl);
}

enum opt_arg {
	ARG_NONE,		/* bare word only: "ro", sets @flag to @value */
	ARG_REQUIRED,		/* word=value only: "root=..." */
	ARG_OPTIONAL,		/* either: "rootwait", "rootwait=30" */
};

/*
 * One of kinit's own options: @set parses a value; a bare flag instead
 * stores @value in the int at offset @flag of struct boot_args.
 */
struct cmdline_opt {
	const char *name;
	enum opt_arg arg;
	int (*set)(struct boot_args *a, const char *val, char *why, size_t wl);
	size_t flag;
	int value;
};

#define FLAG(f, v)	.flag = offsetof(struct boot_args, f), .value = (v)

static const struct cmdline_opt cmdline_opts[] = {
	{ .name = "root",	.arg = ARG_REQUIRED,	.set = opt_root },
	{ .name = "rootfstype",	.arg = ARG_REQUIRED,	.set = opt_rootfstype },
	{ .name = "rootflags",	.arg = ARG_REQUIRED,	.set = opt_rootflags },
	{ .name = "ro",		.arg = ARG_NONE,	FLAG(readonly, 1) },
	{ .name = "rw",		.arg = ARG_NONE,	FLAG(readonly, 0) },
	{ .name = "rootwait",	.arg = ARG_OPTIONAL,	.set = opt_rootwait },
	{ .name = "rootdelay",	.arg = ARG_REQUIRED,	.set = opt_rootdelay },
	{ .name = "init",	.arg = ARG_REQUIRED,	.set = opt_init },
	{ .name = "quiet",	.arg = ARG_NONE,	FLAG(quiet, 1) },
	{ .name = "rd.break",	.arg = ARG_OPTIONAL,	.set = opt_rd_break },
	{ .name = "rd.shell",	.arg = ARG_OPTIONAL,	.set = opt_rd_shell },
	{ .name = "rd.luks",	.arg = ARG_REQUIRED,	.set = opt_rd_luks },
	{ .name = "rd.luks.uuid", .arg = ARG_REQUIRED,	.set = opt_luks_uuid },
	{ .name = "rd.luks.name", .arg = ARG_REQUIRED,	.set = opt_luks_name },
	{ .name = "rd.luks.key", .arg = ARG_REQUIRED,	.set = opt_luks_key },
	{ .name = "rd.luks.options", .arg = ARG_REQUIRED, .set = opt_luks_options },
	{ .name = "rd.lvm",	.arg = ARG_REQUIRED,	.set = opt_rd_lvm },
	{ .name = "rd.lvm.vg",	.arg = ARG_REQUIRED,	.set = opt_lvm_vg },
	{ .name = "rd.lvm.lv",	.arg = ARG_REQUIRED,	.set = opt_lvm_lv },
	{ .name = "rd.md",	.arg = ARG_REQUIRED,	.set = opt_rd_md },
	{ .name = "rd.md.uuid",	.arg = ARG_REQUIRED,	.set = opt_md_uuid },
	{ .name = "raid",	.arg = ARG_REQUIRED,	.set = opt_raid },
	{ .name = "resume",	.arg = ARG_REQUIRED,	.set = opt_resume },
	{ .name = "noresume",	.arg = ARG_NONE,	FLAG(storage.noresume, 1) },
};

static int dispatch(struct boot_args *a, const char *param, const char *val,
		    char *err, size_t errlen)
{
	const struct cmdline_opt *o = NULL;
	char why[WHY_MAX], word[QUOTE_MAX];
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(cmdline_opts) && !o; i++)
		if (!strcmp(param, cmdline_opts[i].name))
			o = &cmdline_opts[i];
	if (!o)
		return 0;	/* the kernel's or init's */
	if (o->arg == ARG_NONE && val) {
		seterr(err, errlen, "%s: %s takes no value", quote(word, param, val), param);
		return -EINVAL;
	}
	if (o->arg == ARG_REQUIRED && !val) {
		seterr(err, errlen, "%s: needs a value (%s=...)", param, param);
		return -EINVAL;
	}
	if (!o->set) {
		*(int *)((char *)a + o->flag) = o->value;
		return 0;
	}
	ret = o->set(a, val, why, sizeof(why));
	if (ret)
		seterr(err, errlen, "%s: %s", quote(word, param, val), why);
	return ret;
}

/*
 * Everything after "--" is init's, word by word as the kernel's
 * set_init_arg() passes it: "param" or "param=value", quotes removed.
 */
static int add_init_args(struct boot_args *a, char *p, char *err, size_t errlen)
{
	size_t used = 0, plen, vlen;
	char *param, *val, *dst;
	char word[QUOTE_MAX];

	while (*p) {
		p = next_arg(p, &param, &val);
		plen = strlen(param);
		vlen = val ? strlen(val) + 1 : 0;
		if (a->init_argc == INIT_ARGS_MAX) {
			seterr(err, errlen, "%s: more than %d arguments for init after --",
			       quote(word, param, val), INIT_ARGS_MAX);
			return -E2BIG;
		}
		if (plen + vlen + 1 > sizeof(a->argbuf) - used) {
			seterr(err, errlen, "%s: arguments for init after -- exceed %d bytes",
			       quote(word, param, val), INIT_ARGBUF_MAX);
			return -E2BIG;
		}
		dst = a->argbuf + used;
		memcpy(dst, param, plen);
		if (val) {
			dst[plen] = '=';
			memcpy(dst + plen + 1, val, vlen - 1);
		}
		dst[plen + vlen] = '\0';
		a->init_argv[a->init_argc++] = dst;
		used += plen + vlen + 1;
	}
	a->init_argv[a->init_argc] = NULL;
	return 0;
}

static void boot_args_init(struct boot_args *a)
{
	memset(a, 0, sizeof(*a));
	a->readonly = -1;
	a->rootwait = -1;
	a->rootdelay = -1;
	a->rd_shell = -1;
	a->storage.luks = -1;
	a->storage.luks_options = -1;
	a->storage.luks_tries = -1;
	a->storage.lvm = -1;
	a->storage.md = -1;
	a->storage.md_autodetect = -1;
}

#define MERGE_LIST(f, n) do {						\
	int i_;								\
	for (i_ = 0; i_ < over->n && base->n < STORAGE_LIST_MAX; i_++)	\
		memcpy(base->f[base->n++], over->f[i_], sizeof(base->f[0])); \
} while (0)

/**
 * storage_args_merge() - lay the options set in @over over @base
 * @base:	the image's defaults, updated
 * @over:	the kernel command line's options
 *
 * Switches and resume= given in @over replace @base's; lists are
 * appended (beyond STORAGE_LIST_MAX entries, dropped).
 */
void storage_args_merge(struct storage_args *base, const struct storage_args *over)
{
	int i;

	if (over->luks >= 0)
		base->luks = over->luks;
	if (over->luks_options >= 0)
		base->luks_options = over->luks_options;
	if (over->luks_tries >= 0)
		base->luks_tries = over->luks_tries;
	if (over->lvm >= 0)
		base->lvm = over->lvm;
	if (over->md >= 0)
		base->md = over->md;
	if (over->md_autodetect >= 0)
		base->md_autodetect = over->md_autodetect;
	if (over->luks_key[0])
		memcpy(base->luks_key, over->luks_key, sizeof(base->luks_key));
	if (over->resume.kind != ROOT_NONE) {
		base->resume = over->resume;
		memcpy(base->resume_raw, over->resume_raw, sizeof(base->resume_raw));
	}
	base->noresume |= over->noresume;
	MERGE_LIST(luks_uuid, luks_uuids);
	MERGE_LIST(lvm_vg, lvm_vgs);
	MERGE_LIST(lvm_lv, lvm_lvs);
	MERGE_LIST(md_uuid, md_uuids);
	for (i = 0; i < over->luks_names && base->luks_names < STORAGE_LIST_MAX; i++) {
		memcpy(base->luks_name_uuid[base->luks_names], over->luks_name_uuid[i],
		       STORAGE_UUID_MAX);
		memcpy(base->luks_name[base->luks_names++], over->luks_name[i],
		       STORAGE_NAME_MAX);
	}
}

/**
 * boot_args_merge() - lay the options set in @over over @base
 * @base:	the image's defaults (/etc/kinit/cmdline), updated
 * @over:	the kernel command line, which wins for every field it sets
 *
 * Arguments for init after "--" are copied into @base's own buffer, so
 * @base never points into @over.
 */
void boot_args_merge(struct boot_args *base, const struct boot_args *over)
{
	int i;

	if (over->root.kind != ROOT_NONE) {
		base->root = over->root;
		memcpy(base->root_raw, over->root_raw, sizeof(base->root_raw));
	}
	if (over->rootfstype[0])
		memcpy(base->rootfstype, over->rootfstype, sizeof(base->rootfstype));
	if (over->rootflags[0])
		memcpy(base->rootflags, over->rootflags, sizeof(base->rootflags));
	if (over->init[0])
		memcpy(base->init, over->init, sizeof(base->init));
	if (over->readonly >= 0)
		base->readonly = over->readonly;
	if (over->rootwait >= 0)
		base->rootwait = over->rootwait;
	if (over->rootdelay >= 0)
		base->rootdelay = over->rootdelay;
	if (over->rd_shell >= 0)
		base->rd_shell = over->rd_shell;
	if (over->rd_break != RD_BREAK_NONE)
		base->rd_break = over->rd_break;
	base->quiet |= over->quiet;
	storage_args_merge(&base->storage, &over->storage);
	if (over->init_argc > 0) {
		memcpy(base->argbuf, over->argbuf, sizeof(base->argbuf));
		base->init_argc = over->init_argc;
		for (i = 0; i <= over->init_argc; i++)
			base->init_argv[i] = over->init_argv[i] ?
				base->argbuf + (over->init_argv[i] - over->argbuf) : NULL;
	}
}

/**
 * cmdline_parse() - parse a kernel command line into @args
 * @args:	output, fully initialised by this call (to the defaults on error)
 * @line:	NUL-terminated command line (e.g. /proc/cmdline contents)
 * @err:	on failure, a message quoting the offending word; "" on success
 * @errlen:	size of @err
 *
 * Unknown words are ignored (they belong to the kernel or to init);
 * for kinit's own options the last occurrence wins, as with __setup(),
 * but every occurrence must be well-formed.  Quotes are handled as the
 * kernel's next_arg() does.  Words after a standalone "--" become
 * @args->init_argv, which points into @args->argbuf: do not copy @args
 * by value.
 *
 * Return: 0, or -EINVAL for a malformed option, -E2BIG for overlong input.
 */
int cmdline_parse(struct boot_args *args, const char *line, char *err, size_t errlen)
{
	char buf[CMDLINE_MAX + 1];
	char *p, *param, *val;
	size_t len;
	int ret = 0;

	boot_args_init(args);
	seterr(err, errlen, "%s", "");
	len = strnlen(line, sizeof(buf));
	if (len > CMDLINE_MAX) {
		seterr(err, errlen, "command line longer than %d bytes", CMDLINE_MAX);
		return -E2BIG;
	}
	memcpy(buf, line, len + 1);

	p = skip_spaces(buf);
	while (*p && !ret) {
		p = next_arg(p, &param, &val);
		if (!val && !strcmp(param, "--")) {
			ret = add_init_args(args, p, err, errlen);
			break;
		}
		ret = dispatch(args, param, val, err, errlen);
	}
	if (ret)
		boot_args_init(args);
	return ret;
}
