# TokenAudit in a container: a multi-stage build (the Swift toolchain stays in the build stage)
# and a small runtime image that runs as an unprivileged user with `tokenaudit` as entry point.
#
#   docker build -t tokenaudit .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/repo" tokenaudit git history --all
#   docker run --rm -v "$PWD:/repo:ro" tokenaudit scan .
#
# The base images can be replaced (a registry mirror, or the local images
# Benchmarks/docker/build-offline.sh makes on a machine without a registry):
#   docker build --build-arg BUILD_IMAGE=... --build-arg RUNTIME_IMAGE=... -t tokenaudit .
ARG BUILD_IMAGE=swift:6.1-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${BUILD_IMAGE} AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libpcre2-dev zlib1g-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift Package.resolved* ./
RUN swift package resolve
COPY Plugins ./Plugins
COPY Sources ./Sources
# Package.swift declares targets under Tests/ (test support, the mock server); SwiftPM checks every
# declared target's directory even when it builds one product.
COPY Tests ./Tests
# Installed stripped: the symbol table and debug information are half of the binary (156 -> 81 MB);
# Swift's runtime metadata lives in sections strip keeps.
RUN swift build -c release --product tokenaudit --static-swift-stdlib \
 && install -s -m 0755 "$(swift build -c release --show-bin-path)/tokenaudit" /usr/local/bin/tokenaudit \
 && /usr/local/bin/tokenaudit --version

FROM ${RUNTIME_IMAGE}
# git for the `git` subcommands; libpcre2-8 and zlib are the only shared libraries the binary needs
# besides libc and libstdc++ (the Swift runtime is linked in statically). apt-get clean: a base image
# that keeps apt's caches and downloaded packages would otherwise keep ~100 MB of them here.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends git libpcre2-8-0 zlib1g \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin tokenaudit \
 # The image only ever reads the repository mounted at /repo, whoever owns it.
 && git config --system safe.directory '*'
COPY --from=build /usr/local/bin/tokenaudit /usr/local/bin/tokenaudit
USER tokenaudit:tokenaudit
WORKDIR /repo
ENTRYPOINT ["/usr/local/bin/tokenaudit"]
CMD ["--help"]
