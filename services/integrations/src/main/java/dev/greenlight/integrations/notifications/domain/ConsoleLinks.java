package dev.greenlight.integrations.notifications.domain;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a person reads more: the console's page of a release, {@code <console>/releases/<target>/<version>}. */
public record ConsoleLinks(URI console) {

    public String release(String target, String version) {
        String base = console.toString().replaceAll("/+$", "");
        if (version == null) {
            return base + "/releases?target=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
        }
        return base + "/releases/" + target + "/" + version;
    }
}
