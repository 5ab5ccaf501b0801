# Sourced by ./mvnw and bin/linmem: finds a JDK that runs linmem's optimizing runtime.
#
# Truffle 25.0.2 with the Graal compiler jars needs JDK 25.0.2 or newer (a compiler jar newer than
# the JDK silently falls back to the interpreter-only runtime). `java` on the PATH is often older,
# so we look, in order, at $LINMEM_JAVA_HOME, $JAVA_HOME and every JDK under /usr/lib/jvm.

linmem_jdk_version() { # prints the JAVA_VERSION of the JDK at $1, or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ -f "$1/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$1/release"
}

linmem_jdk_fits() { # true when the JDK at $1 is 25.0.2 or newer
  local v major minor patch
  v=$(linmem_jdk_version "$1")
  [ -n "$v" ] || return 1
  IFS=. read -r major minor patch <<<"${v%%[-+]*}"
  major=${major:-0}; minor=${minor:-0}; patch=${patch:-0}
  [ "$major" -gt 25 ] && return 0
  [ "$major" -eq 25 ] && { [ "$minor" -gt 0 ] || [ "$patch" -ge 2 ]; }
}

linmem_find_jdk() { # sets JAVA_HOME or exits with a message
  local candidate
  for candidate in "${LINMEM_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    if linmem_jdk_fits "$candidate"; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "linmem: no JDK 25.0.2 or newer found (looked at \$LINMEM_JAVA_HOME, \$JAVA_HOME and /usr/lib/jvm/*)." >&2
  echo "linmem: install Temurin 25 (or any JDK >= 25.0.2) and point LINMEM_JAVA_HOME at it." >&2
  exit 3
}
