{
  # A stand-in for nixpkgs with only what ARD's flake.nix uses (for .ci/flake-eval.sh): derivations are plain attribute sets, so the
  # flake's structure and arguments can be evaluated offline (nothing is built).
  outputs = { self }:
    let
      drv = name: attrs: attrs // { type = "derivation"; inherit name; outPath = "/nix/store/00000000000000000000000000000000-${name}"; drvPath = "/nix/store/0-${name}.drv"; };
      lib = {
        genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
        cleanSource = p: p;
        escapeShellArgs = xs: builtins.concatStringsSep " " (map (x: "'${x}'") xs);
        fakeHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        licenses.asl20 = { spdxId = "Apache-2.0"; };
      };
      pkgsFor = system: rec {
        inherit lib;
        stdenv.hostPlatform.system = system;
        jdk17_headless = drv "openjdk-headless-17" { home = "/nix/store/jdk17/lib/openjdk"; };
        maven = drv "maven-3.9.9" {
          override = { jdk_headless }: maven // { jdkUsed = jdk_headless.name; };
          buildMavenPackage = args:
            assert builtins.isString args.mvnHash && args ? src && args ? pname && args ? version && args ? mvnJdk;
            drv "${args.pname}-${args.version}" { inherit args; };
        };
        mkShell = args: drv "nix-shell" args;
        runCommand = name: env: script: drv name (env // { inherit script; });
        git = drv "git" { }; nodejs_20 = drv "nodejs-20" { }; shellcheck = drv "shellcheck" { }; unzip = drv "unzip" { };
      };
    in {
      inherit lib;
      legacyPackages = lib.genAttrs [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ] pkgsFor;
    };
}
