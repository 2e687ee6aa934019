#!/usr/bin/env bash
# Builds gptmem from this checkout and installs it for the current user.
# Run ./install.sh --help for usage.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
set -euo pipefail

readonly MIN_JAVA=17
readonly LAUNCHER_MARK='# gptmem launcher written by install.sh'

usage() {
  cat <<'EOF'
Usage: ./install.sh [--jdk DIR]
       ./install.sh --uninstall
       ./install.sh --help

Builds gptmem from this checkout and installs it under PREFIX
(default: ~/.local):

  PREFIX/bin/gptmem              launcher script
  PREFIX/lib/gptmem/gptmem.jar   the program
  PREFIX/lib/gptmem/cache/       start-up cache for that Java
  PREFIX/share/...               completions for bash, zsh and fish, and
                                 man pages (man gptmem, man gptmem-add, ...)

Building needs a JDK 17 or newer. Without --jdk, the newest one among
$JAVA_HOME, java on PATH and /usr/lib/jvm/* is used; running gptmem later
needs only its Java runtime. Run again to update in place.

A training run of common commands, on a scratch home, makes a class-data
cache for that exact Java: an AOT cache on Java 25 and newer (and a lean one
for the commands that never search), a CDS archive on older ones. gptmem
starts faster with it and works the same without it.

Options:
  --jdk DIR     build and run with the JDK in DIR
  --uninstall   remove what was installed; memories
                (GPTMEM_HOME, $XDG_DATA_HOME/gptmem, ~/.local/share/gptmem)
                are never touched
  -h, --help    show this help

Environment:
  PREFIX        installation root (default: $HOME/.local)
EOF
}

say() { printf '%s\n' "$*" >&2; }
die() { say "install.sh: $*"; exit 1; }
usage_error() { say "install.sh: $* (see ./install.sh --help)"; exit 2; }

# Single-quotes a string for a POSIX shell script.
sh_quote() { printf "'%s'" "${1//\'/\'\\\'\'}"; }

# --- finding a JDK -----------------------------------------------------------

# Prints "java.home<TAB>java.version<TAB>feature" for the java binary $1, or
# fails if it does not run.
java_info() {
  local java=$1 settings home='' version='' line
  settings=$("$java" -XshowSettings:properties -version 2>&1) || return 1
  while IFS= read -r line; do
    case $line in
      *' java.home = '*) home=${line#* java.home = } ;;
      *' java.version = '*) version=${line#* java.version = } ;;
    esac
  done <<<"$settings"
  [[ -n $home && -n $version ]] || return 1
  local feature=${version%%[!0-9]*}
  # Java 8 and older report 1.N.
  [[ $feature == 1 ]] && { feature=${version#1.}; feature=${feature%%[!0-9]*}; }
  [[ -n $feature ]] || return 1
  printf '%s\t%s\t%s\n' "$home" "$version" "$feature"
}

# Succeeds when version $1 is newer than version $2 (e.g. 21.0.2 > 17.0.15).
version_newer() {
  local -a a b
  IFS=. read -ra a <<<"${1%%[!0-9.]*}"
  IFS=. read -ra b <<<"${2%%[!0-9.]*}"
  local i
  for i in 0 1 2 3; do
    local x=$((10#${a[i]:-0})) y=$((10#${b[i]:-0}))
    ((x > y)) && return 0
    ((x < y)) && return 1
  done
  return 1
}

# Sets JDK_HOME, JDK_VERSION and JDK_FEATURE to the newest JDK 17+ among the candidates.
find_jdk() {
  local -a candidates=()
  if [[ -n ${JDK_OPTION:-} ]]; then
    candidates=("$JDK_OPTION/bin/java")
  else
    [[ -n ${JAVA_HOME:-} ]] && candidates+=("$JAVA_HOME/bin/java")
    command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
    local java
    for java in /usr/lib/jvm/*/bin/java; do
      [[ -x $java ]] && candidates+=("$java")
    done
  fi

  JDK_HOME='' JDK_VERSION='' JDK_FEATURE=''
  local java info home version feature
  local -a rejected=()
  local seen=$'\n'
  for java in "${candidates[@]}"; do
    [[ -x $java ]] || { rejected+=("$java: not found"); continue; }
    info=$(java_info "$java") || { rejected+=("$java: does not run"); continue; }
    IFS=$'\t' read -r home version feature <<<"$info"
    home=$(cd "$home" && pwd -P)
    [[ $seen == *$'\n'"$home"$'\n'* ]] && continue
    seen+="$home"$'\n'
    if ((feature < MIN_JAVA)); then
      rejected+=("$home: Java $version")
    elif [[ ! -x $home/bin/javac ]]; then
      rejected+=("$home: Java $version runtime without javac")
    elif [[ -z $JDK_HOME ]] || version_newer "$version" "$JDK_VERSION"; then
      JDK_HOME=$home JDK_VERSION=$version JDK_FEATURE=$feature
    fi
  done

  if [[ -z $JDK_HOME ]]; then
    local found='' entry
    for entry in "${rejected[@]}"; do found+="${found:+; }$entry"; done
    if [[ -n ${JDK_OPTION:-} ]]; then
      die "--jdk $JDK_OPTION is not a JDK $MIN_JAVA or newer ($found)"
    fi
    die "no JDK $MIN_JAVA or newer in \$JAVA_HOME, on PATH or in /usr/lib/jvm (${found:-none found}); install one (e.g. apt install openjdk-17-jdk-headless) or set JAVA_HOME"
  fi
}

# --- building ----------------------------------------------------------------

# Sets BUILT_JAR to the runnable jar that ./mvnw package just produced.
build() {
  say "Building with JDK $JDK_VERSION at $JDK_HOME ..."
  local maven_opts=${MAVEN_OPTS:-}
  # Maven 3.9's Guice calls sun.misc.Unsafe, which JDK 24+ warns about on
  # every build; the option that allows it quietly does not exist before 23.
  if ((JDK_FEATURE >= 24)); then
    maven_opts+="${maven_opts:+ }--sun-misc-unsafe-memory-access=allow"
  fi
  (cd "$SOURCE_DIR" && JAVA_HOME=$JDK_HOME MAVEN_OPTS=$maven_opts ./mvnw -q -DskipTests package) ||
    die "build failed (./mvnw -q -DskipTests package in $SOURCE_DIR)"

  # Version bumps leave older jars behind in target/, so take the newest.
  BUILT_JAR=''
  local jar
  for jar in "$SOURCE_DIR"/target/gptmem-*.jar; do
    case ${jar##*/} in *-sources.jar | *-javadoc.jar | *-tests.jar) continue ;; esac
    [[ -f $jar ]] || continue
    if [[ -z $BUILT_JAR || $jar -nt $BUILT_JAR ]]; then BUILT_JAR=$jar; fi
  done
  [[ -n $BUILT_JAR ]] || die "build produced no target/gptmem-*.jar"
}

# --- installing --------------------------------------------------------------

# Copies $1 to $2 with mode $3 through a temporary file, so a gptmem that
# is running during an update never sees a half-written file.
put_file() {
  local src=$1 dest=$2 mode=$3 tmp
  mkdir -p "${dest%/*}" || die "cannot create ${dest%/*}"
  tmp=$(mktemp "$dest.XXXXXX") || die "cannot write to ${dest%/*}"
  TMP_FILES+=("$tmp")
  if ! { cat "$src" >"$tmp" && chmod "$mode" "$tmp" && mv -f "$tmp" "$dest"; }; then
    die "cannot write $dest"
  fi
}

install_jar() {
  put_file "$BUILT_JAR" "$JAR" 644
  say "Installed $JAR"
}

# JVM options for every run: C1 and the serial collector start fastest, and JVM log lines go to
# stderr, never into data on stdout. Imports and reindexing take them too: with the start-up cache
# (trained with them) they are as fast as the full JIT with the default collector, or faster, at
# every size measured on 2 cores: 200 memories 751 against 926 ms, the 64k corpus 8.3 against
# 9.3 s (Java 17, no cache: 8.2 against 12.0 s), 192k memories a tie (34.9 against 33.5 s).
readonly LOG_FLAGS='-Xlog:disable -Xlog:all=warning:stderr'
readonly JVM_FLAGS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 $LOG_FLAGS"

write_launcher() {
  cat <<EOF
#!/bin/sh
$LAUNCHER_MARK; run it again to update.
java=$(sh_quote "$JDK_HOME/bin/java")
jar=$(sh_quote "$JAR")
cache=$(sh_quote "$CACHE_DIR/$BUILD_ID-")
flags='$JVM_FLAGS'
# Java 25's AOT cache loads every class it holds at start, so the commands that never search get
# a cache without the search engine (1,260 classes fewer, about 15 ms less per command).
cached=.lean
for word in "\$@"; do
  case \$word in
    import|reindex|search|shell|--query|--query=*) cached=; break ;;
  esac
done
if [ ! -x "\$java" ]; then
  if [ -n "\${JAVA_HOME:-}" ] && [ -x "\$JAVA_HOME/bin/java" ]; then
    java=\$JAVA_HOME/bin/java
  elif command -v java >/dev/null 2>&1; then
    java=\$(command -v java)
  else
    echo "gptmem: cannot find Java: \$java is gone, and neither JAVA_HOME nor PATH has a java; set JAVA_HOME to a Java $MIN_JAVA+ runtime or reinstall gptmem" >&2
    exit 1
  fi
fi
# The start-up cache fits this build on one exact Java; its name holds both. A Java updated in
# place reports another version and runs without a cache rather than with a stale one.
version=
if [ -r "\${java%/bin/java}/release" ]; then
  while IFS= read -r line; do
    case \$line in JAVA_RUNTIME_VERSION=*) version=\${line#*=\"}; version=\${version%\"} ;; esac
  done <"\${java%/bin/java}/release"
fi
if [ -n "\$version" ] && [ -f "\$cache\$version.aot" ]; then
  [ -f "\$cache\$version\$cached.aot" ] || cached=
  exec "\$java" \$flags -Xlog:aot*=off,cds*=off:stderr -XX:AOTCache="\$cache\$version\$cached.aot" -jar "\$jar" "\$@"
elif [ -n "\$version" ] && [ -f "\$cache\$version.jsa" ]; then
  exec "\$java" \$flags -Xlog:cds*=off:stderr -XX:SharedArchiveFile="\$cache\$version.jsa" -jar "\$jar" "\$@"
fi
exec "\$java" \$flags -jar "\$jar" "\$@"
EOF
}

install_launcher() {
  local tmp
  tmp=$(mktemp)
  TMP_FILES+=("$tmp")
  write_launcher >"$tmp"
  put_file "$tmp" "$LAUNCHER" 755
  say "Installed $LAUNCHER (runs Java $JDK_VERSION from $JDK_HOME)"
}

# --- start-up cache ----------------------------------------------------------

# Prints JAVA_RUNTIME_VERSION from the release file of the JDK in $1 (the launcher reads it the same way).
runtime_version() {
  local line
  [[ -r $1/release ]] || return 0
  while IFS= read -r line; do
    case $line in JAVA_RUNTIME_VERSION=*) line=${line#*=\"}; printf '%s\n' "${line%\"}" ;; esac
  done <"$1/release"
}

# The commands a training run goes through, in one JVM: what people and scripts run most. The
# lean cache's run leaves out those that load the search engine (see the launcher).
lean_training_script() {
  training_script "$1" | grep -v -E '^(import|search|profile reindex)( |$)'
}

training_script() {
  local dir=$1
  cat <<EOF
import $dir/seed.jsonl
add "Prefers metric units" -t prefs,units -n Units -s "Metric, always" -r "Asked twice"
add --pin "Allergic to penicillin" -t health
list
list -t prefs --json
list --jsonl --sort name
list -q --pinned
show 00000000-0000-4000-8000-000000000001
show --json 00000000-0000-4000-8000-000000000002
edit 00000000-0000-4000-8000-000000000001 --add-tag trained --summary "Seen by training"
search metric
search penicillin --jsonl
search '"metric units" -draft' -t prefs
search 'pen* OR metric' --since 7d -l 5
profile reindex
export -o $dir/export.json
export --format jsonl
import --on-conflict replace $dir/export.json
profile create other -d "A second profile"
profile list
profile show other
-p other add "Runs 5k three times a week" -t fitness
rm -y 00000000-0000-4000-8000-000000000002
show 00000000-0000-4000-8000-00000000ffff
add --help
profile rm other -y
EOF
}

# Makes the start-up cache for the installed jar on JDK_HOME, by a training run on a scratch
# home; on Java 25 and newer, a lean one too. Failing here costs only speed, so it warns and goes on.
make_cache() {
  local runtime kind option work
  runtime=$(runtime_version "$JDK_HOME")
  if [[ -z $runtime ]]; then
    say "No start-up cache: $JDK_HOME/release does not name the Java version."
    return 0
  fi
  if ((JDK_FEATURE >= 25)); then
    kind='AOT cache' CACHE_FILE=$CACHE_DIR/$BUILD_ID-$runtime.aot option=-XX:AOTCacheOutput=
  else
    kind='CDS archive' CACHE_FILE=$CACHE_DIR/$BUILD_ID-$runtime.jsa option=-XX:ArchiveClassesAtExit=
  fi
  say "Making the start-up cache ($kind for Java $runtime) ..."
  work=$(mktemp -d) || die "cannot create a temporary folder"
  TMP_DIRS+=("$work")
  printf '{"id":"00000000-0000-4000-8000-00000000000%s","content":"Seed memory %s","tags":["seed"]}\n' 1 1 2 2 \
    >"$work/seed.jsonl"
  mkdir -p "$CACHE_DIR" || die "cannot create $CACHE_DIR"
  train "$work" full "$option$CACHE_FILE" training_script || return 0
  say "Installed $CACHE_FILE"
  if ((JDK_FEATURE >= 25)); then
    # Its memories come from an import outside the training run, which would load the search engine.
    env -u JAVA_TOOL_OPTIONS -u GPTMEM_PROFILE GPTMEM_HOME="$work/lean/home" "$JDK_HOME/bin/java" $LOG_FLAGS -jar "$JAR" \
      import "$work/seed.jsonl" >/dev/null 2>&1 || true
    CACHE_FILE=${CACHE_FILE%.aot}.lean.aot
    train "$work" lean "$option$CACHE_FILE" lean_training_script && say "Installed $CACHE_FILE"
  fi
}

# train WORK NAME OPTION SCRIPT: one training run of the commands SCRIPT prints, in WORK/NAME,
# writing the cache that OPTION names (the file after its '='); false, with a warning, if it made none.
train() {
  local dir=$1/$2 file=${3#*=}
  mkdir -p "$dir" || die "cannot create a temporary folder"
  "$4" "$1" >"$dir/training.txt"
  # JVM_FLAGS holds several options, so it is split on purpose. The script's exit code is not
  # looked at: one of its lines fails on purpose, so the error path is in the cache too.
  (cd "$dir" && env -u JAVA_TOOL_OPTIONS -u GPTMEM_PROFILE NO_COLOR=1 GPTMEM_HOME="$dir/home" \
    "$JDK_HOME/bin/java" $JVM_FLAGS "$3" -jar "$JAR" shell <"$dir/training.txt" >"$dir/out.txt" 2>"$dir/err.txt") || true
  if [[ -s $file ]]; then
    return 0
  fi
  rm -f "$file"
  if [[ $2 == full ]]; then
    say "No start-up cache: the training run failed (see below); gptmem works, it only starts slower."
  else
    say "No $2 start-up cache: its training run failed (see below); gptmem uses the full one."
  fi
  tail -n 5 "$dir/err.txt" >&2
  return 1
}

check_installed() {
  local version
  version=$("$LAUNCHER" --version </dev/null) || die "installed, but '$LAUNCHER --version' failed"
  say "${version%%$'\n'*} is ready."
}

# Prints path $1 for use between double quotes in a shell profile: under $HOME as "$HOME/...".
quoted_path() {
  local shown=$1
  if [[ $shown == "$HOME"/* ]]; then
    printf '%s' "\$HOME/${shown#"$HOME"/}"
  else
    shown=${shown//\\/\\\\} shown=${shown//\"/\\\"} shown=${shown//\$/\\\$} shown=${shown//\`/\\\`}
    printf '%s' "$shown"
  fi
}

check_path() {
  local bin=$PREFIX/bin
  case ":$PATH:" in
    *":$bin:"* | *":$bin/:"*)
      local found
      found=$(command -v gptmem 2>/dev/null || true)
      if [[ -n $found && $found != "$LAUNCHER" ]]; then
        say "Note: $found comes before $LAUNCHER on your PATH."
      fi
      ;;
    *)
      say "$bin is not on your PATH. Add this line to your shell profile (~/.profile, ~/.bashrc or ~/.zshrc):"
      say "  export PATH=\"$(quoted_path "$bin"):\$PATH\""
      ;;
  esac
}

do_install() {
  find_jdk
  build
  BUILD_ID=$(sha256sum "$BUILT_JAR") || die "cannot checksum $BUILT_JAR"
  BUILD_ID=${BUILD_ID:0:16}
  # A cache must never outlive the jar it was made for, not even while the new jar goes in.
  rm -rf "$CACHE_DIR"
  install_jar
  make_cache
  install_launcher
  check_installed
  check_path
  install_shell_files
}

# --- completions and man pages -----------------------------------------------

# Every completion script asks gptmem for its candidates, and every page says what made it: files
# without these words are not ours to replace or remove.
readonly COMPLETION_MARK='gptmem __complete'
readonly MAN_MARK="Made from gptmem's commands"

# Where bash-completion, zsh, fish and man look for them under PREFIX.
shell_file_targets() {
  BASH_COMPLETION=$PREFIX/share/bash-completion/completions/gptmem
  ZSH_COMPLETION=$PREFIX/share/zsh/site-functions/_gptmem
  FISH_COMPLETION=$PREFIX/share/fish/vendor_completions.d/gptmem.fish
  MAN_DIR=$PREFIX/share/man/man1
}

# Removes file $1 if it holds the words $2; fails if it is not there or not ours.
remove_ours() {
  [[ -f $1 ]] && grep -qF "$2" "$1" 2>/dev/null && rm -f "$1"
}

install_shell_files() {
  shell_file_targets
  put_file "$SOURCE_DIR/completions/gptmem.bash" "$BASH_COMPLETION" 644
  put_file "$SOURCE_DIR/completions/_gptmem" "$ZSH_COMPLETION" 644
  put_file "$SOURCE_DIR/completions/gptmem.fish" "$FISH_COMPLETION" 644
  local page
  for page in "$SOURCE_DIR"/man/*.1; do
    put_file "$page" "$MAN_DIR/${page##*/}" 644
  done
  # The page of a command that is gone.
  for page in "$MAN_DIR"/gptmem-*.1; do
    [[ -f $SOURCE_DIR/man/${page##*/} ]] || remove_ours "$page" "$MAN_MARK" || true
  done
  say "Installed completions for bash, zsh and fish, and man pages (man gptmem) under $PREFIX/share"
  hint_bash
  hint_zsh
  hint_fish
  hint_man
}

# Succeeds when line $1 is one of the lines in $2.
has_line() { [[ $'\n'$2$'\n' == *$'\n'"$1"$'\n'* ]]; }

# bash-completion loads a command's completion on first use from its user folder and those in
# XDG_DATA_DIRS; without bash-completion, or elsewhere, the script must be sourced.
hint_bash() {
  local dir=${BASH_COMPLETION%/*} searched data loader
  searched=${BASH_COMPLETION_USER_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion}/completions
  local -a data_dirs
  IFS=: read -ra data_dirs <<<"${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
  for data in "${data_dirs[@]}"; do searched+=$'\n'$data/bash-completion/completions; done
  if has_line "$dir" "$searched"; then
    for loader in /usr/share/bash-completion/bash_completion /usr/local/share/bash-completion/bash_completion \
      /opt/homebrew/etc/profile.d/bash_completion.sh /usr/local/etc/profile.d/bash_completion.sh /etc/bash_completion; do
      [[ -f $loader ]] && return 0
    done
  fi
  say "bash: for TAB completion, add this line to ~/.bashrc:  source \"$(quoted_path "$BASH_COMPLETION")\""
}

# zsh finds completion functions in fpath, which holds none of PREFIX's folders unless .zshrc adds it.
hint_zsh() {
  command -v zsh >/dev/null 2>&1 || return 0
  local dir=${ZSH_COMPLETION%/*} rc=${ZDOTDIR:-$HOME}/.zshrc
  has_line "$dir" "$(zsh -fc 'print -rl -- $fpath' </dev/null 2>/dev/null)" && return 0
  if [[ -f $rc ]] && grep -qF -e "$dir" -e "~/${dir#"$HOME"/}" -e "\$HOME/${dir#"$HOME"/}" "$rc" 2>/dev/null; then
    return 0
  fi
  say "zsh: for TAB completion, add this line to ${rc/#"$HOME"\//\~/} before compinit:  fpath=(\"$(quoted_path "$dir")\" \$fpath)"
}

hint_fish() {
  command -v fish >/dev/null 2>&1 || return 0
  local dir=${FISH_COMPLETION%/*}
  fish -c 'contains -- $argv[1] $fish_complete_path' "$dir" </dev/null >/dev/null 2>&1 && return 0
  say "fish: for TAB completion, add this line to ~/.config/fish/config.fish:  set -p fish_complete_path \"$(quoted_path "$dir")\""
}

# man-db finds PREFIX/share/man through PREFIX/bin on the PATH, unless MANPATH says otherwise.
hint_man() {
  command -v manpath >/dev/null 2>&1 || return 0
  local dir=$PREFIX/share/man
  [[ ":$(PATH="$PREFIX/bin:$PATH" manpath 2>/dev/null):" == *":$dir:"* ]] && return 0
  say "man: for 'man gptmem', add this line to your shell profile:  export MANPATH=\"$(quoted_path "$dir"):\$MANPATH\""
}

uninstall_shell_files() {
  shell_file_targets
  local file completions=0 pages=0
  for file in "$BASH_COMPLETION" "$ZSH_COMPLETION" "$FISH_COMPLETION"; do
    remove_ours "$file" "$COMPLETION_MARK" && completions=$((completions + 1))
  done
  for file in "$MAN_DIR"/gptmem.1 "$MAN_DIR"/gptmem-*.1; do
    remove_ours "$file" "$MAN_MARK" && pages=$((pages + 1))
  done
  ((completions == 0)) || say "Removed the completions for bash, zsh and fish"
  ((pages == 0)) || say "Removed $pages man pages from $MAN_DIR"
  REMOVED=$((REMOVED + completions + pages))
}

# --- uninstalling ------------------------------------------------------------

REMOVED=0

uninstall_launcher() {
  [[ -e $LAUNCHER || -L $LAUNCHER ]] || return 0
  if grep -qF "$LAUNCHER_MARK" "$LAUNCHER" 2>/dev/null; then
    rm -f "$LAUNCHER"
    say "Removed $LAUNCHER"
    REMOVED=$((REMOVED + 1))
  else
    say "Left $LAUNCHER alone: it was not written by install.sh"
  fi
}

uninstall_lib() {
  [[ -d $LIB_DIR ]] || return 0
  rm -rf "$LIB_DIR"
  say "Removed $LIB_DIR/"
  REMOVED=$((REMOVED + 1))
}

do_uninstall() {
  uninstall_launcher
  uninstall_lib
  uninstall_shell_files
  if ((REMOVED == 0)); then
    say "Nothing to remove: gptmem is not installed under $PREFIX"
  else
    say "Your memories were not touched."
  fi
}

# --- main --------------------------------------------------------------------

# Temporary files that an interrupted or failed run leaves behind.
TMP_FILES=()
TMP_DIRS=()
cleanup() {
  ((${#TMP_FILES[@]} == 0)) || rm -f -- "${TMP_FILES[@]}"
  ((${#TMP_DIRS[@]} == 0)) || rm -rf -- "${TMP_DIRS[@]}"
}
trap cleanup EXIT

main() {
  local action=install
  JDK_OPTION=''
  while (($#)); do
    case $1 in
      -h | --help) usage; exit 0 ;;
      --uninstall) action=uninstall ;;
      --jdk)
        (($# >= 2)) || usage_error "--jdk needs a directory"
        JDK_OPTION=$2
        shift
        ;;
      --jdk=*) JDK_OPTION=${1#--jdk=} ;;
      -*) usage_error "unknown option: $1" ;;
      *) usage_error "unexpected argument: $1" ;;
    esac
    shift
  done
  if [[ $action == uninstall && -n $JDK_OPTION ]]; then
    usage_error "--jdk does nothing with --uninstall"
  fi

  PREFIX=${PREFIX:-$HOME/.local}
  [[ $PREFIX == /* ]] || PREFIX=$PWD/$PREFIX
  PREFIX=${PREFIX%/}
  if [[ -n $JDK_OPTION && $JDK_OPTION != /* ]]; then JDK_OPTION=$PWD/$JDK_OPTION; fi

  SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
  LAUNCHER=$PREFIX/bin/gptmem
  LIB_DIR=$PREFIX/lib/gptmem
  JAR=$LIB_DIR/gptmem.jar
  CACHE_DIR=$LIB_DIR/cache

  "do_$action"
}

main "$@"
