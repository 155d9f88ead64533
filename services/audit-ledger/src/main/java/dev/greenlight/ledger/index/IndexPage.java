package dev.greenlight.ledger.index;

import dev.greenlight.ledger.verify.Entry;
import java.util.List;

/**
 * One page of an index query.
 *
 * @param total entries matching the query on all pages
 * @param items this page's entries in ledger time order (recordedAt, ledger partition, sequence)
 */
public record IndexPage(long total, List<Entry> items) {
}
