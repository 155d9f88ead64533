package dev.greenlight.cli.stack;

import dev.greenlight.platform.topics.KafkaUser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The local stack's Kafka passwords: one per {@link KafkaUser} plus the broker's own
 * {@value #ADMIN} (its only super user). Generated at random into
 * {@code <data-dir>/kafka-credentials.properties} on the first start, readable by the owner only,
 * and reused on every later start, so {@code greenlight follow} and tests can log in as a
 * principal by reading the same file. Format: one {@code <user>=<password>} line per user.
 *
 * <p>Services and deployers log in with SASL/SCRAM-SHA-512 (credentials stored in the cluster
 * metadata); the administrator logs in with SASL/PLAIN against the broker's own configuration, so
 * it exists before any SCRAM credential does and on data directories formatted before security.
 */
public final class KafkaCredentials {

    public static final String FILE_NAME = "kafka-credentials.properties";
    /** The broker's own principal and the cluster's only super user. */
    public static final String ADMIN = "admin";
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";
    static final String ADMIN_MECHANISM = "PLAIN";
    static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";

    /** Safe inside a JAAS option string: no quotes, backslashes, semicolons or spaces. */
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{16,}");
    /** What a JAAS option value in double quotes can carry literally. */
    private static final Pattern JAAS_SAFE = Pattern.compile("[^\"\\\\\\p{Cntrl}]+");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final Map<String, String> passwords;

    private KafkaCredentials(Path file, Map<String, String> passwords) {
        this.file = file;
        this.passwords = Map.copyOf(passwords);
    }

    /** Where the local stack keeps them in {@code dataDir}. */
    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * Reads the file in {@code dataDir}, creating it, or adding users it lacks, with fresh random
     * passwords; passwords already there are kept.
     */
    public static KafkaCredentials loadOrGenerate(Path dataDir) {
        Path file = file(dataDir);
        Map<String, String> passwords = Files.exists(file) ? read(file) : new TreeMap<>();
        SecureRandom random = new SecureRandom();
        boolean added = false;
        for (String user : users()) {
            if (!passwords.containsKey(user)) {
                passwords.put(user, generate(random));
                added = true;
            }
        }
        if (added) {
            write(file, passwords);
        }
        return new KafkaCredentials(file, passwords);
    }

    /**
     * Reads an existing file.
     *
     * @throws IllegalStateException if it does not exist or a password is malformed
     */
    public static KafkaCredentials load(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalStateException("no Kafka credentials at " + file
                    + " (./greenlight up creates them on its first start)");
        }
        return new KafkaCredentials(file, read(file));
    }

    /**
     * The passwords of a production cluster, one Docker secret per principal: {@code <dir>/kafka-<user>}
     * holds that user's password alone (so each service is given its own and no other), as
     * {@code greenlight cluster secrets} writes them and docker-compose.yml mounts them.
     */
    public static KafkaCredentials fromSecretFiles(Path dir) {
        Map<String, String> passwords = new TreeMap<>();
        for (String user : users()) {
            Path file = dir.resolve(secretFileName(user));
            if (!Files.exists(file)) {
                throw new IllegalStateException("no Kafka password for " + user + " at " + file
                        + " (greenlight cluster secrets writes them)");
            }
            String value;
            try {
                value = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            if (!PASSWORD.matcher(value).matches()) {
                throw new IllegalStateException("Kafka password in " + file + " must be 16 or more of A-Z a-z 0-9 _ -");
            }
            passwords.put(user, value);
        }
        return new KafkaCredentials(dir, passwords);
    }

    /**
     * Writes a new random password file {@code <dir>/kafka-<user>} (owner-only) for every principal
     * that has none; existing files are kept.
     *
     * @return the files written
     */
    public static List<Path> writeSecretFiles(Path dir) {
        SecureRandom random = new SecureRandom();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (String user : users()) {
                Path file = dir.resolve(secretFileName(user));
                if (Files.exists(file)) {
                    continue;
                }
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, generate(random), StandardCharsets.UTF_8);
                written.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kafka password files in " + dir, e);
        }
        return written;
    }

    /** {@code kafka-<user>}: the secret holding one principal's password. */
    public static String secretFileName(String user) {
        return "kafka-" + user;
    }

    public Path file() {
        return file;
    }

    /**
     * @throws IllegalStateException if the file has no password for {@code user}
     */
    public String password(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalStateException("no Kafka password for " + user + " in " + file);
        }
        return password;
    }

    /** Client properties logging in as {@code user} (SCRAM), or as the super user for {@value #ADMIN} (PLAIN). */
    public Map<String, Object> clientProperties(String user) {
        return user.equals(ADMIN) ? login(ADMIN_MECHANISM, ADMIN, password(ADMIN))
                : scramLogin(user, password(user));
    }

    /** Client properties of {@code user}'s principal. */
    public Map<String, Object> clientProperties(KafkaUser user) {
        return clientProperties(user.userName());
    }

    /** Client properties of the super user: for the stack's own set-up, and tests reading as an operator. */
    public Map<String, Object> adminProperties() {
        return clientProperties(ADMIN);
    }

    /** SASL/SCRAM over the local stack's plaintext listener, as {@code user} with {@code password}. */
    public static Map<String, Object> scramLogin(String user, String password) {
        return login(SCRAM_MECHANISM, user, password);
    }

    /** The broker-side JAAS entry of the PLAIN mechanism: it knows the super user and nobody else. */
    String plainServerJaas() {
        return jaas(ADMIN_MECHANISM, ADMIN, password(ADMIN)).replace(";",
                " user_" + ADMIN + "=\"" + password(ADMIN) + "\";");
    }

    private static Map<String, Object> login(String mechanism, String user, String password) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("security.protocol", SECURITY_PROTOCOL);
        properties.put("sasl.mechanism", mechanism);
        properties.put("sasl.jaas.config", jaas(mechanism, user, password));
        return properties;
    }

    private static String jaas(String mechanism, String user, String password) {
        if (!JAAS_SAFE.matcher(password).matches() || !JAAS_SAFE.matcher(user).matches()) {
            throw new IllegalStateException("Kafka user and password may not contain quotes, backslashes or"
                    + " control characters (user " + user + ")");
        }
        String module = mechanism.equals(ADMIN_MECHANISM) ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    private static List<String> users() {
        List<String> users = new ArrayList<>();
        users.add(ADMIN);
        for (KafkaUser user : KafkaUser.values()) {
            users.add(user.userName());
        }
        return users;
    }

    private static String generate(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kafka credentials " + file, e);
        }
        Map<String, String> passwords = new TreeMap<>();
        properties.forEach((user, password) -> {
            String value = String.valueOf(password).strip();
            if (!PASSWORD.matcher(value).matches()) {
                throw new IllegalStateException("Kafka password of " + user + " in " + file
                        + " must be 16 or more of A-Z a-z 0-9 _ -");
            }
            passwords.put(String.valueOf(user), value);
        });
        return passwords;
    }

    /** Written to a private temporary file, then moved into place: never readable by others, never half-written. */
    private static void write(Path file, Map<String, String> passwords) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write("# Kafka SASL credentials of the local Greenlight stack (user=password), generated by\n"
                        + "# ./greenlight up on its first start. Keep private; delete with the data directory.\n");
                for (Map.Entry<String, String> entry : new TreeMap<>(passwords).entrySet()) {
                    writer.write(entry.getKey() + "=" + entry.getValue() + "\n");
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kafka credentials " + file, e);
        }
    }
}
