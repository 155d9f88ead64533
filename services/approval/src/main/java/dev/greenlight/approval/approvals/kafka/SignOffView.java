package dev.greenlight.approval.approvals.kafka;

import dev.greenlight.approval.approvals.domain.SignOff;
import dev.greenlight.approval.approvals.domain.SignOffs;
import dev.greenlight.approval.approvals.domain.Verdict;
import dev.greenlight.events.ApprovalGranted;
import dev.greenlight.events.ApprovalRejected;
import dev.greenlight.events.ApprovalRevoked;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link SignOffs} in step with the approvals topic, so revocations know who owns an
 * approval and repeated verdicts are recognised across restarts and instances. Every instance
 * reads the whole topic from the beginning under its own consumer group (the view is per
 * instance, like a cache); until it has caught up after a start, an older approval id answers 404.
 * Waivers, acknowledgements and refusals on the same topic are of no interest here.
 */
@Component
class SignOffView {

    private final SignOffs signOffs;

    SignOffView(SignOffs signOffs) {
        this.signOffs = signOffs;
    }

    @KafkaListener(topics = "#{T(dev.greenlight.platform.topics.Topics).APPROVALS.name()}",
            groupId = "approval-view-#{T(java.util.UUID).randomUUID()}",
            properties = "auto.offset.reset=earliest")
    void on(SpecificRecord event) {
        if (event instanceof ApprovalGranted granted) {
            signOffs.record(new SignOff(granted.getApprovalId(), granted.getMeta().getEventId(), granted.getTarget(),
                    granted.getVersion(), granted.getRole(), granted.getApprover(), Verdict.APPROVE, false));
        } else if (event instanceof ApprovalRejected rejected) {
            signOffs.record(new SignOff(rejected.getApprovalId(), rejected.getMeta().getEventId(),
                    rejected.getTarget(), rejected.getVersion(), rejected.getRole(), rejected.getApprover(),
                    Verdict.REJECT, false));
        } else if (event instanceof ApprovalRevoked revoked) {
            signOffs.revoke(revoked.getApprovalId());
        }
    }
}
