package org.rundschau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.rundschau.config.AppConfig;
import org.rundschau.serve.FeedServer;
import org.rundschau.serve.HealthSource;
import picocli.CommandLine.Option;

/** Where the HTTP server listens: options of {@code serve} and {@code run --serve}. */
final class ServerOptions {
    static final int DEFAULT_PORT = 8080;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT,
            description = "TCP port to serve on (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface; "
                    + "127.0.0.1 behind a reverse proxy).")
    String bind;

    /** @return a usage problem with the options, if any */
    Optional<String> problem() {
        if (port < 0 || port > 65535) {
            return Optional.of("--port must be between 0 and 65535: " + port);
        }
        try {
            InetAddress.getByName(bind);
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.of("--bind: not an address of this machine: " + bind);
        }
    }

    /** Why the address could not be bound, and what to do about it. */
    private String reason(IOException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!(e instanceof BindException)) return message;
        if (message.contains("already in use")) {
            return "the port is in use: another program listens there; stop it or give --port N";
        }
        if (message.contains("Cannot assign requested address")) {
            return bind + " is not an address of this machine; give --bind another one";
        }
        if (message.contains("Permission denied")) {
            return "no permission (ports under 1024 need privileges); give --port N above 1023";
        }
        return message;
    }

    /**
     * Starts serving {@code config.output()} and prints where.
     *
     * @throws IOException when the address cannot be bound (port in use, no permission)
     */
    FeedServer start(AppConfig config, HealthSource health, PrintWriter out) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(bind), port);
        FeedServer server;
        try {
            server = FeedServer.start(address, config.output(), health);
        } catch (IOException e) {
            throw new IOException("serve: cannot listen on " + bind + ":" + port + ": " + reason(e), e);
        }
        out.printf("Serving %s on http://%s:%d/ (health: /health)%n", config.output(), bind,
                server.address().getPort());
        out.flush();
        return server;
    }
}
