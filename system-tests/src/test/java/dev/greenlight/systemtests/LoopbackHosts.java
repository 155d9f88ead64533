package dev.greenlight.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Docker's network gives the compose file, on one machine: every {@code host:port} it names
 * ({@code kafka-1:9092}, {@code schema-registry:8081}, {@code check-ingest:8181}...) becomes
 * {@code 127.0.0.1:<a free port>}, drawn once so a restarted process gets the same address.
 */
final class LoopbackHosts {

    private final Map<String, Integer> ports = new LinkedHashMap<>();

    /** Assigns a free loopback port to {@code host:port} (once). */
    synchronized int port(String hostAndPort) {
        return ports.computeIfAbsent(hostAndPort, ignored -> freePort());
    }

    /** Makes {@code alias} (e.g. a published {@code localhost:8186}) stand for an already assigned port. */
    synchronized void substituteAlso(String alias, int port) {
        ports.put(alias, port);
    }

    String address(String hostAndPort) {
        return "127.0.0.1:" + port(hostAndPort);
    }

    /** Replaces every known {@code host:port} in {@code value} (URLs, bootstrap lists, quorum voters). */
    synchronized String substitute(String value) {
        String result = value;
        for (String known : ports.keySet()) {
            result = result.replaceAll("(?<![A-Za-z0-9.-])" + Pattern.quote(known) + "(?![0-9])",
                    Matcher.quoteReplacement(address(known)));
        }
        return result;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
