package dev.greenlight.ledger.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of entries, checkpoints and proofs, shared by the REST API and the JSON Lines export
 * (docs/ledger.md, "Export format"): hashes as lower-case hex, payloads and signatures as base64,
 * instants as epoch milliseconds, so values round-trip exactly into the hashed encoding.
 */
public final class LedgerJson {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private LedgerJson() {
    }

    public static ObjectNode entry(Entry entry) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ledgerPartition", entry.ledgerPartition());
        node.put("sequence", entry.sequence());
        node.put("previousHash", Sha256.hex(entry.previousHash()));
        node.put("entryHash", Sha256.hex(entry.entryHash()));
        node.put("recordedAt", entry.recordedAt().toEpochMilli());
        node.put("entryId", entry.entryId());
        node.put("principal", entry.principal());
        node.put("target", entry.target());
        node.put("sourceTopic", entry.sourceTopic());
        node.put("sourcePartition", entry.sourcePartition());
        node.put("sourceOffset", entry.sourceOffset());
        node.put("sourceEventId", entry.sourceEventId());
        node.put("eventType", entry.eventType());
        node.put("schemaId", entry.schemaId());
        node.put("payload", Base64.getEncoder().encodeToString(entry.payload()));
        node.put("payloadSha256", Sha256.hex(entry.payloadSha256()));
        if (entry.reason() != null) {
            node.put("reason", entry.reason());
        }
        return node;
    }

    public static Entry entry(JsonNode node) {
        return new Entry(node.get("ledgerPartition").asInt(), node.get("sequence").asLong(),
                hex(node, "previousHash"), hex(node, "entryHash"),
                Instant.ofEpochMilli(node.get("recordedAt").asLong()), text(node, "entryId"), text(node, "principal"),
                text(node, "target"), text(node, "sourceTopic"), node.get("sourcePartition").asInt(),
                node.get("sourceOffset").asLong(), text(node, "sourceEventId"), text(node, "eventType"),
                node.get("schemaId").asInt(), Base64.getDecoder().decode(text(node, "payload")),
                hex(node, "payloadSha256"), node.hasNonNull("reason") ? node.get("reason").asString() : null);
    }

    public static ObjectNode checkpoint(Checkpoint checkpoint) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("treeSize", checkpoint.treeSize());
        node.put("rootHash", Sha256.hex(checkpoint.rootHash()));
        ArrayNode heads = node.putArray("partitionHeads");
        for (PartitionHead head : checkpoint.heads()) {
            heads.addObject().put("partition", head.partition()).put("sequence", head.sequence())
                    .put("hash", Sha256.hex(head.hash()));
        }
        node.put("signedAt", checkpoint.signedAt().toEpochMilli());
        node.put("publicKeyId", checkpoint.keyId());
        node.put("signature", Base64.getEncoder().encodeToString(checkpoint.signature()));
        return node;
    }

    public static Checkpoint checkpoint(JsonNode node) {
        List<PartitionHead> heads = new ArrayList<>();
        for (JsonNode head : node.get("partitionHeads")) {
            heads.add(new PartitionHead(head.get("partition").asInt(), head.get("sequence").asLong(),
                    hex(head, "hash")));
        }
        return new Checkpoint(node.get("treeSize").asLong(), hex(node, "rootHash"), heads,
                Instant.ofEpochMilli(node.get("signedAt").asLong()), text(node, "publicKeyId"),
                Base64.getDecoder().decode(text(node, "signature")));
    }

    public static ObjectNode proof(InclusionProof proof) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("leafIndex", proof.leafIndex());
        node.put("treeSize", proof.treeSize());
        node.set("path", hashes(proof.path()));
        return node;
    }

    public static InclusionProof proof(JsonNode node) {
        List<byte[]> path = new ArrayList<>();
        for (JsonNode hash : node.get("path")) {
            path.add(Sha256.unhex(hash.asString()));
        }
        return new InclusionProof(node.get("leafIndex").asLong(), node.get("treeSize").asLong(), path);
    }

    public static ArrayNode hashes(List<byte[]> hashes) {
        ArrayNode array = MAPPER.createArrayNode();
        hashes.forEach(hash -> array.add(Sha256.hex(hash)));
        return array;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value.asString();
    }

    private static byte[] hex(JsonNode node, String field) {
        return Sha256.unhex(text(node, field));
    }
}
