package dev.greenlight.ledger.web;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One page of a ledger query.
 *
 * @param page  zero-based page number
 * @param size  page size asked for
 * @param total entries matching the query
 * @param items the entries of this page, in the export's JSON form
 */
record EntryPage(int page, int size, long total, List<ObjectNode> items) {
}
