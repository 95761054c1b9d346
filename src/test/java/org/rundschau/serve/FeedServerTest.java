package org.rundschau.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rundschau.model.SourceStatus;
import org.rundschau.model.Validators;

/** A real server on loopback, asked with the JDK's HTTP client (and a raw socket where the client would tidy the path). */
class FeedServerTest {
    private static final String ATOM = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            + "<title>Kommunale Digitalnachrichten – Grüße</title>" + "<id>x</id>".repeat(200) + "</feed>\n";
    private static final Instant MODIFIED = Instant.parse("2025-02-07T09:30:00Z");

    @TempDir
    static Path dir;
    static Path root;
    static FeedServer server;
    static final List<SourceStatus> statuses = new ArrayList<>();
    static volatile boolean healthBroken;

    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws IOException {
        root = dir.resolve("public");
        write("feed.atom", ATOM);
        write("feed.rss", "<rss version=\"2.0\"/>");
        write("feed.json", "{\"version\": \"https://jsonfeed.org/version/1.1\"}");
        write("index.html", "<!DOCTYPE html><title>Start</title>");
        write("sources.opml", "<opml version=\"2.0\"/>");
        write("region/baden-wuerttemberg.atom", "<feed/>");
        write("region/index.html", "<!DOCTYPE html><title>Regionen</title>");
        write("empty.txt", "");
        write(".feed.atom.k3j2.tmp", "half a feed");
        Files.writeString(dir.resolve("secret.txt"), "outside");
        Files.createSymbolicLink(root.resolve("link.txt"), dir.resolve("secret.txt"));
        server = FeedServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), root, () -> {
            if (healthBroken) throw new IOException("store: database is locked");
            return List.copyOf(statuses);
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, headers);
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) request.headers(headers);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("<none>");
    }

    // --- files ------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "/feed.atom, application/atom+xml; charset=utf-8",
            "/feed.rss, application/rss+xml; charset=utf-8",
            "/feed.json, application/feed+json; charset=utf-8",
            "/index.html, text/html; charset=utf-8",
            "/sources.opml, text/x-opml; charset=utf-8",
            "/region/baden-wuerttemberg.atom, application/atom+xml; charset=utf-8"})
    void servesEachPublishedFileWithItsContentType(String path, String type) throws Exception {
        HttpResponse<byte[]> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo(type);
        assertThat(response.body()).isEqualTo(Files.readAllBytes(root.resolve(path.substring(1))));
    }

    @Test
    void sendsAStrongEtagFromTheContentAndLastModifiedFromTheFile() throws Exception {
        HttpResponse<byte[]> response = get("/feed.atom");

        assertThat(header(response, "ETag")).matches("\"[0-9a-f]{32}\"")
                .isEqualTo(StaticFiles.entityTag(ATOM.getBytes(StandardCharsets.UTF_8)));
        assertThat(header(response, "Last-Modified")).isEqualTo("Fri, 07 Feb 2025 09:30:00 GMT");
        assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding");
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void rootAndFoldersServeTheirIndexPage() throws Exception {
        assertThat(new String(get("/").body(), StandardCharsets.UTF_8)).contains("<title>Start</title>");
        assertThat(new String(get("/region/").body(), StandardCharsets.UTF_8)).contains("<title>Regionen</title>");
        assertThat(header(get("/"), "Content-Type")).isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void aFolderWithoutSlashRedirectsToItsSlashSoRelativeLinksWork() throws Exception {
        HttpResponse<byte[]> response = get("/region");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(header(response, "Location")).isEqualTo("/region/");
    }

    @Test
    void anEmptyFileIsAnEmptyBody() throws Exception {
        HttpResponse<byte[]> response = get("/empty.txt");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(header(response, "Content-Length")).isEqualTo("0");
    }

    @Test
    void queryStringsAreIgnored() throws Exception {
        assertThat(get("/feed.atom?utm_source=reader").body()).isEqualTo(ATOM.getBytes(StandardCharsets.UTF_8));
    }

    // --- conditional requests ---------------------------------------------------------------------

    @Test
    void matchingIfNoneMatchGives304WithoutBody() throws Exception {
        String etag = header(get("/feed.atom"), "ETag");

        HttpResponse<byte[]> response = get("/feed.atom", "If-None-Match", etag);

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(header(response, "ETag")).isEqualTo(etag);
        assertThat(header(response, "Last-Modified")).isEqualTo("Fri, 07 Feb 2025 09:30:00 GMT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "\"nope\", %s", "W/%s"})
    void ifNoneMatchAcceptsListsStarAndWeakTags(String header) throws Exception {
        String etag = header(get("/feed.atom"), "ETag");

        assertThat(get("/feed.atom", "If-None-Match", header.formatted(etag)).statusCode()).isEqualTo(304);
    }

    @Test
    void anOtherEtagGivesTheFullFile() throws Exception {
        HttpResponse<byte[]> response = get("/feed.atom", "If-None-Match", "\"0123456789abcdef0123456789abcdef\"");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(ATOM.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
            "'Fri, 07 Feb 2025 09:30:00 GMT', 304",
            "'Sat, 08 Feb 2025 00:00:00 GMT', 304",
            "'Fri, 07 Feb 2025 09:29:59 GMT', 200",
            "'not a date', 200"})
    void ifModifiedSinceComparesWithTheFilesTimeToTheSecond(String since, int status) throws Exception {
        assertThat(get("/feed.atom", "If-Modified-Since", since).statusCode()).isEqualTo(status);
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() throws Exception {
        HttpResponse<byte[]> response = get("/feed.atom", "If-None-Match", "\"stale\"",
                "If-Modified-Since", "Sat, 08 Feb 2025 00:00:00 GMT");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void aReplacedFileGetsANewEtagAndTheOldOneNoLongerMatches() throws Exception {
        write("region/koeln.atom", "<feed>eins</feed>");
        String before = header(get("/region/koeln.atom"), "ETag");
        assertThat(get("/region/koeln.atom", "If-None-Match", before).statusCode()).isEqualTo(304);

        Path next = root.resolve("region/.koeln.atom.tmp");
        Files.writeString(next, "<feed>zwei</feed>");
        Files.move(next, root.resolve("region/koeln.atom"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        HttpResponse<byte[]> response = get("/region/koeln.atom", "If-None-Match", before);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<feed>zwei</feed>");
        assertThat(header(response, "ETag")).isNotEqualTo(before);
    }

    // --- gzip -------------------------------------------------------------------------------------

    @Test
    void gzipWhenAskedWithItsOwnEtag() throws Exception {
        String plainTag = header(get("/feed.atom"), "ETag");

        HttpResponse<byte[]> response = get("/feed.atom", "Accept-Encoding", "br, gzip;q=0.8");

        assertThat(header(response, "Content-Encoding")).isEqualTo("gzip");
        assertThat(header(response, "Vary")).isEqualTo("Accept-Encoding");
        assertThat(header(response, "ETag")).isEqualTo(plainTag.replaceFirst("\"$", "-gz\""));
        assertThat(response.body().length).isLessThan(ATOM.length());
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(ATOM);
        }
        assertThat(get("/feed.atom", "Accept-Encoding", "gzip", "If-None-Match", header(response, "ETag"))
                .statusCode()).isEqualTo(304);
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "gzip;q=0", "br", "*;q=0"})
    void noGzipWhenNotAccepted(String acceptEncoding) throws Exception {
        HttpResponse<byte[]> response = get("/feed.atom", "Accept-Encoding", acceptEncoding);

        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(response.body()).isEqualTo(ATOM.getBytes(StandardCharsets.UTF_8));
    }

    // --- methods, errors, paths -------------------------------------------------------------------

    @Test
    void headSendsTheHeadersOfGetWithoutBody() throws Exception {
        HttpResponse<byte[]> get = get("/feed.atom", "Accept-Encoding", "gzip");
        HttpResponse<byte[]> head = send("HEAD", "/feed.atom", "Accept-Encoding", "gzip");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(get.body().length));
        for (String name : List.of("Content-Type", "ETag", "Last-Modified", "Content-Encoding", "Vary")) {
            assertThat(header(head, name)).as(name).isEqualTo(header(get, name));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "OPTIONS"})
    void otherMethodsAre405WithAllow(String method) throws Exception {
        HttpResponse<byte[]> response = send(method, "/feed.atom");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(header(response, "Allow")).isEqualTo("GET, HEAD");
        assertThat(Files.readString(root.resolve("feed.atom"))).isEqualTo(ATOM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nothing.atom", "/.feed.atom.k3j2.tmp", "/link.txt", "/region/nothing.html"})
    void missingHiddenAndEscapingFilesAre404(String path) throws Exception {
        assertThat(get(path).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/%2e%2e/secret.txt", "/region/..%2f..%2fsecret.txt",
            "/region/../../secret.txt", "/./feed.atom", "//etc/passwd", "/..\\secret.txt", "/feed.atom%00.html"})
    void pathsThatTryToLeaveTheFolderAre404(String path) throws Exception {
        String response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).as("refused, by us (404) or by the JDK server (400)").matches("(?s)HTTP/1.1 40[04] .*")
                .doesNotContain("outside");
    }

    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // --- health -----------------------------------------------------------------------------------

    @Test
    void healthReportsEverySourceAndTheLastPublication() throws Exception {
        Instant at = Instant.parse("2025-02-07T09:00:00Z");
        statuses.clear();
        statuses.add(SourceStatus.never("kommune21").succeeded(at, 200, 16, Validators.NONE, "h", "r"));
        statuses.add(SourceStatus.never("koeln").failed(at, 503, "fetch: HTTP 503 \"Service\nUnavailable\"",
                at.plusSeconds(600)));
        statuses.add(SourceStatus.never("neu"));

        HttpResponse<byte[]> response = get("/health");
        JsonNode health = new ObjectMapper().readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
        assertThat(health.get("status").asText()).isEqualTo("degraded");
        assertThat(health.get("sourcesFailing").asInt()).isEqualTo(1);
        assertThat(health.get("lastPublished").asText()).isEqualTo("2025-02-07T09:30:00Z");
        JsonNode kommune21 = health.get("sources").get(0);
        assertThat(kommune21.get("id").asText()).isEqualTo("kommune21");
        assertThat(kommune21.get("state").asText()).isEqualTo("ok");
        assertThat(kommune21.get("lastSuccess").asText()).isEqualTo("2025-02-07T09:00:00Z");
        assertThat(kommune21.get("itemsLastSuccess").asInt()).isEqualTo(16);
        JsonNode koeln = health.get("sources").get(1);
        assertThat(koeln.get("state").asText()).isEqualTo("failing");
        assertThat(koeln.get("lastError").asText()).isEqualTo("fetch: HTTP 503 \"Service\nUnavailable\"");
        assertThat(koeln.get("lastHttpStatus").asInt()).isEqualTo(503);
        assertThat(koeln.get("nextAttempt").asText()).isEqualTo("2025-02-07T09:10:00Z");
        assertThat(koeln.get("lastSuccess").isNull()).isTrue();
        assertThat(health.get("sources").get(2).get("state").asText()).isEqualTo("new");
    }

    @Test
    void healthIs503WhenItCannotBeRead() throws Exception {
        healthBroken = true;
        try {
            HttpResponse<byte[]> response = get("/health");
            JsonNode health = new ObjectMapper().readTree(response.body());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(health.get("status").asText()).isEqualTo("unavailable");
            assertThat(health.get("error").asText()).isEqualTo("store: database is locked");
        } finally {
            healthBroken = false;
        }
    }
}
