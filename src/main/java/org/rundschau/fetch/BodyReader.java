package org.rundschau.fetch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads a response body on the calling thread: undoes its Content-Encoding, stops at the size cap
 * (counted after decoding, so a small gzip bomb is cut like a big plain body) and gives up when the
 * server goes silent for the read timeout or the exchange passes its deadline.
 *
 * <p>Why a watchdog that closes the stream: {@code HttpClient}'s request timeout ends once the
 * headers are in, and a blocked {@code read()} on the body stream has no timeout of its own.
 * Closing the stream from another thread is the one thing that reliably wakes such a read (the
 * JDK's stream then fails with "closed"), it needs no extra thread per fetch (one scheduler thread
 * serves them all) and keeps the reading, the size cap and interruption on the caller's thread,
 * where the result is needed. {@code sendAsync(...).orTimeout(...)} would only abandon the future
 * while the connection kept streaming into a buffer that nobody bounds.
 */
final class BodyReader {
    private static final long MIB = 1024L * 1024;
    private static final int CHUNK = 16 * 1024;

    private final FetchSettings settings;
    private final ScheduledExecutorService watchdogs;

    BodyReader(FetchSettings settings, ScheduledExecutorService watchdogs) {
        this.settings = settings;
        this.watchdogs = watchdogs;
    }

    /**
     * Reads and decodes the whole body. The caller closes {@code raw}.
     *
     * @param contentEncoding the Content-Encoding header values as sent (empty list when absent)
     * @param deadlineNanos   {@link System#nanoTime()} by which the whole exchange must be over
     * @throws FetchException for a body over the cap, a timeout, or an unknown or corrupt encoding
     * @throws IOException    when the connection fails while reading: the caller names the failure
     */
    byte[] read(InputStream raw, List<String> contentEncoding, long deadlineNanos, URI url)
            throws FetchException, IOException {
        Watchdog watchdog = new Watchdog(raw, deadlineNanos, settings.readTimeout().toNanos());
        watchdog.start();    // before decoding: a decoder already reads its header from the network
        try (InputStream decoded = decode(new ProgressStream(raw, watchdog), contentEncoding, url)) {
            byte[] body = readCapped(decoded, url);
            watchdog.stop();
            throwIfExpired(watchdog, url, null);
            return body;
        } catch (ZipException e) {
            throwIfExpired(watchdog, url, e);
            throw new FetchException(url, "corrupt " + String.join(", ", contentEncoding)
                    + " body fetching " + url, e);
        } catch (IOException e) {
            throwIfExpired(watchdog, url, e);
            throw e;
        } finally {
            watchdog.stop();
        }
    }

    private byte[] readCapped(InputStream in, URI url) throws IOException, FetchException {
        long max = settings.maxBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
            total += n;
            if (total > max) {
                throw tooLarge(url);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The failure for a body over the cap; also used before reading when Content-Length says so. */
    FetchException tooLarge(URI url) {
        return new FetchException(url, "response larger than " + describeSize(settings.maxBytes())
                + " fetching " + url, null);
    }

    private void throwIfExpired(Watchdog watchdog, URI url, Throwable cause) throws FetchException {
        switch (watchdog.expiry()) {
            case TOTAL -> throw new FetchException(url, "timed out after "
                    + HttpFetcher.describe(settings.totalTimeout()) + " fetching " + url, cause);
            case SILENCE -> throw new FetchException(url, "timed out after "
                    + HttpFetcher.describe(settings.readTimeout()) + " without data fetching " + url, cause);
            case NONE -> { }
        }
    }

    /** Wraps {@code in} to undo the encodings, applied by the server in the order listed. */
    private static InputStream decode(InputStream in, List<String> contentEncoding, URI url)
            throws IOException, FetchException {
        List<String> codings = new ArrayList<>();
        for (String header : contentEncoding) {
            for (String coding : header.split(",")) {
                String name = coding.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("identity")) {
                    codings.add(name);
                }
            }
        }
        Collections.reverse(codings);
        InputStream decoded = in;
        for (String coding : codings) {
            decoded = switch (coding) {
                case "gzip", "x-gzip" -> gunzip(decoded);
                case "deflate" -> inflate(decoded);
                default -> throw new FetchException(url, "unsupported Content-Encoding '" + coding
                        + "' fetching " + url, null);
            };
        }
        return decoded;
    }

    private static InputStream gunzip(InputStream in) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, 1);
        int first = peek.read();
        if (first == -1) {
            return peek;    // some servers label an empty body gzip
        }
        peek.unread(first);
        return new GZIPInputStream(peek, CHUNK);
    }

    /**
     * "deflate" is meant to be zlib-wrapped (RFC 1950) but some servers send raw deflate (RFC 1951);
     * the zlib header is recognisable: compression method 8 and a 16-bit value divisible by 31.
     */
    private static InputStream inflate(InputStream in) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, 2);
        byte[] head = peek.readNBytes(2);
        if (head.length == 0) {
            return peek;
        }
        peek.unread(head);
        boolean zlib = head.length == 2 && (head[0] & 0x0F) == 8
                && ((head[0] & 0xFF) << 8 | head[1] & 0xFF) % 31 == 0;
        return new OwnedInflaterStream(peek, new Inflater(!zlib));
    }

    static String describeSize(long bytes) {
        if (bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
    }

    /** An inflater stream that frees its own native Inflater on close. */
    private static final class OwnedInflaterStream extends InflaterInputStream {
        OwnedInflaterStream(InputStream in, Inflater inflater) {
            super(in, inflater, CHUNK);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                inf.end();
            }
        }
    }

    /** Tells the watchdog whenever raw bytes arrive. */
    private static final class ProgressStream extends FilterInputStream {
        private final Watchdog watchdog;

        ProgressStream(InputStream in, Watchdog watchdog) {
            super(in);
            this.watchdog = watchdog;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                watchdog.progress();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                watchdog.progress();
            }
            return n;
        }
    }

    private enum Expiry { NONE, SILENCE, TOTAL }

    /**
     * Closes the body stream once the deadline passes or no byte has arrived for the read timeout.
     * One scheduled check at a time, moved forward only when it fires, so progress costs one
     * volatile write per read.
     */
    private final class Watchdog {
        private final InputStream stream;
        private final long deadlineNanos;
        private final long silenceNanos;
        private volatile long lastProgress = System.nanoTime();
        private volatile Expiry expiry = Expiry.NONE;
        private ScheduledFuture<?> pending;    // guarded by this
        private boolean stopped;               // guarded by this

        Watchdog(InputStream stream, long deadlineNanos, long silenceNanos) {
            this.stream = stream;
            this.deadlineNanos = deadlineNanos;
            this.silenceNanos = silenceNanos;
        }

        void progress() {
            lastProgress = System.nanoTime();
        }

        Expiry expiry() {
            return expiry;
        }

        synchronized void start() {
            lastProgress = System.nanoTime();
            schedule();
        }

        synchronized void stop() {
            stopped = true;
            if (pending != null) {
                pending.cancel(false);
            }
        }

        private synchronized void schedule() {
            if (stopped) {
                return;
            }
            long next = Math.min(deadlineNanos - System.nanoTime(), lastProgress + silenceNanos - System.nanoTime());
            pending = watchdogs.schedule(this::check, Math.max(0, next), TimeUnit.NANOSECONDS);
        }

        private synchronized void check() {
            if (stopped) {
                return;
            }
            long now = System.nanoTime();
            if (now - deadlineNanos >= 0) {
                expire(Expiry.TOTAL);
            } else if (now - lastProgress >= silenceNanos) {
                expire(Expiry.SILENCE);
            } else {
                schedule();
            }
        }

        private void expire(Expiry why) {
            expiry = why;
            stopped = true;
            try {
                stream.close();
            } catch (IOException e) {
                // The reader fails anyway and reports the expiry; a failing close changes nothing.
            }
        }
    }
}
