# SPDX-License-Identifier: GPL-2.0
# tests/golden/fixture.sh - build the inputs the golden cases refer to as
# @FIX@: a kinit stand-in, a crafted sysroot of tiny ELF files (RUNPATH,
# RPATH, ld.so.conf, merged /usr), module trees with .modinfo depends=
# chains, extra sources. Sourced by run; only gcc and binutils needed.

# make_fixture DIR
make_fixture() {
	local F=$1 B=$1/build S=$1/sysroot
	mkdir -p "$B" "$S/usr/lib" "$S/usr/bin" "$S/opt/app/bin" "$S/opt/app/lib" \
		"$S/opt/other/lib" "$S/opt/wrong/lib" "$S/etc/ld.so.conf.d"
	printf '#!/bin/sh\n' >"$F/kinit" && chmod 755 "$F/kinit"

	# Tiny objects with no libc: only their ELF headers matter here.
	local cc="${CC:-cc} -nostdlib -fPIC -O0"
	echo 'int foo(void) { return 1; }' >"$B/foo.c"
	echo 'int baz(void) { return 2; }' >"$B/baz.c"
	echo 'int baz(void); int bar(void) { return baz(); }' >"$B/bar.c"
	echo 'int def(void) { return 3; }' >"$B/def.c"
	echo 'int nope(void) { return 4; }' >"$B/nope.c"
	echo 'int x;' >"$B/empty.c"
	echo 'void _start(void) { for (;;); }' >"$B/static.c"
	for f in foo baz def nope; do
		$cc -shared -Wl,-soname,lib$f.so.1 -o "$B/lib$f.so.1" "$B/$f.c" || return 1
		ln -sf "lib$f.so.1" "$B/lib$f.so"
	done
	$cc -shared -Wl,-soname,libbar.so.1 -o "$B/libbar.so.1" "$B/bar.c" -L"$B" -lbaz || return 1
	ln -sf libbar.so.1 "$B/libbar.so"
	$cc -shared -o "$S/usr/lib/ld-fake.so.1" "$B/empty.c" || return 1

	# prog NAME SOURCE-CALL LIBS LDFLAGS: a PIE asking for /lib/ld-fake.so.1
	prog() {
		echo "int $2(void); void _start(void) { $2(); for (;;); }" >"$B/$1.c"
		$cc -Wl,--dynamic-linker=/lib/ld-fake.so.1 -Wl,-rpath-link,"$B" \
			-o "$B/$1" "$B/$1.c" -L"$B" $3 $4
	}
	prog runpath foo -lfoo "-Wl,--enable-new-dtags -Wl,-rpath,\$ORIGIN/../lib" || return 1
	prog rpath bar -lbar "-Wl,--disable-new-dtags -Wl,-rpath,\$ORIGIN/../lib" || return 1
	prog runpath-chain bar -lbar "-Wl,--enable-new-dtags -Wl,-rpath,\$ORIGIN/../lib" || return 1
	prog missing nope -lnope "-Wl,-rpath,\$ORIGIN/../lib" || return 1
	prog tool def -ldef "" || return 1
	$cc -static -o "$S/usr/bin/busybox" "$B/static.c" || return 1

	cp "$B/runpath" "$B/rpath" "$B/runpath-chain" "$B/missing" "$S/opt/app/bin/"
	cp "$B/tool" "$S/usr/bin/"
	cp "$B/libfoo.so.1" "$S/opt/app/lib/libfoo.so.1.0"
	ln -s libfoo.so.1.0 "$S/opt/app/lib/libfoo.so.1"
	cp "$B/libbar.so.1" "$B/libbaz.so.1" "$S/opt/app/lib/"
	cp "$B/libdef.so.1" "$S/opt/other/lib/"
	# an ELFCLASS32 header: ld.so.conf lists its dir first, it must be skipped
	printf '\177ELF\001\001\001\000\000\000\000\000\000\000\000\000\003\000\003\000\001\000\000\000' \
		>"$S/opt/wrong/lib/libdef.so.1"
	head -c 32 /dev/zero >>"$S/opt/wrong/lib/libdef.so.1"
	ln -s usr/lib "$S/lib"
	ln -s usr/bin "$S/bin"
	printf '# test\ninclude /etc/ld.so.conf.d/*.conf\n' >"$S/etc/ld.so.conf"
	echo /opt/wrong/lib >"$S/etc/ld.so.conf.d/10-wrong.conf"
	echo /opt/other/lib >"$S/etc/ld.so.conf.d/20-other.conf"

	# Module trees: relocatable objects carrying only a .modinfo section.
	${CC:-cc} -c -o "$B/empty.o" "$B/empty.c" || return 1
	mkko() {	# mkko NAME DEPENDS OUT
		mkdir -p "$(dirname "$3")"
		printf 'license=GPL\0depends=%s\0name=%s\0vermagic=6.1.0-test\0' "$2" "$1" \
			>"$B/modinfo"
		objcopy --add-section .modinfo="$B/modinfo" "$B/empty.o" "$3"
	}
	local M=$F/modobj
	mkko crc_x "" "$M/lib/crc-x.ko" || return 1
	mkko dm_mod crc_x "$M/drivers/md/dm-mod.ko" || return 1
	mkko dm_crypt "dm_mod,crc_x" "$M/drivers/md/dm-crypt.ko" || return 1
	mkko unused "" "$M/fs/unused.ko" || return 1
	mkko broken "ghost" "$M/fs/broken.ko" || return 1
	# drivers with device aliases, for CONFIG_KINIT_MODULES_AUTOLOAD
	mkalias() {	# mkalias NAME DEPENDS OUT ALIAS...
		local n=$1 d=$2 o=$3
		shift 3
		{ printf 'license=GPL\0depends=%s\0name=%s\0' "$d" "$n"
		  printf 'alias=%s\0' "$@"; } >"$B/modinfo"
		mkdir -p "$(dirname "$o")"
		objcopy --add-section .modinfo="$B/modinfo" "$B/empty.o" "$o"
	}
	mkalias virtio_blk crc_x "$M/drivers/block/virtio_blk.ko" 'virtio:d00000002v*' || return 1
	mkalias vscsi_core "" "$M/drivers/scsi/vscsi_core.ko" 'virtio:d00000008v*' \
		devname:vscsi || return 1
	mkalias vscsi_disk vscsi_core "$M/drivers/scsi/vscsi_disk.ko" 'scsi:t-0x00*' \
		fs-bogus || return 1
	# soft dependencies: fsx wants whatever provides "crypto-fake" first
	mkinfo() {	# mkinfo OUT ENTRY...
		local o=$1
		shift
		printf '%s\0' "$@" >"$B/modinfo"
		mkdir -p "$(dirname "$o")"
		objcopy --add-section .modinfo="$B/modinfo" "$B/empty.o" "$o"
	}
	mkinfo "$M/fs/fsx/fsx.ko" license=GPL depends=crc_x name=fsx \
		'softdep=pre: crypto-fake absent-alias post: unused' || return 1
	mkinfo "$M/crypto/fake_generic.ko" license=GPL depends= name=fake_generic \
		alias=crypto-fake alias=fake || return 1
	printf '%s\n' drivers/md/dm-mod.o drivers/md/dm-crypt.o lib/crc-x.o \
		fs/unused.o fs/broken.o drivers/block/virtio_blk.o drivers/scsi/vscsi_core.o \
		drivers/scsi/vscsi_disk.o fs/fsx/fsx.o crypto/fake_generic.o >"$M/modules.order"
	echo kernel/fs/ext4/ext4.ko >"$M/modules.builtin"
	local D=$F/modstage/lib/modules/6.1.0-test
	mkdir -p "$D/kernel/drivers/md" "$D/kernel/lib"
	for m in drivers/md/dm-crypt.ko.xz drivers/md/dm-mod.ko.xz lib/crc_x.ko.zst; do
		echo compressed >"$D/kernel/$m"
	done
	cat >"$D/modules.dep" <<-EOT
	kernel/drivers/md/dm-crypt.ko.xz: kernel/drivers/md/dm-mod.ko.xz kernel/lib/crc_x.ko.zst
	kernel/drivers/md/dm-mod.ko.xz: kernel/lib/crc_x.ko.zst
	kernel/lib/crc_x.ko.zst:
	EOT
	printf 'alias virtio:d0000000Av* dm_crypt\nalias fs-dm dm_mod\nalias pci:v*d*sv*sd*bc01* dm_mod\n' \
		>"$D/modules.alias"

	# Extra sources: a tree (modes kept, a key to protect) and a list.
	local X=$F/extra
	mkdir -p "$X/etc/kinit/keys" "$X/usr/share/kinit" "$X/var"
	chmod 0750 "$X/var"
	echo hello >"$X/usr/share/kinit/motd"
	echo secret >"$X/etc/kinit/keys/root.key"
	chmod 0644 "$X/etc/kinit/keys/root.key"
	echo '#!/bin/sh' >"$X/usr/share/kinit/hook" && chmod 0755 "$X/usr/share/kinit/hook"
	ln -s motd "$X/usr/share/kinit/motd.link"
	cat >"$F/extra.list" <<-EOT
	# a gen_init_cpio list
	dir /mnt 0755 0 0
	dir /mnt/root 0700 0 0
	file /etc/issue $F/kinit 0644 0 0
	slink /etc/mtab /proc/mounts 0777 0 0
	nod /dev/null 0666 0 0 c 1 3
	pipe /run/fifo 0600 0 0
	EOT
	printf 'fil /x %s 0644 0 0\n' "$F/kinit" >"$F/bad.list"
	printf 'dir /init 0755 0 0\n' >"$F/conflict.list"
}
