package dev.greenlight.ledger.replay.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Names, for humans, the fields in which two events differ. The verdict itself is the byte
 * comparison; this only explains it. Lists of records that have a {@code name} (criteria) are
 * matched by name, so a changed criterion reads {@code criteria[audit-approval].status} rather than
 * an index that shifts when a criterion is added.
 */
final class DecisionDiff {

    private DecisionDiff() {
    }

    static List<String> differences(IndexedRecord recorded, IndexedRecord replayed) {
        List<String> out = new ArrayList<>();
        record("", recorded, replayed, out);
        return out;
    }

    private static void record(String path, IndexedRecord recorded, IndexedRecord replayed, List<String> out) {
        for (Schema.Field field : recorded.getSchema().getFields()) {
            value(path + field.name(), recorded.get(field.pos()), replayed.get(field.pos()), out);
        }
    }

    private static void value(String path, Object recorded, Object replayed, List<String> out) {
        if (Objects.equals(recorded, replayed)) {
            return;
        }
        if (recorded instanceof IndexedRecord a && replayed instanceof IndexedRecord b
                && a.getSchema().equals(b.getSchema())) {
            record(path + ".", a, b, out);
        } else if (recorded instanceof List<?> a && replayed instanceof List<?> b && named(a) && named(b)) {
            int before = out.size();
            Map<String, IndexedRecord> left = byName(a);
            Map<String, IndexedRecord> right = byName(b);
            for (Map.Entry<String, IndexedRecord> entry : left.entrySet()) {
                IndexedRecord other = right.get(entry.getKey());
                String itemPath = path + "[" + entry.getKey() + "]";
                if (other == null) {
                    out.add(itemPath + ": recorded, not replayed");
                } else {
                    record(itemPath + ".", entry.getValue(), other, out);
                }
            }
            right.keySet().stream().filter(name -> !left.containsKey(name))
                    .forEach(name -> out.add(path + "[" + name + "]: replayed, not recorded"));
            if (out.size() == before) {
                out.add(path + ": same items, different order or repetition");
            }
        } else {
            out.add(path + ": recorded " + recorded + ", replayed " + replayed);
        }
    }

    private static boolean named(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(item -> item instanceof IndexedRecord r
                && r.getSchema().getField("name") != null);
    }

    private static Map<String, IndexedRecord> byName(List<?> list) {
        Map<String, IndexedRecord> byName = new LinkedHashMap<>();
        for (Object item : list) {
            IndexedRecord record = (IndexedRecord) item;
            byName.putIfAbsent(String.valueOf(record.get(record.getSchema().getField("name").pos())), record);
        }
        return byName;
    }
}
