# examplehost: hardware configuration (hand-written; Lux copies it verbatim). Replace it with the output of
# `nixos-generate-config --show-hardware-config` on the machine.
{ ... }:

{
  boot.loader.grub.enable = true;
  boot.loader.grub.device = "/dev/sda";

  fileSystems."/" = {
    device = "/dev/disk/by-label/nixos";
    fsType = "ext4";
  };
}
