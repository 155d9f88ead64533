package dev.greenlight.cli.bench;

import dev.greenlight.cli.stack.KafkaCredentials;
import dev.greenlight.cli.stack.StackClockControl;
import dev.greenlight.gate.GateEvaluatorApplication;
import dev.greenlight.platform.topics.KafkaUser;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code greenlight bench gate-instance} (hidden): one more gate-evaluator joined to a stack the
 * benchmark started — same application id, so Kafka Streams splits the partitions between it and
 * the stack's own instance — in the process the benchmark starts for it ({@link GateInstanceProcess}).
 * It logs in as the gate-evaluator principal with the stack's credentials, reads the stack's clock
 * and gates with the same policies, as a second replica of a deployment would. It prints
 * {@value #UP_MARKER} once started and then its active partitions whenever they change, which is
 * how the benchmark knows the partitions were split before it measures; it runs until stopped.
 */
@Command(name = "gate-instance", hidden = true,
        description = "Internal to bench: run one more gate-evaluator instance joined to the bench's stack.")
final class GateInstanceCommand implements Callable<Integer> {

    static final String UP_MARKER = "gate instance started";
    static final String ACTIVE_PREFIX = "gate instance active partitions: ";

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", required = true)
    String bootstrapServers;

    @Option(names = "--registry-url", required = true)
    String registryUrl;

    @Option(names = "--clock-url", required = true, description = "The stack's clock resource on its control port.")
    URI clockUrl;

    @Option(names = "--credentials", required = true, description = "The stack's Kafka credentials file.")
    Path credentials;

    @Option(names = "--port", required = true)
    int port;

    @Option(names = "--state-dir", required = true, description = "This instance's own Kafka Streams state directory.")
    Path stateDir;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<String> args = new ArrayList<>();
        KafkaCredentials.load(credentials).clientProperties(KafkaUser.GATE_EVALUATOR).forEach((key, value) ->
                args.add("--spring.kafka.properties." + key + "=" + value));
        args.addAll(List.of(
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.kafka.admin.auto-create=false",
                "--spring.kafka.properties.schema.registry.url=" + registryUrl,
                "--spring.kafka.streams.state-dir=" + stateDir,
                "--spring.kafka.streams.properties.application.server=localhost:" + port,
                "--spring.jmx.enabled=false",
                "--spring.main.banner-mode=off",
                "--spring.main.log-startup-info=false",
                "--logging.config=classpath:logback-greenlight.xml",
                "--greenlight.security.demo-users=true",
                // The same policies as the stack's own gate (LocalStack): both instances must decide alike.
                "--greenlight.policies.dirs=" + Path.of(System.getProperty("greenlight.home", ".")).resolve("policies")
                        .toAbsolutePath().normalize()));
        StackClockControl control = new StackClockControl(clockUrl);
        StackTime clock = new StackTime(() -> control.read().now());
        ConfigurableApplicationContext context = GateEvaluatorApplication.builder()
                .initializers(c -> c.getBeanFactory().registerSingleton("stackClock", clock))
                .run(args.toArray(String[]::new));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            stopped.countDown();
        }, "gate-instance-stop"));
        out.println(UP_MARKER);
        out.flush();
        Set<Integer> reported = null;
        while (!stopped.await(500, TimeUnit.MILLISECONDS)) {
            Set<Integer> active = active(context);
            if (!active.equals(reported)) {
                out.println(ACTIVE_PREFIX + active);
                out.flush();
                reported = active;
            }
        }
        return 0;
    }

    private static Set<Integer> active(ConfigurableApplicationContext context) {
        Set<Integer> partitions = new TreeSet<>();
        try {
            KafkaStreams streams = context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
            if (streams != null && streams.state() == KafkaStreams.State.RUNNING) {
                for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                    thread.activeTasks().forEach(task -> partitions.add(task.taskId().partition()));
                }
            }
        } catch (RuntimeException e) {
            // Stopping, or between states: report nothing active.
        }
        return partitions;
    }
}
