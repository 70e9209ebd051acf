# SPDX-License-Identifier: GPL-2.0
# The sources of kinit, chosen by Kconfig: included by usr/Makefile.kinit.
# Optional features are optional files, never #ifdef blocks in a function.
kinit-y := kinit.c log.c errstr.c cmdline.c mounts.c rootdev.c probe.c blkdev.c \
	   switch_root.c failure.c
kinit-$(CONFIG_KINIT_MODULE_LOADER) += modules.c
kinit-$(CONFIG_KINIT_MODULES_AUTOLOAD) += coldplug.c
kinit-$(CONFIG_KINIT_STACK) += stack.c
kinit-$(CONFIG_KINIT_CRYPT) += crypt.c
kinit-$(CONFIG_KINIT_LVM) += lvm.c
kinit-$(CONFIG_KINIT_MD) += md.c
kinit-$(CONFIG_KINIT_MDADM) += mdadm.c
kinit-$(CONFIG_KINIT_RESUME) += resume.c
