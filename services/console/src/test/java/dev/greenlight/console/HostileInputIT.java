package dev.greenlight.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.greenlight.console.board.application.ConsoleFeed;
import dev.greenlight.console.board.domain.ReleaseAnnounced;
import dev.greenlight.platform.testing.InMemoryRegistryConfiguration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault suite, hostile HTTP input, the console's HTML forms (sign-off, reject, waive, kill switch,
 * rollout promote/pause/resume/abort, holds, what-if, ledger verification, sign-in and sign-out):
 * each posted over a raw socket (so no client library tidies it up) by a person signed in with a
 * valid session and CSRF token, with oversized, malformed, repeated and unicode-tricked fields,
 * wrong content types, tricked path segments, and without or with a wrong session or CSRF token.
 *
 * <p>What must hold, per request: never a 5xx; a 4xx forwards nothing; otherwise the answer is a
 * redirect to a console page (never elsewhere) that names the owning service's refusal, or a page
 * naming it (what-if). The console adds no validation rule of its own (the owning service decides,
 * see {@code Actions}), so a value it forwards is only ever forwarded as itself: one call of the
 * form's API, its path segments encoded and never {@code .} or {@code ..}, its body a JSON object of
 * exactly the form's fields, all text, with the person's own token. A stub stands for the owning
 * services and refuses, naming the field, every value that is not plain text (as they do; their
 * own sweeps prove it); the valid form is accepted. The POST endpoints are taken from the running
 * application, and the sweep fails when one has no corpus entry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + ConsoleApplication.CONFIG_NAME,
        "greenlight.console.projection.enabled=false",
        "spring.kafka.admin.auto-create=false",
        "greenlight.security.demo-users=true"})
@Import(InMemoryRegistryConfiguration.class)
class HostileInputIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RELEASE = "hostile-qm@2.1.0";
    private static final String PERSON = "demo-alice";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String SCRIPT = "<script>alert(1)</script>";
    /** What the owning services take as a plain field value (anything else they refuse, naming the field). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9 ._:@*-]{0,200}");
    /** The reads of a ledger verification the verify form starts; it runs in the background. */
    private static final Pattern BACKGROUND_READS = Pattern.compile("/api/v1/ledger/(verify|keys|export)");
    /** A forwarded path segment: percent-encoded, no slash. */
    private static final String SEGMENT = "[A-Za-z0-9%._~*+-]+";

    /** Field value tricks, percent-encoded as they go in the form body. */
    private static final Map<String, String> FIELD_TRICKS = tricks(
            "right-to-left override", "pay%E2%80%AEments",
            "zero-width space", "pay%E2%80%8Bments",
            "Cyrillic homoglyph", "p%D0%B0yments",
            "NUL", "pay%00ments",
            "CR LF and a header", "x%0D%0ASet-Cookie%3A+GREENLIGHT_CONSOLE%3Dstolen",
            "script", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "traversal", "..%2F..%2Fetc%2Fpasswd",
            "invalid UTF-8 (C3 28)", "%C3%28",
            "invalid UTF-8 (FF FE)", "%FF%FE",
            "a lone percent", "%",
            "a bad escape", "%G1",
            "JSON", "%7B%22role%22%3A%22admin%22%7D",
            "empty", "",
            "blank", "+",
            "10 000 characters", "x".repeat(10_000));

    /** Path segment tricks, percent-encoded as they go on the request line. */
    private static final Map<String, String> PATH_TRICKS = tricks(
            "traversal", "..%2F..%2Fetc%2Fpasswd",
            "dot-dot", "%2e%2e",
            "encoded slash", "a%2Fb",
            "encoded backslash", "a%5Cb",
            "NUL", "a%00b",
            "CR LF", "a%0D%0ALocation:%20http://evil.example",
            "right-to-left override", "pay%E2%80%AEments",
            "zero-width space", "pay%E2%80%8Bments",
            "Cyrillic homoglyph", "p%D0%B0yments",
            "invalid UTF-8 (C3 28)", "%C3%28",
            "invalid UTF-8 (FF FE)", "%FF%FE",
            "5 000 characters", "x".repeat(5_000));

    /** Release ids that parse as target@version but whose parts must never become a path of their own. */
    private static final Map<String, String> RELEASE_TRICKS = tricks(
            "target ..", "..@2.1.0",
            "version ..", "hostile-qm@..",
            "both ..", "..@..",
            "target .", ".@2.1.0",
            "no version", "hostile-qm@",
            "no target", "@2.1.0",
            "no @", "hostile-qm",
            "script", "%3Cscript%3E@1");

    record Call(String method, String path, String authorization, String idempotencyKey, String body) {
    }

    record Answer(int status, String head, String body) {

        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    /** A form of the console: its valid request, the fields it forwards and the API call it makes. */
    record Form(String method, String pattern, Map<String, String> fields, Set<String> optional,
            Map<String, String> pathValues, Pattern forwardedPath, Set<String> forwardedFields) {
    }

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    static final HttpServer STUB = stub();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ConsoleFeed feed;

    /** The owning services: every call recorded; plain values accepted, anything else refused naming the field. */
    static HttpServer stub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"), body);
                CALLS.add(call);
                String refused = refusedField(call);
                byte[] answer = (refused == null ? "{\"id\":\"stub-1\"}"
                        : "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"stub refuses " + refused
                                + "\",\"field\":\"" + refused + "\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type",
                        refused == null ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(refused == null ? 201 : 400, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String refusedField(Call call) {
        String[] pathAndQuery = call.path().split("\\?", 2);
        for (String segment : pathAndQuery[0].split("/")) {
            if (!PLAIN.matcher(URLDecoder.decode(segment, StandardCharsets.UTF_8)).matches()) {
                return "path";
            }
        }
        if (pathAndQuery.length > 1) {
            for (String parameter : pathAndQuery[1].split("&")) {
                String[] pair = parameter.split("=", 2);
                String value = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : "";
                if (!PLAIN.matcher(value).matches() || value.isBlank()) {
                    return pair[0];
                }
            }
        }
        if (call.body() != null && !call.body().isEmpty() && call.body().startsWith("{")) {
            JsonNode body = JSON.readTree(call.body());
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                if (!field.getValue().isString() || !PLAIN.matcher(field.getValue().asString()).matches()
                        || field.getValue().asString().isBlank()) {
                    return field.getKey();
                }
            }
        }
        return null;
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String url = "http://localhost:" + STUB.getAddress().getPort();
        for (String service : List.of("check-ingest", "approval", "gate-evaluator", "rollout-controller",
                "audit-ledger", "integrations")) {
            registry.add("greenlight.console.services." + service, () -> url);
        }
    }

    @AfterAll
    static void stop() {
        STUB.stop(0);
    }

    @Test
    void everyFormRefusesTheHostileCorpusWithoutA5xxAndForwardsOnlyWellFormedCalls() {
        feed.accept(new ReleaseAnnounced("hostile-qm", "2.1.0", "STRATEGY", "alice", "abc", "ict-release",
                Instant.EPOCH));
        Map<String, Form> forms = forms();
        assertThat(postEndpoints()).as("every POST endpoint of the console has a corpus entry")
                .isSubsetOf(forms.keySet());

        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, Form> entry : forms.entrySet()) {
            Form form = entry.getValue();
            // A session of its own per form (sign-out ends one; sign-in starts from an anonymous one).
            String cookie = form.pattern().equals("/sign-in") ? cookie(send("GET", "/sign-in", null, null, null))
                    : signIn();
            String csrf = csrf(send("GET", form.pattern().equals("/sign-in") ? "/sign-in" : "/releases/" + RELEASE,
                    cookie, null, null).body());
            String path = path(form, Map.of());
            String valid = body(form, Map.of(), csrf);

            // Session and CSRF: without them nothing is done.
            sent += judge(failures, entry.getKey(), "no session", form, send(form.method(), path, null, FORM, valid),
                    cookie, false);
            sent += judge(failures, entry.getKey(), "someone else's session cookie", form,
                    send(form.method(), path, "GREENLIGHT_CONSOLE=0123456789ABCDEF0123456789ABCDEF", FORM, valid),
                    cookie, false);
            sent += judge(failures, entry.getKey(), "no CSRF token", form,
                    send(form.method(), path, cookie, FORM, body(form, Map.of(), null)), cookie, false);
            sent += judge(failures, entry.getKey(), "a wrong CSRF token", form,
                    send(form.method(), path, cookie, FORM, body(form, Map.of(), "d3Jvbmc" + csrf.substring(7))),
                    cookie, false);

            // The whole body.
            sent += judge(failures, entry.getKey(), "empty body", form, send(form.method(), path, cookie, FORM, ""),
                    cookie, false);
            sent += judge(failures, entry.getKey(), "JSON instead of a form", form, send(form.method(), path, cookie,
                    "application/json", "{\"_csrf\":\"" + csrf + "\"}"), cookie, false);
            sent += judge(failures, entry.getKey(), "multipart with a bogus boundary", form, send(form.method(), path,
                    cookie, "multipart/form-data; boundary=nope", valid), cookie, false);
            sent += judge(failures, entry.getKey(), "a bogus charset", form, send(form.method(), path, cookie,
                    FORM + "; charset=bogus", valid), cookie, false);
            sent += judge(failures, entry.getKey(), "separators only", form, send(form.method(), path, cookie, FORM,
                    "&&==&_csrf=" + csrf + "&=&"), cookie, false);
            sent += judge(failures, entry.getKey(), "over the form size limit", form, send(form.method(), path, cookie,
                    FORM, valid + "&padding=" + "x".repeat(300_000)), cookie, false);

            // Each field: missing, repeated, oversized, and every trick.
            for (String field : form.fields().keySet()) {
                if (!form.optional().contains(field)) {
                    Map<String, String> without = new LinkedHashMap<>(form.fields());
                    without.remove(field);
                    sent += judge(failures, entry.getKey(), field + " missing", form, send(form.method(), path, cookie,
                            FORM, encode(without, csrf)), cookie, false);
                }
                sent += judge(failures, entry.getKey(), field + " twice", form, send(form.method(), path, cookie, FORM,
                        valid + "&" + field + "=other"), cookie, false);
                sent += judge(failures, entry.getKey(), field + " as an array", form, send(form.method(), path, cookie,
                        FORM, valid + "&" + field + "%5B%5D=other"), cookie, false);
                sent += judge(failures, entry.getKey(), field + " over the form size limit", form, send(form.method(),
                        path, cookie, FORM, body(form, Map.of(field, "x".repeat(300_000)), csrf)), cookie, false);
                for (Map.Entry<String, String> trick : FIELD_TRICKS.entrySet()) {
                    sent += judge(failures, entry.getKey(), field + ": " + trick.getKey(), form, send(form.method(), path,
                            cookie, FORM, body(form, Map.of(field, trick.getValue()), csrf)), cookie, false);
                }
            }

            // Each path variable.
            for (String variable : form.pathValues().keySet()) {
                Map<String, String> tricks = new LinkedHashMap<>(PATH_TRICKS);
                if (variable.equals("id")) {
                    tricks.putAll(RELEASE_TRICKS);
                } else {
                    tricks.put("dot-dot", "..");
                    tricks.put("dot", ".");
                    tricks.put("upper case", form.pathValues().get(variable).toUpperCase());
                }
                for (Map.Entry<String, String> trick : tricks.entrySet()) {
                    sent += judge(failures, entry.getKey(), "{" + variable + "}: " + trick.getKey(), form,
                            send(form.method(), path(form, Map.of(variable, trick.getValue())), cookie, FORM, valid),
                            cookie, false);
                }
            }

            // Last, in a fresh session (a variant may have signed out or in): the valid form, accepted.
            cookie = form.pattern().equals("/sign-in") ? cookie(send("GET", "/sign-in", null, null, null)) : signIn();
            csrf = csrf(send("GET", form.pattern().equals("/sign-in") ? "/sign-in" : "/releases/" + RELEASE,
                    cookie, null, null).body());
            valid = body(form, Map.of(), csrf);
            sent += judge(failures, entry.getKey(), "valid", form, send(form.method(), path, cookie, FORM, valid),
                    cookie, true);
        }

        assertThat(failures).as("answers to the hostile corpus (%d requests)", sent).isEmpty();
        assertThat(sent).isGreaterThan(500);
    }

    /** The forms of the console, each with a valid request and the API call it makes. */
    private static Map<String, Form> forms() {
        String target = Pattern.quote("/api/v1/rollouts/") + SEGMENT + "/" + SEGMENT + "/";
        Map<String, Form> forms = new LinkedHashMap<>();
        forms.put("POST /releases/{id}/sign-off", new Form("POST", "/releases/{id}/sign-off",
                fields("role", "auditor", "verdict", "APPROVE", "comment", "AUD-1"), Set.of("comment"),
                Map.of("id", RELEASE), Pattern.compile(Pattern.quote("/api/v1/approvals")),
                Set.of("target", "version", "role", "verdict", "comment")));
        forms.put("POST /releases/{id}/waive", new Form("POST", "/releases/{id}/waive",
                fields("criterion", "paper-trading", "rationale", "hotfix"), Set.of(), Map.of("id", RELEASE),
                Pattern.compile(Pattern.quote("/api/v1/waivers")),
                Set.of("target", "version", "criterion", "rationale")));
        forms.put("POST /releases/{id}/kill-switch", new Form("POST", "/releases/{id}/kill-switch",
                fields("action", "ACTIVATE", "reason", "page alert"), Set.of(), Map.of("id", RELEASE),
                Pattern.compile(Pattern.quote("/api/v1/kill-switch")), Set.of("target", "action", "reason")));
        forms.put("POST /releases/{id}/rollout/{command}", new Form("POST", "/releases/{id}/rollout/{command}",
                fields("reason", "look"), Set.of(), Map.of("id", RELEASE, "command", "pause"),
                Pattern.compile(target + "(promote|pause|resume|abort)"), Set.of("reason")));
        forms.put("POST /releases/{id}/holds", new Form("POST", "/releases/{id}/holds",
                fields("name", "incident-1", "target", "hostile-*", "reason", "stop"), Set.of(), Map.of("id", RELEASE),
                Pattern.compile(Pattern.quote("/api/v1/holds")), Set.of("name", "target", "reason")));
        forms.put("POST /releases/{id}/holds/{holdId}/lift", new Form("POST", "/releases/{id}/holds/{holdId}/lift",
                fields("reason", "ok"), Set.of("reason"), Map.of("id", RELEASE, "holdId", "h-9"),
                Pattern.compile(Pattern.quote("/api/v1/holds/") + SEGMENT + "(\\?reason=[A-Za-z0-9%._*+-]*)?"),
                Set.of()));
        forms.put("POST /policies/what-if", new Form("POST", "/policies/what-if",
                fields("candidate", "name: ict-release", "release", RELEASE), Set.of("release"), Map.of(),
                Pattern.compile(Pattern.quote("/api/v1/ledger/what-if") + "(\\?release=[A-Za-z0-9%._*+-]*)?"),
                Set.of()));
        forms.put("POST /ledger/verify", new Form("POST", "/ledger/verify", fields(), Set.of(), Map.of(),
                Pattern.compile(Pattern.quote("/api/v1/ledger/verify")), Set.of()));
        forms.put("POST /sign-out", new Form("POST", "/sign-out", fields(), Set.of(), Map.of(),
                Pattern.compile("(?!)"), Set.of()));
        forms.put("POST /sign-in", new Form("POST", "/sign-in", fields("token", PERSON), Set.of(), Map.of(),
                Pattern.compile("(?!)"), Set.of()));
        return forms;
    }

    /** The POST endpoints the running console has. */
    private Set<String> postEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        mapping.getHandlerMethods().forEach((info, method) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                info.getPatternValues().forEach(pattern -> endpoints.add("POST " + pattern));
            }
        });
        return endpoints;
    }

    /**
     * One answer judged: never a 5xx; a 4xx forwarded nothing; a redirect stays on the console and
     * its page names what happened; every forwarded call is one well-formed call of the form's API.
     */
    private int judge(List<String> failures, String endpoint, String what, Form form, Answer answer, String cookie,
            boolean valid) {
        // The ledger verification the verify form starts runs in the background: its read may land any time.
        List<Call> forwarded = CALLS.stream().filter(call -> !BACKGROUND_READS.matcher(call.path()).matches()).toList();
        CALLS.clear();
        String label = endpoint + " [" + what + "]: " + answer.status() + " ";
        boolean signIn = form.pattern().equals("/sign-in");
        boolean signOut = form.pattern().equals("/sign-out");
        if (answer.status() >= 500 || answer.status() < 200) {
            failures.add(label + abbreviate(answer.head() + answer.body()));
            return 1;
        }
        if (answer.status() >= 400) {
            if (valid) {
                failures.add(label + "the valid form was refused: " + abbreviate(answer.head() + answer.body()));
            }
            if (!forwarded.isEmpty()) {
                failures.add(label + "but forwarded " + forwarded);
            }
            return 1;
        }
        if (signIn || signOut) {
            // No tricked token signs anyone in; sign-in and sign-out call no service.
            String location = String.valueOf(answer.header("Location")).replaceFirst("^http://localhost:" + port, "");
            if (answer.status() >= 300 && (!location.startsWith("/") || location.startsWith("//"))) {
                failures.add(label + "redirects off the console: " + location);
            }
            if (signIn && what.startsWith("token") && answer.status() < 400) {
                failures.add(label + "a tricked token signed in: " + abbreviate(answer.head()));
            }
            if (!forwarded.isEmpty()) {
                failures.add(label + "forwarded " + forwarded);
            }
            return 1;
        }
        for (Call call : forwarded) {
            String problem = malformed(form, call);
            if (problem != null) {
                failures.add(label + "forwarded " + problem + ": " + abbreviate(call.toString()));
            }
        }
        if (answer.status() >= 300) {
            String location = answer.header("Location");
            String local = location == null ? null : location.replaceFirst("^http://localhost:" + port, "");
            if (valid && !form.pattern().equals("/ledger/verify") && forwarded.stream().anyMatch(c -> refusedField(c) != null)) {
                failures.add(label + "the valid form was refused by the service: " + forwarded);
            }
            if (local == null || !local.startsWith("/") || local.startsWith("//")) {
                failures.add(label + "redirects off the console: " + location);
                return 1;
            }
            boolean oneCall = forwarded.size() == 1 || form.pattern().equals("/ledger/verify");
            if (!oneCall && !(forwarded.isEmpty() && local.startsWith("/sign-in"))) {
                failures.add(label + "redirect to " + local + " after " + forwarded.size() + " calls");
            }
            if (local.equals("/releases/" + RELEASE)) {
                Answer page = send("GET", local, cookie, null, null);
                boolean refused = forwarded.stream().anyMatch(call -> refusedField(call) != null);
                boolean named = refused ? page.body().contains("role=\"alert\">Refused (400): stub refuses")
                        : page.body().contains("class=\"notice done\"");
                if (page.status() != 200 || !named) {
                    failures.add(label + "the page after it does not name " + (refused ? "the refusal" : "the outcome")
                            + ": " + page.status() + " " + abbreviate(alert(page.body())));
                }
                if (page.body().contains(SCRIPT)) {
                    failures.add(label + "the page after it holds unescaped script");
                }
            }
            return 1;
        }
        // 2xx: only the what-if page, naming the service's answer.
        if (!form.pattern().equals("/policies/what-if") || !answer.body().contains("role=\"alert\"")
                && !answer.body().contains("what-if")) {
            failures.add(label + abbreviate(answer.head() + answer.body()));
        }
        if (answer.body().contains(SCRIPT)) {
            failures.add(label + "the page holds unescaped script");
        }
        if (forwarded.size() != 1) {
            failures.add(label + "after " + forwarded.size() + " calls");
        }
        return 1;
    }

    /** Why a forwarded call is not one well-formed call of the form's API, or null. */
    private static String malformed(Form form, Call call) {
        if (!("Bearer " + PERSON).equals(call.authorization())) {
            return "under another authority (" + call.authorization() + ")";
        }
        if (!form.forwardedPath().matcher(call.path()).matches()) {
            return "to another path";
        }
        for (String segment : call.path().split("\\?", 2)[0].split("/")) {
            String decoded = URLDecoder.decode(segment, StandardCharsets.UTF_8);
            if (decoded.equals(".") || decoded.equals("..")) {
                return "a path segment " + decoded;
            }
        }
        if (!"GET".equals(call.method()) && call.idempotencyKey() == null) {
            return "without an Idempotency-Key";
        }
        if (!form.forwardedFields().isEmpty()) {
            JsonNode body;
            try {
                body = JSON.readTree(call.body());
            } catch (RuntimeException e) {
                return "a body that is not JSON";
            }
            if (!body.isObject()) {
                return "a body that is not an object";
            }
            for (Map.Entry<String, JsonNode> field : body.properties()) {
                if (!form.forwardedFields().contains(field.getKey())) {
                    return "a field the form does not have: " + field.getKey();
                }
                if (!field.getValue().isString()) {
                    return field.getKey() + " as " + field.getValue().getNodeType();
                }
            }
        }
        return null;
    }

    /** Signs in through the form as {@link #PERSON}; the session cookie. */
    private String signIn() {
        Answer page = send("GET", "/sign-in", null, null, null);
        String cookie = cookie(page);
        Answer signedIn = send("POST", "/sign-in", cookie, FORM, "token=" + PERSON + "&_csrf=" + csrf(page.body()));
        assertThat(signedIn.status()).as(signedIn.head()).isEqualTo(302);
        String renewed = cookie(signedIn);
        return renewed == null ? cookie : renewed;
    }

    private static String csrf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    private static String cookie(Answer answer) {
        String set = answer.header("Set-Cookie");
        return set == null ? null : set.split(";", 2)[0];
    }

    private static String path(Form form, Map<String, String> tricked) {
        String path = form.pattern();
        for (Map.Entry<String, String> variable : form.pathValues().entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", tricked.getOrDefault(variable.getKey(), variable.getValue()));
        }
        return path;
    }

    /** The form's fields (each value percent-encoded unless {@code tricked} gives it raw) and the CSRF token. */
    private static String body(Form form, Map<String, String> tricked, String csrf) {
        Map<String, String> fields = new LinkedHashMap<>();
        form.fields().forEach((name, value) -> fields.put(name, java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        fields.putAll(tricked);
        return encode(fields, csrf);
    }

    private static String encode(Map<String, String> fields, String csrf) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add(name + "=" + (value.contains("%") || value.contains("+")
                || value.isEmpty() ? value : java.net.URLEncoder.encode(value, StandardCharsets.UTF_8))));
        if (csrf != null) {
            pairs.add("_csrf=" + csrf);
        }
        return String.join("&", pairs);
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static Map<String, String> tricks(String... pairs) {
        return fields(pairs);
    }

    /** One request over a raw socket, as sent; the answer as received. */
    private Answer send(String method, String path, String cookie, String contentType, String body) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder().append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: localhost:").append(port).append("\r\nConnection: close\r\n")
                    .append("Accept: text/html\r\n");
            if (cookie != null) {
                head.append("Cookie: ").append(cookie).append("\r\n");
            }
            if (bytes != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n")
                        .append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (bytes != null) {
                    out.write(bytes);
                }
                out.flush();
            } catch (java.net.SocketException closed) {
                // Refused before the body was all sent: the answer is what counts.
            }
            String text = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 ")) {
                return new Answer(599, "no HTTP answer", text);
            }
            int end = text.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(text.substring(9, 12)), end < 0 ? text : text.substring(0, end),
                    end < 0 ? "" : text.substring(end + 4));
        } catch (SocketTimeoutException e) {
            return new Answer(598, "no answer within 60 s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + abbreviate(path), e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0 && out.size() < 2_000_000; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // Answered and closed without reading the whole body: keep what was answered.
        }
        return out.toByteArray();
    }

    private static String alert(String page) {
        int at = page.indexOf("role=\"alert\"");
        return at < 0 ? "(no alert)" : page.substring(at, Math.min(page.length(), at + 200));
    }

    private static String abbreviate(String text) {
        String flat = text.replace("\r\n", " | ");
        return flat.length() <= 400 ? flat : flat.substring(0, 400) + "…";
    }
}
