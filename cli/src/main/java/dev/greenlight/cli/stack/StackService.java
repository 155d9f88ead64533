package dev.greenlight.cli.stack;

import dev.greenlight.approval.ApprovalApplication;
import dev.greenlight.checkingest.CheckIngestApplication;
import dev.greenlight.console.ConsoleApplication;
import dev.greenlight.gate.GateEvaluatorApplication;
import dev.greenlight.integrations.IntegrationsApplication;
import dev.greenlight.platform.topics.KafkaUser;
import dev.greenlight.ledger.AuditLedgerApplication;
import dev.greenlight.rollout.RolloutControllerApplication;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The Greenlight services as the local stack knows them (the five, and the console people look at): the name shown to the user, the
 * port they listen on by default, the Kafka principal they log in as, and how to build them (each application's own {@code builder()},
 * which selects its own configuration file so all five can share one JVM).
 */
public enum StackService {

    CHECK_INGEST("check-ingest", 8181, KafkaUser.CHECK_INGEST, CheckIngestApplication::builder),
    APPROVAL("approval", 8182, KafkaUser.APPROVAL, ApprovalApplication::builder),
    GATE_EVALUATOR("gate-evaluator", 8183, KafkaUser.GATE_EVALUATOR, GateEvaluatorApplication::builder),
    ROLLOUT_CONTROLLER("rollout-controller", 8184, KafkaUser.ROLLOUT_CONTROLLER, RolloutControllerApplication::builder),
    AUDIT_LEDGER("audit-ledger", 8185, KafkaUser.AUDIT_LEDGER, AuditLedgerApplication::builder),
    CONSOLE("console", 8186, KafkaUser.CONSOLE, ConsoleApplication::builder),
    INTEGRATIONS("integrations", 8187, KafkaUser.INTEGRATIONS, IntegrationsApplication::builder);

    private final String serviceName;
    private final int defaultPort;
    private final KafkaUser kafkaUser;
    private final Supplier<SpringApplicationBuilder> builder;

    StackService(String serviceName, int defaultPort, KafkaUser kafkaUser, Supplier<SpringApplicationBuilder> builder) {
        this.serviceName = serviceName;
        this.defaultPort = defaultPort;
        this.kafkaUser = kafkaUser;
        this.builder = builder;
    }

    /** The service's name, e.g. {@code check-ingest}. */
    public String serviceName() {
        return serviceName;
    }

    /** The HTTP port the service uses unless told otherwise. */
    public int defaultPort() {
        return defaultPort;
    }

    /** The Kafka principal the service logs in as. */
    public KafkaUser kafkaUser() {
        return kafkaUser;
    }

    /** A fresh application builder for this service. */
    SpringApplicationBuilder builder() {
        return builder.get();
    }
}
