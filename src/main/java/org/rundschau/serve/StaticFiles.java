package org.rundschau.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.rundschau.model.Sha256;

/**
 * Answers GET and HEAD for the files of the output folder, cheaply for feed readers that poll:
 * a strong ETag from the content's SHA-256 (remembered per file by size, modification time and
 * identity, so a conditional request for an unchanged file reads nothing), Last-Modified from the
 * modification time, 304 for {@code If-None-Match} (which wins) or {@code If-Modified-Since}, and gzip
 * when the client accepts it. The gzip variant is another representation and has its own ETag
 * (suffix {@code -gz}).
 *
 * <p>Only regular files inside the folder are served: no path with a segment starting with a dot
 * ({@code ..}, hidden files, the publishers' temporary files), nothing a symbolic link leads out of
 * the folder to. A folder's {@code index.html} answers for the folder.
 */
final class StaticFiles {
    private static final int REMEMBERED_FILES = 10_000;

    private final Path root;
    private final Map<Path, Fingerprint> fingerprints = new ConcurrentHashMap<>();

    /** What a request path leads to. */
    sealed interface Target {
        record File(Path path) implements Target {}

        /** A folder asked for without its trailing slash: relative links on its index need one. */
        record Folder(String location) implements Target {}

        record Missing() implements Target {}
    }

    private record Fingerprint(long size, FileTime modified, Object fileKey, String tag) {
        boolean describes(BasicFileAttributes attributes) {
            return size == attributes.size() && modified.equals(attributes.lastModifiedTime())
                    && java.util.Objects.equals(fileKey, attributes.fileKey());
        }
    }

    StaticFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Maps a request URI to a file inside the folder, refusing anything that would leave it. */
    Target resolve(URI uri) {
        String path = uri.getPath();
        if (path == null || !path.startsWith("/") || path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return new Target.Missing();
        }
        for (String segment : path.split("/")) {
            if (segment.startsWith(".")) {
                return new Target.Missing();
            }
        }
        try {
            Path candidate = root.resolve(path.substring(1)).normalize();
            if (!candidate.startsWith(root)) {
                return new Target.Missing();
            }
            if (Files.isDirectory(candidate)) {
                if (!path.endsWith("/")) {
                    return new Target.Folder(uri.getRawPath() + "/");
                }
                candidate = candidate.resolve("index.html");
            }
            if (!Files.isRegularFile(candidate) || !candidate.toRealPath().startsWith(root.toRealPath())) {
                return new Target.Missing();
            }
            return new Target.File(candidate);
        } catch (InvalidPathException | IOException e) {
            return new Target.Missing();
        }
    }

    /** Sends {@code file}: 200 with the (possibly gzipped) bytes, or 304; for HEAD the same headers without body. */
    void send(HttpExchange exchange, Path file, boolean head) throws IOException {
        Headers request = exchange.getRequestHeaders();
        String type = ContentTypes.of(file.getFileName().toString());
        boolean gzip = ContentTypes.compressible(type)
                && HttpHeaders.acceptsGzip(request.getOrDefault("Accept-Encoding", List.of()));
        Headers response = exchange.getResponseHeaders();
        response.set("Content-Type", type);
        response.set("Cache-Control", "no-cache");
        if (ContentTypes.compressible(type)) {
            response.set("Vary", "Accept-Encoding");
        }

        Optional<Fingerprint> known = remembered(file);
        if (known.isPresent() && notModified(request, variant(known.get().tag(), gzip), known.get().modified())) {
            notModified(exchange, variant(known.get().tag(), gzip), known.get().modified());
            return;
        }
        Snapshot snapshot = Snapshot.read(file);
        String etag = variant(remember(file, snapshot), gzip);
        if (notModified(request, etag, snapshot.modified())) {
            notModified(exchange, etag, snapshot.modified());
            return;
        }
        sendFile(exchange, snapshot, etag, gzip, head);
    }

    private static void sendFile(HttpExchange exchange, Snapshot snapshot, String etag, boolean gzip, boolean head)
            throws IOException {
        byte[] body = gzip ? gzip(snapshot.bytes()) : snapshot.bytes();
        Headers response = exchange.getResponseHeaders();
        response.set("ETag", etag);
        response.set("Last-Modified", HttpHeaders.date(snapshot.modified().toInstant()));
        if (gzip) {
            response.set("Content-Encoding", "gzip");
        }
        if (head) {
            response.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * RFC 9110 section 13.2.2: {@code If-None-Match} decides when present; {@code If-Modified-Since}
     * counts only without it.
     */
    private static boolean notModified(Headers request, String etag, FileTime modified) {
        List<String> ifNoneMatch = request.get("If-None-Match");
        if (ifNoneMatch != null && !ifNoneMatch.isEmpty()) {
            return HttpHeaders.noneMatchHits(ifNoneMatch, etag);
        }
        String ifModifiedSince = request.getFirst("If-Modified-Since");
        return ifModifiedSince != null && HttpHeaders.parseDate(ifModifiedSince)
                .map(since -> !modified.toInstant().truncatedTo(ChronoUnit.SECONDS).isAfter(since))
                .orElse(false);
    }

    private static void notModified(HttpExchange exchange, String etag, FileTime modified) throws IOException {
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Last-Modified", HttpHeaders.date(modified.toInstant()));
        exchange.sendResponseHeaders(304, -1);
    }

    /** The remembered fingerprint when it still describes the file on disk. */
    private Optional<Fingerprint> remembered(Path file) throws IOException {
        Fingerprint known = fingerprints.get(file);
        if (known == null) {
            return Optional.empty();
        }
        return known.describes(Files.readAttributes(file, BasicFileAttributes.class)) ? Optional.of(known)
                : Optional.empty();
    }

    private String remember(Path file, Snapshot snapshot) {
        String tag = entityTag(snapshot.bytes());
        if (fingerprints.size() >= REMEMBERED_FILES) {
            fingerprints.clear();
        }
        fingerprints.put(file, new Fingerprint(snapshot.size(), snapshot.modified(), snapshot.fileKey(), tag));
        return tag;
    }

    /** A strong validator: the first 128 bits of the content's SHA-256, quoted. */
    static String entityTag(byte[] content) {
        return '"' + HexFormat.of().formatHex(Sha256.of(content), 0, 16) + '"';
    }

    private static String variant(String tag, boolean gzip) {
        return gzip ? tag.substring(0, tag.length() - 1) + "-gz\"" : tag;
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        }
        return out.toByteArray();
    }

    /** The body of a short plain-text answer such as 404. */
    static byte[] plain(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
