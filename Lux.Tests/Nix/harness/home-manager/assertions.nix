# Stand-in for home-manager's `assertions` and `warnings` options: both default to [ ].
{ lib, ... }:
{
  assertions = lib.mkOptionDefault [ ];
  warnings = lib.mkOptionDefault [ ];
}
