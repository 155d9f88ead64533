package dev.greenlight.ledger.index;

import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentCommand;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which release version an event is about. Most events carry a {@code version} field; a deployment
 * report carries only the command's sequence, so the versions of the commands seen so far are kept
 * (a report is recorded after its command, both keyed by the target, hence in the same ledger chain).
 */
final class ReleaseVersions {

    private final Map<String, String> commandVersions = new HashMap<>();

    String of(SpecificRecord event) {
        if (event instanceof DeploymentCommand command) {
            commandVersions.put(command.getTarget() + "#" + command.getSequence(), command.getVersion());
            return command.getVersion();
        }
        if (event instanceof DeploymentApplied applied) {
            return commandVersions.get(applied.getTarget() + "#" + applied.getSequence());
        }
        Schema.Field field = event.getSchema().getField("version");
        if (field == null) {
            return null;
        }
        Object version = event.get(field.pos());
        return version == null ? null : version.toString();
    }
}
