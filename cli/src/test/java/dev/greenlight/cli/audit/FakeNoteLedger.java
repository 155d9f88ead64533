package dev.greenlight.cli.audit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.greenlight.ledger.verify.Checkpoint;
import dev.greenlight.ledger.verify.CheckpointNote;
import dev.greenlight.ledger.verify.CheckpointNoteSigner;
import dev.greenlight.ledger.verify.CheckpointSigner;
import dev.greenlight.ledger.verify.Cosignatures;
import dev.greenlight.ledger.verify.Entry;
import dev.greenlight.ledger.verify.EntryEncoding;
import dev.greenlight.ledger.verify.LedgerJson;
import dev.greenlight.ledger.verify.MerkleTree;
import dev.greenlight.ledger.verify.NoteKey;
import dev.greenlight.ledger.verify.NoteSignature;
import dev.greenlight.ledger.verify.PartitionHead;
import dev.greenlight.ledger.verify.Sha256;
import dev.greenlight.ledger.verify.SignedNote;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in audit-ledger for the checkpoint, consistency and witness commands: a real two-partition
 * ledger (entries, checkpoints, export) signed with a real key, serving the checkpoint note, consistency
 * proofs and a cosignature door that, like the service, records only cosignatures that verify over a
 * note it signed. {@link #rewrite} replaces its history with another one signed by the same key: what
 * an operator holding the key could do.
 */
final class FakeNoteLedger implements AutoCloseable {

    static final String ORIGIN = "greenlight.test/ledger";

    final KeyPair keys;
    final List<String> submissions = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private volatile History history;
    /** Accepted cosignatures with the note text each one signs. */
    private final List<java.util.Map.Entry<String, NoteSignature>> cosignatures = new CopyOnWriteArrayList<>();

    FakeNoteLedger(KeyPair keys) throws IOException {
        this.keys = keys;
        this.history = new History(keys, "a");
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    NoteKey noteKey() {
        return NoteKey.of(ORIGIN, NoteKey.ED25519, keys.getPublic());
    }

    /** Appends {@code count} entries and signs a checkpoint over them. */
    FakeNoteLedger grow(int count) {
        history.append(count);
        history.checkpoint();
        return this;
    }

    /** Another history of {@code size} entries, same key. */
    FakeNoteLedger rewrite(String flavour, int size) {
        History other = new History(keys, flavour);
        other.append(size);
        other.checkpoint();
        history = other;
        return this;
    }

    SignedNote latest() {
        SignedNote note = history.note();
        for (java.util.Map.Entry<String, NoteSignature> cosignature : cosignatures) {
            if (cosignature.getKey().equals(note.text())) {
                note = note.with(cosignature.getValue());
            }
        }
        return note;
    }

    Path export(Path file) throws IOException {
        return history.export(file);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        try {
            if (path.equals("/api/v1/ledger/public-key")) {
                reply(exchange, 200, "{\"publicKey\":\"" + publicKey() + "\"}");
            } else if (path.equals("/api/v1/ledger/checkpoint")) {
                reply(exchange, 200, latest().serialize());
            } else if (path.equals("/api/v1/ledger/checkpoint/consistency")) {
                long from = Long.parseLong(query.replace("from=", ""));
                long size = history.leaves.size();
                if (from > size) {
                    reply(exchange, 400, "{\"status\":400,\"detail\":\"from: need 0 <= from <= " + size + "\"}");
                    return;
                }
                ObjectNode answer = LedgerJson.MAPPER.createObjectNode().put("from", from).put("to", size);
                answer.set("path", LedgerJson.hashes(from == 0 || from == size ? List.of()
                        : MerkleTree.consistencyProof(history.leaves, from, size)));
                answer.put("checkpoint", latest().serialize());
                reply(exchange, 200, answer.toString());
            } else if (path.equals("/api/v1/ledger/checkpoint/cosignatures")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                submissions.add(body);
                JsonNode json = LedgerJson.MAPPER.readTree(body);
                NoteKey witness = NoteKey.parse(json.get("witnessKey").asString());
                NoteSignature line = NoteSignature.parse(json.get("cosignature").asString());
                String text = json.get("checkpoint").asString();
                if (!text.equals(history.note().text())
                        || Cosignatures.verify(witness, text, line).isEmpty()) {
                    reply(exchange, 400, "{\"status\":400,\"detail\":\"cosignature: does not verify\"}");
                    return;
                }
                cosignatures.add(java.util.Map.entry(text, line));
                reply(exchange, 201, "{\"recorded\":true}");
            } else {
                reply(exchange, 404, "{\"status\":404}");
            }
        } catch (RuntimeException e) {
            reply(exchange, 500, "{\"status\":500,\"detail\":\"" + e + "\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One ledger history: chains, checkpoints and the leaf hashes in tree order. */
    private static final class History {

        final List<List<Entry>> chains = List.of(new ArrayList<>(), new ArrayList<>());
        final List<Checkpoint> checkpoints = new ArrayList<>();
        final List<byte[]> leaves = new ArrayList<>();
        final CheckpointSigner signer;
        final CheckpointNoteSigner notes;
        final String flavour;

        History(KeyPair keys, String flavour) {
            this.signer = new CheckpointSigner(keys, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
            this.notes = new CheckpointNoteSigner(ORIGIN, keys);
            this.flavour = flavour;
        }

        void append(int count) {
            for (int i = 0; i < count; i++) {
                int partition = (chains.get(0).size() + chains.get(1).size()) % 2;
                List<Entry> chain = chains.get(partition);
                byte[] previous = chain.isEmpty() ? new byte[32] : chain.get(chain.size() - 1).entryHash();
                byte[] body = (flavour + "-" + partition + "-" + chain.size()).getBytes(StandardCharsets.UTF_8);
                byte[] payload = new byte[5 + body.length];
                payload[4] = 1;
                System.arraycopy(body, 0, payload, 5, body.length);
                Entry draft = new Entry(partition, chain.size(), previous, new byte[32],
                        Instant.parse("2026-12-01T00:00:00Z").plusMillis(chain.size()),
                        "e-" + partition + "-" + chain.size(), "svc", "ict-qm", "greenlight.approvals", partition,
                        chain.size(), "src-" + partition + "-" + chain.size(), "dev.greenlight.events.ApprovalGranted",
                        1, payload, Sha256.of(payload));
                chain.add(new Entry(partition, chain.size(), previous, EntryEncoding.hash(draft), draft.recordedAt(),
                        draft.entryId(), draft.principal(), draft.target(), draft.sourceTopic(),
                        draft.sourcePartition(), draft.sourceOffset(), draft.sourceEventId(), draft.eventType(), 1,
                        payload, draft.payloadSha256()));
            }
        }

        void checkpoint() {
            long[] covered = {-1, -1};
            if (!checkpoints.isEmpty()) {
                for (PartitionHead head : checkpoints.get(checkpoints.size() - 1).heads()) {
                    covered[head.partition()] = head.sequence();
                }
            }
            List<PartitionHead> heads = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                List<Entry> chain = chains.get(p);
                for (long s = covered[p] + 1; s < chain.size(); s++) {
                    leaves.add(MerkleTree.leafHash(chain.get((int) s).entryHash()));
                }
                heads.add(chain.isEmpty() ? new PartitionHead(p, -1, new byte[32])
                        : new PartitionHead(p, chain.size() - 1, chain.get(chain.size() - 1).entryHash()));
            }
            checkpoints.add(signer.sign(leaves.size(), MerkleTree.root(leaves), heads));
        }

        SignedNote note() {
            Checkpoint latest = checkpoints.get(checkpoints.size() - 1);
            SignedNote note = notes.sign(latest);
            if (!CheckpointNote.parse(note.text()).states(latest)) {
                throw new IllegalStateException("note does not state its checkpoint");
            }
            return note;
        }

        Path export(Path file) throws IOException {
            List<String> lines = new ArrayList<>();
            lines.add("{\"type\":\"header\",\"format\":\"greenlight-ledger-export/v1\",\"scope\":\"ledger\","
                    + "\"partitions\":2}");
            for (List<Entry> chain : chains) {
                for (Entry entry : chain) {
                    lines.add(LedgerJson.MAPPER.createObjectNode().put("type", "entry")
                            .setAll(LedgerJson.entry(entry)).toString());
                }
            }
            for (Checkpoint checkpoint : checkpoints) {
                lines.add(LedgerJson.MAPPER.createObjectNode().put("type", "checkpoint")
                        .setAll(LedgerJson.checkpoint(checkpoint)).toString());
            }
            return Files.write(file, lines);
        }
    }
}
