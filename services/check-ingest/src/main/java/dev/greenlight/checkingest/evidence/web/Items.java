package dev.greenlight.checkingest.evidence.web;

import dev.greenlight.checkingest.evidence.application.Batch;
import dev.greenlight.checkingest.release.domain.InvalidFieldException;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** A request body that is either one item or an array of items. */
final class Items {

    private Items() {
    }

    static <T> Batch<T> read(JsonNode body, int maxItems, Function<JsonFields, T> item) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new InvalidFieldException("body", "is required");
        }
        boolean array = body.isArray();
        int size = array ? body.size() : 1;
        if (size > maxItems) {
            throw new InvalidFieldException("items", "must hold at most " + maxItems + " items but held " + size);
        }
        return Batch.build(array, size, i -> item.apply(new JsonFields(array ? body.get(i) : body)));
    }
}
