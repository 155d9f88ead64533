package dev.greenlight.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack listens and keeps its data. The defaults are the documented ports; tests
 * use {@link #withFreePorts(Path)} so that they run beside a developer's own {@code ./greenlight up}.
 *
 * @param dataDir        root of everything the stack persists (Kafka logs, Streams state)
 * @param kafkaPort      the broker's client port
 * @param controllerPort the broker's KRaft controller port
 * @param registryPort   the schema registry's HTTP port
 * @param controlPort    the stack's own control port (its clock; loopback only)
 * @param servicePorts   each service's HTTP port
 */
public record StackConfig(Path dataDir, int kafkaPort, int controllerPort, int registryPort, int controlPort,
                          Map<StackService, Integer> servicePorts) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_REGISTRY_PORT = 8081;
    public static final int DEFAULT_CONTROL_PORT = 8180;

    public StackConfig {
        dataDir = dataDir.toAbsolutePath().normalize();
        EnumMap<StackService, Integer> ports = new EnumMap<>(StackService.class);
        ports.putAll(servicePorts);
        if (ports.size() != StackService.values().length) {
            throw new IllegalArgumentException("every service needs a port, got " + servicePorts);
        }
        servicePorts = Collections.unmodifiableMap(ports);
    }

    /**
     * Where the stack keeps its data unless told otherwise: {@code GREENLIGHT_DATA_DIR}, else
     * {@code <repo>/.greenlight/data} (the launcher script sets {@code greenlight.home} to the repository).
     */
    public static Path defaultDataDir() {
        String fromEnvironment = System.getenv("GREENLIGHT_DATA_DIR");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment);
        }
        return Path.of(System.getProperty("greenlight.home", ".")).resolve(".greenlight").resolve("data");
    }

    /** The documented ports: Kafka 9092/9093, registry 8081, stack control 8180, services 8181 to 8185. */
    public static StackConfig defaults(Path dataDir) {
        return new StackConfig(dataDir, DEFAULT_KAFKA_PORT, DEFAULT_CONTROLLER_PORT, DEFAULT_REGISTRY_PORT,
                DEFAULT_CONTROL_PORT, defaultServicePorts());
    }

    /** Ports the operating system reports free right now; for tests that must not collide. */
    public static StackConfig withFreePorts(Path dataDir) {
        List<Integer> ports = freePorts(4 + StackService.values().length);
        Map<StackService, Integer> servicePorts = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            servicePorts.put(service, ports.get(4 + service.ordinal()));
        }
        return new StackConfig(dataDir, ports.get(0), ports.get(1), ports.get(2), ports.get(3), servicePorts);
    }

    public StackConfig withKafkaPort(int port) {
        return new StackConfig(dataDir, port, controllerPort, registryPort, controlPort, servicePorts);
    }

    public StackConfig withControllerPort(int port) {
        return new StackConfig(dataDir, kafkaPort, port, registryPort, controlPort, servicePorts);
    }

    public StackConfig withControlPort(int port) {
        return new StackConfig(dataDir, kafkaPort, controllerPort, registryPort, port, servicePorts);
    }

    public StackConfig withRegistryPort(int port) {
        return new StackConfig(dataDir, kafkaPort, controllerPort, port, controlPort, servicePorts);
    }

    /** The services on consecutive ports from {@code firstPort}, in {@link StackService} order. */
    public StackConfig withServicePortsFrom(int firstPort) {
        Map<StackService, Integer> ports = new EnumMap<>(StackService.class);
        int firstDefault = StackService.values()[0].defaultPort();
        for (StackService service : StackService.values()) {
            // Each service keeps its documented offset (integrations is 8187, six after 8181), not its ordinal.
            ports.put(service, firstPort + service.defaultPort() - firstDefault);
        }
        return new StackConfig(dataDir, kafkaPort, controllerPort, registryPort, controlPort, ports);
    }

    public int servicePort(StackService service) {
        return servicePorts.get(service);
    }

    /** The broker's log directory. */
    Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    /** One Kafka Streams state directory per service, so services never lock each other's state. */
    Path streamsStateDir(StackService service) {
        return dataDir.resolve("streams").resolve(service.serviceName());
    }

    private static Map<StackService, Integer> defaultServicePorts() {
        Map<StackService, Integer> ports = new EnumMap<>(StackService.class);
        for (StackService service : StackService.values()) {
            ports.put(service, service.defaultPort());
        }
        return ports;
    }

    private static List<Integer> freePorts(int count) {
        // All sockets stay open until every port is known, so the ports are distinct.
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is released by the OS either way
                }
            }
        }
    }
}
