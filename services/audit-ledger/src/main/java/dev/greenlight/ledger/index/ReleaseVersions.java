package dev.greenlight.ledger.index;

import dev.greenlight.events.DeploymentApplied;
import dev.greenlight.events.DeploymentCommand;
import dev.greenlight.ledger.verify.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which release version an event is about. Most events carry a {@code version} field; a deployment
 * report carries only its command's sequence, so command versions are remembered. The writer records
 * the source topics interleaved as it polls them, so a report may be recorded before its command: such
 * a report waits here until the command shows up and then learns its version.
 */
final class ReleaseVersions {

    private final Map<String, String> commandVersions = new HashMap<>();
    private final Map<String, List<Entry>> waiting = new HashMap<>();

    /** The version {@code event} names, or null when it names none or its command is not recorded yet. */
    String of(Entry entry, SpecificRecord event) {
        if (event instanceof DeploymentCommand command) {
            commandVersions.put(key(command.getTarget(), command.getSequence()), command.getVersion());
            return command.getVersion();
        }
        if (event instanceof DeploymentApplied applied) {
            String key = key(applied.getTarget(), applied.getSequence());
            String version = commandVersions.get(key);
            if (version == null) {
                waiting.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
            }
            return version;
        }
        Schema.Field field = event.getSchema().getField("version");
        if (field == null) {
            return null;
        }
        Object version = event.get(field.pos());
        return version == null ? null : version.toString();
    }

    /** The reports that were recorded before {@code event}, the command they report on; empty otherwise. */
    List<Entry> waitingFor(SpecificRecord event) {
        if (event instanceof DeploymentCommand command) {
            List<Entry> reports = waiting.remove(key(command.getTarget(), command.getSequence()));
            return reports == null ? List.of() : reports;
        }
        return List.of();
    }

    private static String key(String target, long sequence) {
        return target + "#" + sequence;
    }
}
