package dev.greenlight.cli.stack;

import dev.greenlight.platform.topics.KafkaUser;
import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import dev.greenlight.registry.SchemaRegistryApplication;
import dev.greenlight.registry.kafka.TopicReadiness;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole of Greenlight in one JVM: a real Kafka broker, every catalogue topic, the embedded
 * schema registry and the five services. This is what {@code ./greenlight up} runs and what the
 * end-to-end tests start, so a developer's laptop and CI exercise the same wiring.
 *
 * <p>Topics are created here because Kafka Streams never creates its source topics and the broker
 * refuses to auto-create them. The services start in parallel once the registry is up (they
 * register schemas with it); {@link #close()} stops them in reverse order.
 *
 * <p>Kafka is a security boundary here as in production: before anything else connects, the stack
 * (as the broker's super user) creates every principal's SCRAM credential from
 * {@code <data-dir>/kafka-credentials.properties} (generated on the first start) and the ACLs of
 * {@link dev.greenlight.platform.topics.KafkaAcls}; each service then logs in as its own principal.
 * The stack creates the topics, so services never need the right to create or alter one.
 */
public final class LocalStack implements AutoCloseable {

    /** Component names as {@link PortInUseException#component()} reports them. */
    public static final String KAFKA = "Kafka broker";
    public static final String CONTROLLER = "Kafka controller";
    public static final String REGISTRY = "schema registry";
    public static final String CONTROL = "stack control";

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final String LOGGING_CONFIG = "classpath:logback-greenlight.xml";
    private static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(250);

    private final StackConfig config;
    private final StackClock clock;
    private final HealthProbe healthProbe = new HealthProbe();
    private final Map<StackService, ConfigurableApplicationContext> services =
            Collections.synchronizedMap(new EnumMap<>(StackService.class));
    private LocalKafkaBroker broker;
    private KafkaCredentials credentials;
    private ConfigurableApplicationContext registry;
    private ClockControlServer control;
    private ClockKeeper clockKeeper;

    /** The repository's policies: the launcher script sets {@code greenlight.home} to the repository. */
    private static final String POLICIES_DIR =
            Path.of(System.getProperty("greenlight.home", ".")).resolve("policies").toAbsolutePath().normalize().toString();

    public LocalStack(StackConfig config) {
        this(config, StackClock.system());
    }

    /** A stack whose services all read {@code clock}: demos and end-to-end tests make days pass in seconds. */
    public LocalStack(StackConfig config, StackClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The clock every service of this stack reads. */
    public StackClock clock() {
        return clock;
    }

    public StackConfig config() {
        return config;
    }

    /**
     * Starts broker, topics, registry and services, in that order; on any failure stops what was
     * started and throws.
     *
     * @param timeout upper bound for the whole start
     * @throws PortInUseException  if a port is taken, before anything is started
     * @throws StackStartException if a component fails or the timeout passes
     */
    public synchronized LocalStack start(Duration timeout) {
        long deadline = deadlineAfter(timeout);
        requirePortsFree();
        try {
            credentials = KafkaCredentials.loadOrGenerate(config.dataDir());
            broker = new LocalKafkaBroker(config.kafkaDir(), config.kafkaPort(), config.controllerPort(), credentials)
                    .start(remaining(deadline));
            prepareKafka(remaining(deadline));
            clockKeeper = ClockKeeper.start(config.dataDir(), clock);
            control = ClockControlServer.start(config.controlPort(), clock);
            registry = run(SchemaRegistryApplication.builder(), config.registryPort(),
                    kafkaLogin(credentials.clientProperties(KafkaUser.REGISTRY)));
            startServices(deadline);
            return this;
        } catch (RuntimeException e) {
            close();
            throw e instanceof StackStartException sse ? sse : new StackStartException(e.getMessage(), e);
        }
    }

    /**
     * Polls every component's actuator until all report UP.
     *
     * @throws StackStartException naming the components still not UP when the timeout passes
     */
    public void waitUntilHealthy(Duration timeout) {
        long deadline = deadlineAfter(timeout);
        while (true) {
            List<String> notUp = new ArrayList<>();
            healthUrls().forEach((component, url) -> {
                if (!healthProbe.isUp(url)) {
                    notUp.add(component + " (" + url + ")");
                }
            });
            if (notUp.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new StackTimeoutException("not healthy within " + timeout.toSeconds() + " s: "
                        + String.join(", ", notUp));
            }
            LockSupport.parkNanos(HEALTH_POLL_INTERVAL.toNanos());
        }
    }

    /** The {@code bootstrap.servers} of the local broker. */
    public String bootstrapServers() {
        return "localhost:" + config.kafkaPort();
    }

    /**
     * The stack's Kafka passwords (one per principal, and the super user's), from its data directory.
     *
     * @throws IllegalStateException before {@link #start}
     */
    public KafkaCredentials kafkaCredentials() {
        if (credentials == null) {
            throw new IllegalStateException("the stack has not started");
        }
        return credentials;
    }

    /** The control port's clock resource (loopback only): read or accelerate the stack clock. */
    public String clockUrl() {
        return "http://localhost:" + config.controlPort() + ClockControlServer.PATH;
    }

    public String registryUrl() {
        return "http://localhost:" + config.registryPort();
    }

    public String serviceUrl(StackService service) {
        return "http://localhost:" + config.servicePort(service);
    }

    /** Every HTTP component's health endpoint, registry first, keyed by component name. */
    public Map<String, String> healthUrls() {
        return healthUrls(config);
    }

    /**
     * The health endpoints of a stack started with {@code config}, registry first, keyed by component
     * name: what {@link #waitUntilHealthy} polls, and what the benchmark polls to time each component's
     * start in a stack it runs as a child process.
     */
    public static Map<String, String> healthUrls(StackConfig config) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put(REGISTRY, "http://localhost:" + config.registryPort() + "/actuator/health");
        for (StackService service : StackService.values()) {
            urls.put(service.serviceName(), "http://localhost:" + config.servicePort(service) + "/actuator/health");
        }
        return urls;
    }

    /** Stops services, registry and broker in that order; a failure is logged and the rest still stop. */
    @Override
    public synchronized void close() {
        List<StackService> started = new ArrayList<>(services.keySet());
        Collections.reverse(started);
        for (StackService service : started) {
            closeQuietly(service.serviceName(), services.remove(service));
        }
        if (registry != null) {
            closeQuietly(REGISTRY, registry);
            registry = null;
        }
        if (control != null) {
            control.close();
            control = null;
        }
        if (clockKeeper != null) {
            saveClock();
            clockKeeper = null;
        }
        if (broker != null) {
            closeQuietly(KAFKA, broker);
            broker = null;
        }
    }

    private void saveClock() {
        try {
            clockKeeper.close();
        } catch (RuntimeException e) {
            LOG.warn("Could not save the stack clock; the next start begins at the real time", e);
        }
    }

    /**
     * Fails fast, before anything starts or is deleted, if another process (typically a second
     * {@code ./greenlight up}) holds one of the stack's ports.
     *
     * @throws PortInUseException naming the first taken port and its component
     */
    public void requirePortsFree() {
        requireFree(KAFKA, config.kafkaPort());
        requireFree(CONTROLLER, config.controllerPort());
        requireFree(REGISTRY, config.registryPort());
        requireFree(CONTROL, config.controlPort());
        for (StackService service : StackService.values()) {
            requireFree(service.serviceName(), config.servicePort(service));
        }
    }

    private static void requireFree(String component, int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            // bound and released: nobody else listens there
        } catch (IOException e) {
            throw new PortInUseException(component, port);
        }
    }

    /** Users and ACLs first, then the topics: all as the super user, before any service connects. */
    private void prepareKafka(Duration timeout) {
        try (Admin admin = Admin.create(broker.adminConfig(Map.of()))) {
            KafkaSecuritySetup.apply(admin, bootstrapServers(), credentials, timeout);
            createTopics(admin, timeout);
        } catch (ExecutionException e) {
            throw new StackStartException("cannot set up Kafka users and ACLs", e.getCause());
        } catch (TimeoutException e) {
            throw new StackTimeoutException("timed out setting up Kafka users and ACLs: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while setting up Kafka", e);
        }
    }

    private void createTopics(Admin admin, Duration timeout) {
        List<NewTopic> topics = Topics.all().stream().map(LocalStack::newTopic).toList();
        try {
            for (Map.Entry<String, KafkaFuture<Void>> created
                    : admin.createTopics(topics).values().entrySet()) {
                try {
                    created.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    // Restarts on the same data dir find the topics there already.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new StackStartException("cannot create topic " + created.getKey(), e.getCause());
                    }
                } catch (TimeoutException e) {
                    throw new StackTimeoutException("timed out creating topic " + created.getKey(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackStartException("interrupted while creating topics", e);
                }
            }
            // Created is not yet usable: wait until every broker knows each topic and its leaders.
            TopicReadiness.await(admin, topics.stream().map(NewTopic::name).toList(), timeout);
        } catch (ExecutionException e) {
            throw new StackStartException("cannot describe the created topics", e.getCause());
        } catch (TimeoutException e) {
            throw new StackTimeoutException("timed out waiting for the created topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartException("interrupted while waiting for topics", e);
        }
    }

    private static NewTopic newTopic(Topic<?> topic) {
        return new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.configs());
    }

    private void startServices(long deadline) {
        ExecutorService pool = Executors.newFixedThreadPool(StackService.values().length);
        try {
            Map<StackService, Future<ConfigurableApplicationContext>> starting = new EnumMap<>(StackService.class);
            for (StackService service : StackService.values()) {
                starting.put(service, pool.submit(() -> startService(service)));
            }
            List<String> failures = new ArrayList<>();
            Throwable firstCause = null;
            for (Map.Entry<StackService, Future<ConfigurableApplicationContext>> entry : starting.entrySet()) {
                try {
                    services.put(entry.getKey(), entry.getValue().get(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS));
                } catch (ExecutionException e) {
                    failures.add(entry.getKey().serviceName() + ": " + e.getCause().getMessage());
                    firstCause = firstCause == null ? e.getCause() : firstCause;
                } catch (TimeoutException e) {
                    throw new StackTimeoutException(entry.getKey().serviceName() + " did not start in time", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackStartException("interrupted while starting services", e);
                }
            }
            if (!failures.isEmpty()) {
                throw new StackStartException("services failed to start: " + String.join("; ", failures), firstCause);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private ConfigurableApplicationContext startService(StackService service) {
        // The startup thread's name shows in the log lines the service writes while starting.
        Thread.currentThread().setName(service.serviceName() + "-start");
        List<String> args = new ArrayList<>(kafkaLogin(credentials.clientProperties(service.kafkaUser())));
        // The stack created every topic as the super user; services may not create or alter topics.
        args.add("--spring.kafka.admin.auto-create=false");
        args.addAll(List.of(
                "--spring.kafka.properties.schema.registry.url=" + registryUrl(),
                "--spring.kafka.streams.state-dir=" + config.streamsStateDir(service),
                // The local stack is the one place demo users (token demo-<name>) exist.
                "--greenlight.security.demo-users=true",
                // The local stack is also the one place the ledger generates its signing key; it
                // lives with the rest of the stack's data, so checkpoints signed before a restart
                // still verify after it.
                "--greenlight.ledger.generate-key=true",
                "--greenlight.ledger.key-dir=" + config.dataDir().resolve("ledger-keys"),
                // The ledger's on-disk index lives with the topics it indexes: a restart resumes it.
                "--greenlight.ledger.index.dir=" + config.dataDir().resolve("ledger-index"),
                // Whatever the current directory, the gate gates with the repository's policies (an
                // edit there counts after a restart); every other service uses what the gate announced.
                "--greenlight.policies.dirs=" + POLICIES_DIR));
        // The console calls the other services' APIs on people's behalf: tell it where they listen.
        for (StackService other : StackService.values()) {
            args.add("--greenlight.console.services." + other.serviceName() + "=" + serviceUrl(other));
        }
        return run(service.builder(), config.servicePort(service), args);
    }

    /** Per application context, so each service in this one JVM logs in as its own principal. */
    private static List<String> kafkaLogin(Map<String, Object> clientProperties) {
        return clientProperties.entrySet().stream()
                .map(property -> "--spring.kafka.properties." + property.getKey() + "=" + property.getValue())
                .toList();
    }

    /**
     * Runs one application with the stack's overrides as command-line arguments: they must beat
     * the application's own yml, which default properties would not.
     */
    private ConfigurableApplicationContext run(SpringApplicationBuilder builder, int port, List<String> extraArgs) {
        List<String> args = embeddedArgs(port, bootstrapServers());
        args.addAll(extraArgs);
        // Every application reads this stack's clock instead of the platform's system clock.
        builder.initializers(context -> context.getBeanFactory().registerSingleton("stackClock", clock));
        return builder.run(args.toArray(String[]::new));
    }

    /**
     * The arguments every application embedded in one JVM gets: its port and broker; no MBean name
     * clashes, no banners, and only the launcher decides when to stop (its own shutdown hook stops
     * them in order). Tests that embed services the same way start from these too.
     */
    static List<String> embeddedArgs(int port, String bootstrapServers) {
        return new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.jmx.enabled=false",
                "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false",
                "--spring.main.register-shutdown-hook=false",
                "--logging.config=" + LOGGING_CONFIG,
                "--logging.register-shutdown-hook=false"));
    }

    /** Deadlines are on the monotonic clock: a wall-clock jump must neither stretch nor cut a wait. */
    private static long deadlineAfter(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    private static Duration remaining(long deadline) {
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (left.isNegative() || left.isZero()) {
            throw new StackTimeoutException("startup took longer than the timeout");
        }
        return left;
    }

    private static void closeQuietly(String component, AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Failed to stop {} cleanly", component, e);
        }
    }
}
