#!/usr/bin/env bash
# Reproducibility check: builds ARD twice from clean, in two different directories, with a different time
# zone, locale, default charset, user name and umask, then compares the sha256 of every produced jar and of the
# generated build metadata (plugin descriptors, sisu index, dependency-reduced POM). Prints one table row per
# file and exits non-zero on any difference (or when a build produced nothing to compare).
#
#   .ci/reproducible.sh              # online: missing plugins are downloaded into ~/.m2
#   REPRO_MVN_ARGS=-o .ci/reproducible.sh   # offline, once ~/.m2 holds every plugin of the build
#   REPRO_KEEP=1 / REPRO_UMASK_B=077 / REPRO_NO_TMPFS=1   # keep both trees / vary more / both builds under $TMPDIR
#
# maven-artifact-plugin's check-buildplan first rejects plugin versions known to be unreproducible.
#
# `package` installs nothing, so both builds may share the local repository. The `it` module is left out:
# it produces no jar and, with -DskipTests, does nothing but compile the IT sources.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ard-repro.XXXXXX")
keep=${REPRO_KEEP:-0}
work_b=
cleanup() {
  if [[ $keep == 1 ]]; then echo "kept: $work $work_b"; else rm -rf "$work" ${work_b:+"$work_b"}; fi
}
trap cleanup EXIT

# Two copies of the working tree (tracked + untracked, not ignored: exactly what a fresh clone plus local edits
# has), at different depths so that no absolute path can hide in an output unnoticed. The second goes on tmpfs
# when there is one: another file system lists directories in another order, which catches any output whose
# order follows the directory listing (jar entries, sisu index, plugin descriptor).
copy_tree() {
  mkdir -p "$1"
  (cd "$root" && git ls-files -z --cached --others --exclude-standard \
    | tar --null --ignore-failed-read -T - -cf -) | tar -xf - -C "$1"
}
dir_a="$work/a"
dir_b="$work/b/deeper/path with space"
# (only with room for a build: a container's /dev/shm is often 64 MB)
shm_free_kb=$(df --output=avail -k /dev/shm 2>/dev/null | tail -1 || echo 0)
if [[ -d /dev/shm && -w /dev/shm && -z ${REPRO_NO_TMPFS:-} && ${shm_free_kb// /} -gt 1048576 ]]; then
  work_b=$(mktemp -d /dev/shm/ard-repro.XXXXXX)
  dir_b="$work_b/deeper/path with space"
fi
copy_tree "$dir_a"
copy_tree "$dir_b"

read -r -a extra <<<"${REPRO_MVN_ARGS:-}"
build() { # dir, tz, lang, user, umask, extra JVM options
  local dir=$1 tz=$2 lang=$3 user=$4 mask=$5 jvm=$6 log="$work/build-$4.log" start=$SECONDS
  echo "build in $dir (TZ=$tz LANG=$lang user=$user umask $mask)"
  if ! (cd "$dir" && umask "$mask" && env TZ="$tz" LANG="$lang" LC_ALL="$lang" USER="$user" LOGNAME="$user" \
        MAVEN_OPTS="${MAVEN_OPTS:-} -Duser.name=$user $jvm" \
        ./mvnw -B -ntp "${extra[@]}" -Duser.name="$user" -DskipTests -pl '!it' \
          org.apache.maven.plugins:maven-artifact-plugin:check-buildplan clean package \
          org.apache.maven.plugins:maven-artifact-plugin:buildinfo >"$log" 2>&1); then
    tail -40 "$log"
    echo "reproducible: the build as $user failed (log above)" >&2
    exit 2
  fi
  echo "  done in $((SECONDS - start)) s"
}
# umask 022 vs 002 (the two common defaults): Maven's archivers apply umask 022 to entry modes in reproducible
# mode, so both give the same jars. A stricter umask (077) removes read bits and does change the entry modes
# (README "Hermetic builds").
# The time zone differs through TZ only: .mvn/jvm.config pins the build JVM's user.timezone to UTC, because
# Smile's jar entries carry extended timestamps that the JDK's zip writer converts through the default time
# zone when the shade plugin copies them into the extension jar (a user forcing -Duser.timezone would undo it).
build "$dir_a" UTC C.UTF-8 alice 022 "-Duser.language=en -Duser.country=US"
build "$dir_b" Pacific/Kiritimati C bob "${REPRO_UMASK_B:-002}" \
  "-Duser.language=tr -Duser.country=TR -Dfile.encoding=ISO-8859-1"

# What is compared: every jar, the generated files that end up in jars or in the repository, and the
# maven-artifact-plugin .buildinfo files (sha512 of every jar and of every POM that would be deployed).
outputs() {
  (cd "$1" && find . -path '*/target/*' \( -name '*.jar' -o -name 'plugin.xml' -o -name 'plugin-help.xml' \
      -o -name '*.buildinfo' \
      -o -path '*/META-INF/sisu/javax.inject.Named' -o -name 'dependency-reduced-pom.xml' \) \
      -not -path '*/test-classes/*' | sed 's|^\./||' | LC_ALL=C sort)
}
mapfile -t files_a < <(outputs "$dir_a")
mapfile -t files_b < <(outputs "$dir_b")
if [[ ${#files_a[@]} -eq 0 ]]; then
  echo "reproducible: no build output found" >&2
  exit 2
fi
if [[ "${files_a[*]}" != "${files_b[*]}" ]]; then
  echo "reproducible: the two builds produced different sets of files" >&2
  diff <(printf '%s\n' "${files_a[@]}") <(printf '%s\n' "${files_b[@]}") >&2 || true
  exit 1
fi

# Shows what differs inside a differing jar: entries with other contents, and entry metadata (order, times,
# modes) from zipinfo.
explain_jar() {
  command -v unzip >/dev/null || return 0
  local x="$work/x" && rm -rf "$x" && mkdir -p "$x/a" "$x/b"
  unzip -q "$1" -d "$x/a" && unzip -q "$2" -d "$x/b"
  diff -rq "$x/a" "$x/b" | sed 's/^/      /' | head -20 || true
  diff <(zipinfo -l "$1" | tail -n +2) <(zipinfo -l "$2" | tail -n +2) | sed 's/^/      /' | head -20 || true
}

differ=0
printf '%-64s  %-9s  %s\n' "sha256" "result" "file"
for f in "${files_a[@]}"; do
  sum_a=$(sha256sum "$dir_a/$f" | cut -d' ' -f1)
  sum_b=$(sha256sum "$dir_b/$f" | cut -d' ' -f1)
  if [[ $sum_a == "$sum_b" ]]; then
    printf '%-64s  %-9s  %s\n' "$sum_a" "identical" "$f"
  else
    differ=$((differ + 1))
    printf '%-64s  %-9s  %s\n' "$sum_a" "DIFFERS" "$f"
    printf '%-64s  %-9s  %s\n' "$sum_b" "" "(second build)"
    case $f in
      *.jar) explain_jar "$dir_a/$f" "$dir_b/$f" ;;
      *) diff "$dir_a/$f" "$dir_b/$f" | sed 's/^/      /' | head -20 || true ;;
    esac
  fi
done

if [[ $differ -gt 0 ]]; then
  echo "reproducible: $differ of ${#files_a[@]} files differ between the two builds" >&2
  exit 1
fi
echo "reproducible: all ${#files_a[@]} files identical across two clean builds (different dir, TZ, locale, charset, user, umask)"
