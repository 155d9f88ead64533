package dev.greenlight.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as data: each service's environment (anchors and {@code <<} merges resolved),
 * command, secrets and volumes. The system tests start every process with what this file gives it,
 * so a setting added to the file is a setting the build runs with.
 */
final class ComposeFile {

    private final Map<String, Object> services;

    private ComposeFile(Map<String, Object> services) {
        this.services = services;
    }

    static ComposeFile load(Path file) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(200);
            Map<String, Object> compose = new Yaml(options).load(Files.readString(file));
            return new ComposeFile(map(compose.get("services")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    boolean has(String service) {
        return services.containsKey(service);
    }

    /** The service's environment as written (values as strings; compose's {@code $$} not yet unescaped). */
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        map(service(service).get("environment")).forEach((key, value) -> env.put(key, String.valueOf(value)));
        return env;
    }

    List<String> command(String service) {
        List<String> command = new ArrayList<>();
        for (Object each : (List<?>) service(service).getOrDefault("command", List.of())) {
            command.add(String.valueOf(each));
        }
        return command;
    }

    /** The secrets mounted into the service: file name under /run/secrets -> name of the top-level secret. */
    Map<String, String> secrets(String service) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Object each : (List<?>) service(service).getOrDefault("secrets", List.of())) {
            if (each instanceof Map<?, ?> long_) {
                String source = String.valueOf(long_.get("source"));
                Object target = long_.get("target");
                secrets.put(target == null ? source : String.valueOf(target), source);
            } else {
                secrets.put(String.valueOf(each), String.valueOf(each));
            }
        }
        return secrets;
    }

    /** The container paths the service mounts volumes at. */
    List<String> volumeMounts(String service) {
        List<String> mounts = new ArrayList<>();
        for (Object each : (List<?>) service(service).getOrDefault("volumes", List.of())) {
            String spec = String.valueOf(each);
            mounts.add(spec.substring(spec.indexOf(':') + 1));
        }
        return mounts;
    }

    /** The container port the service is published on ({@code "8181:8181"} gives 8181). */
    int containerPort(String service) {
        String spec = String.valueOf(((List<?>) service(service).get("ports")).get(0));
        return Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1));
    }

    private Map<String, Object> service(String name) {
        Object service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("docker-compose.yml has no service " + name);
        }
        return map(service);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
