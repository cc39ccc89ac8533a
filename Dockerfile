# Lacuna in a container: built with the official Swift image by scripts/package.sh (the
# same script, and so the same archive, that scripts/archive-test.sh tests), then installed
# from that archive on a slim Debian with the three shared libraries it needs (INSTALL).
#
#   docker build -t lacuna .
#   docker run --rm -v "$PWD:/data" lacuna lacuna analyze /data/bill.txt
#   docker run --rm -p 8080:8080 lacuna lacuna serve --host 0.0.0.0 --token
#
# Both stages are Debian 12 (bookworm): the binary needs the glibc it was linked against.
ARG SWIFT_VERSION=6.3.1

FROM swift:${SWIFT_VERSION}-bookworm AS build
WORKDIR /src
# PCRE2 and SQLite development files and pkg-config, as for any build from source.
COPY scripts/install-deps.sh scripts/
RUN LACUNA_REPORT_TOOLS=0 scripts/install-deps.sh && rm -rf /var/lib/apt/lists/*
COPY . .
RUN scripts/package.sh && mkdir -p /out && cp dist/lacuna-*-linux-*.tar.gz /out/

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpcre2-8-0 libsqlite3-0 libxml2 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/ /tmp/lacuna/
# As INSTALL says: unpack under /opt and link the binary onto PATH.
RUN tar -xzf /tmp/lacuna/lacuna-*.tar.gz -C /opt \
    && ln -s /opt/lacuna-*/bin/lacuna /usr/local/bin/lacuna \
    && install -Dm644 /opt/lacuna-*/share/man/man1/lacuna.1 /usr/local/share/man/man1/lacuna.1 \
    && rm -rf /tmp/lacuna \
    && lacuna --version
USER nobody
WORKDIR /data
EXPOSE 8080
CMD ["lacuna", "--help"]
