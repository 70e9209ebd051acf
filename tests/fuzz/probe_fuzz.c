// SPDX-License-Identifier: GPL-2.0
/*
 * probe_fuzz.c - libFuzzer target: the input is a whole device, probed
 * for content and partitions by every prober, once with its size known
 * and once unknown.
 *
 * The device is either the input's bytes as they are (up to 128 KiB:
 * btrfs's superblock at 64 KiB + 4 KiB, kinit's 68 KiB read, and md 0.90
 * and 1.0 superblocks near the end of a device over 64 KiB are in reach),
 * or, after the magic "KDEV", a sparse device of any size: u32 LE size in
 * 512-byte sectors, u32 LE head length, the head (at offset 0), then the
 * tail (the last bytes of the device), zeros between.  A sparse seed of
 * a few KiB thus holds what sits at the end of a large device (md 0.90
 * and 1.0, the backup GPT) or deep into it (btrfs), and the fuzzer mutates
 * those bytes as often as any other.  seeds/probe makes such seeds;
 * corpus/probe holds forged headers (an LVM PV id, an ISO 9660 date with
 * "../" and escapes).  A UUID a prober gives (LUKS aside) must be made of
 * characters a path and a console can take.
 * fuzz-options: -max_len=131072
 */
#include "../unit/probe_all.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define DEV_MAGIC	"KDEV"
#define DEV_HDR		12

struct dev {
	const uint8_t *head, *tail;
	uint64_t headlen, taillen, size;
};

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static void dev_init(struct dev *d, const uint8_t *data, size_t size)
{
	memset(d, 0, sizeof(*d));
	d->head = data;
	d->headlen = size;
	d->size = size;
	if (size < DEV_HDR || memcmp(data, DEV_MAGIC, 4))
		return;
	d->head = data + DEV_HDR;
	d->headlen = le32(data + 8);
	if (d->headlen > size - DEV_HDR)
		d->headlen = size - DEV_HDR;
	d->tail = d->head + d->headlen;
	d->taillen = size - DEV_HDR - d->headlen;
	d->size = (uint64_t)le32(data + 4) * 512;
	if (d->size < d->headlen + d->taillen)
		d->size = d->headlen + d->taillen;
}

/* head at 0, tail at the end, zeros between; -EIO past the end */
static int dev_read(void *ctx, uint64_t off, void *buf, size_t len)
{
	const struct dev *d = ctx;
	uint64_t tailoff = d->size - d->taillen, n;
	uint8_t *p = buf;

	if (off > d->size || len > d->size - off)
		return -EIO;
	while (len) {
		if (off < d->headlen) {
			n = d->headlen - off < len ? d->headlen - off : len;
			memcpy(p, d->head + off, n);
		} else if (off >= tailoff) {
			n = len;	/* within the device, so within the tail */
			memcpy(p, d->tail + (off - tailoff), n);
		} else {
			n = tailoff - off < len ? tailoff - off : len;
			memset(p, 0, n);
		}
		p += n;
		off += n;
		len -= n;
	}
	return 0;
}

/*
 * What a prober calls a UUID is safe to name a path with: hex digits and
 * dashes, LVM's alphabet, or vfat's serial.  LUKS keeps its header's
 * text as it is: crypt.c checks it (uuid_valid()) before any use.
 */
static bool uuid_chars_ok(const char *type, const char *uuid)
{
	if (!strcmp(type, "crypto_LUKS"))
		return true;
	for (; *uuid; uuid++)
		if (!is_digit(*uuid) && !(*uuid >= 'a' && *uuid <= 'z') &&
		    !(*uuid >= 'A' && *uuid <= 'Z') && !strchr("-!#", *uuid))
			return false;
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct part_entry parts[PART_MAX];
	struct dev d;
	struct probe_src src = { .read = dev_read, .ctx = &d };
	struct probe_result res;
	int pass, count, i;

	dev_init(&d, data, size);
	for (pass = 0; pass < 2; pass++) {
		src.size = pass ? d.size : 0;
		if (probe_device(&src, &res) == 0 &&
		    (!memchr(res.type, 0, sizeof(res.type)) ||
		     !memchr(res.uuid, 0, sizeof(res.uuid)) ||
		     !memchr(res.label, 0, sizeof(res.label))))
			__builtin_trap();
		if (probe_device(&src, &res) == 0 && !uuid_chars_ok(res.type, res.uuid))
			__builtin_trap();
		if (probe_partitions(&src, parts, &count) == 0) {
			if (count < 0 || count > PART_MAX)
				__builtin_trap();
			for (i = 0; i < count; i++)
				if (!memchr(parts[i].uuid, 0, sizeof(parts[i].uuid)) ||
				    !memchr(parts[i].name, 0, sizeof(parts[i].name)))
					__builtin_trap();
		}
	}
	return 0;
}
