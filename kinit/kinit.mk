# SPDX-License-Identifier: GPL-2.0
# The sources of kinit, chosen by Kconfig: included by usr/Makefile.kinit.
# Optional features are optional files, never #ifdef blocks in a function.
kinit-y := kinit.c log.c cmdline.c mounts.c rootdev.c uevent.c blkdev.c switch_root.c \
	   exec_check.c failure.c shell.c lib/dir.c lib/errstr.c lib/format.c lib/start.c lib/util.c lib/disktext.c probe/probe.c
# What probe.c can recognise: the formats and partition tables the kernel
# can use (KINIT_PROBE_*, which follow the kernel's own options).
kinit-$(CONFIG_KINIT_PROBE_MD) += probe/probe_md.c
kinit-$(CONFIG_KINIT_PROBE_LVM2) += probe/probe_lvm2.c
kinit-$(CONFIG_KINIT_PROBE_LUKS) += probe/probe_luks.c
kinit-$(CONFIG_KINIT_PROBE_VFAT) += probe/probe_vfat.c
kinit-$(CONFIG_KINIT_PROBE_SWAP) += probe/probe_swap.c
kinit-$(CONFIG_KINIT_PROBE_XFS) += probe/probe_xfs.c
kinit-$(CONFIG_KINIT_PROBE_EXT) += probe/probe_ext.c
kinit-$(CONFIG_KINIT_PROBE_ISO9660) += probe/probe_iso9660.c
kinit-$(CONFIG_KINIT_PROBE_SQUASHFS) += probe/probe_squashfs.c
kinit-$(CONFIG_KINIT_PROBE_BTRFS) += probe/probe_btrfs.c
kinit-$(CONFIG_KINIT_PROBE_F2FS) += probe/probe_f2fs.c
kinit-$(CONFIG_KINIT_PROBE_EROFS) += probe/probe_erofs.c
kinit-$(CONFIG_KINIT_PROBE_GPT) += probe/probe_gpt.c
kinit-$(CONFIG_KINIT_PROBE_MBR) += probe/probe_mbr.c
kinit-$(CONFIG_KINIT_BOOTLOADER_SETTINGS) += bootloader.c
# The rescue shell's password: SHA-512-crypt and the console prompt.
kinit-$(CONFIG_KINIT_SHELL_PASSWORD) += auth/password.c auth/prompt.c auth/sha512.c \
	auth/sha512crypt.c auth/crypt_parse.c
kinit-$(CONFIG_KINIT_MODULE_LOADER) += modules/modules.c
kinit-$(CONFIG_KINIT_MODULES_AUTOLOAD) += modules/coldplug.c
kinit-$(CONFIG_KINIT_STACK) += storage/stack.c
kinit-$(CONFIG_KINIT_CRYPT) += storage/crypt.c storage/cmdline_luks.c
kinit-$(CONFIG_KINIT_LVM) += storage/lvm.c storage/cmdline_lvm.c
kinit-$(CONFIG_KINIT_MD) += storage/md.c storage/cmdline_md.c
kinit-$(CONFIG_KINIT_MDADM) += storage/mdadm.c
kinit-$(CONFIG_KINIT_RESUME) += storage/resume.c storage/cmdline_resume.c
kinit-$(CONFIG_KINIT_NET) += net/cmdline_net.c net/dhcp_msg.c net/dhcp.c net/ifconfig.c \
	net/net.c net/pnp.c
kinit-$(CONFIG_KINIT_NFS) += net/cmdline_nfs.c net/nfsroot.c

# kinit is built with the kernel's warning set as far as it means anything
# for userspace (the Makefile's KBUILD_CFLAGS and KBUILD_USERHOSTCFLAGS,
# scripts/Makefile.extrawarn's W=1), plus -Wrestrict, which the kernel
# turns off for itself.  klibc's headers carry no "restrict": tests/style
# also compiles these sources against the host's libc to catch aliasing.
kinit-warnings := -Wall -Wextra -Werror -Wvla -Wno-unused-parameter \
	-Wno-format-truncation -Wundef -Wstrict-prototypes -Wmissing-prototypes \
	-Wmissing-declarations -Wold-style-definition -Wmissing-format-attribute \
	-Wunused-but-set-variable -Wunused-const-variable -Wcast-function-type \
	-Wimplicit-fallthrough=5 -Wdate-time -Wstringop-truncation \
	-Wdesignated-init -Wrestrict
