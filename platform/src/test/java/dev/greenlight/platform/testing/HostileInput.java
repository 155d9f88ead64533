package dev.greenlight.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.platform.topics.Topic;
import dev.greenlight.platform.topics.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fault suite's hostile HTTP input: a corpus of what an attacker or a broken client sends —
 * malformed and oversized bodies, wrong JSON types for every field, nulls, huge and non-finite
 * numbers, deep nesting, invalid UTF-8, unicode tricks in identifiers (RTL override, zero-width
 * space, homoglyphs, NUL), path and query parameter abuse (traversal, very long, encoded slashes),
 * wrong content types, missing and garbage credentials — sent over a raw socket (so nothing is
 * cleaned up by a client library) to every endpoint of a running service.
 *
 * <p>The endpoints come from the application itself (Spring's {@link RequestMappingHandlerMapping}),
 * and a sweep fails when one of them has no corpus entry, so a new endpoint cannot be forgotten.
 * Each entry gives a valid request (valid path values, a valid body, the fields that must be
 * present and the identifier fields); the corpus derives the hostile variants from it and sends
 * them with a valid token of an authorised role, so validation is exercised and not only
 * authentication. Every answer must be a 4xx (never a 5xx, never a 2xx — except that a read with
 * valid credentials may answer 200 for a filter that matches nothing), a refused field must be
 * named in the answer, and no catalogue topic may have grown.
 */
public final class HostileInput {

    /** Unicode and path tricks an identifier must never accept. */
    static final List<String> IDENTIFIER_TRICKS = List.of(
            "pay\u202Ements", // right-to-left override
            "pay\u200Bments", // zero-width space
            "p\u0430yments", // Cyrillic a: a homoglyph of "payments"
            "pay\u0000ments", // NUL
            "PAYMENTS",
            "../../etc/passwd",
            "a/b",
            "a%2Fb",
            " ",
            "",
            "x".repeat(10_000));

    /** Path segment abuse, already percent-encoded as it goes on the request line. */
    static final List<String> PATH_TRICKS = List.of(
            "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e",
            "a%2Fb",
            "a%5Cb",
            "%00",
            "pay%E2%80%AEments",
            "pay%E2%80%8Bments",
            "p%D0%B0yments",
            "%C3%28",
            "%FF%FE",
            "x".repeat(5_000));

    /** Query parameter abuse, percent-encoded. */
    static final List<String> QUERY_TRICKS = List.of(
            "-1",
            "NaN",
            "99999999999999999999999999",
            "1e999",
            "..%2F..%2Fetc%2Fpasswd",
            "%00",
            "pay%E2%80%AEments",
            "%C3%28",
            "x".repeat(5_000));

    private static final String OVERSIZED = "a body one byte over the limit";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");

    private final ApplicationContext context;
    private final int port;
    private final String token;
    private final String brokers;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private HostileInput(ApplicationContext context, int port, String token, String brokers) {
        this.context = context;
        this.port = port;
        this.token = token;
        this.brokers = brokers;
    }

    /**
     * A sweep of the service in {@code context}, listening on {@code port}, calling with
     * {@code token} (of a role allowed to call its endpoints), watching the catalogue topics on
     * {@code brokers}.
     */
    public static HostileInput against(ApplicationContext context, int port, String token, String brokers) {
        return new HostileInput(context, port, token, brokers);
    }

    /** What a valid request to one endpoint looks like; the corpus derives the hostile ones from it. */
    public static final class Entry {
        private final Map<String, String> pathValues = new LinkedHashMap<>();
        private String contentType = "application/json";
        private String body;
        private final Set<String> required = new LinkedHashSet<>();
        private final Set<String> identifiers = new LinkedHashSet<>();
        private final Set<String> queries = new LinkedHashSet<>();
        private final Set<String> ignored = new LinkedHashSet<>();
        private boolean authenticated = true;
        private String headers = "";
        private String token;
        private java.util.function.Function<byte[], String> signer = body -> "";

        /**
         * Header lines (each ending in CRLF) computed from each body sent, e.g. a webhook's HMAC
         * signature, so a signed endpoint's parsing is exercised and not only its signature check.
         */
        public Entry signedBy(java.util.function.Function<byte[], String> signer) {
            this.signer = signer;
            return this;
        }

        /** Calls this endpoint with another token than the sweep's (a role only it needs). */
        public Entry token(String token) {
            this.token = token;
            return this;
        }

        /** The valid value of a path variable (by default "payments", or the first alternative of a regex). */
        public Entry path(String variable, String value) {
            pathValues.put(variable, value);
            return this;
        }

        /** A valid JSON body. */
        public Entry json(String sample) {
            this.body = sample;
            return this;
        }

        /** A valid body of another content type (YAML, form): only the body-level corpus is sent. */
        public Entry body(String type, String sample) {
            this.contentType = type;
            this.body = sample;
            return this;
        }

        /** Fields that must be present and non-null: null and missing must be refused, naming them. */
        public Entry required(String... fields) {
            required.addAll(List.of(fields));
            return this;
        }

        /** Identifier fields (strings with a strict shape): every unicode and path trick must be refused. */
        public Entry identifiers(String... fields) {
            identifiers.addAll(List.of(fields));
            required.addAll(List.of(fields));
            return this;
        }

        /**
         * Fields of a third party's payload this endpoint does not read (a tolerant reader): no
         * wrong-type variants are sent for them.
         */
        public Entry ignored(String... fields) {
            ignored.addAll(List.of(fields));
            return this;
        }

        /** Query parameters whose abuse must be refused (besides those the handler declares). */
        public Entry query(String... names) {
            queries.addAll(List.of(names));
            return this;
        }

        /** Callers prove themselves otherwise (a webhook's signature): no bearer token is sent. */
        public Entry unauthenticated() {
            this.authenticated = false;
            return this;
        }

        /** Extra header lines (each ending in CRLF) sent with every request, e.g. an event type. */
        public Entry headers(String lines) {
            this.headers = lines;
            return this;
        }
    }

    /** The corpus entry for {@code key} ("POST /api/v1/approvals", the pattern as mapped). */
    public HostileInput endpoint(String key, UnaryOperator<Entry> entry) {
        entries.put(key, entry.apply(new Entry()));
        return this;
    }

    /** Every endpoint of the application's own controllers, as "METHOD pattern". */
    public static Map<String, HandlerMethod> endpoints(ApplicationContext context) {
        Map<RequestMappingInfo, HandlerMethod> mappings = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class).getHandlerMethods();
        Map<String, HandlerMethod> endpoints = new TreeMap<>();
        mappings.forEach((info, handler) -> {
            if (!handler.getBeanType().getName().startsWith("dev.greenlight.")) {
                return; // Boot's error page, the OpenAPI documents: not ours to validate
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                for (String pattern : info.getPatternValues()) {
                    endpoints.put(method.name() + " " + pattern, handler);
                }
            }
        });
        return endpoints;
    }

    /** One hostile request and what a correct refusal names. */
    record Attack(String endpoint, String what, String method, String path, String contentType, byte[] body,
                  String authorization, String extraHeaders, String field) {
    }

    /** A status and the raw answer. */
    record Answer(int status, String text) {
    }

    /**
     * Sends the whole corpus to every endpoint and asserts: each endpoint has an entry, every
     * answer is a 4xx, refused fields are named, and no catalogue topic grew. Returns the number
     * of hostile requests sent.
     */
    public int sweep() {
        Map<String, HandlerMethod> endpoints = endpoints(context);
        assertThat(entries.keySet()).as("corpus entries for endpoints that do not exist").isSubsetOf(endpoints.keySet());
        assertThat(endpoints.keySet()).as("endpoints without a hostile-input corpus entry")
                .isSubsetOf(entries.keySet());
        Map<TopicPartition, Long> before = endOffsets();
        List<String> violations = new ArrayList<>();
        int sent = 0;
        for (Map.Entry<String, HandlerMethod> endpoint : endpoints.entrySet()) {
            for (Attack attack : attacks(endpoint.getKey(), endpoint.getValue(), entries.get(endpoint.getKey()))) {
                Answer answer = attack.what().equals(OVERSIZED) ? oversized(attack) : send(attack);
                sent++;
                String problem = judge(attack, answer);
                if (problem != null) {
                    violations.add(attack.endpoint() + " [" + attack.what() + "] " + problem);
                }
            }
        }
        violations.forEach(v -> System.out.println("HOSTILE-INPUT VIOLATION " + v));
        assertThat(violations).as("hostile requests not refused with a 4xx naming the field").isEmpty();
        assertThat(endOffsets()).as("catalogue topics after the hostile requests (nothing may be written)")
                .isEqualTo(before);
        return sent;
    }

    private static String judge(Attack attack, Answer answer) {
        if (answer.status() < 400 && attack.method().equals("GET") && attack.authorization() != null
                && !attack.what().startsWith("credentials")) {
            // A read writes nothing, and a filter or key that matches nothing may honestly answer
            // "nothing found" with a 200: only reads with valid credentials get this latitude.
            return null;
        }
        if (answer.status() < 400 || answer.status() >= 500) {
            return "answered " + answer.status() + ": " + abbreviate(answer.text());
        }
        if (attack.field() != null && answer.status() != 401 && answer.status() != 413 && answer.status() != 415
                && !answer.text().contains(attack.field())) {
            return "answered " + answer.status() + " without naming " + attack.field() + ": " + abbreviate(answer.text());
        }
        return null;
    }

    private static String abbreviate(String text) {
        int body = text.indexOf("\r\n\r\n");
        String flat = (body < 0 ? text : text.substring(body + 4)).replaceAll("\\s+", " ");
        return flat.length() > 400 ? flat.substring(0, 400) + "..." : flat;
    }

    List<Attack> attacks(String key, HandlerMethod handler, Entry entry) {
        String method = key.substring(0, key.indexOf(' '));
        String pattern = key.substring(key.indexOf(' ') + 1);
        String bearer = entry.token != null ? entry.token : token;
        String auth = entry.authenticated ? "Bearer " + bearer : null;
        String validPath = path(pattern, entry, null, null);
        byte[] validBody = entry.body == null ? null : entry.body.getBytes(StandardCharsets.UTF_8);
        List<Attack> attacks = new ArrayList<>();
        java.util.function.Consumer<Attack> add = attacks::add;

        // Credentials: none, garbage, the wrong scheme, absurdly long, with control bytes.
        if (entry.authenticated) {
            for (String credentials : new String[] {null, "Bearer garbage", "Basic Zm9vOmJhcg==", "Bearer ",
                    "Bearer " + "A".repeat(20_000), "Bearer " + bearer + "\u0001"}) {
                add.accept(new Attack(key, "credentials " + describe(credentials), method, validPath,
                        entry.contentType, validBody, credentials, entry.headers, null));
            }
        }
        // Path variables: traversal, encoded slashes, invalid UTF-8, unicode tricks, very long.
        Matcher variables = VARIABLE.matcher(pattern);
        while (variables.find()) {
            String variable = variables.group(1);
            for (String trick : PATH_TRICKS) {
                add.accept(new Attack(key, "path {" + variable + "}=" + describe(trick), method,
                        path(pattern, entry, variable, trick), entry.contentType, validBody, auth, entry.headers, null));
            }
        }
        // Query parameters the handler declares (and those the entry names): every abuse on its own.
        Set<String> queries = new LinkedHashSet<>(entry.queries);
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                        : parameter.getParameterName();
                if (name != null) {
                    queries.add(name);
                }
            }
        }
        for (String query : queries) {
            for (String trick : QUERY_TRICKS) {
                add.accept(new Attack(key, "query " + query + "=" + describe(trick), method,
                        validPath + (validPath.contains("?") ? "&" : "?") + query + "=" + trick, entry.contentType,
                        validBody, auth, entry.headers, null));
            }
        }
        if (validBody == null) {
            return attacks;
        }
        // Bodies: empty, malformed, the wrong top-level type, deep nesting, invalid UTF-8, wrong content types.
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("empty body", new byte[0]);
        bodies.put("truncated body", entry.body.substring(0, entry.body.length() / 2).getBytes(StandardCharsets.UTF_8));
        bodies.put("trailing garbage", (entry.body + "}}]]").getBytes(StandardCharsets.UTF_8));
        bodies.put("NUL bytes", new byte[] {0, 0, 0, 0});
        bodies.put("invalid UTF-8", invalidUtf8(entry.body));
        bodies.put("deep nesting", ("[".repeat(3_000) + "]".repeat(3_000)).getBytes(StandardCharsets.US_ASCII));
        boolean json = entry.contentType.startsWith("application/json");
        if (json) {
            for (String top : new String[] {"[]", "\"text\"", "42", "null", "true", "{", "{\"a\":}", "nul", "NaN",
                    "{'single': 'quotes'}", "{\"a\":" + "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_001)}) {
                bodies.put("body " + describe(top), top.getBytes(StandardCharsets.UTF_8));
            }
        }
        add.accept(new Attack(key, OVERSIZED, method, validPath, entry.contentType, validBody, auth, entry.headers,
                null));
        bodies.forEach((what, bytes) -> add.accept(new Attack(key, what, method, validPath, entry.contentType, bytes,
                auth, entry.headers, null)));
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/json; charset=bogus"}) {
            if (!entry.contentType.equals(type)) {
                add.accept(new Attack(key, "content type " + type, method, validPath, type, validBody, auth,
                        entry.headers, null));
            }
        }
        if (!json) {
            return attacks;
        }
        // Fields: the wrong type, null, missing, huge and non-finite numbers, unicode tricks in identifiers.
        ObjectNode sample = (ObjectNode) JSON.readTree(entry.body);
        for (Iterator<String> names = sample.propertyNames().iterator(); names.hasNext(); ) {
            String field = names.next();
            if (entry.ignored.contains(field)) {
                continue;
            }
            JsonNode valid = sample.get(field);
            Map<String, String> wrong = new LinkedHashMap<>();
            if (!valid.isObject() && !valid.isArray()) {
                // An object with unknown fields is an empty object to a lenient reader: only scalars.
                wrong.put("an object", "{\"x\":1}");
                wrong.put("an array", "[1,2]");
            }
            if (valid.isString()) {
                wrong.put("a boolean", "true");
            }
            if (valid.isNumber()) {
                wrong.put("a string", "\"many\"");
                wrong.put("a huge number", "1" + "0".repeat(400));
                wrong.put("1e999", "1e999");
                wrong.put("-1e999", "-1e999");
                wrong.put("the string NaN", "\"NaN\"");
                wrong.put("the string Infinity", "\"Infinity\"");
            }
            if (valid.isBoolean()) {
                wrong.put("a string", "\"maybe\"");
            }
            if (valid.isObject() || valid.isArray()) {
                wrong.put("a string", "\"text\"");
                wrong.put("a number", "42");
            }
            if (entry.required.contains(field)) {
                wrong.put("null", "null");
            }
            if (entry.identifiers.contains(field)) {
                for (String trick : IDENTIFIER_TRICKS) {
                    wrong.put(describe(trick), JSON.writeValueAsString(trick));
                }
            }
            wrong.forEach((what, value) -> add.accept(new Attack(key, field + " = " + what, method, validPath,
                    entry.contentType, replace(entry.body, sample, field, value), auth, entry.headers, field)));
            if (entry.required.contains(field)) {
                ObjectNode without = sample.deepCopy();
                without.remove(field);
                add.accept(new Attack(key, field + " missing", method, validPath, entry.contentType,
                        JSON.writeValueAsBytes(without), auth, entry.headers, field));
            }
        }
        return attacks;
    }

    /** The sample with {@code field}'s value replaced by raw JSON text (which may not parse to a node: 1e999). */
    private static byte[] replace(String body, ObjectNode sample, String field, String rawValue) {
        String marker = "\"__hostile_" + UUID.randomUUID() + "__\"";
        ObjectNode copy = sample.deepCopy();
        copy.put(field, marker.substring(1, marker.length() - 1));
        return JSON.writeValueAsString(copy).replace(marker, rawValue).getBytes(StandardCharsets.UTF_8);
    }

    /** The valid body with the first string value's content replaced by bytes that are not UTF-8. */
    private static byte[] invalidUtf8(String body) {
        byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
        int quote = body.indexOf(": \"") >= 0 ? body.indexOf(": \"") + 3 : body.indexOf(":\"") + 2;
        if (quote < 2) {
            return new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE};
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] prefix = body.substring(0, quote).getBytes(StandardCharsets.UTF_8);
        out.write(prefix, 0, prefix.length);
        out.write(0xC3);
        out.write(0x28);
        out.write(0xFF);
        out.write(utf8, prefix.length, utf8.length - prefix.length);
        return out.toByteArray();
    }

    private String path(String pattern, Entry entry, String abused, String trick) {
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.equals(abused)) {
                value = trick;
            } else if (entry.pathValues.containsKey(name)) {
                value = entry.pathValues.get(name);
            } else if (m.group(2) != null) {
                value = m.group(2).split("\\|")[0];
            } else {
                value = "payments";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String describe(String value) {
        if (value == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(40).forEach(c -> out.append(c < 0x20 || c > 0x7e
                ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return value.length() > 40 ? out + "...(" + value.length() + " chars)" : out.toString();
    }

    /** Declares a body one byte over the service's limit and sends only its start (see {@link OversizedBodies}). */
    private Answer oversized(Attack attack) {
        long limit = context.getBeansOfType(org.springframework.boot.web.servlet.FilterRegistrationBean.class).values()
                .stream().map(org.springframework.boot.web.servlet.FilterRegistrationBean::getFilter)
                .filter(dev.greenlight.platform.web.BodySizeLimit.class::isInstance)
                .map(f -> ((dev.greenlight.platform.web.BodySizeLimit) f).limit().toBytes()).findFirst()
                .orElseThrow(() -> new AssertionError("no BodySizeLimit filter registered"));
        String bearer = attack.authorization() == null ? null : attack.authorization().substring("Bearer ".length());
        String status = OversizedBodies.declared(port, attack.method(), attack.path(), bearer, attack.contentType(),
                limit + 1);
        return new Answer(Integer.parseInt(status.substring(9, 12)), status);
    }

    Answer send(Attack attack) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder()
                    .append(attack.method()).append(' ').append(attack.path()).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\nConnection: close\r\nAccept: application/json, */*\r\n");
            if (attack.authorization() != null) {
                head.append("Authorization: ").append(attack.authorization()).append("\r\n");
            }
            head.append(attack.extraHeaders());
            if (attack.body() != null) {
                head.append(entries.get(attack.endpoint()).signer.apply(attack.body()));
                head.append("Content-Type: ").append(attack.contentType()).append("\r\n")
                        .append("Content-Length: ").append(attack.body().length).append("\r\n");
            }
            head.append("\r\n");
            try {
                out.write(head.toString().getBytes(StandardCharsets.UTF_8));
                if (attack.body() != null) {
                    out.write(attack.body());
                }
                out.flush();
            } catch (java.net.SocketException closed) {
                // Refused before the body was all sent: the answer is what counts.
            }
            byte[] answer = readAll(socket.getInputStream());
            String text = new String(answer, StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 ")) {
                return new Answer(599, "no HTTP answer: " + text);
            }
            return new Answer(Integer.parseInt(text.substring(9, 12)), text);
        } catch (SocketTimeoutException e) {
            return new Answer(598, "no answer within 60 s");
        } catch (IOException e) {
            throw new UncheckedIOException(attack.endpoint() + " [" + attack.what() + "]", e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0 && out.size() < 1_000_000; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // The server answered and closed without reading the whole body: keep what was answered.
        }
        return out.toByteArray();
    }

    /** The end offset of every partition of every catalogue topic that exists. */
    private Map<TopicPartition, Long> endOffsets() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "hostile-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Set<String> existing = consumer.listTopics().keySet();
            List<TopicPartition> partitions = new ArrayList<>();
            for (Topic<?> topic : Topics.all()) {
                if (existing.contains(topic.name())) {
                    consumer.partitionsFor(topic.name())
                            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            Map<TopicPartition, Long> ends = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            ends.putAll(consumer.endOffsets(partitions));
            return ends;
        }
    }

    /** For tests of the corpus itself: the endpoints as a sorted set. */
    static Set<String> keys(ApplicationContext context) {
        return new TreeSet<>(endpoints(context).keySet());
    }
}
