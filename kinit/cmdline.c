// SPDX-License-Identifier: GPL-2.0
/*
 * cmdline.c - turn the kernel command line into a struct boot_args.
 * Pure: no I/O, no allocation; the policy for the values lives elsewhere.
 * The storage features' options are parsed by their own files
 * (cmdline_opt.h), built with the features.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysmacros.h>
#include <sys/types.h>

#include "cmdline_opt.h"

#define SECONDS_MAX		86400UL	/* rootwait=, rootdelay=: one day */
#define PARTNROFF_MAX		255	/* the kernel has at most 256 partitions */
#define LABEL_MAX		127	/* what the prober keeps of a label */
#define PARTLABEL_UNITS		36	/* GPT names are 36 UTF-16 code units */
#define DEV_MAJOR_MAX		0xfffUL	/* MKDEV(): 12-bit major, 20-bit minor */
#define DEV_MINOR_MAX		0xfffffUL
#define WHY_MAX			160
#define QUOTE_MAX		80	/* longer words are cut, so the reason shows */

#define ROOT_FORMS "want /dev/NAME, MAJ:MIN, hex dev_t, LABEL=, UUID=, PARTUUID=[/PARTNROFF=N] or PARTLABEL="

/**
 * cmdline_seterr() - printf into @err, if there is one
 * @err:	the message buffer, or NULL
 * @errlen:	its size
 * @fmt:	printf format
 */
void cmdline_seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	kvsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* @param[=@val] for an error message, cut to QUOTE_MAX with "...". */
static const char *quote(char *buf, const char *param, const char *val)
{
	int n = ksnprintf(buf, QUOTE_MAX, "%s%s%s", param, val ? "=" : "", val ? val : "");
	size_t end = QUOTE_MAX - 4;

	if (n < QUOTE_MAX)
		return buf;
	while (end && (buf[end] & 0xc0) == 0x80)	/* not inside a UTF-8 character */
		end--;
	memcpy(buf + end, "...", 4);
	return buf;
}

/**
 * cmdline_hex_val() - the value of a hex digit
 * @c:	the character
 *
 * Return: 0-15, or -1 when @c is not a hex digit.
 */
int cmdline_hex_val(char c)
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

/**
 * cmdline_copy() - copy @src into @dst[@size]
 * @dst:	output
 * @size:	its size
 * @src:	NUL-terminated
 *
 * Return: 0, or -E2BIG (and @dst untouched) if it does not fit.
 */
int cmdline_copy(char *dst, size_t size, const char *src)
{
	size_t len = strnlen(src, size);

	if (len == size)
		return -E2BIG;
	memcpy(dst, src, len + 1);
	return 0;
}

/**
 * cmdline_ulong() - a decimal number with nothing around it, at most @max
 * @s:		the text (an option's value, a sysfs attribute)
 * @max:	the largest value accepted
 * @out:	the value
 *
 * Return: 0 or -EINVAL.
 */
int cmdline_ulong(const char *s, unsigned long max, unsigned long *out)
{
	unsigned long v = 0, d;

	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		d = (unsigned long)(*s - '0');
		/* not strtoul(): it would link klibc's strntoumax for this */
		if (!is_digit(*s) || v > max / 10 || d > max - v * 10)
			return -EINVAL;
		v = v * 10 + d;
	}
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

/**
 * cmdline_hex_groups() - is @s[0..@len) hex groups separated by dashes?
 * @s:		the text
 * @len:	its length
 * @w:		the widths of the groups, 0-ended
 *
 * Return: 1 if it is, else 0.
 */
int cmdline_hex_groups(const char *s, size_t len, const unsigned char *w)
{
	size_t i = 0;
	unsigned int n;

	for (; *w; w++) {
		for (n = 0; n < *w; n++, i++)
			if (i >= len || cmdline_hex_val(s[i]) < 0)
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
const unsigned char cmdline_uuid_forms[3][8] = {
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

/**
 * cmdline_set_uuid() - store @s[0..@len) lower-cased if it has one of @forms
 * @spec:	spec->value receives the UUID
 * @s:		the text
 * @len:	its length
 * @forms:	the hex group widths allowed (cmdline_uuid_forms, ...)
 * @n:		how many forms
 *
 * Return: 0 or -EINVAL.
 */
int cmdline_set_uuid(struct root_spec *spec, const char *s, size_t len,
		     const unsigned char forms[][8], size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cmdline_hex_groups(s, len, forms[i]))
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
	if (cmdline_set_uuid(spec, s, strlen(s), cmdline_uuid_forms,
			     ARRAY_SIZE(cmdline_uuid_forms))) {
		cmdline_seterr(why, wl, "not a UUID (want 8-4-4-4-12 hex digits, or vfat's XXXX-XXXX)");
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

	if (cmdline_set_uuid(spec, s, len, partuuid_forms,
			     ARRAY_SIZE(partuuid_forms))) {
		cmdline_seterr(why, wl, "not a partition UUID (want GPT 8-4-4-4-12 or MBR SSSSSSSS-PP hex digits)");
		return -EINVAL;
	}
	if (!slash)
		return 0;
	if (strncmp(slash, "/PARTNROFF=", 11)) {
		cmdline_seterr(why, wl, "only /PARTNROFF=N may follow the UUID");
		return -EINVAL;
	}
	n = slash + 11;
	if (cmdline_ulong(n + (*n == '-' || *n == '+'), PARTNROFF_MAX, &off)) {
		cmdline_seterr(why, wl, "bad PARTNROFF (want an integer from -%d to %d)",
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
		cmdline_seterr(why, wl, "empty label");
		return -EINVAL;
	}
	if (len > max) {
		cmdline_seterr(why, wl, "label longer than %d bytes", (int)max);
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
		cmdline_seterr(why, wl, "GPT partition names have at most %d characters",
			       PARTLABEL_UNITS);
		return -EINVAL;
	}
	return 0;
}

static int root_path(struct root_spec *spec, const char *s, char *why, size_t wl)
{
	const char *p;

	if (!s[5]) {
		cmdline_seterr(why, wl, "no device name after /dev/");
		return -EINVAL;
	}
	for (p = s; *p; p++) {
		if (*p == ' ' || is_ctl(*p)) {
			cmdline_seterr(why, wl, "space or control character in device path");
			return -EINVAL;
		}
	}
	if (cmdline_copy(spec->value, sizeof(spec->value), s)) {
		cmdline_seterr(why, wl, "path longer than %d bytes", ROOT_VALUE_MAX - 1);
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
	if (cmdline_ulong(maj, DEV_MAJOR_MAX, &ma) ||
	    cmdline_ulong(colon + 1, DEV_MINOR_MAX, &mi))
		goto bad;
	spec->devnum = makedev(ma, mi);
	return 0;
bad:
	cmdline_seterr(why, wl, "not MAJ:MIN (want decimal major <= %lu, minor <= %lu)",
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
		if (cmdline_hex_val(*p) < 0)
			goto bad;
		v = v << 4 | cmdline_hex_val(*p);
	}
	ma = (v & 0xfff00) >> 8;
	mi = (v & 0xff) | ((v >> 12) & 0xfff00);
	spec->devnum = makedev(ma, mi);
	return 0;
bad:
	cmdline_seterr(why, wl, "not a device (" ROOT_FORMS ")");
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
		cmdline_seterr(why, wl, "device 0:0 does not exist");
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

/**
 * cmdline_root_spec() - root_spec_parse() without the quoted text
 * @spec:	output, zeroed on failure
 * @text:	the device reference
 * @why:	says only what is wrong, on failure
 * @wl:		size of @why
 *
 * Return: 0 or -EINVAL.
 */
int cmdline_root_spec(struct root_spec *spec, const char *text, char *why, size_t wl)
{
	const struct root_prefix *rp = root_prefixes;
	size_t len;
	int ret;

	memset(spec, 0, sizeof(*spec));
	if (!*text) {
		cmdline_seterr(why, wl, "empty (" ROOT_FORMS ")");
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

	ret = cmdline_root_spec(spec, text, why, sizeof(why));
	if (ret)
		cmdline_seterr(err, errlen, "%s: %s", quote(word, text, NULL), why);
	return ret;
}

/*
 * Option handlers: @val is NULL for a bare word.  They only store
 * values; on error they say in @why what is wrong, and the caller quotes
 * the word.
 */
static int feature_root(struct boot_args *a, const char *val, char *why, size_t wl);

static int opt_root(struct boot_args *a, const char *val, char *why, size_t wl)
{
	int ret;

	if (cmdline_copy(a->root_raw, sizeof(a->root_raw), val)) {
		cmdline_seterr(why, wl, "longer than %d bytes", ROOT_VALUE_MAX - 1);
		return -E2BIG;
	}
	a->net.root = 0;	/* an earlier root=nfs: no longer counts */
	ret = feature_root(a, val, why, wl);
	if (ret)
		return ret < 0 ? ret : 0;
	return cmdline_root_spec(&a->root, val, why, wl);
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
			cmdline_seterr(why, wl, "want filesystem names [a-z0-9_.-] separated by commas");
			return -EINVAL;
		}
	}
	if (prev == ',') {	/* empty, or a trailing comma */
		cmdline_seterr(why, wl, "want filesystem names [a-z0-9_.-] separated by commas");
		return -EINVAL;
	}
	if (cmdline_copy(a->rootfstype, sizeof(a->rootfstype), val)) {
		cmdline_seterr(why, wl, "longer than %d bytes", FSTYPE_MAX - 1);
		return -E2BIG;
	}
	return 0;
}

static int opt_rootflags(struct boot_args *a, const char *val, char *why, size_t wl)
{
	if (cmdline_copy(a->rootflags, sizeof(a->rootflags), val)) {
		cmdline_seterr(why, wl, "longer than %d bytes", ROOTFLAGS_MAX - 1);
		return -E2BIG;
	}
	return 0;
}

static int set_seconds(int *dst, const char *val, unsigned long min,
		       char *why, size_t wl)
{
	unsigned long v;

	if (cmdline_ulong(val, SECONDS_MAX, &v) || v < min) {
		cmdline_seterr(why, wl, "want whole seconds from %lu to %lu", min, SECONDS_MAX);
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
		cmdline_seterr(why, wl, "not an absolute path to a program");
		return -EINVAL;
	}
	for (p = val; *p; p++) {
		if (is_ctl(*p)) {
			cmdline_seterr(why, wl, "control character in path");
			return -EINVAL;
		}
	}
	if (cmdline_copy(a->init, sizeof(a->init), val)) {
		cmdline_seterr(why, wl, "longer than %d bytes", INIT_PATH_MAX - 1);
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
	{ .name = "dry-run",	.point = RD_BREAK_DRY_RUN },
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
	cmdline_seterr(why, wl, "unknown breakpoint (want pre-mount, pre-pivot or dry-run)");
	return -EINVAL;
}

/**
 * cmdline_switch() - a 0/1 switch; a bare word means 1
 * @dst:	receives the value
 * @val:	"0", "1" or NULL
 * @why:	says what is wrong, on failure
 * @wl:		size of @why
 *
 * Return: 0 or -EINVAL.
 */
int cmdline_switch(int *dst, const char *val, char *why, size_t wl)
{
	if (!val || !strcmp(val, "1")) {
		*dst = 1;
	} else if (!strcmp(val, "0")) {
		*dst = 0;
	} else {
		cmdline_seterr(why, wl, "want 0 or 1");
		return -EINVAL;
	}
	return 0;
}

static int opt_rd_shell(struct boot_args *a, const char *val, char *why, size_t wl)
{
	return cmdline_switch(&a->rd_shell, val, why, wl);
}

static const char *const rd_emergencies[] = {
	[RD_EMERGENCY_REBOOT] = "reboot",
	[RD_EMERGENCY_POWEROFF] = "poweroff",
	[RD_EMERGENCY_HALT] = "halt",
	[RD_EMERGENCY_SHELL] = "shell",
};

static int opt_rd_emergency(struct boot_args *a, const char *val, char *why, size_t wl)
{
	size_t i;

	for (i = RD_EMERGENCY_REBOOT; i < ARRAY_SIZE(rd_emergencies); i++) {
		if (!strcmp(val, rd_emergencies[i])) {
			a->rd_emergency = i;
			return 0;
		}
	}
	cmdline_seterr(why, wl, "unknown failure action (want reboot, poweroff, halt or shell)");
	return -EINVAL;
}

/* ---- checkers the storage options share (cmdline_opt.h) ---------------- */

/**
 * cmdline_list_room() - is there room for one more entry in a list?
 * @count:	entries in it, of STORAGE_LIST_MAX
 * @why:	says what is wrong, on failure
 * @wl:		size of @why
 *
 * Return: 0 or -E2BIG.
 */
int cmdline_list_room(int count, char *why, size_t wl)
{
	if (count < STORAGE_LIST_MAX)
		return 0;
	cmdline_seterr(why, wl, "given more than %d times", STORAGE_LIST_MAX);
	return -E2BIG;
}

/**
 * cmdline_dm_name_ok() - is @s a mapping, VG or LV name LVM and
 * device-mapper accept?
 * @s:		the name
 * @slash:	a '/' is allowed (VG/LV)
 *
 * Return: 1 if it is, else 0.
 */
int cmdline_dm_name_ok(const char *s, int slash)
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

_Static_assert(sizeof(struct boot_args) <= 0xffff, "cmdline_opt.flag has 16 bits");

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
	{ .name = "rd.emergency", .arg = ARG_REQUIRED,	.set = opt_rd_emergency },
};

/*
 * The storage features, whose options are parsed by their own files when
 * the feature is built.  Without the feature, an option in its namespace
 * (@prefix, or @prefix and a dot) is noted for cmdline_absent() and not
 * parsed.  raid= and noresume are the kernel's own options too: without
 * the feature they are simply not kinit's.  A feature whose option is on
 * but whose file kinit.mk does not build is an undefined symbol: the link
 * fails.
 */
#define FEATURE(opt, f)	.feature = IS_ENABLED(CONFIG_KINIT_##opt) ? &(f) : NULL, \
			.option = "CONFIG_KINIT_" #opt

static const struct {
	const struct cmdline_feature *feature;
	const char *prefix;
	const char *what;
	const char *option;
	const char *then;
} features[STORAGE_FEATURES] = {
	{ FEATURE(CRYPT, cmdline_luks), .prefix = "rd.luks", .what = "LUKS",
	  .then = "ignored" },
	{ FEATURE(LVM, cmdline_lvm), .prefix = "rd.lvm", .what = "LVM",
	  .then = "ignored" },
	{ FEATURE(MD, cmdline_md), .prefix = "rd.md", .what = "md RAID",
	  .then = "ignored" },
	{ FEATURE(RESUME, cmdline_resume), .prefix = "resume", .what = "resume",
	  .then = "left to the kernel" },
	{ FEATURE(NET, cmdline_net), .prefix = "ip", .what = "network",
	  .then = "left to the kernel" },
	{ FEATURE(NFS, cmdline_nfs), .prefix = "nfsroot", .what = "NFS root",
	  .then = "left to the kernel" },
};

/* A feature's own root= form (an NFS root): 1 taken, 0 not, -errno. */
static int feature_root(struct boot_args *a, const char *val, char *why, size_t wl)
{
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(features); i++) {
		if (!features[i].feature || !features[i].feature->root)
			continue;
		ret = features[i].feature->root(a, val, why, wl);
		if (ret)
			return ret;
	}
	return 0;
}

static const struct cmdline_opt *opt_find(const struct cmdline_opt *opts,
					  size_t n, const char *param)
{
	for (; n; n--, opts++)
		if (!strcmp(param, opts->name))
			return opts;
	return NULL;
}

/*
 * kinit's option @param, or NULL; an option of a storage feature this
 * kinit lacks is noted in @a, the first one given for each feature.
 */
static const struct cmdline_opt *find_opt(struct boot_args *a, const char *param,
					  const char *val)
{
	const struct cmdline_opt *o = opt_find(cmdline_opts, ARRAY_SIZE(cmdline_opts), param);
	size_t i, len;

	for (i = 0; i < ARRAY_SIZE(features) && !o; i++) {
		const struct cmdline_feature *f = features[i].feature;

		if (f) {
			o = opt_find(f->opts, f->count, param);
			continue;
		}
		len = strlen(features[i].prefix);
		if (!strncmp(param, features[i].prefix, len) &&
		    (!param[len] || param[len] == '.') && !a->absent[i][0])
			ksnprintf(a->absent[i], sizeof(a->absent[i]), "%s%s",
				 param, val ? "=" : "");
	}
	return o;
}

static int dispatch(struct boot_args *a, const char *param, const char *val,
		    char *err, size_t errlen)
{
	const struct cmdline_opt *o = find_opt(a, param, val);
	char why[WHY_MAX], word[QUOTE_MAX];
	int ret;

	if (!o)
		return 0;	/* the kernel's or init's */
	if (o->arg == ARG_NONE && val) {
		cmdline_seterr(err, errlen, "%s: %s takes no value", quote(word, param, val),
			       param);
		return -EINVAL;
	}
	if (o->arg == ARG_REQUIRED && !val) {
		cmdline_seterr(err, errlen, "%s: needs a value (%s=...)", param, param);
		return -EINVAL;
	}
	if (!o->set) {
		*(int *)((char *)a + o->flag) = o->value;
		return 0;
	}
	ret = o->set(a, val, why, sizeof(why));
	if (ret)
		cmdline_seterr(err, errlen, "%s: %s", quote(word, param, val), why);
	return ret;
}

/*
 * Everything after "--" is init's, word by word as the kernel's
 * set_init_arg() passes it: "param" or "param=value", quotes removed.
 * They replace those an earlier line gave.
 */
static int add_init_args(struct boot_args *a, char *p, char *err, size_t errlen)
{
	size_t used = 0, plen, vlen;
	char *param, *val, *dst;
	char word[QUOTE_MAX];

	if (*p)
		a->init_argc = 0;
	while (*p) {
		p = next_arg(p, &param, &val);
		plen = strlen(param);
		vlen = val ? strlen(val) + 1 : 0;
		if (a->init_argc == INIT_ARGS_MAX) {
			cmdline_seterr(err, errlen, "%s: more than %d arguments for init after --",
				       quote(word, param, val), INIT_ARGS_MAX);
			return -E2BIG;
		}
		if (plen + vlen + 1 > sizeof(a->argbuf) - used) {
			cmdline_seterr(err, errlen, "%s: arguments for init after -- exceed %d bytes",
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

/**
 * boot_args_init() - the values before any option is given
 * @a:	set to them: integers -1 ("not given"), strings empty
 */
void boot_args_init(struct boot_args *a)
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
	a->net.neednet = -1;
}

/**
 * cmdline_parse_more() - parse a command line over the options in @args
 * @args:	the options so far (of an earlier line), updated; back to the
 *		defaults on error
 * @line:	NUL-terminated command line (e.g. /proc/cmdline contents)
 * @err:	on failure, a message quoting the offending word; "" on success
 * @errlen:	size of @err
 *
 * Unknown words are ignored (they belong to the kernel or to init);
 * for kinit's own options the last occurrence wins, as with __setup(),
 * whichever line it is on, but every occurrence must be well-formed;
 * lists (rd.luks.uuid=, ...) grow.  Quotes are handled as the kernel's
 * next_arg() does.  Words after a standalone "--" become
 * @args->init_argv, replacing an earlier line's; they point into
 * @args->argbuf: do not copy @args by value.  The options of a storage
 * feature this kinit is built without are not parsed but noted for
 * cmdline_absent().
 *
 * kinit parses the image's defaults (/etc/kinit/cmdline) first, then the
 * kernel's command line over them, whose options so win.
 *
 * Return: 0, or -EINVAL for a malformed option, -E2BIG for overlong input.
 */
int cmdline_parse_more(struct boot_args *args, const char *line, char *err, size_t errlen)
{
	char buf[CMDLINE_MAX + 1];
	char *p, *param, *val;
	size_t len;
	int ret = 0;

	cmdline_seterr(err, errlen, "%s", "");
	len = strnlen(line, sizeof(buf));
	if (len > CMDLINE_MAX) {
		boot_args_init(args);
		cmdline_seterr(err, errlen, "command line longer than %d bytes", CMDLINE_MAX);
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

/**
 * cmdline_parse() - parse a kernel command line into @args
 * @args:	output, fully initialised by this call (to the defaults on error)
 * @line:	NUL-terminated command line (e.g. /proc/cmdline contents)
 * @err:	on failure, a message quoting the offending word; "" on success
 * @errlen:	size of @err
 *
 * boot_args_init(), then cmdline_parse_more().
 *
 * Return: 0, or -EINVAL for a malformed option, -E2BIG for overlong input.
 */
int cmdline_parse(struct boot_args *args, const char *line, char *err, size_t errlen)
{
	boot_args_init(args);
	return cmdline_parse_more(args, line, err, errlen);
}

/**
 * cmdline_absent() - say which option asked for a storage feature this
 * kinit lacks
 * @args:	the parsed command line (all of its lines)
 * @i:		which feature, from 0
 * @msg:	receives the message
 * @len:	size of @msg
 *
 * Such an option is not an error: the command line may be older than the
 * kernel's configuration.  But it does nothing, and the user should know.
 *
 * Return: @msg, e.g. "rd.luks.uuid=: this kernel's kinit has no LUKS
 * support (CONFIG_KINIT_CRYPT): ignored", or "" when feature @i was not
 * asked for; NULL when @i is past the last feature.
 */
const char *cmdline_absent(const struct boot_args *args, size_t i, char *msg, size_t len)
{
	if (i >= ARRAY_SIZE(features))
		return NULL;
	msg[0] = '\0';
	if (args->absent[i][0])
		ksnprintf(msg, len, "%s: this kernel's kinit has no %s support (%s): %s",
			 args->absent[i], features[i].what, features[i].option,
			 features[i].then);
	return msg;
}
