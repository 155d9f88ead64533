package dev.greenlight.policy.parser;

import dev.greenlight.policy.engine.Sha256;
import dev.greenlight.policy.model.Checkpoint;
import dev.greenlight.policy.model.Criterion;
import dev.greenlight.policy.model.Defaults;
import dev.greenlight.policy.model.Governs;
import dev.greenlight.policy.model.Guard;
import dev.greenlight.policy.model.NotifyRule;
import dev.greenlight.policy.model.Policy;
import dev.greenlight.policy.model.PostPromotionWatch;
import dev.greenlight.policy.model.RegistrationRules;
import dev.greenlight.policy.model.ReleaseType;
import dev.greenlight.policy.model.RolloutControl;
import dev.greenlight.policy.model.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a policy YAML document into a validated {@link Policy}. Everything wrong with a document
 * is reported as {@code file:line: what} before any release is gated by it.
 *
 * <p>Content hash: lower-case hex SHA-256 of the canonical bytes — the document text with a
 * leading byte-order mark removed and CRLF/CR line ends turned into LF, encoded as UTF-8 — so a
 * checkout on Windows and one on Linux give the same hash for the same policy.
 */
public final class PolicyParser {

    public Policy parse(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy " + file, e);
        }
    }

    public Policy parse(String fileName, String text) {
        String canonical = canonical(text);
        Mapping root = new Mapping(fileName, "", YamlReader.read(fileName, canonical));
        String name = root.string("name");
        String version = root.string("version");
        String description = root.optionalString("description").orElse("");
        Governs governs = root.optionalMapping("governs", "governs").map(PolicyParser::governs)
                .orElse(new Governs(List.of("*"), Set.of()));
        Defaults defaults = root.optionalMapping("defaults", "defaults").map(PolicyParser::defaults)
                .orElse(Defaults.none());
        CriterionReader criteria = new CriterionReader(defaults);
        List<Stage> stages = root.list("stages", stage -> stage.optionalString("name").map(n -> "stage '" + n + "'")
                .orElse("stage"), stage -> stage(stage, criteria));
        if (stages.isEmpty()) {
            throw root.failAt("stages", "a policy needs at least one stage");
        }
        Set<String> stageNames = new HashSet<>();
        for (Stage stage : stages) {
            if (!stageNames.add(stage.name())) {
                throw root.failAt("stages", "duplicate stage name '" + stage.name() + "'");
            }
        }
        RegistrationRules registration = root.optionalMapping("registration", "registration")
                .map(RegistrationReader::read).orElse(RegistrationRules.none());
        RolloutControl rolloutControl = root.optionalMapping("rolloutControl", "rolloutControl")
                .map(RolloutControlReader::read).orElse(RolloutControl.defaults());
        PostPromotionWatch watch = root.optionalMapping("watch", "watch")
                .map(section -> WatchReader.read(section, stages.get(stages.size() - 1)))
                .orElse(PostPromotionWatch.none());
        List<NotifyRule> notifyRules = NotifyReader.read(root, governs.targets());
        root.rejectUnknownKeys();
        return new Policy(name, version, description, governs, stages, defaults,
                Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8)), registration, rolloutControl, watch, notifyRules);
    }

    static String canonical(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static Governs governs(Mapping governs) {
        List<String> targets = governs.strings("targets");
        Set<ReleaseType> types = governs.enums("releaseTypes", ReleaseType.class);
        governs.rejectUnknownKeys();
        return new Governs(targets.isEmpty() ? List.of("*") : targets, types);
    }

    private static Defaults defaults(Mapping defaults) {
        boolean warnNeedsHuman = defaults.bool("warnNeedsHuman", false);
        Set<String> waivableBy = Set.copyOf(defaults.strings("waivableBy"));
        ZoneId zone = zone(defaults, "zone").orElse(ZoneId.of("UTC"));
        Duration reviewEvery = defaults.optionalDuration("reviewEvery").orElse(Defaults.DEFAULT_REVIEW_EVERY);
        if (reviewEvery.isZero()) {
            throw defaults.failAt("reviewEvery", "'reviewEvery' must be longer than 0");
        }
        defaults.rejectUnknownKeys();
        return new Defaults(warnNeedsHuman, waivableBy, zone, reviewEvery);
    }

    static Optional<ZoneId> zone(Mapping mapping, String key) {
        return mapping.optionalString(key).map(text -> {
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw mapping.failAt(key, "unknown time zone '" + text + "'");
            }
        });
    }

    private static Stage stage(Mapping stage, CriterionReader criteria) {
        String name = stage.string("name");
        int traffic = stage.optionalInt("traffic").orElse(0);
        if (traffic < 0 || traffic > 100) {
            throw stage.failAt("traffic", "traffic must be a percentage 0-100, not " + traffic);
        }
        Duration soak = stage.optionalDuration("soak").orElse(Duration.ZERO);
        stage.optionalString("description");
        List<Criterion> list = stage.list("criteria",
                c -> c.optionalString("name").map(n -> "criterion '" + n + "'").orElse("criterion"), criteria::read);
        Set<String> names = new HashSet<>();
        for (Criterion criterion : list) {
            if (!names.add(criterion.name())) {
                throw stage.failAt("criteria", "duplicate criterion name '" + criterion.name() + "'");
            }
        }
        CheckpointReader.rejectStageStartBaseline(stage, list);
        List<Guard> guards = stage.list("guards",
                g -> g.optionalString("name").map(n -> "guard '" + n + "'").orElse("guard"), GuardReader::read);
        List<Checkpoint> checkpoints = CheckpointReader.read(stage, criteria, soak);
        stage.rejectUnknownKeys();
        return new Stage(name, traffic, soak, list, guards, checkpoints);
    }
}
